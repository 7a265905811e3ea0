import * as Plot from '@observablehq/plot';
import type { ColumnKind } from './cells';
import { OKABE_ITO } from '../components/charts/palette';
import { categoryMargin, type ChartSpec as PlotSpec } from '../components/charts/plot-render';

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

/** A charted row: numbers as numbers, everything else as the grid's text. */
export type ChartDatum = Record<string, string | number | null>;

export interface QuickChartLabels {
	title: string;
	/** the axis label of a count of rows */
	count: string;
}

/** Distinct values in their natural order: the colour domain, so that the legend lists what Plot draws. */
export function colourDomain(data: readonly ChartDatum[], key: string): string[] {
	return [...new Set(data.map((r) => String(r[key] ?? '')))].sort((a, b) => a.localeCompare(b, 'ja', { numeric: true }));
}

/**
 * The Plot spec of a quick chart, drawn by the site's one chart component like every other chart.
 * Colours: Okabe–Ito for categories, viridis for the heatmap's cells (their values are written in).
 */
export function quickChartSpec(s: ChartSpec, data: readonly ChartDatum[], labels: QuickChartLabels): PlotSpec {
	const distinct = (key: string) => new Set(data.map((r) => r[key])).size;
	const texts = (key: string) => [...new Set(data.map((r) => String(r[key] ?? '')))];
	const color = s.color && s.kind !== 'heatmap' ? { domain: colourDomain(data, s.color), range: OKABE_ITO, type: 'categorical' as const } : undefined;
	const stroke = s.color ? (r: ChartDatum) => String(r[s.color!] ?? '') : OKABE_ITO[0];
	return (width) => {
		const common = { width, ariaLabel: labels.title };
		switch (s.kind) {
			case 'bar': {
				const { margin, fit } = categoryMargin(texts(s.x), width);
				const y = (r: ChartDatum) => String(r[s.x] ?? '');
				const bar = s.y
					? Plot.barX(data, { y, x: s.y, fill: stroke, sort: { y: null } })
					: Plot.barX(data, Plot.groupY({ x: 'count' }, { y, fill: stroke }));
				const height = Math.min(2400, 60 + distinct(s.x) * 24);
				return { ...common, height, marginLeft: margin, color, x: { label: s.y ?? labels.count, grid: true }, y: { label: s.x, labelAnchor: 'top', tickFormat: fit }, marks: [bar, Plot.ruleX([0])] };
			}
			case 'dot':
				return { ...common, color, x: { label: s.x, grid: true }, y: { label: s.y, grid: true }, marks: [Plot.dot(data, { x: s.x, y: s.y!, stroke })] };
			case 'line':
				return {
					...common,
					color,
					x: { label: s.x, tickFormat: (d: unknown) => String(d) },
					y: { label: s.y, grid: true },
					marks: [Plot.line(data, { x: s.x, y: s.y!, stroke, marker: true, sort: s.x })]
				};
			case 'heatmap': {
				const { margin, fit } = categoryMargin(texts(s.y!), width);
				// Rotated labels need room below in proportion to their length.
				const marginBottom = Math.min(220, 40 + Math.max(...texts(s.x).map((t) => t.length)) * 8);
				return {
					...common,
					width: Math.max(width, margin + distinct(s.x) * 28),
					height: Math.min(2400, marginBottom + 60 + distinct(s.y!) * 26),
					marginLeft: margin,
					marginBottom,
					color: { type: 'linear' as const, scheme: 'viridis' as const, label: s.color! },
					x: { label: s.x, tickRotate: -40 },
					y: { label: s.y, labelAnchor: 'top' as const, tickFormat: fit },
					marks: [
						Plot.cell(data, { x: s.x, y: s.y!, fill: s.color! }),
						Plot.text(data, { x: s.x, y: s.y!, text: s.color!, fill: 'white', stroke: 'black', strokeWidth: 2, paintOrder: 'stroke' })
					]
				};
			}
		}
	};
}
