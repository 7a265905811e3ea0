import * as Plot from '@observablehq/plot';
import { OKABE_ITO } from './palette';
import { categoryMargin, type ChartSpec } from './plot-render';
import type { ChartRow } from './table-data';

export interface BarOptions {
	title: string;
	rows: readonly ChartRow[];
	/** category on the vertical axis (already in the page's language) */
	y: string;
	/** number on the horizontal axis */
	x: string;
	xLabel: string;
	yLabel: string;
	/** optional category that splits each bar (stacked), in this order, with these colours */
	fill?: string;
	fillDomain?: readonly string[];
	fillColours?: readonly string[];
	percent?: boolean;
	/** hover text of a bar */
	label?: (row: ChartRow) => string;
}

/** Categories in the order of the rows. */
export const categoriesOf = (rows: readonly ChartRow[], key: string): string[] => [...new Set(rows.map((r) => String(r[key] ?? '')))];

/** Horizontal bars, one per category, optionally stacked by a second category. */
export function barSpec(o: BarOptions): ChartSpec {
	const categories = categoriesOf(o.rows, o.y);
	return (width) => {
		const { margin, fit } = categoryMargin(categories, width);
		const channels = { x: o.x, y: (r: ChartRow) => String(r[o.y] ?? ''), title: o.label };
		return {
			width,
			height: Math.max(90, categories.length * 28 + 56),
			marginLeft: margin,
			marginRight: 24,
			ariaLabel: o.title,
			x: { label: o.xLabel, grid: true, percent: o.percent, nice: true },
			y: { label: o.yLabel, domain: categories, tickFormat: fit, labelAnchor: 'top' },
			color: o.fill ? { domain: o.fillDomain ? [...o.fillDomain] : undefined, range: o.fillColours ? [...o.fillColours] : OKABE_ITO } : undefined,
			marks: [
				Plot.barX(o.rows, o.fill ? Plot.stackX({ ...channels, fill: o.fill, order: o.fillDomain ? [...o.fillDomain] : undefined }) : { ...channels, fill: OKABE_ITO[0] }),
				Plot.ruleX([0])
			]
		};
	};
}
