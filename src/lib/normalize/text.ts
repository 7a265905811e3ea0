/**
 * Text clean-up shared by every adapter. Source cells keep their own characters (raw_text is
 * never NFKC-folded); folding happens only where text is compared or numbers are read.
 */
import { OCR_ONE_CLASS } from '../template-kit/vocabulary';

const CJK = '\\u3000-\\u303f\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff01-\\uff60';
const CJK_CHAR = new RegExp(`[${CJK}]`);

/** Collapse runs of white space (including the ideographic space U+3000) into one ASCII space. */
export function tidy(text: string): string {
	return text.replace(/[\s\u3000]+/g, ' ').trim();
}

/** Unicode NFKC: full-width digits and Latin letters to ASCII, half-width kana to full-width. */
export function fold(text: string): string {
	return text.normalize('NFKC');
}

/** True when the character is Japanese (kana, kanji, or full-width punctuation). */
export function isJapaneseChar(ch: string): boolean {
	return CJK_CHAR.test(ch);
}

/**
 * Join lines that a PDF broke inside a cell. A break between Japanese characters is not a space
 * (災害ボランティ|アセンター), so nothing is inserted there; between two Latin words a space is kept.
 */
export function joinBrokenLines(lines: readonly string[]): string {
	let out = '';
	for (const raw of lines) {
		const piece = raw.replace(/[\s\u3000]+/g, ' ').trim();
		if (!piece) continue;
		if (!out) {
			out = piece;
			continue;
		}
		const last = out[out.length - 1];
		const first = piece[0];
		const glue = isJapaneseChar(last) || isJapaneseChar(first) ? '' : ' ';
		out += glue + piece;
	}
	return out;
}

/**
 * Remove the spaces a PDF left where it wrapped a short cell such as a name
 * (おもいやりのひ とかき運動, ボランティ アセンター). Only a space with Japanese on both sides goes;
 * use it for names, not for cells whose spaces separate quantities.
 */
export function unwrapName(text: string): string {
	const t = tidy(text);
	return t.replace(new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g'), '');
}

/**
 * unwrapName for a cell that may list items: a space before a bullet ・ stays, it starts an item
 * (サロン活動への支援 ・高齢者サロン); other wrap spaces go (地域子育て支援拠点にお ける → における).
 */
export function unwrapItems(text: string): string {
	return tidy(text).replace(new RegExp(`(?<=[${CJK}]) (?=[${CJK}])(?!・)`, 'g'), '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Stray HTML from the PDF converter (<ul><li>…) becomes plain text: list items and block ends become
 * line breaks, other tags vanish, entities are decoded. The result is text, never markup.
 */
export function htmlToText(text: string): string {
	if (!/[<&]/.test(text)) return text;
	return text
		.replace(/<\s*(li)\b[^>]*>/gi, '\n')
		.replace(/<\s*\/?\s*(ul|ol|p|div|br|tr|td|th|table)\b[^>]*>/gi, '\n')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, name: string) => {
			if (name[0] === '#') {
				const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
				return Number.isFinite(code) ? String.fromCodePoint(code) : m;
			}
			return ENTITIES[name.toLowerCase()] ?? m;
		})
		.split('\n')
		.map((l) => tidy(l))
		.filter(Boolean)
		.join('\n');
}

/** A cell with a stray-HTML list turned into its items, each tidied. */
export function htmlListItems(text: string): string[] {
	return htmlToText(text)
		.split('\n')
		.map((s) => s.trim())
		.filter(Boolean);
}

/** Cyrillic and Greek capitals that OCR puts where Latin letters were printed. */
const LOOKALIKES: Record<string, string> = {
	А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', І: 'I', К: 'K', М: 'M', О: 'O', Р: 'P', Т: 'T', Х: 'X',
	а: 'a', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x',
	Α: 'A', Β: 'B', Ε: 'E', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ο: 'O', Ρ: 'P', Τ: 'T', Χ: 'X'
};

/** NFKC, then Cyrillic/Greek look-alikes to Latin. For comparing and reading marks, not for display. */
export function foldLookalikes(text: string): string {
	return fold(text).replace(/[\u0370-\u03ff\u0400-\u04ff]/g, (ch) => LOOKALIKES[ch] ?? ch);
}

/**
 * Read a printed section number such as I-1, Ｉ－１, l-2 or 1 - 3, where OCR turned the digit 1 into
 * I, l or | (北本市). Returns digits joined by '-', or null when something else is in the way.
 */
const SECTION_NUMBER = new RegExp(`^(?:[0-9]|${OCR_ONE_CLASS})+(?:-(?:[0-9]|${OCR_ONE_CLASS})+)*$`);

export function readSectionNumber(text: string): string | null {
	const t = foldLookalikes(text)
		.replace(/[‐‑‒–—―−ー－]/g, '-')
		.replace(/\s+/g, '');
	if (!SECTION_NUMBER.test(t)) return null;
	return t.replace(new RegExp(OCR_ONE_CLASS, 'g'), '1');
}
