import type { Dataset } from './ingest';
import { sortRows } from './ingest';
import { validateRows } from './validate';
import type { Initiative } from '../contract/tables';
import type { InitiativeThemeRow } from '../contract/common-ground';
import { comparableInitiatives } from '../contract/comparable';
import { comparableTable, type ComparableCandidate } from '../comparable/rank';

/** The initiatives as the ranking reads them: name, municipality, 再掲 mark and sorted themes. */
export function comparableCandidates(initiatives: readonly Initiative[], themes: readonly InitiativeThemeRow[]): ComparableCandidate[] {
	const themesOf = new Map<string, string[]>();
	for (const t of themes) {
		const list = themesOf.get(t.initiative_id);
		if (list) list.push(t.theme_id);
		else themesOf.set(t.initiative_id, [t.theme_id]);
	}
	return initiatives.map((i) => ({
		initiative_id: i.initiative_id,
		muni_code: i.muni_code,
		name_ja: i.name_ja,
		repost_of: i.repost_of,
		themes: [...new Set(themesOf.get(i.initiative_id) ?? [])].sort()
	}));
}

/** Adds comparable_initiatives, computed once for every initiative (the pages read it). */
export function addComparables(dataset: Dataset): Dataset {
	const candidates = comparableCandidates(dataset.initiatives as Initiative[], (dataset.initiative_themes ?? []) as InitiativeThemeRow[]);
	const rows = comparableTable(candidates).map(({ initiative_id, rank, comparable_id, shared_themes, similarity, reason }) => ({ initiative_id, rank, comparable_id, shared_themes, similarity, reason }));
	const place = () => ({ file: '(comparable initiatives)', line: null });
	return { ...dataset, comparable_initiatives: sortRows(comparableInitiatives, validateRows(comparableInitiatives, rows, place)) };
}
