import { z } from 'zod';
import type { Connector } from '../db/connector';
import { column } from '../contract/column';
import { definePageTable } from '../db/page-table';
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
	initiatives: number;
	measures: number;
	evaluations: number;
	/** the file name when this row comes from the user's own import (not published), else null */
	imported_file: string | null;
}

const muniCode = z.string().regex(/^\d{5}$/);
const count = (en: string, ja: string) => column(z.number().int().nonnegative(), 'INTEGER', en, ja);

/**
 * One row per plan (a municipality with its report, or a plan the user imported beside it) with its
 * report year, grading scheme and record counts: the overview's table, and the prefecture pages'
 * figures (src/lib/queries/prefecture.ts), read by municipality code. Also the national summary (parquet/summary/municipality_summaries.parquet).
 */
export const municipalitySummariesTable = definePageTable({
	name: 'municipality_summaries',
	rowEn: "one plan of a municipality with its report year, grading scheme and record counts (the overview's table; a page table derived from the tables above)",
	rowJa: '市区町村の計画 1件と報告年度・評価基準・件数（概要ページの表。上の表から導出するページ用の表）',
	orderBy: ['muni_code', 'plan_id'],
	parquet: 'summary',
	schema: z.object({
		muni_code: column(muniCode, 'VARCHAR', 'municipality', '市区町村コード'),
		plan_id: column(z.string().min(1), 'VARCHAR', 'plan', '計画ID'),
		prefecture_code: column(z.string().regex(/^\d{2}$/), 'VARCHAR', 'two-digit prefecture code', '都道府県コード（2桁）'),
		name_ja: column(z.string().min(1), 'VARCHAR', 'municipality name in Japanese', '市区町村名'),
		name_en: column(z.string().min(1), 'VARCHAR', 'municipality name in English', '市区町村名（英語）'),
		prefecture_ja: column(z.string().min(1), 'VARCHAR', 'prefecture in Japanese', '都道府県'),
		prefecture_en: column(z.string().min(1), 'VARCHAR', 'prefecture in English', '都道府県（英語）'),
		report_fiscal_year: column(z.number().int(), 'INTEGER', 'fiscal year the report covers', '報告対象の年度'),
		scheme_id: column(z.string().nullable(), 'VARCHAR', 'grading scheme of the plan, null if it gives no grades', '評価基準ID（評価なしはnull）'),
		has_scheme: column(z.boolean(), 'BOOLEAN', 'the grading scheme has its levels in grading_schemes', '評価基準の段階がgrading_schemesにあるか'),
		initiatives: count('initiatives of the plan', '取組の件数'),
		measures: count("measures of the plan's initiatives and goals", '取組・目標の指標の件数'),
		evaluations: count("grades given to the plan's initiatives", '取組の評価の件数'),
		achievements: count("pairs of a target and a result of the plan's initiatives and goals", '取組・目標の目標と実績の組の件数')
	}),
	sql: ({ rows, lookup }) => `
		SELECT m.muni_code, p.plan_id, m.prefecture_code, m.name_ja, m.name_en, m.prefecture_ja, m.prefecture_en,
		       p.report_fiscal_year, p.scheme_id,
		       (SELECT any_value(g.grade) FROM ${lookup('grading_schemes')} g WHERE g.scheme_id = p.scheme_id) IS NOT NULL AS has_scheme,
		       (SELECT count(*) FROM ${rows('initiatives')} i WHERE i.plan_id = p.plan_id) AS initiatives,
		       (SELECT count(*) FROM ${rows('measures')} x JOIN ${rows('initiatives')} i USING (initiative_id) WHERE i.plan_id = p.plan_id)
		         + (SELECT count(*) FROM ${rows('measures')} x JOIN ${rows('goals')} g ON g.goal_id = x.goal_id
		            WHERE x.initiative_id IS NULL AND g.plan_id = p.plan_id) AS measures,
		       (SELECT count(*) FROM ${rows('evaluations')} e JOIN ${rows('initiatives')} i USING (initiative_id) WHERE i.plan_id = p.plan_id) AS evaluations,
		       (SELECT count(*) FROM ${rows('achievements')} a JOIN ${rows('initiatives')} i USING (initiative_id) WHERE i.plan_id = p.plan_id)
		         + (SELECT count(*) FROM ${rows('achievements')} a JOIN ${rows('goals')} g ON g.goal_id = a.goal_id
		            WHERE a.initiative_id IS NULL AND g.plan_id = p.plan_id) AS achievements
		FROM ${lookup('municipalities')} m JOIN ${rows('plans')} p USING (muni_code)`
});

/** The summaries with the mark of a plan the user imported, one plan after another within a municipality. */
export async function municipalitySummaries(db: Connector): Promise<MunicipalitySummary[]> {
	return db.query<MunicipalitySummary & Record<string, unknown>>(`
		SELECT s.muni_code, s.name_ja, s.name_en, s.prefecture_ja, s.prefecture_en, s.report_fiscal_year, s.scheme_id, s.has_scheme,
		       s.initiatives, s.measures, s.evaluations, s.plan_id, ${importedFile('s.plan_id')}
		FROM municipality_summaries s ORDER BY s.muni_code, imported_file NULLS FIRST, s.plan_id`);
}

/**
 * Total initiatives: the figure the status line checks once DuckDB-wasm is up, before any page
 * query runs. From the headline page table (a row of published plans, one of imported ones): a
 * count(*) of initiatives read 137 blocks (2.24 MB) of the national file for it, on every page.
 */
export async function initiativeCount(db: Connector): Promise<number> {
	const [row] = await db.query<{ n: number }>('SELECT coalesce(sum(initiatives), 0)::BIGINT AS n FROM headline');
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

/**
 * The headline figures of the published plans, and of the imported plans in a row of their own (a
 * page table's rows must add up: the page sums them). The number of municipalities with a report is
 * not a sum (an imported plan can be a second plan of a municipality): the page counts the
 * municipalities table (one row per code, about 1,900).
 */
export const headlineTable = definePageTable({
	name: 'headline',
	rowEn: "the dataset's headline figures, one row (a page table derived from the tables above)",
	rowJa: 'データセットの主な数字、1行（上の表から導出するページ用の表）',
	orderBy: [],
	parquet: 'summary',
	schema: z.object({
		initiatives: count('initiatives', '取組の件数'),
		measures: count('measures', '指標の件数'),
		evaluations: count('evaluations (grades)', '評価の件数'),
		graded_initiatives: count('initiatives with at least one grade', '評価のある取組の件数'),
		themes: count('common themes', '共通テーマの数'),
		themed_initiatives: count('initiatives with at least one theme', 'テーマのある取組の件数'),
		achievements: count('pairs of a target and a result', '目標と実績の組の件数'),
		interim_achievements: count('of which interim (a result before the target year)', 'うち中間（目標年度より前の実績）')
	}),
	sql: ({ rows }) => `
		SELECT (SELECT count(*) FROM ${rows('initiatives')}) AS initiatives,
		       (SELECT count(*) FROM ${rows('measures')}) AS measures,
		       (SELECT count(*) FROM ${rows('evaluations')}) AS evaluations,
		       (SELECT count(DISTINCT initiative_id) FROM ${rows('evaluations')}) AS graded_initiatives,
		       (SELECT count(*) FROM ${rows('themes')}) AS themes,
		       (SELECT count(DISTINCT initiative_id) FROM ${rows('initiative_themes')}) AS themed_initiatives,
		       (SELECT count(*) FROM ${rows('achievements')}) AS achievements,
		       (SELECT count(*) FROM ${rows('achievements')} WHERE ${INTERIM_PAIR}) AS interim_achievements`
});

export async function headline(db: Connector): Promise<Headline> {
	// sum() of counts is a HUGEINT, which DuckDB-wasm hands over as four 32-bit words (the page showed "39,0,0,0"); a BIGINT comes as a number.
	const [row] = await db.query<Headline & Record<string, unknown>>(`
		SELECT (SELECT count(*) FROM municipalities WHERE has_report) AS municipalities,
		       sum(initiatives)::BIGINT AS initiatives, sum(measures)::BIGINT AS measures, sum(evaluations)::BIGINT AS evaluations,
		       sum(graded_initiatives)::BIGINT AS graded_initiatives, sum(themes)::BIGINT AS themes, sum(themed_initiatives)::BIGINT AS themed_initiatives,
		       sum(achievements)::BIGINT AS achievements, sum(interim_achievements)::BIGINT AS interim_achievements
		FROM headline`);
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
	/** the plan's column (the overview's rows are plans) */
	plan_id: string;
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
 * Theme × plan: count of initiatives, mean common score and median achievement, one row per non-empty
 * cell (by plan, so the imported plans' cells are rows of their own), sorted by theme.
 */
export const themeMatrixTable = definePageTable({
	name: 'theme_matrix',
	rowEn: "one theme of one plan: its initiatives, their mean common score and median achievement (the overview's matrix; a page table derived from the tables above)",
	rowJa: '計画ごと・テーマごとの取組数・平均スコア・達成率の中央値（概要ページの表。上の表から導出するページ用の表）',
	orderBy: ['theme_id', 'muni_code', 'plan_id'],
	parquet: 'summary',
	schema: z.object({
		theme_id: column(z.string().min(1), 'VARCHAR', 'theme', 'テーマID'),
		muni_code: column(muniCode, 'VARCHAR', 'municipality', '市区町村コード'),
		plan_id: column(z.string().min(1), 'VARCHAR', 'plan', '計画ID'),
		initiatives: count('initiatives of the plan that carry the theme', 'テーマのある取組の件数'),
		mean_score: column(z.number().nullable(), 'DOUBLE', 'mean common score of their grades (null: none graded)', '評価の共通スコアの平均（評価なしはnull）'),
		graded: count('of which graded', 'うち評価のある取組'),
		achievement: column(z.number().nullable(), 'DOUBLE', 'median achievement ratio of their final pairs of target and result (null: none)', '最終の目標・実績の組の達成率の中央値（なしはnull）'),
		paired: count('initiatives behind that median', '中央値の対象の取組数'),
		interim: count('interim pairs of those initiatives, left out of the median', '中央値から除いた中間の組の件数')
	}),
	sql: ({ rows }) => `
		WITH it AS (
			SELECT DISTINCT t.theme_id, i.muni_code, i.plan_id, i.initiative_id
			FROM ${rows('initiative_themes')} t JOIN ${rows('initiatives')} i USING (initiative_id)
		), ev AS (
			SELECT initiative_id, avg(score) AS score FROM ${rows('evaluations')} WHERE score IS NOT NULL GROUP BY initiative_id
		), ach AS (
			SELECT initiative_id, median(ratio) FILTER (WHERE ${FINAL_PAIR}) AS ratio, count(*) FILTER (WHERE ${INTERIM_PAIR}) AS interim
			FROM ${rows('achievements')} WHERE initiative_id IS NOT NULL GROUP BY initiative_id
		)
		SELECT it.theme_id, it.muni_code, it.plan_id, count(*) AS initiatives,
		       avg(ev.score) AS mean_score, count(ev.score) AS graded,
		       median(ach.ratio) AS achievement, count(ach.ratio) AS paired, coalesce(sum(ach.interim), 0) AS interim
		FROM it LEFT JOIN ev USING (initiative_id) LEFT JOIN ach USING (initiative_id)
		GROUP BY it.theme_id, it.muni_code, it.plan_id`
});

/** The matrix's themes and its cells, read from the page table (one small table, not the country's initiatives). */
export async function themeMatrix(db: Connector): Promise<ThemeMatrix> {
	const themes = await db.query<ThemeLabel & Record<string, unknown>>('SELECT theme_id, label_ja, label_en FROM themes ORDER BY theme_id');
	const cells = await db.query<MatrixCell & Record<string, unknown>>(
		'SELECT theme_id, muni_code, plan_id, initiatives, mean_score, graded, achievement, paired, interim FROM theme_matrix ORDER BY theme_id, muni_code, plan_id'
	);
	return { themes, cells };
}
