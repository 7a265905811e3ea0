import { z } from 'zod';
import type { Goal, Initiative, Measure } from '../contract/tables';
import type { InitiativeThemeRow, ThemeRow } from '../contract/common-ground';
import { classify, evidenceText, type InitiativeText } from './classify';
import type { Taxonomy } from './taxonomy';

/** data/themes/overrides.json: what the rules get wrong, decided by a person and reviewed. */
export const ThemeOverride = z.object({
	initiative_id: z.string().regex(/^\d{5}-\d{3}[a-z0-9-]*$/),
	theme_id: z.string().min(1),
	action: z.enum(['add', 'remove']),
	reason: z.string().min(1),
	decided_by: z.string().min(1)
});
export type ThemeOverride = z.infer<typeof ThemeOverride>;
export const OverrideFile = z.object({ about: z.string().optional(), overrides: z.array(ThemeOverride) });

export function themeRowsOf(taxonomy: Taxonomy): ThemeRow[] {
	return taxonomy.themes.map(({ theme_id, label_ja, label_en, definition_ja, definition_en }) => ({
		theme_id,
		label_ja,
		label_en,
		definition_ja,
		definition_en
	}));
}

/** The goal titles above an initiative (or a goal-wide result), nearest first. */
export function goalPath(goalId: string | null, goals: ReadonlyMap<string, Goal>): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	for (let id = goalId; id && !seen.has(id); id = goals.get(id)?.parent_goal_id ?? null) {
		seen.add(id);
		const g = goals.get(id);
		if (g) out.push(g.title_ja);
	}
	return out;
}

/** What the classifier reads of one initiative: its own text, its goals, its own measures. */
export function initiativeTexts(initiatives: readonly Initiative[], goals: readonly Goal[], measures: readonly Measure[]): Map<string, InitiativeText> {
	const goalById = new Map(goals.map((g) => [g.goal_id, g]));
	const measuresOf = new Map<string, string[]>();
	for (const m of measures) {
		if (!m.initiative_id) continue;
		const list = measuresOf.get(m.initiative_id) ?? [];
		// Only what is counted (the label): a result cell's running text names partners and
		// neighbouring work, which says little about the initiative's own theme.
		const text = m.label_ja;
		if (text && !list.includes(text)) list.push(text);
		measuresOf.set(m.initiative_id, list);
	}
	return new Map(
		initiatives.map((i) => [
			i.initiative_id,
			{ name: i.name_ja, description: i.description_ja, goals: goalPath(i.goal_id, goalById), measures: measuresOf.get(i.initiative_id) ?? [] }
		])
	);
}

/**
 * Rule assignments, then the reviewed overrides on top. An override that names an initiative
 * missing from the dataset is an error (a stale override must be fixed, not ignored), except for
 * municipalities that are not in this run at all (`--only`).
 */
export function initiativeThemeRows(
	texts: ReadonlyMap<string, InitiativeText>,
	taxonomy: Taxonomy,
	overrides: readonly ThemeOverride[]
): InitiativeThemeRow[] {
	const themeIds = new Set(taxonomy.themes.map((t) => t.theme_id));
	const rows = new Map<string, InitiativeThemeRow>();
	const key = (i: string, t: string) => `${i}\u0000${t}`;
	for (const [initiative_id, text] of texts) {
		for (const a of classify(text, taxonomy)) {
			rows.set(key(initiative_id, a.theme_id), {
				initiative_id,
				theme_id: a.theme_id,
				method: 'rule',
				evidence: evidenceText(a.matches),
				confidence: a.confidence
			});
		}
	}
	const munisPresent = new Set([...texts.keys()].map((id) => id.slice(0, 5)));
	for (const o of overrides) {
		if (!themeIds.has(o.theme_id)) throw new Error(`data/themes/overrides.json: theme "${o.theme_id}" (for ${o.initiative_id}) is not in the taxonomy`);
		if (!texts.has(o.initiative_id)) {
			if (!munisPresent.has(o.initiative_id.slice(0, 5))) continue;
			throw new Error(`data/themes/overrides.json: initiative ${o.initiative_id} is not in the dataset; review the override`);
		}
		const k = key(o.initiative_id, o.theme_id);
		if (o.action === 'remove') rows.delete(k);
		else rows.set(k, { initiative_id: o.initiative_id, theme_id: o.theme_id, method: 'manual', evidence: `manual: ${o.reason}`, confidence: 1 });
	}
	return [...rows.values()];
}
