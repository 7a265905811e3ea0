import { z } from 'zod';
import file from '../../../data/vocabulary.json';

/**
 * data/vocabulary.json, checked once: the units, department endings, repost marks and numerals that
 * the normalizers, the templates and achievement pairing all read, so each word is listed once.
 */
const Vocabulary = z.object({
	units: z.object({
		counting: z.array(z.string().min(1)).min(1),
		same: z.array(z.object({ pattern: z.string().min(1), unit: z.string().min(1) })),
		qualifiers_before: z.array(z.string().min(1)),
		qualifiers_after: z.array(z.string().min(1)),
		verbs_after: z.array(z.string().min(1))
	}),
	departments: z.object({ suffixes: z.array(z.string().min(1)).min(1), council: z.array(z.string().min(1)).min(1) }),
	repost: z.object({ word: z.string().min(1), open: z.string().min(1), close: z.string().min(1) }),
	numerals: z.object({ circled: z.string().min(1), ocr_one: z.string().min(1) })
});
export type Vocabulary = z.infer<typeof Vocabulary>;

export const VOCABULARY: Vocabulary = Vocabulary.parse(file);

/** A list of words as one regular-expression alternation, longest first (事業所 before 事業). */
export function alternation(words: readonly string[]): string {
	return [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp).join('|');
}

/** Characters as the inside of a regular-expression class. */
export function characterClass(chars: string): string {
	return chars.replace(/[\]\\^-]/g, '\\$&');
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** ① … ⑳ as a regular-expression class. */
export const CIRCLED_CLASS = `[${characterClass(VOCABULARY.numerals.circled)}]`;

/** The number a circled sign stands for (② → 2), null for any other text. */
export function circledNumber(sign: string): number | null {
	const k = [...VOCABULARY.numerals.circled].indexOf(sign);
	return k < 0 ? null : k + 1;
}

/** The look-alikes OCR prints for the digit 1 (I, l, |, Ⅰ …) as a regular-expression class. */
export const OCR_ONE_CLASS = `[${characterClass(VOCABULARY.numerals.ocr_one)}]`;

/** The counting units as one regular-expression group, longest first. */
export const COUNTING_UNIT = `(?:${alternation(VOCABULARY.units.counting)})`;
