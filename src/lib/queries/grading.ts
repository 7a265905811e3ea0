import { z } from 'zod';
import type { Connector, Param } from '../db/connector';
import { column } from '../contract/column';
import { definePageTable } from '../db/page-table';
import { prefixRange } from '../scale/key-range';
import { countryWide } from '../scale/country';
import { BAND_ORDER, FINAL_PAIR, INTERIM_PAIR, importedSchemeFile } from './common';
import { chartPairsSql } from './chart-pairs';

export interface SchemeLevel {
	scheme_id: string;
	muni_code: string;
	muni_name_ja: string;
	muni_name_en: string;
	grade: string;
	rank: number;
	definition_ja: string;
	definition_en: string;
	score: number | null;
	band: string | null;
	mapping_reason_ja: string | null;
	mapping_reason_en: string | null;
	source_line: number | null;
	n: number;
	/** the file name when this row comes from the user's own import (not published), else null */
	imported_file: string | null;
}

export interface GradeSpread {
	muni_code: string;
	name_ja: string;
	name_en: string;
	band: string | null;
	n: number;
}

export interface Generosity {
	muni_code: string;
	name_ja: string;
	name_en: string;
	scheme_id: string | null;
	evaluations: number;
	mean_score: number | null;
	top_share: number | null;
	/** median achievement over final pairs only */
	median_ratio: number | null;
	final_pairs: number;
	/** interim pairs (results before the target year), left out of the median */
	interim_pairs: number;
}

export interface GradingPage {
	levels: SchemeLevel[];
	spread: GradeSpread[];
	generosity: Generosity[];
	ungraded: { muni_code: string; name_ja: string; name_en: string }[];
}

/**
 * What /grading shows of the country. Every pair, municipality and scheme of five plans fit on one
 * page; at national scale (src/lib/scale/country.ts) the page is one prefecture's, chosen on the page,
 * under the national picture of the pairs counted in bins (gradingPairCountsTable): 42,914 dots of
 * 1,741 municipalities are no chart a planner can read, and reading them cost the tab most of the file.
 */
export interface GradingCut {
	/** two-digit prefecture code: every figure of the page for its municipalities only */
	prefecture?: string;
}

/** `AND <column> in the prefecture's key range`, with its parameters, or nothing for the whole country. */
function within(cut: GradingCut) {
	const range = cut.prefecture ? prefixRange(cut.prefecture) : null;
	return (column: string, params: Param[], glue = 'AND') => {
		if (!range) return '';
		params.push(...range.params);
		return ` ${glue} ${range.sql(column)}`;
	};
}

/** The crosswalk and how each municipality's grades fall on it, in four aggregated queries (of one prefecture when cut says so). */
export async function gradingPage(db: Connector, cut: GradingCut = {}): Promise<GradingPage> {
	const [p1, p2, p3, p4]: Param[][] = [[], [], [], []];
	const [r1, r2, r3, r4] = [within(cut), within(cut), within(cut), within(cut)];
	// The schemes the prefecture's plans grade with (a plan may use a scheme written for another municipality), and their own.
	const levels = await db.query<SchemeLevel & Record<string, unknown>>(`
		WITH used AS (SELECT scheme_id, grade, count(*) AS n FROM evaluations WHERE true${r1('evaluation_id', p1)} GROUP BY scheme_id, grade)
		SELECT s.scheme_id, s.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, s.grade, s.rank,
		       s.definition_ja, s.definition_en, s.score, s.band, s.mapping_reason_ja, s.mapping_reason_en, s.source_line,
		       coalesce(used.n, 0) AS n, ${importedSchemeFile('s.scheme_id')}
		FROM grading_schemes s JOIN municipalities m USING (muni_code) LEFT JOIN used USING (scheme_id, grade)
		${cut.prefecture ? `WHERE (true${r1('s.muni_code', p1)} OR s.scheme_id IN (SELECT scheme_id FROM plans WHERE true${r1('muni_code', p1)}))` : ''}
		ORDER BY s.scheme_id, s.rank`, p1);
	const spread = await db.query<GradeSpread & Record<string, unknown>>(`
		SELECT i.muni_code, m.name_ja, m.name_en, e.band, count(*) AS n
		FROM evaluations e JOIN initiatives i USING (initiative_id) JOIN municipalities m ON m.muni_code = i.muni_code
		WHERE true${r2('e.evaluation_id', p2)}${r2('i.initiative_id', p2)}
		GROUP BY i.muni_code, m.name_ja, m.name_en, e.band
		ORDER BY i.muni_code, CASE e.band WHEN 'achieved' THEN 1 WHEN 'mostly_achieved' THEN 2 WHEN 'partly_achieved' THEN 3 WHEN 'not_achieved' THEN 4 ELSE 5 END`, p2);
	// Generous grading shows as a high mean score next to a low achievement of paired targets.
	const generosity = await db.query<Generosity & Record<string, unknown>>(`
		WITH ev AS (
			SELECT i.muni_code, count(*) AS evaluations, avg(e.score) AS mean_score,
			       avg(CASE WHEN e.band IS NULL THEN NULL WHEN e.band = 'achieved' THEN 1.0 ELSE 0.0 END) AS top_share
			FROM evaluations e JOIN initiatives i USING (initiative_id) WHERE true${r3('e.evaluation_id', p3)}${r3('i.initiative_id', p3)} GROUP BY i.muni_code
		), ach AS (
			SELECT muni_code, median(ratio) FILTER (WHERE ${FINAL_PAIR}) AS median_ratio,
			       count(*) FILTER (WHERE ${FINAL_PAIR}) AS final_pairs, count(*) FILTER (WHERE ${INTERIM_PAIR}) AS interim_pairs
			FROM achievements WHERE true${r3('achievement_id', p3)} GROUP BY muni_code
		)
		SELECT m.muni_code, m.name_ja, m.name_en, any_value(p.scheme_id) AS scheme_id, ev.evaluations, ev.mean_score, ev.top_share, ach.median_ratio,
		       coalesce(ach.final_pairs, 0) AS final_pairs, coalesce(ach.interim_pairs, 0) AS interim_pairs
		FROM municipalities m JOIN ev USING (muni_code) LEFT JOIN plans p USING (muni_code) LEFT JOIN ach USING (muni_code)
		GROUP BY m.muni_code, m.name_ja, m.name_en, ev.evaluations, ev.mean_score, ev.top_share, ach.median_ratio, ach.final_pairs, ach.interim_pairs
		ORDER BY ev.mean_score DESC NULLS LAST, m.muni_code`, p3);
	const ungraded = await db.query<GradingPage['ungraded'][number] & Record<string, unknown>>(`
		SELECT m.muni_code, m.name_ja, m.name_en FROM municipalities m
		WHERE m.has_report${r4('m.muni_code', p4)} AND NOT EXISTS (SELECT 1 FROM evaluations e JOIN initiatives i USING (initiative_id) WHERE i.muni_code = m.muni_code${r4('i.initiative_id', p4)}${r4('e.evaluation_id', p4)})
		ORDER BY m.muni_code`, p4);
	return { levels, spread, generosity, ungraded };
}

/** How a pair sits on the self-grade chart, as outcomeOf (src/lib/components/charts/pair-specs.ts) says it in the page. */
const OUTCOME_SQL = `CASE WHEN ${INTERIM_PAIR} THEN 'interim' WHEN result_status = 'not_carried_out' THEN 'not_carried_out'
	WHEN band IN (${BAND_ORDER.map((b) => `'${b}'`).join(', ')}) THEN band ELSE 'no_ratio' END`;

/** Bins of the self-grade's mean common score (0–1) on the national picture: fifths, 1 in the last. */
export const SCORE_BINS = 5;

/**
 * The national picture of /grading at national scale: the pairs the self-grade chart would draw
 * (a grade score and a place on the achievement axis), counted per prefecture, score bin and outcome.
 * A page table (src/lib/db/page-table.ts): a few hundred rows instead of every pair of the country;
 * counts add up over published and imported plans, so the page sums them by bin.
 */
export const gradingPairCountsTable = definePageTable({
	name: 'grading_pair_counts',
	rowEn: "how many target–result pairs of a prefecture's initiatives fall in one bin of the self-grade's score with one outcome (a page table derived from the tables above)",
	rowJa: '都道府県の取組の目標・実績の組のうち、自己評価のスコアの区間と結果が同じものの件数（上の表から導出するページ用の表）',
	orderBy: ['prefecture_code', 'score_bin', 'outcome'],
	parquet: 'summary',
	schema: z.object({
		prefecture_code: column(z.string().regex(/^\d{2}$/), 'VARCHAR', 'two-digit prefecture code', '都道府県コード（2桁）'),
		score_bin: column(z.number().int().min(0).max(SCORE_BINS - 1), 'INTEGER', `the self-grade's mean common score in ${SCORE_BINS} equal bins from 0 (0 to 0.2) to ${SCORE_BINS - 1} (0.8 to 1)`, `自己評価の共通スコアの平均を${SCORE_BINS}等分した区間（0は0〜0.2、${SCORE_BINS - 1}は0.8〜1）`),
		outcome: column(z.enum([...BAND_ORDER, 'not_carried_out', 'interim', 'no_ratio']), 'VARCHAR', "the pair's outcome: its common band, not carried out, or interim", '組の結果（共通区分、実施されず、途中経過）'),
		pairs: column(z.number().int().positive(), 'INTEGER', 'pairs', '組の件数')
	}),
	sql: (from) => `
		SELECT left(muni_code, 2) AS prefecture_code, least(floor(grade_score * ${SCORE_BINS}), ${SCORE_BINS - 1})::INTEGER AS score_bin,
		       ${OUTCOME_SQL} AS outcome, count(*) AS pairs
		FROM (${chartPairsSql(from)})
		WHERE grade_score IS NOT NULL AND (ratio IS NOT NULL OR result_status = 'not_carried_out')
		GROUP BY ALL`
});

export interface GradingPrefecture {
	prefecture_code: string;
	name_ja: string;
	name_en: string;
	plans: number;
	/** pairs on the self-grade chart */
	pairs: number;
}

export interface GradingCountry {
	/** false: the page is the whole country's, as always for the five published municipalities */
	atScale: boolean;
	/** the prefectures with a plan, for the page's choice */
	prefectures: GradingPrefecture[];
	/** the pairs of the whole country by score bin and outcome */
	bins: { score_bin: number; outcome: string; pairs: number }[];
}

/** Whether /grading is one prefecture's (the data decides, not the build), and the national picture when it is. */
export async function gradingCountry(db: Connector): Promise<GradingCountry> {
	const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM municipality_summaries');
	if (!countryWide(n)) return { atScale: false, prefectures: [], bins: [] };
	const prefectures = await db.query<GradingPrefecture & Record<string, unknown>>(`
		WITH pairs AS (SELECT prefecture_code, sum(pairs)::INTEGER AS pairs FROM grading_pair_counts GROUP BY prefecture_code)
		SELECT s.prefecture_code, any_value(s.prefecture_ja) AS name_ja, any_value(s.prefecture_en) AS name_en, count(*)::INTEGER AS plans,
		       coalesce(any_value(pairs.pairs), 0)::INTEGER AS pairs
		FROM municipality_summaries s LEFT JOIN pairs USING (prefecture_code)
		GROUP BY s.prefecture_code ORDER BY s.prefecture_code`);
	const bins = await db.query<GradingCountry['bins'][number] & Record<string, unknown>>(
		'SELECT score_bin, outcome, sum(pairs)::INTEGER AS pairs FROM grading_pair_counts GROUP BY score_bin, outcome ORDER BY score_bin DESC, outcome'
	);
	return { atScale: true, prefectures, bins };
}
