import { fold } from './text';

/**
 * English words that find a theme. The initiatives are printed in Japanese only, so on the search page an
 * English word finds the initiatives of every theme whose English label or search words
 * (data/themes/taxonomy.json, words_en) have a word beginning with it: "salon" finds サロン・地域の茶の間,
 * "young carer" finds ヤングケアラー, each word on its own.
 */
export interface ThemeWords {
	theme_id: string;
	/** every English word of the label and of the search words, folded */
	words: string[];
}

/** Words too common to say anything about a theme ("support for people"). */
const STOP = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'support', 'people']);

const wordsOf = (text: string) => fold(text).split(/[^a-z0-9']+/).filter((w) => w && !STOP.has(w));

export function themeWords(themes: readonly { theme_id: string; label_en: string; words_en?: readonly string[] }[]): ThemeWords[] {
	return themes.map((t) => ({ theme_id: t.theme_id, words: [...new Set([t.label_en, ...(t.words_en ?? [])].flatMap(wordsOf))].sort() }));
}

/** The themes a search term names in English (none for a Japanese term, a stop word, or a term of one letter). */
export function themesForTerm(term: string, themes: readonly ThemeWords[]): string[] {
	if (!/^[a-z0-9'-]{2,}$/.test(term) || STOP.has(term)) return [];
	const parts = term.split(/[-']/).filter(Boolean);
	return themes.filter((t) => parts.every((p) => t.words.some((w) => w.startsWith(p)))).map((t) => t.theme_id);
}
