/**
 * Search text handling shared by the prerender and the browser: one folding, written once, applied to
 * the query and to the text searched (in JavaScript for highlighting, and as the same mapping in SQL for
 * the haystack), so that a word typed one way finds it printed another way:
 * - full-width letters and digits (ＮＰＯ, ２０２０) and the ideographic space read as ASCII;
 * - half-width katakana (ｻﾛﾝ, ｶﾞ) read as full-width katakana, a sound mark joining its kana;
 * - hiragana reads as katakana (さろん finds サロン and the reverse);
 * - upper case reads as lower case.
 */

const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;
const HALFWIDTH_KANA_FIRST = 0xff61;
const HALFWIDTH_KANA_LAST = 0xff9f;
const HIRAGANA_FIRST = 0x3041;
const HIRAGANA_LAST = 0x3096;
const KANA_OFFSET = 0x60;
const VOICED = '\uff9e';
const SEMI_VOICED = '\uff9f';

/** One unit (no sound mark) as folded. */
function foldUnit(unit: string): string {
	const c = unit.charCodeAt(0);
	let ch = unit;
	if (c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST) ch = String.fromCharCode(c - FULLWIDTH_OFFSET);
	else if (c === 0x3000) ch = ' ';
	// A lone half-width sound mark becomes the spacing full-width one (゛ ゜), as NFKC would not.
	else if (unit === VOICED) ch = '\u309b';
	else if (unit === SEMI_VOICED) ch = '\u309c';
	else if (c >= HALFWIDTH_KANA_FIRST && c <= HALFWIDTH_KANA_LAST) ch = unit.normalize('NFKC');
	const k = ch.charCodeAt(0);
	if (ch.length === 1 && ((k >= HIRAGANA_FIRST && k <= HIRAGANA_LAST) || k === 0x309d || k === 0x309e)) ch = String.fromCharCode(k + KANA_OFFSET);
	const lower = ch.toLowerCase();
	return lower.length === 1 ? lower : ch;
}

/** A half-width kana and the sound mark after it as one full-width kana (ｶﾞ → ガ), or null. */
function composed(base: string, mark: string): string | null {
	if (mark !== VOICED && mark !== SEMI_VOICED) return null;
	const c = base.charCodeAt(0);
	if (c < HALFWIDTH_KANA_FIRST || c > HALFWIDTH_KANA_LAST) return null;
	const joined = (base + mark).normalize('NFKC');
	return joined.length === 1 ? joined : null;
}

/**
 * The folded text and, for each of its units, the index of the unit of the original it came from,
 * so that a match found in folded text marks the right characters of the original.
 */
export function foldWithOrigins(text: string): { folded: string; origins: number[] } {
	let folded = '';
	const origins: number[] = [];
	for (let k = 0; k < text.length; k++) {
		const pair = k + 1 < text.length ? composed(text[k], text[k + 1]) : null;
		const out = pair ?? foldUnit(text[k]);
		folded += out;
		for (let u = 0; u < out.length; u++) origins.push(k);
		if (pair) k++;
	}
	return { folded, origins };
}

export function fold(text: string): string {
	return foldWithOrigins(text).folded;
}

function range(first: number, last: number, shift = 0): string {
	let s = '';
	for (let c = first; c <= last; c++) s += String.fromCharCode(c + shift);
	return s;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The half-width kana that take a sound mark, with what they become. */
function soundMarkPairs(): [string, string][] {
	const pairs: [string, string][] = [];
	for (const base of range(HALFWIDTH_KANA_FIRST, HALFWIDTH_KANA_LAST))
		for (const mark of [VOICED, SEMI_VOICED]) {
			const joined = composed(base, mark);
			if (joined) pairs.push([base + mark, fold(joined)]);
		}
	return pairs;
}

/**
 * The same folding as a SQL expression over a column expression made of fixed identifiers (never user
 * input): lower() first, then the kana with a sound mark joined (replace), then one translate() for
 * every unit that maps to one unit. The table is built from fold() itself, so the two cannot differ.
 */
export function foldSql(expr: string): string {
	let sql = `lower(${expr})`;
	for (const [from, to] of soundMarkPairs()) sql = `replace(${sql}, ${quote(from)}, ${quote(to)})`;
	let from = '';
	let to = '';
	const units = range(FULLWIDTH_FIRST, FULLWIDTH_LAST) + '\u3000' + range(HALFWIDTH_KANA_FIRST, HALFWIDTH_KANA_LAST) + range(HIRAGANA_FIRST, HIRAGANA_LAST) + '\u309d\u309e';
	for (const u of units) {
		const f = foldUnit(u);
		if (f !== u && f.length === 1) {
			from += u;
			to += f;
		}
	}
	return `translate(${sql}, ${quote(from)}, ${quote(to)})`;
}

/** Particles that stand alone between words (の, を …): never the start of a word typed in kana. */
const PARTICLES = new Set(['の', 'を', 'に', 'が', 'は', 'と', 'で', 'へ', 'も', 'や']);
const KANA_RUN = /^[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff]+$/;
const LATIN_RUN = /^[a-z0-9]+$/;

/**
 * The segmenter splits a kana or Latin word it does not know (ケアラ → ケア|ラ, さろん → さ|ろ|ん); a run of
 * one script is one word for searching, so adjacent parts of the same such run are joined again, except
 * at a lone particle.
 */
function joinRuns(words: string[]): string[] {
	const out: string[] = [];
	let lastParticle = false;
	for (const w of words) {
		const last = out[out.length - 1];
		const particle = PARTICLES.has(w);
		if (last !== undefined && !particle && !lastParticle && ((KANA_RUN.test(last) && KANA_RUN.test(w)) || (LATIN_RUN.test(last) && LATIN_RUN.test(w)))) out[out.length - 1] = last + w;
		else out.push(w);
		lastParticle = particle;
	}
	return out;
}

const KANA_PARTICLE = /^[\u3041-\u309f]$/;

/**
 * Search terms from what the user typed: split at spaces, then at word boundaries (Intl.Segmenter, which
 * knows Japanese), keeping word-like parts and whole kana or Latin runs; each term is then folded. A lone
 * hiragana particle (の, を) is dropped when other terms remain. Every term must occur in the folded text,
 * as a substring: partial words match.
 */
export function searchTerms(query: string): string[] {
	const text = query.normalize('NFKC').toLowerCase().trim();
	if (!text) return [];
	const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
	const terms: string[] = [];
	for (const chunk of text.split(/\s+/)) {
		const words = joinRuns([...segmenter.segment(chunk)].filter((s) => s.isWordLike).map((s) => s.segment));
		const kept = words.filter((w) => !KANA_PARTICLE.test(w));
		terms.push(...(kept.length ? kept : words));
	}
	return [...new Set(terms.map(fold))].filter((t) => t.length > 0);
}

export interface TextPart {
	text: string;
	match: boolean;
}

/** Split text into plain and matching parts, for <mark> in markup (never HTML strings). */
export function highlightParts(text: string | null | undefined, terms: readonly string[]): TextPart[] {
	if (!text) return [];
	const { folded, origins } = foldWithOrigins(text);
	const hit = new Array<boolean>(text.length).fill(false);
	for (const term of terms) {
		if (!term) continue;
		let at = folded.indexOf(term);
		while (at >= 0) {
			// A folded unit stands for one unit of the original, or two (ｶﾞ → ガ): mark all it came from.
			for (let k = at; k < at + term.length; k++) for (let j = origins[k]; j < (origins[k + 1] ?? text.length); j++) hit[j] = true;
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
