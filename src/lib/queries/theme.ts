import type { Connector } from '../db/connector';
import { FINAL_PAIR, INTERIM_PAIR, importedFile, pairColumns, type PairShown } from './common';
import { goalResults, type GoalResult } from './goal-results';

export interface ThemeHeader {
	theme_id: string;
	label_ja: string;
	label_en: string;
	definition_ja: string;
	definition_en: string;
}

export interface ThemeInitiative {
	initiative_id: string;
	muni_code: string;
	muni_name_ja: string;
	muni_name_en: string;
	name_ja: string;
	departments: string[];
	/** the source file the initiative was read from (its lines are the measures' lines) */
	source_file: string;
	/** the initiative's measures grouped by the source text they were read from, each text once */
	texts: MeasureText[];
	/** its target–result pairs, each with its basis (same year, interim, every year …) */
	pairs: ThemePair[];
	/** median achievement of the final pairs only */
	ratio: number | null;
	/** interim pairs (results before the target year), shown as progress, never in the median */
	progress: InterimProgress[];
	grades: string | null;
	band: string | null;
	evidence: string;
	/** the file name when this row comes from the user's own import (not published), else null */
	imported_file: string | null;
}

/** One source text (a cell as printed) and the measures read from it: several years or kinds may share one cell. */
export interface MeasureText {
	raw_text: string;
	line: number;
	measures: ThemeMeasure[];
}

export interface ThemeMeasure {
	measure_id: string;
	kind: string;
	fiscal_year: number | null;
	every_year: boolean;
	value: number | null;
	unit: string | null;
	qualifier: string | null;
	label_ja: string | null;
}

export type ThemePair = PairShown & { target_measure_id: string; result_measure_id: string };

interface MeasureRow extends ThemeMeasure {
	initiative_id: string;
	raw_text: string;
	line: number;
}

interface InterimLists {
	progress_ids: string[];
	progress_ratios: (number | null)[] | null;
	progress_target_years: (number | null)[] | null;
	progress_result_years: (number | null)[] | null;
}

export interface InterimProgress {
	achievement_id: string;
	basis: string;
	band: string | null;
	ratio: number | null;
	target_fiscal_year: number | null;
	result_fiscal_year: number | null;
}

export interface ThemeMunicipality {
	muni_code: string;
	name_ja: string;
	name_en: string;
	initiatives: number;
	mean_score: number | null;
	graded: number;
	/** median and count over the final pairs; interim pairs are counted apart */
	median_ratio: number | null;
	paired: number;
	interim: number;
	/** printed items of results reported for a goal as a whole that carry the theme */
	goal_results: number;
}

export interface ThemePage {
	theme: ThemeHeader;
	initiatives: ThemeInitiative[];
	/** how many initiatives the theme has (more than are listed when the prerender cut the list) */
	initiativeTotal: number;
	/** every municipality, with zero where it has no initiative of the theme */
	municipalities: ThemeMunicipality[];
	/** results reported for a goal as a whole that carry the theme (by their labels) */
	goalResults: GoalResult[];
}

export async function themeIds(db: Connector): Promise<string[]> {
	const rows = await db.query<{ theme_id: string }>('SELECT theme_id FROM themes ORDER BY theme_id');
	return rows.map((r) => r.theme_id);
}

/**
 * A theme's page. cut: what the prerender at national scale leaves out (src/lib/scale/country.ts): the
 * list beyond its first `initiatives` rows (~10,000 initiatives a theme, with their measures), and the
 * table of every municipality. The browser asks for the whole page.
 */
export async function themePage(db: Connector, themeId: string, cut: { initiatives?: number; municipalities?: boolean } = {}): Promise<ThemePage | null> {
	const [theme] = await db.query<ThemeHeader & Record<string, unknown>>(
		'SELECT theme_id, label_ja, label_en, definition_ja, definition_en FROM themes WHERE theme_id = ?',
		[themeId]
	);
	if (!theme) return null;
	// Measures, grades and ratios are aggregated per initiative before the join: no per-row queries.
	const rows = await db.query<Omit<ThemeInitiative, 'progress' | 'texts' | 'pairs'> & InterimLists & Record<string, unknown>>(
		`WITH mine AS (
			SELECT initiative_id, string_agg(evidence, '; ' ORDER BY evidence) AS evidence FROM initiative_themes WHERE theme_id = ? GROUP BY initiative_id
		), ev AS (
			SELECT e.initiative_id, string_agg(e.grade_raw, ' / ' ORDER BY e.evaluation_id) AS grades, min_by(e.band, e.score) AS band
			FROM evaluations e JOIN mine USING (initiative_id) GROUP BY e.initiative_id
		), ach AS (
			SELECT a.initiative_id, median(a.ratio) FILTER (WHERE a.${FINAL_PAIR}) AS ratio,
			       list(a.achievement_id ORDER BY a.achievement_id) FILTER (WHERE a.${INTERIM_PAIR}) AS progress_ids,
			       list(a.ratio ORDER BY a.achievement_id) FILTER (WHERE a.${INTERIM_PAIR}) AS progress_ratios,
			       list(a.target_fiscal_year ORDER BY a.achievement_id) FILTER (WHERE a.${INTERIM_PAIR}) AS progress_target_years,
			       list(a.result_fiscal_year ORDER BY a.achievement_id) FILTER (WHERE a.${INTERIM_PAIR}) AS progress_result_years
			FROM achievements a JOIN mine USING (initiative_id) GROUP BY a.initiative_id
		)
		SELECT i.initiative_id, i.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, i.name_ja, i.departments, i.source_file,
		       ach.ratio, coalesce(ach.progress_ids, []::VARCHAR[]) AS progress_ids, ach.progress_ratios, ach.progress_target_years, ach.progress_result_years, ev.grades, ev.band, mine.evidence,
		       ${importedFile('i.plan_id')}
		FROM mine JOIN initiatives i USING (initiative_id) JOIN municipalities m ON m.muni_code = i.muni_code
		LEFT JOIN ev USING (initiative_id) LEFT JOIN ach USING (initiative_id)
		ORDER BY i.muni_code, i.seq, i.initiative_id
		${cut.initiatives === undefined ? '' : `LIMIT ${Math.max(0, Math.floor(cut.initiatives))}`}`,
		[themeId]
	);
	const [{ n: initiativeTotal }] =
		cut.initiatives === undefined
			? [{ n: rows.length }]
			: await db.query<{ n: number }>('SELECT count(DISTINCT initiative_id)::INTEGER AS n FROM initiative_themes WHERE theme_id = ?', [themeId]);
	// The measures and pairs of the listed initiatives only (ids hold no comma: the contract's pattern).
	const listed = cut.initiatives === undefined ? 'SELECT DISTINCT initiative_id FROM initiative_themes WHERE theme_id = ?' : 'SELECT unnest(string_split(?, \',\')) AS initiative_id';
	const listedParam = cut.initiatives === undefined ? themeId : rows.map((r) => r.initiative_id).join(',');
	// Measures and pairs as flat rows, grouped here: both engines hand flat rows back alike.
	const measureRows = await db.query<MeasureRow & Record<string, unknown>>(
		`SELECT x.initiative_id, x.measure_id, x.kind, x.fiscal_year, x.every_year, x.value, x.unit, x.qualifier, x.label_ja, x.raw_text, x.line
		FROM measures x JOIN (${listed}) USING (initiative_id)
		ORDER BY x.initiative_id, x.line, x.fiscal_year NULLS LAST, x.measure_id`,
		[listedParam]
	);
	const pairRows = await db.query<ThemePair & { initiative_id: string } & Record<string, unknown>>(
		`SELECT a.initiative_id, a.target_measure_id, a.result_measure_id, ${pairColumns('a')}
		FROM achievements a JOIN (${listed}) USING (initiative_id)
		ORDER BY a.initiative_id, a.result_fiscal_year NULLS LAST, a.achievement_id`,
		[listedParam]
	);
	const textsOf = groupTexts(measureRows);
	const pairsOf = new Map<string, ThemePair[]>();
	for (const { initiative_id, ...p } of pairRows) pairsOf.set(initiative_id, [...(pairsOf.get(initiative_id) ?? []), p]);
	// Parallel lists rather than a list of structs: both engines hand lists back as plain arrays.
	const initiatives: ThemeInitiative[] = rows.map(({ progress_ids, progress_ratios, progress_target_years, progress_result_years, ...i }) => ({
		...i,
		texts: textsOf.get(i.initiative_id) ?? [],
		pairs: pairsOf.get(i.initiative_id) ?? [],
		progress: progress_ids.map((achievement_id, k) => ({
			achievement_id,
			basis: 'interim',
			band: null,
			ratio: progress_ratios?.[k] ?? null,
			target_fiscal_year: progress_target_years?.[k] ?? null,
			result_fiscal_year: progress_result_years?.[k] ?? null
		}))
	}));
	const municipalities = cut.municipalities === false ? [] : await db.query<ThemeMunicipality & Record<string, unknown>>(
		`WITH mine AS (
			SELECT DISTINCT i.muni_code, i.initiative_id FROM initiative_themes t JOIN initiatives i USING (initiative_id) WHERE t.theme_id = ?
		), ev AS (
			SELECT initiative_id, avg(score) AS score FROM evaluations WHERE score IS NOT NULL GROUP BY initiative_id
		), ach AS (
			SELECT initiative_id, median(ratio) FILTER (WHERE ${FINAL_PAIR}) AS ratio,
			       count(*) FILTER (WHERE ${FINAL_PAIR}) AS final, count(*) FILTER (WHERE ${INTERIM_PAIR}) AS interim
			FROM achievements WHERE initiative_id IS NOT NULL GROUP BY initiative_id
		), per AS (
			SELECT mine.muni_code, count(*) AS initiatives, avg(ev.score) AS mean_score, count(ev.score) AS graded,
			       median(ach.ratio) AS median_ratio, coalesce(sum(ach.final), 0)::INTEGER AS paired, coalesce(sum(ach.interim), 0)::INTEGER AS interim
			FROM mine LEFT JOIN ev USING (initiative_id) LEFT JOIN ach USING (initiative_id) GROUP BY mine.muni_code
		), goal_wide AS (
			SELECT p.muni_code, count(DISTINCT concat_ws('|', x.goal_id, x.line, x.raw_text))::INTEGER AS goal_results
			FROM measure_themes t JOIN measures x USING (measure_id) JOIN goals g ON g.goal_id = x.goal_id JOIN plans p ON p.plan_id = g.plan_id
			WHERE t.theme_id = ? GROUP BY p.muni_code
		)
		SELECT m.muni_code, m.name_ja, m.name_en, coalesce(per.initiatives, 0) AS initiatives, per.mean_score,
		       coalesce(per.graded, 0) AS graded, per.median_ratio, coalesce(per.paired, 0) AS paired, coalesce(per.interim, 0) AS interim,
		       coalesce(goal_wide.goal_results, 0) AS goal_results
		FROM municipalities m LEFT JOIN per USING (muni_code) LEFT JOIN goal_wide USING (muni_code)
		WHERE m.has_report
		ORDER BY m.muni_code`,
		[themeId, themeId]
	);
	return { theme, initiatives, initiativeTotal, municipalities, goalResults: await goalResults(db, { theme: themeId }) };
}

/** Each initiative's measures under the source text they were read from, in source order, each text once. */
export function groupTexts(rows: readonly MeasureRow[]): Map<string, MeasureText[]> {
	const out = new Map<string, MeasureText[]>();
	for (const { initiative_id, raw_text, line, ...m } of rows) {
		const texts = out.get(initiative_id) ?? [];
		let text = texts.find((t) => t.raw_text === raw_text && t.line === line);
		if (!text) texts.push((text = { raw_text, line, measures: [] }));
		text.measures.push(m);
		out.set(initiative_id, texts);
	}
	return out;
}
