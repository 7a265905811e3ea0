/**
 * Colours readable by colour-blind readers: the Okabe–Ito palette for categories, and an ordered
 * blue-to-vermilion scale for the common bands (best to worst), which stays distinct under the common
 * forms of colour blindness.
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export const BAND_COLOURS: Record<string, string> = {
	achieved: '#0072B2',
	mostly_achieved: '#56B4E9',
	partly_achieved: '#E69F00',
	not_achieved: '#D55E00',
	none: '#999999'
};

/**
 * Interim progress (a result from before the target year) is no verdict, so it takes none of the
 * band colours: a neutral slate that reads as "on the way", neither good nor bad.
 */
export const PROGRESS_COLOUR = '#6f7f8c';

/**
 * A light-to-mid blue ramp for matrix cells (one hue: order is readable without colour vision). It
 * stops at 62% lightness so that the page's dark text keeps a contrast above 4.5:1 on every cell
 * (about 6:1 on the darkest), and no cell needs white text.
 */
export function ramp(t: number | null): string {
	if (t === null || Number.isNaN(t)) return 'transparent';
	const c = Math.max(0, Math.min(1, t));
	const l = 96 - c * 34;
	return `hsl(205 70% ${l}%)`;
}
