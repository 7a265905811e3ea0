import { z } from 'zod';
import type { Connector, Row } from '../db/connector';
import { column } from '../contract/column';
import { definePageTable } from '../db/page-table';
import { importedFile, pairColumns, presentTables, type PairShown } from './common';
import { goalResults, type GoalResult } from './goal-results';

export interface InitiativeDetail {
	initiative_id: string;
	plan_id: string;
	muni_code: string;
	muni_name_ja: string;
	muni_name_en: string;
	plan_title_ja: string;
	goal_id: string | null;
	code: string | null;
	name_ja: string;
	description_ja: string | null;
	departments: string[];
	actor: string;
	repost_of: string | null;
	source_file: string;
	line_start: number;
	line_end: number;
}

/** One line of a source as printed (the prerendered page reads them from data/sources/). */
export interface ExcerptLine {
	line: number;
	text: string;
}

export interface GoalStep {
	goal_id: string;
	level: number;
	level_name_ja: string;
	code: string | null;
	title_ja: string;
}

export interface MeasureRow {
	measure_id: string;
	attached_to: string;
	kind: string;
	fiscal_year: number | null;
	every_year: boolean;
	is_estimate: boolean;
	is_cumulative: boolean;
	label_ja: string | null;
	/** the department the figure belongs to where the source reports per department */
	department: string | null;
	raw_text: string;
	value: number | null;
	unit: string | null;
	qualifier: string | null;
	line: number;
}

export interface EvaluationRow {
	evaluation_id: string;
	fiscal_year: number;
	scheme_id: string;
	grade_raw: string;
	grade: string | null;
	evaluator: string | null;
	score: number | null;
	band: string | null;
	line: number;
	definition_ja: string | null;
	definition_en: string | null;
}

export interface NoteRow {
	note_id: string;
	field: string;
	label_ja: string;
	text_ja: string;
	line: number;
	goal_wide: boolean;
}

export interface ThemeRow {
	theme_id: string;
	label_ja: string;
	label_en: string;
	method: string;
	evidence: string;
	confidence: number;
}

export interface Comparable {
	initiative_id: string;
	muni_code: string;
	muni_name_ja: string;
	muni_name_en: string;
	name_ja: string;
	shared_themes: string[];
	similarity: number;
	target: string | null;
	result: string | null;
	grade: string | null;
	band: string | null;
	/** the file name when this row comes from the user's own import (not published), else null */
	imported_file: string | null;
}



export interface InitiativePage {
	initiative: InitiativeDetail;
	path: GoalStep[];
	measures: MeasureRow[];
	/** null when the dataset has no achievements table */
	pairs: PairShown[] | null;
	evaluations: EvaluationRow[];
	notes: NoteRow[];
	themes: ThemeRow[] | null;
	comparables: Comparable[];
	/** results other municipalities report for a whole goal, sharing a theme with this initiative */
	comparableGoalResults: GoalResult[];
	/** Target, result and grade of this initiative, shown beside each comparable one. */
	own: { target: string | null; result: string | null; grade: string | null; band: string | null };
}

export async function initiativeIds(db: Connector): Promise<string[]> {
	const rows = await db.query<{ initiative_id: string }>('SELECT initiative_id FROM initiatives ORDER BY initiative_id');
	return rows.map((r) => r.initiative_id);
}

const muniCode = z.string().regex(/^\d{5}$/);

/**
 * An initiative as another page's row shows it (comparable initiatives, an initiative's own figures
 * beside them): its latest target, latest result and grades as one text each. A page table
 * (src/lib/db/page-table.ts) sorted by initiative id: the comparables of one initiative lie all over
 * the country, and deriving their figures in the page read every block of measures and grades of the
 * national file (89 MB natively for ten rows); one row each, read by key, is a few blocks.
 */
export const initiativeSummariesTable = definePageTable({
	name: 'initiative_summaries',
	rowEn: 'one initiative with its latest target, latest result and grades, as rows of other pages show it (a page table derived from the tables above)',
	rowJa: '取組 1件と最新の目標・最新の実績・評価（他のページの行に表示する内容。上の表から導出するページ用の表）',
	orderBy: ['initiative_id'],
	parquet: { prefectureOf: 'muni_code' },
	schema: z.object({
		initiative_id: column(z.string().min(1), 'VARCHAR', 'initiative', '取組ID'),
		muni_code: column(muniCode, 'VARCHAR', 'municipality', '市区町村コード'),
		plan_id: column(z.string().min(1), 'VARCHAR', 'plan', '計画ID'),
		name_ja: column(z.string().min(1), 'VARCHAR', 'initiative name as printed', '取組名'),
		target: column(z.string().nullable(), 'VARCHAR', 'the source text of its latest target', '最新の目標（原文）'),
		result: column(z.string().nullable(), 'VARCHAR', 'the source text of its latest result', '最新の実績（原文）'),
		grade: column(z.string().nullable(), 'VARCHAR', 'its grades as printed, joined by " / "', '評価（記載のまま、「 / 」区切り）'),
		band: column(z.string().nullable(), 'VARCHAR', 'the common band of its lowest-scored grade', '最も低い評価の共通区分')
	}),
	sql: ({ rows }) => `
		WITH m AS (
			SELECT initiative_id, kind, raw_text,
			       row_number() OVER (PARTITION BY initiative_id, kind ORDER BY fiscal_year DESC NULLS LAST, measure_id) AS r
			FROM ${rows('measures')} WHERE kind IN ('target', 'result') AND initiative_id IS NOT NULL
		), e AS (
			SELECT initiative_id, string_agg(grade_raw, ' / ' ORDER BY evaluation_id) AS grade, min_by(band, score) FILTER (WHERE band IS NOT NULL) AS band
			FROM ${rows('evaluations')} GROUP BY initiative_id
		)
		SELECT i.initiative_id, i.muni_code, i.plan_id, i.name_ja, t.raw_text AS target, r.raw_text AS result, e.grade, e.band
		FROM ${rows('initiatives')} i
		LEFT JOIN m t ON t.initiative_id = i.initiative_id AND t.kind = 'target' AND t.r = 1
		LEFT JOIN m r ON r.initiative_id = i.initiative_id AND r.kind = 'result' AND r.r = 1
		LEFT JOIN e ON e.initiative_id = i.initiative_id`
});

/** Which initiatives a batch of pages is for: one (a page in the browser) or every one of a municipality (the prerender). */
export type InitiativePick = { id: string } | { muni: string };

/** The picked initiatives, as a CTE every query of the batch starts from. */
function pickedCte(pick: InitiativePick): [string, string] {
	return 'id' in pick
		? ['picked_i AS (SELECT initiative_id, goal_id, muni_code FROM initiatives WHERE initiative_id = ?)', pick.id]
		: ['picked_i AS (SELECT initiative_id, goal_id, muni_code FROM initiatives WHERE muni_code = ?)', pick.muni];
}

/** Rows of one query for many pages, each tagged with the page's initiative (for_id), split per page in their order. */
function byInitiative<T>(rows: Row[]): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const { for_id, ...row } of rows) {
		const list = out.get(String(for_id));
		if (list) list.push(row as T);
		else out.set(String(for_id), [row as T]);
	}
	return out;
}

export async function initiativePage(db: Connector, id: string): Promise<InitiativePage | null> {
	return (await initiativePages(db, { id })).get(id) ?? null;
}

/**
 * The pages of several initiatives with one query per part instead of one per part and page: the
 * prerender asks for a municipality's initiatives at once (at national scale each query reads tables
 * of hundreds of thousands of rows, so its cost is the same for one page or fifty). The browser asks
 * for one. Every list keeps the order the page shows.
 */
export async function initiativePages(db: Connector, pick: InitiativePick): Promise<Map<string, InitiativePage>> {
	const [picked, param] = pickedCte(pick);
	const details = await db.query<InitiativeDetail & Record<string, unknown>>(
		`WITH ${picked}
		 SELECT i.initiative_id, i.plan_id, i.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, p.title_ja AS plan_title_ja,
		        i.goal_id, i.code, i.name_ja, i.description_ja, i.departments, i.actor, i.repost_of, i.source_file, i.line_start, i.line_end
		 FROM initiatives i JOIN municipalities m USING (muni_code) JOIN plans p USING (plan_id)
		 WHERE i.initiative_id IN (SELECT initiative_id FROM picked_i)
		 ORDER BY i.initiative_id`,
		[param]
	);
	const pages = new Map<string, InitiativePage>();
	if (!details.length) return pages;
	const tables = await presentTables(db);
	const paths = byInitiative<GoalStep>(
		await db.query(
			`WITH RECURSIVE ${picked}, up(for_id, goal_id, parent_goal_id, level, level_name_ja, code, title_ja) AS (
				SELECT i.initiative_id, g.goal_id, g.parent_goal_id, g.level, g.level_name_ja, g.code, g.title_ja
				FROM goals g JOIN picked_i i ON i.goal_id = g.goal_id
				UNION ALL
				SELECT up.for_id, g.goal_id, g.parent_goal_id, g.level, g.level_name_ja, g.code, g.title_ja
				FROM goals g JOIN up ON g.goal_id = up.parent_goal_id
			)
			SELECT for_id, goal_id, level, level_name_ja, code, title_ja FROM up ORDER BY for_id, level`,
			[param]
		)
	);
	// An initiative's own measures, and those its source gives for its whole goal (two equality joins:
	// one join on "own or goal-wide" would compare every picked initiative with every measure).
	const measureColumns = `x.measure_id, x.attached_to, x.kind, x.fiscal_year, x.every_year, x.is_estimate, x.is_cumulative,
		        x.label_ja, x.department, x.raw_text, x.value, x.unit, x.qualifier, x.line`;
	const measures = byInitiative<MeasureRow>(
		await db.query(
			`WITH ${picked}, m AS (
				SELECT i.initiative_id AS for_id, ${measureColumns} FROM picked_i i JOIN measures x ON x.initiative_id = i.initiative_id
				UNION ALL
				SELECT i.initiative_id AS for_id, ${measureColumns} FROM picked_i i JOIN measures x ON x.initiative_id IS NULL AND x.goal_id = i.goal_id
			)
			SELECT * FROM m
			ORDER BY for_id, fiscal_year NULLS LAST, CASE kind WHEN 'target' THEN 1 WHEN 'plan' THEN 2 ELSE 3 END, measure_id`,
			[param]
		)
	);
	const pairs = tables.has('achievements')
		? byInitiative<PairShown>(
				await db.query(
					`WITH ${picked}
					 SELECT initiative_id AS for_id, ${pairColumns()}
					 FROM achievements WHERE initiative_id IN (SELECT initiative_id FROM picked_i) ORDER BY initiative_id, achievement_id`,
					[param]
				)
			)
		: null;
	const evaluations = byInitiative<EvaluationRow>(
		await db.query(
			`WITH ${picked}
			 SELECT e.initiative_id AS for_id, e.evaluation_id, e.fiscal_year, e.scheme_id, e.grade_raw, e.grade, e.evaluator, e.score, e.band, e.line,
			        s.definition_ja, s.definition_en
			 FROM evaluations e LEFT JOIN grading_schemes s ON s.scheme_id = e.scheme_id AND s.grade = e.grade
			 WHERE e.initiative_id IN (SELECT initiative_id FROM picked_i) ORDER BY e.initiative_id, e.fiscal_year, e.evaluation_id`,
			[param]
		)
	);
	const noteColumns = 'n.note_id, n.field, n.label_ja, n.text_ja, n.line, n.initiative_id IS NULL AS goal_wide';
	const notes = byInitiative<NoteRow>(
		await db.query(
			`WITH ${picked}, n AS (
				SELECT i.initiative_id AS for_id, ${noteColumns} FROM picked_i i JOIN initiative_notes n ON n.initiative_id = i.initiative_id
				UNION ALL
				SELECT i.initiative_id AS for_id, ${noteColumns} FROM picked_i i JOIN initiative_notes n ON n.initiative_id IS NULL AND n.goal_id = i.goal_id
			)
			SELECT * FROM n ORDER BY for_id, goal_wide, line, note_id`,
			[param]
		)
	);
	const hasThemes = tables.has('themes') && tables.has('initiative_themes');
	const themes = hasThemes
		? byInitiative<ThemeRow>(
				await db.query(
					`WITH ${picked}
					 SELECT it.initiative_id AS for_id, t.theme_id, t.label_ja, t.label_en, it.method, it.evidence, it.confidence
					 FROM initiative_themes it JOIN themes t USING (theme_id) WHERE it.initiative_id IN (SELECT initiative_id FROM picked_i) ORDER BY it.initiative_id, t.theme_id`,
					[param]
				)
			)
		: null;
	const comparables = await comparablesOf(db, pick, tables);
	const owns = byInitiative<InitiativePage['own']>(
		await db.query(
			`WITH ${picked} SELECT initiative_id AS for_id, target, result, grade, band FROM initiative_summaries WHERE initiative_id IN (SELECT initiative_id FROM picked_i)`,
			[param]
		)
	);
	// Goal-wide results elsewhere that share a theme: one query per municipality for the union of its
	// initiatives' themes, then each page keeps the rows that share one of its own.
	const elsewhere = new Map<string, GoalResult[]>();
	if (themes && tables.has('measure_themes'))
		for (const muni of new Set(details.map((d) => d.muni_code))) {
			const anyTheme = [...new Set(details.filter((d) => d.muni_code === muni).flatMap((d) => (themes.get(d.initiative_id) ?? []).map((t) => t.theme_id)))];
			if (anyTheme.length) elsewhere.set(muni, await goalResults(db, { anyTheme, notMuni: muni }));
		}
	for (const initiative of details) {
		const id = initiative.initiative_id;
		const its = themes ? (themes.get(id) ?? []) : null;
		const own = new Set(its?.map((t) => t.theme_id));
		const comparableGoalResults = (elsewhere.get(initiative.muni_code) ?? []).filter((r) => r.themes.some((t) => own.has(t)));
		pages.set(id, {
			initiative,
			path: paths.get(id) ?? [],
			measures: measures.get(id) ?? [],
			pairs: pairs ? (pairs.get(id) ?? []) : null,
			evaluations: evaluations.get(id) ?? [],
			notes: notes.get(id) ?? [],
			themes: its,
			comparables: comparables.get(id) ?? [],
			comparableGoalResults,
			own: owns.get(id)?.[0] ?? { target: null, result: null, grade: null, band: null }
		});
	}
	return pages;
}

/**
 * Initiatives of other municipalities that do comparable work, as the pipeline ranked them once for
 * every initiative (comparable_initiatives; the ranking is src/lib/comparable/rank.ts): shared themes,
 * then the similarity of their names. The reason (shared themes, similarity) is returned so the page
 * can show it. A dataset without the table has none to show.
 */
export async function comparableInitiatives(db: Connector, id: string, tables: ReadonlySet<string>): Promise<Comparable[]> {
	return (await comparablesOf(db, { id }, tables)).get(id) ?? [];
}

async function comparablesOf(db: Connector, pick: InitiativePick, tables: ReadonlySet<string>): Promise<Map<string, Comparable[]>> {
	if (!tables.has('comparable_initiatives')) return new Map();
	const [picked, param] = pickedCte(pick);
	const ranked = await db.query<{ for_id: string; initiative_id: string; shared_themes: string[]; similarity: number }>(
		`WITH ${picked}
		 SELECT c.initiative_id AS for_id, c.comparable_id AS initiative_id, c.shared_themes, c.similarity
		 FROM comparable_initiatives c WHERE c.initiative_id IN (SELECT initiative_id FROM picked_i) ORDER BY c.initiative_id, c.rank`,
		[param]
	);
	if (!ranked.length) return new Map();
	const shown = await comparableRows(db, [...new Set(ranked.map((r) => r.initiative_id))], 'muni' in pick);
	const out = new Map<string, Comparable[]>();
	for (const { for_id, ...r } of ranked) {
		const row = shown.get(r.initiative_id);
		// As a join would: a ranked id whose initiative is not in the dataset is not shown.
		if (!row) continue;
		out.set(for_id, [...(out.get(for_id) ?? []), { ...row, ...r }]);
	}
	return out;
}

type ComparableShown = Omit<Comparable, 'shared_themes' | 'similarity'>;

/**
 * The comparable rows' initiatives, by id. One page's ten lie all over the country: a join from their
 * list gives DuckDB a key range spanning the file, so each is read by its own key (a UNION ALL of
 * single-key reads, which the zone maps serve from that key's blocks). The prerender's batch (hundreds
 * of ids, a local file) reads them in one join.
 */
async function comparableRows(db: Connector, ids: readonly string[], batch: boolean): Promise<Map<string, ComparableShown>> {
	const select = (where: string) => `SELECT s.initiative_id, s.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, s.name_ja,
		       s.target, s.result, s.grade, s.band, ${importedFile('s.plan_id')}
		FROM initiative_summaries s JOIN municipalities m ON m.muni_code = s.muni_code WHERE ${where}`;
	const rows = batch
		? await db.query<ComparableShown & Record<string, unknown>>(select("s.initiative_id IN (SELECT unnest(string_split(?, ',')))"), [ids.join(',')])
		: await db.query<ComparableShown & Record<string, unknown>>(ids.map(() => `(${select('s.initiative_id = ?')})`).join(' UNION ALL '), [...ids]);
	return new Map(rows.map((r) => [r.initiative_id, r]));
}
