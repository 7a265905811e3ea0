import { z } from 'zod';
import type { Connector } from '../db/connector';
import { column } from '../contract/column';
import { definePageTable } from '../db/page-table';
import { prefixRange } from '../scale/key-range';
import { FINAL_PAIR, INTERIM_PAIR, importedFile, isInterim, pairColumns, type PairShown } from './common';
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

const muniCode = z.string().regex(/^\d{5}$/);
const count = (en: string, ja: string) => column(z.number().int().nonnegative(), 'INTEGER', en, ja);

/**
 * The theme page's table (a page table, src/lib/db/page-table.ts): one row per theme and initiative,
 * with what the page's list shows of it and the per-initiative figures its municipality table
 * aggregates, sorted by theme then municipality, so a page reads one theme's rows (and the first of
 * them, a page of the list) by key instead of joining every initiative, grade and pair of the country.
 */
export const themeInitiativesTable = definePageTable({
	name: 'theme_initiatives',
	rowEn: "one initiative of one theme, with what the theme page shows of it (a page table derived from the tables above)",
	rowJa: 'テーマ 1件の取組 1件と、テーマのページに表示する内容（上の表から導出するページ用の表）',
	orderBy: ['theme_id', 'muni_code', 'seq', 'initiative_id'],
	parquet: { prefectureOf: 'muni_code' },
	schema: z.object({
		theme_id: column(z.string().min(1), 'VARCHAR', 'theme', 'テーマID'),
		muni_code: column(muniCode, 'VARCHAR', 'municipality', '市区町村コード'),
		seq: column(z.number().int(), 'INTEGER', "the initiative's order in its plan", '計画内の取組の順序'),
		initiative_id: column(z.string().min(1), 'VARCHAR', 'initiative', '取組ID'),
		plan_id: column(z.string().min(1), 'VARCHAR', 'plan', '計画ID'),
		muni_name_ja: column(z.string().min(1), 'VARCHAR', 'municipality name in Japanese', '市区町村名'),
		muni_name_en: column(z.string().min(1), 'VARCHAR', 'municipality name in English', '市区町村名（英語）'),
		name_ja: column(z.string().min(1), 'VARCHAR', 'initiative name as printed', '取組名'),
		departments: column(z.array(z.string()), 'VARCHAR[]', 'departments in charge', '担当課'),
		source_file: column(z.string().min(1), 'VARCHAR', 'the source file the initiative was read from', '読み取り元のファイル'),
		ratio: column(z.number().nullable(), 'DOUBLE', 'median achievement of its final target–result pairs (interim ones apart)', '最終の目標・実績の組の達成度の中央値（中間は除く）'),
		score: column(z.number().nullable(), 'DOUBLE', 'mean common score of its grades, 0 to 1', '評価の共通スコアの平均（0〜1）'),
		final_pairs: count('final target–result pairs', '最終の目標・実績の組の件数'),
		interim_pairs: count('interim pairs (a result before the target year)', '中間の組の件数（目標年度より前の実績）'),
		grades: column(z.string().nullable(), 'VARCHAR', 'its grades as printed, joined by " / "', '評価（記載のまま、「 / 」区切り）'),
		band: column(z.string().nullable(), 'VARCHAR', 'the common band of its lowest-scored grade', '最も低い評価の共通区分'),
		evidence: column(z.string().min(1), 'VARCHAR', 'why the theme was given (the words that matched)', 'テーマ付与の根拠')
	}),
	sql: ({ rows, lookup }) => `
		WITH mine AS (
			SELECT initiative_id, theme_id, string_agg(evidence, '; ' ORDER BY evidence) AS evidence FROM ${rows('initiative_themes')} GROUP BY initiative_id, theme_id
		), ev AS (
			SELECT initiative_id, string_agg(grade_raw, ' / ' ORDER BY evaluation_id) AS grades, min_by(band, score) AS band, avg(score) AS score
			FROM ${rows('evaluations')} GROUP BY initiative_id
		), ach AS (
			SELECT initiative_id, median(ratio) FILTER (WHERE ${FINAL_PAIR}) AS ratio,
			       count(*) FILTER (WHERE ${FINAL_PAIR}) AS final_pairs, count(*) FILTER (WHERE ${INTERIM_PAIR}) AS interim_pairs
			FROM ${rows('achievements')} WHERE initiative_id IS NOT NULL GROUP BY initiative_id
		)
		SELECT mine.theme_id, i.muni_code, i.seq, i.initiative_id, i.plan_id, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en,
		       i.name_ja, i.departments, i.source_file, ach.ratio, ev.score,
		       coalesce(ach.final_pairs, 0) AS final_pairs, coalesce(ach.interim_pairs, 0) AS interim_pairs, ev.grades, ev.band, mine.evidence
		FROM mine JOIN ${rows('initiatives')} i USING (initiative_id) JOIN ${lookup('municipalities')} m ON m.muni_code = i.muni_code
		LEFT JOIN ev USING (initiative_id) LEFT JOIN ach USING (initiative_id)`
});

/** Which of a theme's initiatives to list: a page of the list (offset, limit), or a municipality's. */
export interface ThemeRowsCut {
	limit?: number;
	offset?: number;
	muni?: string | null;
}

/**
 * A theme's page. cut: what the page leaves out at national scale (src/lib/scale/country.ts): the
 * list beyond its first `initiatives` rows (~10,000 initiatives a theme, with their measures; the
 * page loads more with themeInitiatives), and the table of every municipality (the prerender; the
 * browser asks for it).
 */
export async function themePage(db: Connector, themeId: string, cut: { initiatives?: number; municipalities?: boolean } = {}): Promise<ThemePage | null> {
	const [theme] = await db.query<ThemeHeader & Record<string, unknown>>(
		'SELECT theme_id, label_ja, label_en, definition_ja, definition_en FROM themes WHERE theme_id = ?',
		[themeId]
	);
	if (!theme) return null;
	const initiatives = await themeInitiatives(db, themeId, { limit: cut.initiatives });
	const [{ n: initiativeTotal }] =
		cut.initiatives === undefined
			? [{ n: initiatives.length }]
			: await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM theme_initiatives WHERE theme_id = ?', [themeId]);
	const goalResultRows = await goalResults(db, { theme: themeId });
	const municipalities = cut.municipalities === false ? [] : await themeMunicipalities(db, themeId, goalResultRows);
	return { theme, initiatives, initiativeTotal, municipalities, goalResults: goalResultRows };
}

/** A theme's initiatives as the list shows them, in its order: all, a page of them, or one municipality's. */
export async function themeInitiatives(db: Connector, themeId: string, cut: ThemeRowsCut = {}): Promise<ThemeInitiative[]> {
	const range = cut.muni ? prefixRange(cut.muni) : null;
	const where = `t.theme_id = ?${range ? ` AND t.muni_code = ? AND ${range.sql('t.initiative_id')}` : ''}`;
	const whereParams = range ? [themeId, cut.muni!, ...range.params] : [themeId];
	// Two steps: which rows of the list (a page of a theme's ~10,000 at national scale), from the sort
	// keys only, then what the list shows of them. One query with LIMIT read every listed column of
	// every row of the theme to sort them (5.5 MB natively for a page of 200 of salon's 8,588); the
	// rows of a page lie together in the table (it is stored in the list's order), so their id range
	// as constants lets the zone maps read their blocks only.
	const keys = await db.query<{ initiative_id: string }>(
		`SELECT t.initiative_id FROM theme_initiatives t WHERE ${where} ORDER BY t.muni_code, t.seq, t.initiative_id
		 ${cut.limit === undefined ? '' : `LIMIT ${Math.max(0, Math.floor(cut.limit))}`} ${cut.offset ? `OFFSET ${Math.max(0, Math.floor(cut.offset))}` : ''}`,
		whereParams
	);
	if (!keys.length) return [];
	const keyIds = keys.map((k) => k.initiative_id);
	const keySorted = [...keyIds].sort();
	const rows = await db.query<Omit<ThemeInitiative, 'progress' | 'texts' | 'pairs'> & Record<string, unknown>>(
		`SELECT t.initiative_id, t.muni_code, t.muni_name_ja, t.muni_name_en, t.name_ja, t.departments, t.source_file,
		        t.ratio, t.grades, t.band, t.evidence, ${importedFile('t.plan_id')}
		 FROM theme_initiatives t WHERE ${where} AND t.initiative_id >= ? AND t.initiative_id <= ?
		   AND t.initiative_id IN (SELECT unnest(string_split(?, ',')))
		 ORDER BY t.muni_code, t.seq, t.initiative_id`,
		[...whereParams, keySorted[0], keySorted[keySorted.length - 1], keyIds.join(',')]
	);
	// The measures and pairs of the listed initiatives only (ids hold no comma: the contract's pattern).
	// The list is in municipality order, so its ids lie in one key range: given as constants, DuckDB's
	// zone maps read the blocks of that range only.
	const ids = rows.map((r) => r.initiative_id);
	const sorted = [...ids].sort();
	const listed = 'SELECT unnest(string_split(?, \',\')) AS initiative_id';
	const within = (c: string) => `${c} >= ? AND ${c} <= ?`;
	const bounds = [sorted[0], sorted[sorted.length - 1]];
	// Measures and pairs as flat rows, grouped here: both engines hand flat rows back alike.
	const measureRows = await db.query<MeasureRow & Record<string, unknown>>(
		`SELECT x.initiative_id, x.measure_id, x.kind, x.fiscal_year, x.every_year, x.value, x.unit, x.qualifier, x.label_ja, x.raw_text, x.line
		FROM measures x WHERE ${within('x.initiative_id')} AND x.initiative_id IN (${listed})
		ORDER BY x.initiative_id, x.line, x.fiscal_year NULLS LAST, x.measure_id`,
		[...bounds, ids.join(',')]
	);
	const pairRows = await db.query<ThemePair & { initiative_id: string } & Record<string, unknown>>(
		`SELECT a.initiative_id, a.target_measure_id, a.result_measure_id, ${pairColumns('a')}
		FROM achievements a WHERE ${within('a.initiative_id')} AND a.initiative_id IN (${listed})
		ORDER BY a.initiative_id, a.result_fiscal_year NULLS LAST, a.achievement_id`,
		[...bounds, ids.join(',')]
	);
	const textsOf = groupTexts(measureRows);
	const pairsOf = new Map<string, ThemePair[]>();
	for (const { initiative_id, ...p } of pairRows) pairsOf.set(initiative_id, [...(pairsOf.get(initiative_id) ?? []), p]);
	return rows.map((i) => {
		const pairs = pairsOf.get(i.initiative_id) ?? [];
		return { ...i, texts: textsOf.get(i.initiative_id) ?? [], pairs, progress: progressOf(pairs) };
	});
}

/** Interim pairs, in id order: progress on the way, shown apart from the median. */
function progressOf(pairs: readonly ThemePair[]): InterimProgress[] {
	return pairs
		.filter(isInterim)
		.map((p) => ({ achievement_id: p.achievement_id, basis: 'interim', band: null, ratio: p.ratio, target_fiscal_year: p.target_fiscal_year, result_fiscal_year: p.result_fiscal_year }))
		.sort((a, b) => (a.achievement_id < b.achievement_id ? -1 : a.achievement_id > b.achievement_id ? 1 : 0));
}

/**
 * Every municipality with a report, with its initiatives of the theme and their figures (zero where
 * it has none): the theme's rows of the page table summed by municipality, and the goal-wide results
 * of the theme (already read for the page) counted by municipality.
 */
async function themeMunicipalities(db: Connector, themeId: string, goalResultRows: readonly GoalResult[]): Promise<ThemeMunicipality[]> {
	const rows = await db.query<ThemeMunicipality & Record<string, unknown>>(
		`WITH per AS (
			SELECT muni_code, count(*) AS initiatives, avg(score) AS mean_score, count(score) AS graded,
			       median(ratio) AS median_ratio, sum(final_pairs)::INTEGER AS paired, sum(interim_pairs)::INTEGER AS interim
			FROM theme_initiatives WHERE theme_id = ? GROUP BY muni_code
		)
		SELECT m.muni_code, m.name_ja, m.name_en, coalesce(per.initiatives, 0) AS initiatives, per.mean_score,
		       coalesce(per.graded, 0) AS graded, per.median_ratio, coalesce(per.paired, 0) AS paired, coalesce(per.interim, 0) AS interim
		FROM municipalities m LEFT JOIN per USING (muni_code)
		WHERE m.has_report
		ORDER BY m.muni_code`,
		[themeId]
	);
	const goalWide = new Map<string, number>();
	for (const r of goalResultRows) goalWide.set(r.muni_code, (goalWide.get(r.muni_code) ?? 0) + 1);
	return rows.map((r) => ({ ...r, goal_results: goalWide.get(r.muni_code) ?? 0 }));
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
