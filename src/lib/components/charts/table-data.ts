import { toCsvDocument } from '../../csv';

/** The rows of a chart as a table and as CSV: the chart's text alternative and its download. */
export interface ChartColumn {
	key: string;
	label: string;
}

export type ChartRow = Record<string, string | number | null>;

/** The chart's rows as CSV, written by the site's one CSV writer. */
export function toCsv(columns: readonly ChartColumn[], rows: readonly ChartRow[]): string {
	return toCsvDocument(
		columns.map((c) => c.label),
		rows.map((r) => columns.map((c) => r[c.key] ?? null))
	);
}

/** Offer text as a file download from the page itself (no server round trip). */
export function download(filename: string, type: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
