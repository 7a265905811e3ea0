import { z } from 'zod';

/** data/themes/taxonomy.json: the common themes, their labels and definitions, and the words that signal them. */
export const ThemeKeyword = z.object({
	/** In normalized form (see normalizeJa); checked when the taxonomy is loaded. */
	term: z.string().min(1),
	/** How much one occurrence in the initiative's name says on its own; 1 = decisive. */
	weight: z.number().gt(0).max(1),
	/**
	 * A cue only corroborates: it never assigns the theme unless a keyword of the theme that is
	 * not a cue is found too (地域包括支援センター is most often a partner named in passing).
	 */
	cue: z.boolean().default(false),
	/**
	 * Counts only where one of these words stands in the same field too (小中学生 is welfare
	 * education next to 講座 or 体験, not next to 学習支援 alone). In normalized form.
	 */
	with: z.array(z.string().min(1)).default([])
});

export const ThemeDef = z.object({
	theme_id: z.string().regex(/^[a-z][a-z_]*$/),
	label_ja: z.string().min(1),
	label_en: z.string().min(1),
	definition_ja: z.string().min(1),
	definition_en: z.string().min(1),
	/**
	 * English words and phrases (lower case) that find the theme's initiatives from the search box,
	 * beside the words of label_en: the initiatives themselves are printed in Japanese only.
	 */
	words_en: z.array(z.string().regex(/^[a-z0-9' -]+$/, 'lower-case English')).default([]),
	keywords: z.array(ThemeKeyword).min(1),
	/** Phrases whose words must not count for this theme (要介護者 is not a 介護者 being supported). */
	mask: z.array(z.string().min(1)).default([])
});
export type ThemeDef = z.infer<typeof ThemeDef>;

export const TaxonomyFile = z.object({
	about: z.string().optional(),
	themes: z.array(ThemeDef).min(1)
});
export type Taxonomy = z.infer<typeof TaxonomyFile>;

/** The theme ids named in /DOMAIN.md; they are part of the data contract and must stay. */
export const CORE_THEME_IDS = [
	'small_area_network',
	'salon',
	'disaster_volunteer',
	'youth_carer',
	'watching',
	'evacuation_support',
	'dementia',
	'welfare_education',
	'volunteer',
	'livelihood',
	'guardianship',
	'child_rearing',
	'consultation',
	'health'
] as const;

/** Problems a zod schema cannot see: duplicate ids, missing core themes, keywords not in folded form. */
export function taxonomyProblems(taxonomy: Taxonomy, fold: (s: string) => string): string[] {
	const problems: string[] = [];
	const ids = taxonomy.themes.map((t) => t.theme_id);
	for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) problems.push(`theme ${id} is declared twice`);
	for (const id of CORE_THEME_IDS) if (!ids.includes(id)) problems.push(`core theme ${id} is missing`);
	for (const t of taxonomy.themes) {
		for (const k of t.keywords) {
			if (fold(k.term) !== k.term) problems.push(`${t.theme_id}: keyword "${k.term}" is not in normalized form ("${fold(k.term)}")`);
			for (const w of k.with) if (fold(w) !== w) problems.push(`${t.theme_id}: "${k.term}" with "${w}" is not in normalized form ("${fold(w)}")`);
		}
		for (const m of t.mask) {
			if (fold(m) !== m) problems.push(`${t.theme_id}: mask "${m}" is not in normalized form ("${fold(m)}")`);
		}
	}
	return problems;
}
