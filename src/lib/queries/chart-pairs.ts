import { z } from 'zod';
import type { Connector } from '../db/connector';
import { column } from '../contract/column';
import { achievements } from '../contract/common-ground';
import { definePageTable, type PageTableSources } from '../db/page-table';
import { prefixRange } from '../scale/key-range';
import { pairColumns, type PairShown } from './common';

/**
 * Target–result pairs of initiatives (achievements) with the initiative's own grade where it has one:
 * what the pair charts draw (per theme, per municipality, and self-grade against achievement on
 * /grading). Pairs of goal-wide cells belong to no initiative and are not among them.
 */
export interface ChartPair extends PairShown {
	muni_code: string;
	muni_name_ja: string;
	muni_name_en: string;
	initiative_id: string;
	initiative_name_ja: string;
	/** the initiative's grades as printed (several evaluations joined by " / ") */
	grade_raw: string | null;
	/** mean common score of its evaluations, in [0, 1] */
	grade_score: number | null;
	/** the lowest common band among its evaluations */
	grade_band: string | null;
}

export type PairScope = { theme: string } | { muni: string } | { prefecture: string } | 'all';

const pair = achievements.schema.shape;

/** The columns of a chart's pair, in the page tables (the pair's own columns mean what they mean in achievements). */
const chartPairShape = {
	muni_code: column(z.string().regex(/^\d{5}$/), 'VARCHAR', 'municipality', '市区町村コード'),
	seq: column(z.number().int(), 'INTEGER', "the initiative's order in its plan", '計画内の取組の順序'),
	initiative_id: column(z.string().min(1), 'VARCHAR', 'initiative', '取組ID'),
	achievement_id: pair.achievement_id,
	indicator_label: pair.indicator_label,
	basis: pair.basis,
	target_fiscal_year: pair.target_fiscal_year,
	result_fiscal_year: pair.result_fiscal_year,
	target_value: pair.target_value,
	result_value: pair.result_value,
	unit: pair.unit,
	ratio: pair.ratio,
	band: pair.band,
	result_status: pair.result_status,
	result_status_ja: pair.result_status_ja,
	muni_name_ja: column(z.string().min(1), 'VARCHAR', 'municipality name in Japanese', '市区町村名'),
	muni_name_en: column(z.string().min(1), 'VARCHAR', 'municipality name in English', '市区町村名（英語）'),
	initiative_name_ja: column(z.string().min(1), 'VARCHAR', 'initiative name as printed', '取組名'),
	grade_raw: column(z.string().nullable(), 'VARCHAR', 'its grades as printed, joined by " / "', '評価（記載のまま、「 / 」区切り）'),
	grade_score: column(z.number().nullable(), 'DOUBLE', 'mean common score of its grades, 0 to 1', '評価の共通スコアの平均（0〜1）'),
	grade_band: column(z.string().nullable(), 'VARCHAR', 'the common band of its lowest-scored grade', '最も低い評価の共通区分')
};

/** The pairs with their initiative's grades, over the tables `from` names (both page tables' rows). */
export const chartPairsSql = ({ rows, lookup }: PageTableSources) => `
		WITH ev AS (
			SELECT initiative_id, string_agg(grade_raw, ' / ' ORDER BY evaluation_id) AS grade_raw, avg(score) AS grade_score, min_by(band, score) AS grade_band
			FROM ${rows('evaluations')} GROUP BY initiative_id
		)
		SELECT a.muni_code, i.seq, a.initiative_id, ${pairColumns('a')}, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en,
		       i.name_ja AS initiative_name_ja, ev.grade_raw, ev.grade_score, ev.grade_band
		FROM ${rows('achievements')} a JOIN ${rows('initiatives')} i USING (initiative_id) JOIN ${lookup('municipalities')} m ON m.muni_code = a.muni_code
		LEFT JOIN ev USING (initiative_id)`;

/**
 * Every pair a chart draws, in the order the charts list them: /grading reads all of it (its rows, not
 * the country's achievements, initiatives and grades joined in the tab), a municipality its key range.
 */
export const chartPairsTable = definePageTable({
	name: 'chart_pairs',
	rowEn: "one target–result pair of an initiative, with the initiative's name and grades, as the pair charts draw it (a page table derived from the tables above)",
	rowJa: '取組の目標・実績の組 1件と、その取組の名称・評価（組のグラフに描く内容、上の表から導出するページ用の表）',
	orderBy: ['muni_code', 'seq', 'initiative_id', 'achievement_id'],
	parquet: { prefectureOf: 'muni_code' },
	schema: z.object(chartPairShape),
	sql: chartPairsSql
});

/** The same pairs once per theme of their initiative, sorted by theme: a theme's chart reads one key's rows, not pairs scattered over the country. */
export const themeChartPairsTable = definePageTable({
	name: 'theme_chart_pairs',
	rowEn: "one target–result pair of an initiative of one theme, as the theme page's pair chart draws it (a page table derived from the tables above)",
	rowJa: 'テーマ 1件の取組の目標・実績の組 1件（テーマのページの組のグラフに描く内容、上の表から導出するページ用の表）',
	orderBy: ['theme_id', 'muni_code', 'seq', 'initiative_id', 'achievement_id'],
	parquet: { prefectureOf: 'muni_code' },
	schema: z.object({ theme_id: column(z.string().min(1), 'VARCHAR', 'theme', 'テーマID'), ...chartPairShape }),
	sql: (from) => `
		SELECT t.theme_id, p.* FROM (SELECT DISTINCT theme_id, initiative_id FROM ${from.rows('initiative_themes')}) t
		JOIN (${chartPairsSql(from)}) p USING (initiative_id)`
});

/** What a page gets of a pair: the table's columns but its sort keys of no use to a chart (seq, theme_id). */
const SHOWN = `muni_code, initiative_id, ${pairColumns()}, muni_name_ja, muni_name_en, initiative_name_ja, grade_raw, grade_score, grade_band`;
const ORDER = 'ORDER BY muni_code, seq, initiative_id, achievement_id';

export async function chartPairs(db: Connector, scope: PairScope): Promise<ChartPair[]> {
	if (scope === 'all') return db.query<ChartPair & Record<string, unknown>>(`SELECT ${SHOWN} FROM chart_pairs ${ORDER}`);
	if ('muni' in scope) {
		// A municipality's ids start with its code: the range as well as the code, for the zone maps of both columns.
		const range = prefixRange(scope.muni);
		return db.query<ChartPair & Record<string, unknown>>(`SELECT ${SHOWN} FROM chart_pairs WHERE muni_code = ? AND ${range.sql('initiative_id')} ${ORDER}`, [scope.muni, ...range.params]);
	}
	if ('prefecture' in scope) {
		// A prefecture's municipality codes (and so its ids) start with its two digits: one key range.
		const range = prefixRange(scope.prefecture);
		return db.query<ChartPair & Record<string, unknown>>(`SELECT ${SHOWN} FROM chart_pairs WHERE ${range.sql('muni_code')} AND ${range.sql('initiative_id')} ${ORDER}`, [...range.params, ...range.params]);
	}
	return db.query<ChartPair & Record<string, unknown>>(`SELECT ${SHOWN} FROM theme_chart_pairs WHERE theme_id = ? ${ORDER}`, [scope.theme]);
}
