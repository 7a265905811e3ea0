import type { Connector } from '../db/connector';

/**
 * The file name when the plan was imported by the user in this browser (never published), else null:
 * every page marks such rows "your file, not published". By plan, not by municipality: a plan
 * imported for a code with a published report sits beside the published plan, and only it is marked.
 */
export const importedFile = (planId: string) => `(SELECT any_value(file_name) FROM imports WHERE imports.plan_id = ${planId}) AS imported_file`;
/** importedFile for a grading scheme: the file of the imported plan that uses it. */
export const importedSchemeFile = (schemeId: string) => `(SELECT any_value(file_name) FROM imports JOIN plans USING (plan_id) WHERE plans.scheme_id = ${schemeId}) AS imported_file`;

/**
 * The files of the plans this browser imported for a municipality code, in name order (none on a
 * build's native DuckDB). The municipality queries read published and imported plans alike by code,
 * so a page drawing the municipality's own (published) report first asks this, and says where an
 * imported plan is shown instead of drawing it as the municipality's own, unmarked.
 */
export async function importedFilesOf(db: Connector, muniCode: string): Promise<string[]> {
	return (await db.query<{ file_name: string }>('SELECT file_name FROM imports WHERE muni_code = ? ORDER BY file_name', [muniCode])).map((r) => r.file_name);
}

/** The common bands, best first (the order of src/lib/contract BANDS). */
export const BAND_ORDER = ['achieved', 'mostly_achieved', 'partly_achieved', 'not_achieved'] as const;
export type BandId = (typeof BAND_ORDER)[number];

/**
 * Tables present in the loaded dataset. The common-ground tables (themes, initiative_themes,
 * achievements) are computed in a later pipeline step; pages say plainly when they are absent instead
 * of failing.
 */
export async function presentTables(db: Connector): Promise<Set<string>> {
	const rows = await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'`);
	return new Set(rows.map((r) => r.name));
}

/**
 * Which pairs of the achievements table are a final comparison. An interim pair (`basis` interim)
 * sets a result against a target of a later year: progress on the way, not a verdict, so counts,
 * medians and bands of achievement read only the final ones and show the interim ones apart.
 */
export const FINAL_PAIR = "basis <> 'interim'";
export const INTERIM_PAIR = "basis = 'interim'";
export const isInterim = (a: { basis: string }): boolean => a.basis === 'interim';

/** One target–result pair (achievements) as the pages show it; the initiative and municipality pages read the same columns. */
export interface PairShown {
	achievement_id: string;
	indicator_label: string | null;
	basis: string;
	target_fiscal_year: number | null;
	result_fiscal_year: number | null;
	target_value: number;
	result_value: number | null;
	unit: string | null;
	ratio: number | null;
	band: string | null;
	/** 'not_carried_out' where the result cell says the work did not happen, with its words. */
	result_status: string | null;
	result_status_ja: string | null;
}

/** The columns of PairShown, for a SELECT over achievements (optionally qualified by its alias). */
export const pairColumns = (alias = ''): string =>
	['achievement_id', 'indicator_label', 'basis', 'target_fiscal_year', 'result_fiscal_year', 'target_value', 'result_value', 'unit', 'ratio', 'band', 'result_status', 'result_status_ja']
		.map((c) => (alias ? `${alias}.${c}` : c))
		.join(', ');

/** Municipality display name in the page's language, from a row with name_ja/name_en. */
export interface Named {
	name_ja: string;
	name_en: string;
}
