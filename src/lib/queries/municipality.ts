import type { Connector } from '../db/connector';
import { pairColumns, presentTables, type PairShown } from './common';

export interface MunicipalityHeader {
	muni_code: string;
	name_ja: string;
	name_en: string;
	prefecture_ja: string;
	prefecture_en: string;
	parent_name_ja: string | null;
	parent_name_en: string | null;
	parent_code: string | null;
	/** whether the parent city is in the municipalities table (a synthetic draw may leave it out), and has a report */
	parent_listed: boolean;
	parent_has_report: boolean;
	prefecture_code: string;
	kind: string | null;
	has_report: boolean;
	note: string | null;
}

/** A ward of a designated city, for the city's page. */
export interface WardRow {
	muni_code: string;
	name_ja: string;
	name_en: string;
	has_report: boolean;
}

export interface PlanRow {
	plan_id: string;
	title_ja: string;
	title_en: string;
	report_fiscal_year: number;
	scheme_id: string | null;
	actor_ja: string;
	source_file: string;
}

export interface GoalRow {
	goal_id: string;
	plan_id: string;
	parent_goal_id: string | null;
	level: number;
	level_name_ja: string;
	code: string | null;
	title_ja: string;
	/** what the goal means, where the source explains it (北本市's 施策 説明) */
	description_ja: string | null;
}

export interface TreeInitiative {
	initiative_id: string;
	goal_id: string | null;
	code: string | null;
	name_ja: string;
	departments: string[];
	grades: string | null;
	best_band: string | null;
	measures: number;
}

export interface GradeCount {
	scheme_id: string;
	grade_raw: string;
	grade: string | null;
	rank: number | null;
	definition_ja: string | null;
	definition_en: string | null;
	n: number;
}

export interface BandCount {
	band: string | null;
	n: number;
}

/** A pair of this municipality, with the initiative it belongs to. */
export interface MunicipalityPair extends PairShown {
	initiative_id: string | null;
	name_ja: string | null;
}

export interface MunicipalityPage {
	municipality: MunicipalityHeader;
	plans: PlanRow[];
	goals: GoalRow[];
	initiatives: TreeInitiative[];
	grades: GradeCount[];
	bands: BandCount[];
	achievements: MunicipalityPair[] | null;
	/** the wards of a designated city (empty for everything else) */
	wards: WardRow[];
}

export async function municipalityCodes(db: Connector): Promise<{ muni_code: string; has_report: boolean }[]> {
	return db.query<{ muni_code: string; has_report: boolean }>('SELECT muni_code, has_report FROM municipalities ORDER BY muni_code');
}

/** Everything the municipality page shows, in a fixed number of aggregated queries. */
export async function municipalityPage(db: Connector, code: string): Promise<MunicipalityPage | null> {
	const head = (await municipalityHeads(db, code)).get(code);
	return head ? municipalityPageOf(db, head) : null;
}

/** What every municipality's page starts from: its row (with its parent's) and its wards. */
export interface MunicipalityHead {
	municipality: MunicipalityHeader;
	wards: WardRow[];
}

/**
 * The heads of one municipality's page (the browser), or of every municipality at once (the prerender:
 * most of its ~1,900 municipality pages have no report and need nothing else, so two queries serve them all).
 */
export async function municipalityHeads(db: Connector, code: string | null): Promise<Map<string, MunicipalityHead>> {
	const params = code === null ? [] : [code];
	const rows = await db.query<MunicipalityHeader & Record<string, unknown>>(
		`SELECT m.muni_code, m.name_ja, m.name_en, m.prefecture_ja, m.prefecture_en, m.parent_name_ja, m.parent_name_en, m.parent_code,
		        p.muni_code IS NOT NULL AS parent_listed, coalesce(p.has_report, false) AS parent_has_report,
		        m.prefecture_code, m.kind, m.has_report, m.note
		 FROM municipalities m LEFT JOIN municipalities p ON p.muni_code = m.parent_code ${code === null ? '' : 'WHERE m.muni_code = ?'}`,
		params
	);
	const wards = await db.query<WardRow & { parent_code: string } & Record<string, unknown>>(
		`SELECT parent_code, muni_code, name_ja, name_en, has_report FROM municipalities WHERE ${code === null ? 'parent_code IS NOT NULL' : 'parent_code = ?'} ORDER BY parent_code, muni_code`,
		params
	);
	const heads = new Map<string, MunicipalityHead>(rows.map((municipality) => [municipality.muni_code, { municipality, wards: [] }]));
	for (const { parent_code, ...ward } of wards) heads.get(parent_code)?.wards.push(ward);
	return heads;
}

/** A municipality's page from its head: nothing more to ask without a report, its plan tree and figures with one. */
export async function municipalityPageOf(db: Connector, { municipality, wards }: MunicipalityHead): Promise<MunicipalityPage> {
	const code = municipality.muni_code;
	// Without a report there is nothing else to ask: the page says so, and shows no empty chart.
	if (!municipality.has_report) return { municipality, plans: [], goals: [], initiatives: [], grades: [], bands: [], achievements: null, wards };
	const tables = await presentTables(db);
	const plans = await db.query<PlanRow & Record<string, unknown>>(
		`SELECT plan_id, title_ja, title_en, report_fiscal_year, scheme_id, actor_ja, source_file FROM plans WHERE muni_code = ? ORDER BY plan_id`,
		[code]
	);
	const goals = await db.query<GoalRow & Record<string, unknown>>(
		`SELECT g.goal_id, g.plan_id, g.parent_goal_id, g.level, g.level_name_ja, g.code, g.title_ja, g.description_ja
		 FROM goals g JOIN plans p USING (plan_id) WHERE p.muni_code = ? ORDER BY g.plan_id, g.seq`,
		[code]
	);
	const initiatives = await db.query<TreeInitiative & Record<string, unknown>>(
		`WITH ev AS (
			SELECT e.initiative_id, string_agg(e.grade_raw, ' / ' ORDER BY e.evaluation_id) AS grades,
			       min(CASE e.band WHEN 'achieved' THEN 1 WHEN 'mostly_achieved' THEN 2 WHEN 'partly_achieved' THEN 3 WHEN 'not_achieved' THEN 4 END) AS best
			FROM evaluations e JOIN initiatives i USING (initiative_id) WHERE i.muni_code = ? GROUP BY e.initiative_id
		), ms AS (
			SELECT x.initiative_id, count(*) AS n FROM measures x JOIN initiatives i USING (initiative_id) WHERE i.muni_code = ? GROUP BY x.initiative_id
		)
		SELECT i.initiative_id, i.goal_id, i.code, i.name_ja, i.departments, ev.grades,
		       CASE ev.best WHEN 1 THEN 'achieved' WHEN 2 THEN 'mostly_achieved' WHEN 3 THEN 'partly_achieved' WHEN 4 THEN 'not_achieved' END AS best_band,
		       coalesce(ms.n, 0) AS measures
		FROM initiatives i LEFT JOIN ev USING (initiative_id) LEFT JOIN ms USING (initiative_id)
		WHERE i.muni_code = ? ORDER BY i.seq, i.initiative_id`,
		[code, code, code]
	);
	const grades = await db.query<GradeCount & Record<string, unknown>>(
		`SELECT e.scheme_id, e.grade_raw, e.grade, s.rank, s.definition_ja, s.definition_en, count(*) AS n
		 FROM evaluations e JOIN initiatives i USING (initiative_id)
		 LEFT JOIN grading_schemes s ON s.scheme_id = e.scheme_id AND s.grade = e.grade
		 WHERE i.muni_code = ?
		 GROUP BY e.scheme_id, e.grade_raw, e.grade, s.rank, s.definition_ja, s.definition_en
		 ORDER BY e.scheme_id, s.rank NULLS LAST, e.grade_raw`,
		[code]
	);
	const bands = await db.query<BandCount & Record<string, unknown>>(
		`SELECT e.band, count(*) AS n FROM evaluations e JOIN initiatives i USING (initiative_id)
		 WHERE i.muni_code = ? GROUP BY e.band
		 ORDER BY CASE e.band WHEN 'achieved' THEN 1 WHEN 'mostly_achieved' THEN 2 WHEN 'partly_achieved' THEN 3 WHEN 'not_achieved' THEN 4 ELSE 5 END`,
		[code]
	);
	const achievements = tables.has('achievements') ? await achievementRows(db, code) : null;
	return { municipality, plans, goals, initiatives, grades, bands, achievements, wards };
}

/** Paired targets and results of one municipality, from the achievements table. */
async function achievementRows(db: Connector, code: string): Promise<MunicipalityPair[]> {
	return db.query<MunicipalityPair & Record<string, unknown>>(
		`SELECT a.initiative_id, i.name_ja, ${pairColumns('a')}
		 FROM achievements a LEFT JOIN initiatives i USING (initiative_id)
		 WHERE a.muni_code = ? ORDER BY i.seq NULLS LAST, a.achievement_id`,
		[code]
	);
}
