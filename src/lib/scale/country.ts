/**
 * Pages of the whole country (the overview, /grading, a theme) draw every plan: at national scale
 * (~1,741 plans) a chart of every municipality, the theme matrix or one crosswalk per grading scheme is
 * megabytes of HTML, and the same again in __data.json. Up to WHOLE_PAGES_UP_TO_PLANS plans (the five
 * published municipalities) every page is prerendered whole. Beyond, such a page is prerendered with
 * its figures, the first ROWS_PRERENDERED rows of its tables, and a loading state for its country-wide
 * charts and lists; the browser's answer to the same queries (DuckDB-wasm) draws the whole of it.
 * The per-prefecture pages list every municipality of their prefecture in full.
 */
export const WHOLE_PAGES_UP_TO_PLANS = 50;
export const ROWS_PRERENDERED = 200;

export function countryWide(plans: number): boolean {
	return plans > WHOLE_PAGES_UP_TO_PLANS;
}

/** A table's prerendered rows: all of them, or at national scale the first ROWS_PRERENDERED. */
export function firstRows<T>(rows: readonly T[], atScale: boolean): T[] {
	return atScale ? rows.slice(0, ROWS_PRERENDERED) : [...rows];
}
