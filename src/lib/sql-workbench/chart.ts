import type { ColumnKind } from './cells';

/**
 * The quick chart of a result: which kind of chart and which columns, chosen from the result's
 * column types, and changeable by the user.
 *   text + number        → bar (one bar per category)
 *   two texts + number   → heatmap (cells coloured by the number)
 *   year or time + number → line (one line per category when there is a text column)
 *   two numbers          → dot
 *   text only            → bar of counts
 */
export type ChartKind = 'bar' | 'dot' | 'line' | 'heatmap';
export const CHART_KINDS: readonly ChartKind[] = ['bar', 'dot', 'line', 'heatmap'];

export interface ChartSpec {
	kind: ChartKind;
	x: string;
	/** null: count rows (bar only). */
	y: string | null;
	/** category for colour (bar, dot, line) or the number for the cell colour (heatmap). */
	color: string | null;
}

export interface ChartColumn {
	name: string;
	kind: ColumnKind;
}

const looksLikeYear = (name: string) => /(^|_)(year|fy|fiscal_year)$|年度|年$/i.test(name);

export function defaultChart(columns: readonly ChartColumn[]): ChartSpec | null {
	const texts = columns.filter((c) => c.kind === 'text' || c.kind === 'boolean').map((c) => c.name);
	const numbers = columns.filter((c) => c.kind === 'number').map((c) => c.name);
	const times = columns.filter((c) => c.kind === 'time' || (c.kind === 'number' && looksLikeYear(c.name))).map((c) => c.name);
	const values = numbers.filter((n) => !times.includes(n));
	if (times.length && values.length) return { kind: 'line', x: times[0], y: values[0], color: texts[0] ?? null };
	if (texts.length >= 2 && values.length) return { kind: 'heatmap', x: texts[0], y: texts[1], color: values[0] };
	if (texts.length && values.length) return { kind: 'bar', x: texts[0], y: values[0], color: null };
	if (numbers.length >= 2) return { kind: 'dot', x: numbers[0], y: numbers[1], color: texts[0] ?? null };
	if (texts.length) return { kind: 'bar', x: texts[0], y: null, color: null };
	return null;
}

/** Whether a spec can be drawn with these columns (the user may pick any combination). */
export function chartProblem(spec: ChartSpec, columns: readonly ChartColumn[]): 'missing' | null {
	const has = (n: string | null) => n !== null && columns.some((c) => c.name === n);
	if (!has(spec.x)) return 'missing';
	if (spec.kind === 'heatmap' && (!has(spec.y) || !has(spec.color))) return 'missing';
	if ((spec.kind === 'dot' || spec.kind === 'line') && !has(spec.y)) return 'missing';
	return null;
}
