import type { Connector } from '../db/connector';
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

/** Latest target, latest result and grades per initiative, as one text each (for side-by-side rows). */
const SUMMARY_CTE = `
	summary AS (
		SELECT i.initiative_id,
		       (SELECT x.raw_text FROM measures x WHERE x.initiative_id = i.initiative_id AND x.kind = 'target' ORDER BY x.fiscal_year DESC NULLS LAST, x.measure_id LIMIT 1) AS target,
		       (SELECT x.raw_text FROM measures x WHERE x.initiative_id = i.initiative_id AND x.kind = 'result' ORDER BY x.fiscal_year DESC NULLS LAST, x.measure_id LIMIT 1) AS result,
		       (SELECT string_agg(e.grade_raw, ' / ' ORDER BY e.evaluation_id) FROM evaluations e WHERE e.initiative_id = i.initiative_id) AS grade,
		       (SELECT min_by(e.band, e.score) FROM evaluations e WHERE e.initiative_id = i.initiative_id AND e.band IS NOT NULL) AS band
		FROM initiatives i WHERE i.initiative_id IN (SELECT initiative_id FROM picked)
	)`;

export async function initiativePage(db: Connector, id: string): Promise<InitiativePage | null> {
	const [initiative] = await db.query<InitiativeDetail & Record<string, unknown>>(
		`SELECT i.initiative_id, i.plan_id, i.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, p.title_ja AS plan_title_ja,
		        i.goal_id, i.code, i.name_ja, i.description_ja, i.departments, i.actor, i.repost_of, i.source_file, i.line_start, i.line_end
		 FROM initiatives i JOIN municipalities m USING (muni_code) JOIN plans p USING (plan_id)
		 WHERE i.initiative_id = ?`,
		[id]
	);
	if (!initiative) return null;
	const tables = await presentTables(db);
	const path = await db.query<GoalStep & Record<string, unknown>>(
		`WITH RECURSIVE up(goal_id, parent_goal_id, level, level_name_ja, code, title_ja) AS (
			SELECT g.goal_id, g.parent_goal_id, g.level, g.level_name_ja, g.code, g.title_ja
			FROM goals g JOIN initiatives i ON i.goal_id = g.goal_id WHERE i.initiative_id = ?
			UNION ALL
			SELECT g.goal_id, g.parent_goal_id, g.level, g.level_name_ja, g.code, g.title_ja
			FROM goals g JOIN up ON g.goal_id = up.parent_goal_id
		)
		SELECT goal_id, level, level_name_ja, code, title_ja FROM up ORDER BY level`,
		[id]
	);
	const measures = await db.query<MeasureRow & Record<string, unknown>>(
		`SELECT x.measure_id, x.attached_to, x.kind, x.fiscal_year, x.every_year, x.is_estimate, x.is_cumulative,
		        x.label_ja, x.department, x.raw_text, x.value, x.unit, x.qualifier, x.line
		 FROM measures x JOIN initiatives i ON x.initiative_id = i.initiative_id OR (x.initiative_id IS NULL AND x.goal_id = i.goal_id)
		 WHERE i.initiative_id = ?
		 ORDER BY x.fiscal_year NULLS LAST, CASE x.kind WHEN 'target' THEN 1 WHEN 'plan' THEN 2 ELSE 3 END, x.measure_id`,
		[id]
	);
	const pairs = tables.has('achievements')
		? await db.query<PairShown & Record<string, unknown>>(
				`SELECT ${pairColumns()}
				 FROM achievements WHERE initiative_id = ? ORDER BY achievement_id`,
				[id]
			)
		: null;
	const evaluations = await db.query<EvaluationRow & Record<string, unknown>>(
		`SELECT e.evaluation_id, e.fiscal_year, e.scheme_id, e.grade_raw, e.grade, e.evaluator, e.score, e.band, e.line,
		        s.definition_ja, s.definition_en
		 FROM evaluations e LEFT JOIN grading_schemes s ON s.scheme_id = e.scheme_id AND s.grade = e.grade
		 WHERE e.initiative_id = ? ORDER BY e.fiscal_year, e.evaluation_id`,
		[id]
	);
	const notes = await db.query<NoteRow & Record<string, unknown>>(
		`SELECT n.note_id, n.field, n.label_ja, n.text_ja, n.line, n.initiative_id IS NULL AS goal_wide
		 FROM initiative_notes n JOIN initiatives i ON n.initiative_id = i.initiative_id OR (n.initiative_id IS NULL AND n.goal_id = i.goal_id)
		 WHERE i.initiative_id = ? ORDER BY goal_wide, n.line`,
		[id]
	);
	const hasThemes = tables.has('themes') && tables.has('initiative_themes');
	const themes = hasThemes
		? await db.query<ThemeRow & Record<string, unknown>>(
				`SELECT t.theme_id, t.label_ja, t.label_en, it.method, it.evidence, it.confidence
				 FROM initiative_themes it JOIN themes t USING (theme_id) WHERE it.initiative_id = ? ORDER BY t.theme_id`,
				[id]
			)
		: null;
	const comparables = await comparableInitiatives(db, id, tables);
	const comparableGoalResults =
		hasThemes && tables.has('measure_themes') && themes?.length
			? await goalResults(db, { anyTheme: themes.map((t) => t.theme_id), notMuni: initiative.muni_code })
			: [];
	const [own] = await db.query<InitiativePage['own'] & Record<string, unknown>>(
		`WITH picked AS (SELECT ? AS initiative_id), ${SUMMARY_CTE} SELECT target, result, grade, band FROM summary`,
		[id]
	);
	return { initiative, path, measures, pairs, evaluations, notes, themes, comparables, comparableGoalResults, own: own ?? { target: null, result: null, grade: null, band: null } };
}

/**
 * Initiatives of other municipalities that do comparable work, as the pipeline ranked them once for
 * every initiative (comparable_initiatives; the ranking is src/lib/comparable/rank.ts): shared themes,
 * then the similarity of their names. The reason (shared themes, similarity) is returned so the page
 * can show it. A dataset without the table has none to show.
 */
export async function comparableInitiatives(db: Connector, id: string, tables: ReadonlySet<string>): Promise<Comparable[]> {
	if (!tables.has('comparable_initiatives')) return [];
	return db.query<Comparable & Record<string, unknown>>(
		`WITH picked AS (
			SELECT c.comparable_id AS initiative_id, c.rank, c.shared_themes, c.similarity
			FROM comparable_initiatives c WHERE c.initiative_id = ?
		),
		${SUMMARY_CTE}
		SELECT p.initiative_id, o.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, o.name_ja,
		       p.shared_themes, p.similarity, s.target, s.result, s.grade, s.band,
		       ${importedFile('o.plan_id')}
		FROM picked p JOIN initiatives o USING (initiative_id) JOIN summary s USING (initiative_id) JOIN municipalities m ON m.muni_code = o.muni_code
		ORDER BY p.rank`,
		[id]
	);
}
