import { fold, isJapaneseChar, tidy } from '../normalize/text';
import { COUNTING_UNIT, OCR_ONE_CLASS } from './vocabulary';

/**
 * The damage OCR leaves in scanned reports, told apart from real text: cells it could not read,
 * the digit 1 printed as a letter, a grading legend read into a row. Source text is kept as
 * printed; these only decide what is flagged and how numbers are read.
 */

/**
 * Text the OCR could not read: no Japanese at all (113 TK 3, 10 10 5 7 5 7 …), the same short piece
 * four times or more in a row (は は は は, といるのは、 といるのは、 …), or 【】 brackets that do not pair up.
 */
export function looksGarbled(text: string): boolean {
	const t = tidy(text);
	if (!t) return false;
	// A bare figure (100%, 1,200) has no Japanese either; letters or a run of loose numbers do not occur in real cells.
	if (![...t].some(isJapaneseChar) && (/[A-Za-z]/.test(t) || t.split(' ').length >= 4)) return true;
	for (const m of t.matchAll(/(\S{1,8}?)(?:\s*\1){3,}/gu)) {
		if ([...m[1]].some(isJapaneseChar)) return true;
	}
	const open = (t.match(/【/g) ?? []).length;
	const close = (t.match(/】/g) ?? []).length;
	return open !== close;
}

/** True when a cell is only a dash: the source's way of saying there is nothing to report. */
export function isDashOnly(text: string): boolean {
	return /^[\s_\-‐‑‒–—―−－ー]+$/.test(text);
}

/** An OCR'd 1 beside a digit or before a counting unit (I回, I 校; 1人でも多く is a phrase, not a count). */
const OCR_ONE = new RegExp(`(?<![A-Za-z])${OCR_ONE_CLASS}(?![A-Za-z])(?:\\s*(?=\\d)|(?=\\s*(?!人でも)${COUNTING_UNIT}))`, 'g');

/**
 * The text with an OCR'd digit 1 (printed I, l, |, Ⅰ) read as 1 where a number is meant: next to a
 * digit (I 2校 = 12校, Ⅰ75講座 = 175講座) or before a counting unit ((I回) = 1回). Only for reading
 * numbers: the source text itself is kept as printed.
 */
export function readOcrOnes(text: string): string {
	return text.replace(OCR_ONE, '1');
}

/** True when the cell is (after folding) one of the scheme's legend sentences, printed into a row by the OCR. */
export function isLegendText(text: string, definitions: readonly string[]): boolean {
	const key = (s: string) => fold(s).replace(/\s+/g, '');
	const t = key(text);
	return t.length > 0 && definitions.some((d) => key(d) === t);
}
