/**
 * The search index's keys: pairs of characters (bigrams) of the folded text (src/lib/search/text.ts),
 * each pair as one 32-bit number, so the index (search_grams) is two integer columns sorted by key and
 * DuckDB's zone maps skip every block but the key's. Written once for both sides: `gramsOfTextSql` is
 * what the pipeline (and the browser, over imported plans) indexes, `termKeys` what a search looks up.
 *
 * A character is its code point when it is in the Basic Multilingual Plane, else OTHER (every
 * Japanese character of the reports is in the BMP; 𠮷 and the like share one number, so a term with
 * one is checked against the text). The text is indexed with one space after it, so every character
 * of the text starts a pair: a term of one character is the range of keys that start with it.
 */
const OTHER = 0xffff;
const SHIFT = 0x10000;
/** Keys are stored as signed 32-bit INTEGER (the contract's type): the pair's number less 2^31, which keeps their order. */
const BIAS = 0x80000000;

const unit = (cp: number) => (cp < SHIFT ? cp : OTHER);

/** What to look up for one folded term: keys that must all be present, or one range; and whether that is the answer. */
export type TermKeys = { kind: 'all'; keys: number[]; exact: boolean } | { kind: 'range'; from: number; to: number; exact: boolean };

export function termKeys(term: string): TermKeys {
	// By code point, as DuckDB's string functions count characters.
	const cps = Array.from(term, (c) => c.codePointAt(0)!);
	const wide = cps.some((c) => c >= SHIFT);
	if (cps.length === 1) {
		const first = unit(cps[0]) * SHIFT - BIAS;
		return { kind: 'range', from: first, to: first + SHIFT - 1, exact: !wide };
	}
	const keys = new Set<number>();
	for (let k = 0; k + 1 < cps.length; k++) keys.add(unit(cps[k]) * SHIFT + unit(cps[k + 1]) - BIAS);
	// Two characters are one key: its documents are the term's. Longer terms need their pairs in order, which the text says.
	return { kind: 'all', keys: [...keys], exact: cps.length === 2 && !wide };
}

/**
 * One row per distinct (key, doc) of a SELECT of (doc, hay), hay being the folded text: the same keys
 * termKeys makes, computed in SQL over the whole text at once.
 */
export function gramsOfTextSql(docs: string): string {
	return `SELECT unnest(list_distinct(list_transform(range(1, len(u)), lambda k: (u[k] * ${SHIFT} + u[k + 1] - ${BIAS})::INTEGER))) AS gram, doc
		FROM (SELECT doc, list_transform(regexp_extract_all(hay || ' ', '(?s).'), lambda c: least(unicode(c), ${OTHER})::BIGINT) AS u FROM (${docs}))`;
}
