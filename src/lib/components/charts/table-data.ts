import { toCsvDocument } from '../../csv';

/** The rows of a chart as a table and as CSV: the chart's text alternative and its download. */
export interface ChartColumn {
	key: string;
	label: string;
	/** a ratio shown as a percentage in the table (the CSV keeps the ratio itself) */
	percent?: boolean;
	/** the column holds text as the source prints it (a grade such as Ａ): marked Japanese on English pages */
	sourceText?: boolean;
}

export type ChartRow = Record<string, string | number | null>;

/** The chart's rows as CSV, written by the site's one CSV writer. */
export function toCsv(columns: readonly ChartColumn[], rows: readonly ChartRow[]): string {
	return toCsvDocument(
		columns.map((c) => c.label),
		rows.map((r) => columns.map((c) => r[c.key] ?? null))
	);
}
