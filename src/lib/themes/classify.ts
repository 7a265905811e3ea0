import { normalizeJa } from './normalize';
import { standingFactor, standingOf } from './context';
import type { Taxonomy, ThemeDef } from './taxonomy';

/** Where in an initiative a word was found; the order is the order evidence is written in. */
export const FIELDS = ['name', 'description', 'measure', 'goal'] as const;
export type Field = (typeof FIELDS)[number];

/**
 * How much a word says about the initiative depending on where it stands. The name is the
 * initiative's own summary; the description often lists target groups or neighbouring work;
 * the goal it sits under is shared with other initiatives, so it counts least and never
 * assigns a theme on its own (even a decisive word there stays below ASSIGN_AT).
 */
export const FIELD_WEIGHT: Record<Field, number> = { name: 1, description: 0.6, measure: 0.6, goal: 0.45 };

/** A theme is assigned when its confidence reaches this. */
export const ASSIGN_AT = 0.5;

/**
 * ...and when at least one signal is this strong on its own. Several passing mentions (a partner
 * here, an example there, the goal above) add up under the noisy-OR below, but none of them says
 * the initiative does the work; without one signal that does, the theme is not assigned.
 */
export const ANCHOR_AT = 0.4;

/** What a keyword's second field adds (its strongest field counts in full). */
export const CORROBORATION = 0.5;

/** The text of one initiative, as the classifier reads it. */
export interface InitiativeText {
	name: string;
	description: string | null;
	/** Titles of the goals it sits under, nearest first. */
	goals: readonly string[];
	/** Labels of its own measures (what is counted). */
	measures: readonly string[];
}

export interface ThemeMatch {
	field: Field;
	term: string;
}

export interface ThemeAssignment {
	theme_id: string;
	confidence: number;
	matches: ThemeMatch[];
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const KANJI_OR_KATAKANA = /[\u4e00-\u9fff\u30a0-\u30ff]/;
const HIRAGANA = /[\u3041-\u309f]/;
const DEPARTMENT_SUFFIX = /^[課係室]$/;

/**
 * Offsets where a word may start or end. Intl.Segmenter gives the word boundaries; a change
 * from kanji/katakana to hiragana is added because the segmenter sometimes glues a particle onto
 * a noun (災害|時に), and a keyword such as 災害時 must still end there.
 */
export function wordBoundaries(text: string): Set<number> {
	const out = new Set<number>([0, text.length]);
	for (const s of segmenter.segment(text)) {
		out.add(s.index);
		out.add(s.index + s.segment.length);
	}
	for (let i = 1; i < text.length; i++) {
		if (KANJI_OR_KATAKANA.test(text[i - 1]) && HIRAGANA.test(text[i])) out.add(i);
	}
	return out;
}

/** Every start offset of `term` in `text` that begins and ends on a word boundary and touches no masked phrase. */
function occurrences(part: PreparedText, term: string, masked: () => boolean[]): number[] {
	const { text } = part;
	const found: number[] = [];
	for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
		const bounds = boundsOf(part);
		if (!bounds.has(at) || !bounds.has(at + term.length)) continue;
		// Any overlap with a masked phrase: の周知 must not count inside 活動の周知・啓発 either.
		if (masked().slice(at, at + term.length).some(Boolean)) continue;
		// A department's name (子育て支援課, 健康づくり課) says who is in charge, not what is done.
		if (DEPARTMENT_SUFFIX.test(text[at + term.length] ?? '')) continue;
		found.push(at);
	}
	return found;
}

function maskOf(text: string, phrases: readonly string[]): boolean[] {
	const masked = new Array<boolean>(text.length).fill(false);
	for (const p of phrases) {
		for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
			for (let i = at; i < at + p.length; i++) masked[i] = true;
		}
	}
	return masked;
}

interface PreparedText {
	field: Field;
	/** Goals further up count less than the nearest one. */
	weight: number;
	text: string;
	/** Word boundaries, found the first time a keyword occurs in the text (boundsOf). */
	bounds: ReadonlySet<number> | null;
	/** The keywords of any theme that occur anywhere in the text (found in one pass, termsIn). */
	present: ReadonlySet<string>;
}

/**
 * Every keyword of a taxonomy, by its first character: one pass over a text finds which keywords
 * occur in it at all, so each theme looks only at those (most texts hold a few of the ~200 keywords;
 * searching each keyword in each text was most of an import's classification time).
 */
interface KeywordIndex {
	byFirst: ReadonlyMap<string, readonly string[]>;
	/** termsIn, remembered per text (goal titles and measure labels recur under many initiatives) */
	present: (text: string) => ReadonlySet<string>;
}
const keywordIndexes = new WeakMap<Taxonomy, KeywordIndex>();
function keywordIndex(taxonomy: Taxonomy): KeywordIndex {
	let index = keywordIndexes.get(taxonomy);
	if (!index) {
		const byFirst = new Map<string, string[]>();
		for (const term of new Set(taxonomy.themes.flatMap((t) => t.keywords.map((k) => k.term)))) {
			const list = byFirst.get(term[0]) ?? [];
			list.push(term);
			byFirst.set(term[0], list);
		}
		index = { byFirst, present: memo((text) => termsIn(text, byFirst)) };
		keywordIndexes.set(taxonomy, index);
	}
	return index;
}

/** The keywords that occur somewhere in the text (on a word boundary or not: occurrences decides that). */
function termsIn(text: string, byFirst: KeywordIndex['byFirst']): Set<string> {
	const found = new Set<string>();
	for (let i = 0; i < text.length; i++) {
		const terms = byFirst.get(text[i]);
		if (terms) for (const term of terms) if (text.startsWith(term, i)) found.add(term);
	}
	return found;
}

/**
 * A memo of what was worked out for each text seen recently. Goal titles and measure labels recur
 * under many initiatives (a national build reads each thousands of times); bounded, so a long run or
 * a browser tab does not keep every text. The values are never changed once made.
 */
function memo<T>(make: (text: string) => T, kept = 50_000): (text: string) => T {
	const seen = new Map<string, T>();
	return (text) => {
		let value = seen.get(text);
		if (value === undefined) {
			if (seen.size >= kept) seen.clear();
			value = make(text);
			seen.set(text, value);
		}
		return value;
	};
}
const normalizedOf = memo(normalizeJa);
const boundariesOf = memo(wordBoundaries);
const boundsOf = (part: PreparedText): ReadonlySet<number> => (part.bounds ??= boundariesOf(part.text));

function prepare(input: InitiativeText, index: KeywordIndex): PreparedText[] {
	const parts: { field: Field; weight: number; raw: string | null }[] = [
		{ field: 'name', weight: FIELD_WEIGHT.name, raw: input.name },
		{ field: 'description', weight: FIELD_WEIGHT.description, raw: input.description },
		...input.measures.map((m) => ({ field: 'measure' as const, weight: FIELD_WEIGHT.measure, raw: m })),
		...input.goals.map((g, i) => ({ field: 'goal' as const, weight: FIELD_WEIGHT.goal * (i === 0 ? 1 : 0.7), raw: g }))
	];
	return parts
		.filter((p): p is { field: Field; weight: number; raw: string } => !!p.raw && p.raw.trim() !== '')
		.map((p) => {
			const text = normalizedOf(p.raw);
			return { field: p.field, weight: p.weight, text, bounds: null, present: index.present(text) };
		});
}

/** A theme's keywords, longest first (a longer keyword claims its text before a shorter one inside it). */
const termsOf = new WeakMap<ThemeDef, ThemeDef['keywords']>();
const longestFirst = (theme: ThemeDef) => {
	let terms = termsOf.get(theme);
	if (!terms) {
		terms = [...theme.keywords].sort((a, b) => b.term.length - a.term.length);
		termsOf.set(theme, terms);
	}
	return terms;
};

/**
 * One theme against the prepared text. A keyword found inside a longer keyword of the same theme
 * (認知症 inside 認知症サポーター) counts once, as the longer one. In the description and measure
 * labels each occurrence is weighed by how it stands (context.ts: main clause, partner, example,
 * newsletter title). Confidence combines the distinct keywords as independent signals, each at its
 * strongest occurrence: 1 − Π(1 − keyword weight × field weight × standing). Cues (keyword.cue)
 * count only next to a keyword that is not a cue; the theme needs one anchor (ANCHOR_AT).
 */
function scoreTheme(theme: ThemeDef, parts: PreparedText[]): ThemeAssignment | null {
	const best = new Map<string, { match: ThemeMatch; strength: number; cue: boolean }>();
	const fieldsOf = new Map<string, Field[]>();
	/** Per keyword, its strongest occurrence in each field. */
	const byField = new Map<string, Map<Field, number>>();
	const terms = longestFirst(theme);
	for (const part of parts) {
		// Mask and claimed offsets are made only for a text where some keyword occurs (most do not).
		let masked: boolean[] | null = null;
		const maskedOf = () => (masked ??= maskOf(part.text, theme.mask));
		let taken: boolean[] | null = null;
		for (const k of terms) {
			if (!part.present.has(k.term)) continue;
			if (k.with.length && !k.with.some((w) => part.text.includes(w))) continue;
			for (const at of occurrences(part, k.term, maskedOf)) {
				taken ??= new Array<boolean>(part.text.length).fill(false);
				if (taken[at]) continue;
				for (let i = at; i < at + k.term.length; i++) taken[i] = true;
				const standing = part.field === 'description' || part.field === 'measure' ? standingFactor(standingOf(part.text, at, at + k.term.length)) : 1;
				if (standing === 0) continue;
				const strength = k.weight * part.weight * standing;
				const fields = byField.get(k.term) ?? new Map<Field, number>();
				fields.set(part.field, Math.max(fields.get(part.field) ?? 0, strength));
				byField.set(k.term, fields);
				// A word repeated in several fields is one signal, at its strongest field; see below for the rest.
				if ((best.get(k.term)?.strength ?? 0) < strength) best.set(k.term, { match: { field: part.field, term: k.term }, strength, cue: k.cue });
				fieldsOf.set(k.term, [...new Set([...(fieldsOf.get(k.term) ?? []), part.field])]);
			}
		}
	}
	if (![...best.values()].some((b) => !b.cue)) return null;
	// The same word in a second field (the description repeating the goal, a measure repeating the
	// description) corroborates it: the second field's strength counts at CORROBORATION.
	const second = [...byField.values()].map((f) => [...f.values()].sort((a, b) => b - a)[1] ?? 0);
	const raw = 1 - [...best.values()].reduce((p, b) => p * (1 - b.strength), 1) * second.reduce((p, x) => p * (1 - x * CORROBORATION), 1);
	const anchored = [...best.values()].some((b) => !b.cue && b.strength >= ANCHOR_AT);
	// Unanchored evidence is still shown (scoreThemes), but kept below the assignment line.
	const confidence = anchored ? raw : Math.min(raw, ASSIGN_AT - 0.01);
	// Evidence lists every field a counted word was found in, so a reader sees all of it.
	const matches = [...best.values()]
		.sort((a, b) => b.strength - a.strength)
		.flatMap((b) => (fieldsOf.get(b.match.term) ?? [b.match.field]).map((field) => ({ field, term: b.match.term })))
		.sort((a, b) => FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field));
	return { theme_id: theme.theme_id, confidence: Math.round(confidence * 100) / 100, matches };
}

/** Every theme with any evidence, strongest first; `assigned` keeps those at or above ASSIGN_AT. */
export function scoreThemes(input: InitiativeText, taxonomy: Taxonomy): ThemeAssignment[] {
	const parts = prepare(input, keywordIndex(taxonomy));
	return taxonomy.themes
		.map((t) => (t.keywords.some((k) => parts.some((p) => p.present.has(k.term))) ? scoreTheme(t, parts) : null))
		.filter((a): a is ThemeAssignment => a !== null)
		.sort((a, b) => b.confidence - a.confidence || a.theme_id.localeCompare(b.theme_id));
}

export function classify(input: InitiativeText, taxonomy: Taxonomy): ThemeAssignment[] {
	return scoreThemes(input, taxonomy).filter((a) => a.confidence >= ASSIGN_AT);
}

/** "name: サロン; description: 茶の間, 居場所" — the form pages show. */
export function evidenceText(matches: readonly ThemeMatch[]): string {
	return FIELDS.flatMap((f) => {
		const terms = [...new Set(matches.filter((m) => m.field === f).map((m) => m.term))];
		return terms.length ? [`${f}: ${terms.join(', ')}`] : [];
	}).join('; ');
}
