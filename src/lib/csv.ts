/**
 * The one CSV writer of the site (SQL results and chart data alike). It writes what a spreadsheet
 * opens safely:
 * - a byte-order mark, so that Excel on Japanese Windows reads UTF-8 instead of Shift_JIS;
 * - fields quoted when they hold a comma, quote, line break or edge spaces; NULL as an empty field;
 * - text that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
 *   return; OWASP's CSV injection advice) gets a leading apostrophe, which spreadsheets show as text.
 *   Numbers are written as numbers: -5 stays -5, and text that is just a number ("-5", "+81") stays,
 *   since a spreadsheet reads it as that number, not as a formula.
 */
export type CsvValue = string | number | bigint | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The text of a cell as a spreadsheet will not evaluate it. */
export function neutralised(text: string): string {
	return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'string' ? neutralised(value) : String(value);
	return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: a header line and one line per row, CRLF line ends. */
export function toCsvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
	const lines = [header.map(csvField).join(',')];
	for (const row of rows) lines.push(row.map(csvField).join(','));
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
