/**
 * What is wrong with a file a user brings, said so that they can find it in their own spreadsheet:
 * the sheet, the row and column as Excel numbers them, the value found and what was expected.
 * A file with any problem is refused whole: nothing of it is loaded.
 */
export interface ImportProblem {
	/** sheet name as in the workbook (or the CSV file name); null for the file as a whole */
	sheet: string | null;
	/** 1-based row number as the spreadsheet shows it; null for the whole sheet */
	row: number | null;
	/** column letter (A, B, …) or header; null for the whole row */
	column: string | null;
	/** the value found, as text ('' for an empty cell) */
	found: string | null;
	/** what was expected, in Japanese and English */
	expected: { ja: string; en: string };
}

export class ImportRefused extends Error {
	constructor(readonly problems: readonly ImportProblem[]) {
		super(problems.map((p) => problemText(p)).join('\n'));
		this.name = 'ImportRefused';
	}
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
	let s = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/** A → 0, AA → 26; null for anything that is not a column letter. */
export function columnIndex(letter: string): number | null {
	if (!/^[A-Z]{1,3}$/.test(letter)) return null;
	let n = 0;
	for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n - 1;
}

export function problemText(p: ImportProblem, lang: 'ja' | 'en' = 'en'): string {
	const where = [p.sheet, p.row !== null ? (lang === 'ja' ? `${p.row}行` : `row ${p.row}`) : null, p.column !== null ? (lang === 'ja' ? `${p.column}列` : `column ${p.column}`) : null]
		.filter(Boolean)
		.join(lang === 'ja' ? ' ' : ', ');
	const found = p.found === null ? '' : lang === 'ja' ? `（値：「${p.found}」）` : ` (found "${p.found}")`;
	return `${where ? `${where}: ` : ''}${p.expected[lang]}${found}`;
}

export function problem(sheet: string | null, row: number | null, column: string | null, found: unknown, ja: string, en: string): ImportProblem {
	return { sheet, row, column, found: found === undefined ? '' : found === null ? null : String(found), expected: { ja, en } };
}

/** Problems in order, each place and message once (a cell already refused is not refused again by the contract check). */
export function mergeProblems(...lists: (readonly ImportProblem[])[]): ImportProblem[] {
	const seen = new Set<string>();
	const out: ImportProblem[] = [];
	for (const p of lists.flat()) {
		const cell = `${p.sheet}|${p.row}|${p.column}`;
		if (p.row !== null && p.column !== null && seen.has(cell)) continue;
		seen.add(cell);
		out.push(p);
	}
	return out;
}
