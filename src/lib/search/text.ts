/**
 * Search text handling shared by the prerender and the browser: the same folding in JavaScript (for the
 * query and for highlighting) and in SQL (for the haystack), so a query typed in full-width or upper case
 * finds text printed the other way. Folding keeps one UTF-16 unit per unit, so positions found in folded
 * text are positions in the original text, which is what highlighting needs.
 */

const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;

/** Full-width ASCII → ASCII, ideographic space → space, then lower case; length is kept. */
export function fold(text: string): string {
	let out = '';
	for (const unit of text.split('')) {
		const c = unit.charCodeAt(0);
		let ch = unit;
		if (c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST) ch = String.fromCharCode(c - FULLWIDTH_OFFSET);
		else if (c === 0x3000) ch = ' ';
		const lower = ch.toLowerCase();
		out += lower.length === 1 ? lower : ch;
	}
	return out;
}

function range(first: number, last: number, shift = 0): string {
	let s = '';
	for (let c = first; c <= last; c++) s += String.fromCharCode(c + shift);
	return s;
}

/**
 * The same folding as a SQL expression over a column expression made of fixed identifiers (never user
 * input). DuckDB's lower() handles full-width letters; translate() then maps full-width ASCII to ASCII.
 */
export function foldSql(expr: string): string {
	const from = range(FULLWIDTH_FIRST, FULLWIDTH_LAST) + '\u3000';
	const to = range(FULLWIDTH_FIRST, FULLWIDTH_LAST, -FULLWIDTH_OFFSET) + ' ';
	const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
	return `translate(lower(${expr}), ${quote(from)}, ${quote(to)})`;
}

const KANA_PARTICLE = /^[\u3041-\u309f]$/;
const KATAKANA_RUN = /^[\u30a0-\u30ff\u31f0-\u31ff]+$/;
const LATIN_RUN = /^[a-z0-9]+$/;

/**
 * The segmenter splits a katakana or Latin word it does not know (ケアラ → ケア|ラ); a run of one script is
 * one word for searching, so adjacent parts of the same such run are joined again.
 */
function joinRuns(words: string[]): string[] {
	const out: string[] = [];
	for (const w of words) {
		const last = out[out.length - 1];
		if (last !== undefined && ((KATAKANA_RUN.test(last) && KATAKANA_RUN.test(w)) || (LATIN_RUN.test(last) && LATIN_RUN.test(w)))) out[out.length - 1] = last + w;
		else out.push(w);
	}
	return out;
}

/**
 * Search terms from what the user typed: split at spaces, then at word boundaries (Intl.Segmenter, which
 * knows Japanese), keeping word-like parts and whole katakana or Latin runs. A lone hiragana particle (の, を) is dropped when other terms
 * remain. Every term must occur in the text, as a substring: partial words match.
 */
export function searchTerms(query: string): string[] {
	const folded = fold(query.normalize('NFKC')).trim();
	if (!folded) return [];
	const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
	const terms: string[] = [];
	for (const chunk of folded.split(/\s+/)) {
		const words = joinRuns([...segmenter.segment(chunk)].filter((s) => s.isWordLike).map((s) => s.segment));
		const kept = words.filter((w) => !KANA_PARTICLE.test(w));
		terms.push(...(kept.length ? kept : words));
	}
	return [...new Set(terms)].filter((t) => t.length > 0);
}

export interface TextPart {
	text: string;
	match: boolean;
}

/** Split text into plain and matching parts, for <mark> in markup (never HTML strings). */
export function highlightParts(text: string | null | undefined, terms: readonly string[]): TextPart[] {
	if (!text) return [];
	const folded = fold(text);
	const hit = new Array<boolean>(text.length).fill(false);
	for (const term of terms) {
		if (!term) continue;
		let at = folded.indexOf(term);
		while (at >= 0) {
			for (let k = at; k < at + term.length; k++) hit[k] = true;
			at = folded.indexOf(term, at + 1);
		}
	}
	const parts: TextPart[] = [];
	for (let k = 0; k < text.length; k++) {
		const last = parts[parts.length - 1];
		if (last && last.match === hit[k]) last.text += text[k];
		else parts.push({ text: text[k], match: hit[k] });
	}
	return parts;
}
