import type { Connector } from '../db/connector';
import { FINAL_PAIR, INTERIM_PAIR, importedFile } from './common';

export interface MunicipalitySummary {
	muni_code: string;
	/** a municipality's row is its plan's: an imported plan for a code with a published report has a row of its own */
	plan_id: string;
	name_ja: string;
	name_en: string;
	prefecture_ja: string;
	prefecture_en: string;
	report_fiscal_year: number;
	scheme_id: string | null;
	scheme_name_ja: string | null;
	initiatives: number;
	measures: number;
	evaluations: number;
	/** the file name when this row comes from the user's own import (not published), else null */
	imported_file: string | null;
}

/**
 * One row per plan (a municipality with its report, or a plan the user imported beside it) with its
 * report year, grading scheme and record counts. The SQL is exported because the pipeline writes its
 * answer as the national summary (summary/municipalities.parquet), where each municipality has one plan.
 */
const summariesSql = (extra = '') => `
		SELECT m.muni_code, m.name_ja, m.name_en, m.prefecture_ja, m.prefecture_en,
		       p.report_fiscal_year, p.scheme_id,
		       (SELECT any_value(g.grade) FROM grading_schemes g WHERE g.scheme_id = p.scheme_id) IS NOT NULL AS has_scheme,
		       NULL AS scheme_name_ja,
		       (SELECT count(*) FROM initiatives i WHERE i.plan_id = p.plan_id) AS initiatives,
		       (SELECT count(*) FROM measures x JOIN initiatives i USING (initiative_id) WHERE i.plan_id = p.plan_id)
		         + (SELECT count(*) FROM measures x JOIN goals g ON g.goal_id = x.goal_id
		            WHERE x.initiative_id IS NULL AND g.plan_id = p.plan_id) AS measures,
		       (SELECT count(*) FROM evaluations e JOIN initiatives i USING (initiative_id) WHERE i.plan_id = p.plan_id) AS evaluations${extra}
		FROM municipalities m JOIN plans p USING (muni_code)
		ORDER BY m.muni_code`;
export const MUNICIPALITY_SUMMARIES_SQL = summariesSql();

/** The summaries with the plan and the mark of a plan the user imported (the pipeline's summary has none: it runs before any import). */
export async function municipalitySummaries(db: Connector): Promise<MunicipalitySummary[]> {
	return db.query<MunicipalitySummary & Record<string, unknown>>(`SELECT s.*, ${importedFile('s.plan_id')} FROM (${summariesSql(', p.plan_id')}) s ORDER BY s.muni_code, imported_file NULLS FIRST, s.plan_id`);
}

/** Total initiatives: the figure the status line checks once DuckDB-wasm is up. */
export async function initiativeCount(db: Connector): Promise<number> {
	const [row] = await db.query<{ n: number }>('SELECT count(*) AS n FROM initiatives');
	return row.n;
}

export interface Headline {
	municipalities: number;
	initiatives: number;
	measures: number;
	evaluations: number;
	graded_initiatives: number;
	themes: number;
	themed_initiatives: number;
	achievements: number;
	/** of which interim: results from before the target year, not a final verdict */
	interim_achievements: number;
}

/** The headline figures of the dataset, in one query (also written as summary/headline.parquet). */
export const HEADLINE_SQL = `
		SELECT (SELECT count(*) FROM municipalities WHERE has_report) AS municipalities,
		       (SELECT count(*) FROM initiatives) AS initiatives,
		       (SELECT count(*) FROM measures) AS measures,
		       (SELECT count(*) FROM evaluations) AS evaluations,
		       (SELECT count(DISTINCT initiative_id) FROM evaluations) AS graded_initiatives,
		       (SELECT count(*) FROM themes) AS themes,
		       (SELECT count(DISTINCT initiative_id) FROM initiative_themes) AS themed_initiatives,
		       (SELECT count(*) FROM achievements) AS achievements,
		       (SELECT count(*) FROM achievements WHERE ${INTERIM_PAIR}) AS interim_achievements`;

export async function headline(db: Connector): Promise<Headline> {
	const [row] = await db.query<Headline & Record<string, unknown>>(HEADLINE_SQL);
	return row;
}

export interface ThemeLabel {
	theme_id: string;
	label_ja: string;
	label_en: string;
}

export interface MatrixCell {
	theme_id: string;
	muni_code: string;
	/** the plan's column (the overview's rows are plans); absent in the published summary, one plan a municipality */
	plan_id?: string;
	/** initiatives of the municipality that carry the theme */
	initiatives: number;
	/** mean common score of their grades (null: no graded initiative) */
	mean_score: number | null;
	graded: number;
	/** median achievement ratio of their final pairs of target and result (null: none) */
	achievement: number | null;
	/** initiatives behind that median */
	paired: number;
	/** interim pairs of those initiatives, left out of the median */
	interim: number;
}

export interface ThemeMatrix {
	themes: ThemeLabel[];
	cells: MatrixCell[];
}

/**
 * Theme × municipality: count of initiatives, mean common score and median achievement, aggregated
 * in one grouped query (one row per non-empty cell), so it stays one round trip for all of Japan.
 */
export async function themeMatrix(db: Connector): Promise<ThemeMatrix> {
	const themes = await db.query<ThemeLabel & Record<string, unknown>>('SELECT theme_id, label_ja, label_en FROM themes ORDER BY theme_id');
	const cells = await db.query<MatrixCell & Record<string, unknown>>(themeMatrixSql(true));
	return { themes, cells };
}

/** The cells of the theme × municipality matrix (also written as summary/theme_matrix.parquet). */
const themeMatrixSql = (byPlan: boolean) => `
		WITH it AS (
			SELECT DISTINCT t.theme_id, i.muni_code, ${byPlan ? 'i.plan_id, ' : ''}i.initiative_id
			FROM initiative_themes t JOIN initiatives i USING (initiative_id)
		), ev AS (
			SELECT initiative_id, avg(score) AS score FROM evaluations WHERE score IS NOT NULL GROUP BY initiative_id
		), ach AS (
			SELECT initiative_id, median(ratio) FILTER (WHERE ${FINAL_PAIR}) AS ratio, count(*) FILTER (WHERE ${INTERIM_PAIR}) AS interim
			FROM achievements WHERE initiative_id IS NOT NULL GROUP BY initiative_id
		)
		SELECT it.theme_id, it.muni_code, ${byPlan ? 'it.plan_id, ' : ''}count(*) AS initiatives,
		       avg(ev.score) AS mean_score, count(ev.score) AS graded,
		       median(ach.ratio) AS achievement, count(ach.ratio) AS paired, coalesce(sum(ach.interim), 0)::INTEGER AS interim
		FROM it LEFT JOIN ev USING (initiative_id) LEFT JOIN ach USING (initiative_id)
		GROUP BY it.theme_id, it.muni_code${byPlan ? ', it.plan_id' : ''}
		ORDER BY it.theme_id, it.muni_code${byPlan ? ', it.plan_id' : ''}`;
export const THEME_MATRIX_SQL = themeMatrixSql(false);
