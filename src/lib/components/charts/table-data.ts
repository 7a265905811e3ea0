/** The rows of a chart as a table and as CSV: the chart's text alternative and its download. */
export interface ChartColumn {
	key: string;
	label: string;
}

export type ChartRow = Record<string, string | number | null>;

function csvCell(v: string | number | null): string {
	if (v === null || v === undefined) return '';
	const s = String(v);
	return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: readonly ChartColumn[], rows: readonly ChartRow[]): string {
	const lines = [columns.map((c) => csvCell(c.label)).join(',')];
	for (const r of rows) lines.push(columns.map((c) => csvCell(r[c.key] ?? null)).join(','));
	// A byte-order mark so that spreadsheet programs read the Japanese text as UTF-8.
	return '\ufeff' + lines.join('\r\n') + '\r\n';
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
