import * as Plot from '@observablehq/plot';
import { BAND_ORDER, isInterim } from '../../queries/common';
import type { ChartPair } from '../../queries/chart-pairs';
import { BAND_COLOURS, OKABE_ITO, PROGRESS_COLOUR } from './palette';
import { categoryMargin, type ChartSpec } from './plot-render';

/**
 * The pair charts: target against result, one mark per target–result pair of the achievements table.
 * Achievement is the pair's ratio (result ÷ target, or target ÷ result where lower is better); 100% is
 * the target. An interim pair (a result before the target year) is progress, not a verdict: it is drawn
 * hollow in the neutral colour and never in a band's colour. A pair whose result says the work was not
 * carried out sits at 0. A pair without a ratio (a target of 0) cannot be placed: it is in the table.
 */

export type Outcome = (typeof BAND_ORDER)[number] | 'interim' | 'not_carried_out' | 'no_ratio';

export function outcomeOf(p: Pick<ChartPair, 'basis' | 'band' | 'result_status' | 'ratio'>): Outcome {
	if (isInterim(p)) return 'interim';
	if (p.result_status === 'not_carried_out') return 'not_carried_out';
	if (p.band && (BAND_ORDER as readonly string[]).includes(p.band)) return p.band as Outcome;
	return 'no_ratio';
}

/** Where a pair sits on the achievement axis, or null when it cannot be placed. */
export function achievementOf(p: ChartPair): number | null {
	if (p.ratio !== null) return p.ratio;
	return p.result_status === 'not_carried_out' ? 0 : null;
}

export const placeable = (p: ChartPair): boolean => achievementOf(p) !== null;

/** The colour of a pair's mark: its band for a final pair, the neutral colour for progress. */
export function outcomeColour(o: Outcome): string {
	if (o === 'interim' || o === 'no_ratio') return PROGRESS_COLOUR;
	if (o === 'not_carried_out') return BAND_COLOURS.not_achieved;
	return BAND_COLOURS[o];
}

export interface PairWords {
	title: string;
	/** the achievement axis */
	achievement: string;
	/** hover text of a pair (years, values, outcome) */
	hover: (p: ChartPair) => string;
	/** the row label of a pair on the target–result chart */
	rowLabel: (p: ChartPair) => string;
	bandLabel: (band: string) => string;
	/** the other axis: own grade (band) or common score */
	gradeAxis?: string;
	/** the line where the score equals the achievement */
	parity?: string;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** The achievement axis runs to the largest placed ratio, at least past the target and at most 300% (beyond is drawn at the edge; the table has the figure). */
function achievementDomain(pairs: readonly ChartPair[]): [number, number] {
	const max = Math.max(0, ...pairs.map((p) => achievementOf(p) ?? 0));
	return [0, Math.min(3, Math.max(1.2, Math.ceil(max * 10) / 10))];
}

const x = (p: ChartPair) => achievementOf(p);
const fillOf = (p: ChartPair) => (isInterim(p) ? 'white' : outcomeColour(outcomeOf(p)));
const strokeOf = (p: ChartPair) => (isInterim(p) ? PROGRESS_COLOUR : 'white');

/** Per theme: every pair of every initiative, an arrow from the target (100%) to where the result reached. */
export function targetResultSpec(pairs: readonly ChartPair[], w: PairWords): ChartSpec {
	const placed = pairs.filter(placeable);
	const labelOf = new Map(placed.map((p) => [p.achievement_id, w.rowLabel(p)]));
	const final = placed.filter((p) => !isInterim(p));
	const interim = placed.filter((p) => isInterim(p));
	const domain = achievementDomain(placed);
	const id = (p: ChartPair) => p.achievement_id;
	return (width) => {
		const { margin, fit } = categoryMargin([...labelOf.values()], width);
		return {
			width,
			height: placed.length * 24 + 64,
			marginLeft: margin,
			marginRight: 16,
			ariaLabel: w.title,
			x: { label: w.achievement, domain, clamp: true, grid: true, tickFormat: pct, ticks: Math.max(3, Math.floor((width - margin) / 70)) },
			y: { label: null, domain: placed.map(id), tickFormat: (k: string) => fit(labelOf.get(k) ?? k) },
			color: { type: 'identity' },
			marks: [
				Plot.ruleX([1], { stroke: '#333', strokeDasharray: '3,3' }),
				Plot.arrow(final, { x1: 1, x2: x, y: id, stroke: (p: ChartPair) => outcomeColour(outcomeOf(p)), headLength: 6, insetEnd: 5 }),
				Plot.arrow(interim, { x1: 1, x2: x, y: id, stroke: PROGRESS_COLOUR, strokeDasharray: '4,3', headLength: 6, insetEnd: 5 }),
				Plot.dot(placed, { x, y: id, r: 4.5, fill: fillOf, stroke: (p: ChartPair) => (isInterim(p) ? PROGRESS_COLOUR : outcomeColour(outcomeOf(p))), strokeWidth: 1.5, title: w.hover })
			]
		};
	};
}

/** Per municipality: the pairs of its graded initiatives, one row per common band of its own grade. */
export function gradeAchievementSpec(pairs: readonly ChartPair[], w: PairWords): ChartSpec {
	const placed = pairs.filter((p) => placeable(p) && p.grade_band !== null);
	const bands = BAND_ORDER.filter((b) => placed.some((p) => p.grade_band === b));
	const domain = achievementDomain(placed);
	return (width) => {
		const { margin } = categoryMargin(bands.map(w.bandLabel), width);
		return {
			width,
			height: bands.length * 72 + 56,
			marginLeft: margin,
			marginRight: 16,
			ariaLabel: w.title,
			x: { label: w.achievement, domain, clamp: true, grid: true, tickFormat: pct, ticks: Math.max(3, Math.floor((width - margin) / 70)) },
			fy: { label: w.gradeAxis, domain: bands, tickFormat: w.bandLabel },
			color: { type: 'identity' },
			marks: [
				Plot.frame({ stroke: '#ddd' }),
				// The crosswalk's thresholds (50, 75, 90%) and the target.
				Plot.ruleX([0.5, 0.75, 0.9], { stroke: '#aaa', strokeDasharray: '2,3' }),
				Plot.ruleX([1], { stroke: '#333' }),
				Plot.dot(placed, Plot.dodgeY('middle', { x, fy: 'grade_band', r: 5, fill: fillOf, stroke: strokeOf, strokeWidth: 1.5, title: w.hover }))
			]
		};
	};
}

/** Municipalities in the order they first appear, each with its colour. */
export function municipalityColours(pairs: readonly ChartPair[]): Map<string, string> {
	const codes = [...new Set(pairs.map((p) => p.muni_code))];
	return new Map(codes.map((c, k) => [c, OKABE_ITO[k % OKABE_ITO.length]]));
}

/** On /grading: each pair of a graded initiative, its own grade's common score against its achievement. */
export function scoreAchievementSpec(pairs: readonly ChartPair[], w: PairWords): ChartSpec {
	const placed = pairs.filter((p) => placeable(p) && p.grade_score !== null);
	const colours = municipalityColours(placed);
	const colour = (p: ChartPair) => colours.get(p.muni_code) ?? OKABE_ITO[0];
	const domain = achievementDomain(placed);
	return (width) => ({
		width,
		height: Math.round(Math.min(480, Math.max(300, width * 0.7))),
		marginLeft: 48,
		marginRight: 16,
		ariaLabel: w.title,
		x: { label: w.achievement, domain, clamp: true, grid: true, tickFormat: pct, ticks: Math.max(3, Math.floor(width / 80)) },
		y: { label: w.gradeAxis, domain: [0, 1], grid: true },
		color: { type: 'identity' },
		marks: [
			// Above the line a pair's grade says more than its numbers reached.
			Plot.line([[0, 0], [1, 1]], { stroke: '#999', strokeDasharray: '4,4' }),
			Plot.text([[1, 1]], { text: [w.parity ?? ''], textAnchor: 'end', dx: -4, dy: -8, fill: '#555' }),
			Plot.ruleX([1], { stroke: '#333' }),
			Plot.dot(placed, {
				x,
				y: 'grade_score',
				r: 5,
				fill: (p: ChartPair) => (isInterim(p) ? 'white' : colour(p)),
				stroke: colour,
				strokeWidth: 1.5,
				fillOpacity: 0.85,
				title: w.hover
			})
		]
	});
}
