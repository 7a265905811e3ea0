import { bigintReplacer, valueText, type Plain, type ResultColumn } from './cells';

/**
 * Downloads of a whole result (never the cut display). CSV starts with a byte-order mark so that
 * Excel on Japanese Windows reads it as UTF-8 instead of Shift_JIS; NULL is an empty field.
 */
const BOM = '\uFEFF';

export function csvField(text: string): string {
	return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly ResultColumn[], rowCount: number): string {
	const lines = [columns.map((c) => csvField(c.name)).join(',')];
	for (let r = 0; r < rowCount; r++) lines.push(columns.map((c) => csvField(valueText(c.get(r)))).join(','));
	return BOM + lines.join('\r\n') + '\r\n';
}

/**
 * An array of row objects; 64-bit integers beyond 2^53 are written as strings to keep every digit.
 * Keys are the unique names (x, x_1): an object cannot hold two values under one key.
 */
export function toJson(columns: readonly ResultColumn[], rowCount: number): string {
	const rows: Record<string, Plain>[] = [];
	for (let r = 0; r < rowCount; r++) {
		const row: Record<string, Plain> = {};
		for (const c of columns) row[c.key] = c.get(r);
		rows.push(row);
	}
	return JSON.stringify(rows, bigintReplacer, 1);
}

/** Offer bytes or text as a file download (a blob: URL, nothing leaves the machine). */
export function download(name: string, data: BlobPart, type: string): void {
	const url = URL.createObjectURL(new Blob([data], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
