import { TABLES, type Evaluation, type Goal, type GradingSchemeLevel, type Initiative, type Measure } from '../contract/tables';
import { columnsOf, strictSchema, type TableDef } from '../contract/column';
import { initiativeId, MeasureIds, measuresFromCell } from '../template-kit/records';
import { actorOfDepartments } from '../template-kit/departments';
import { readGrade } from '../normalize/grade';
import { tidy } from '../normalize/text';
import { bandOf, type Crosswalk } from '../grading/crosswalk';

type CrosswalkScheme = Crosswalk['schemes'][number];
import { addCommonGround, type CommonGroundInputs } from '../pipeline/common-ground';
import { sortRows, type Dataset } from '../pipeline/ingest';
import { problem, type ImportProblem } from './problems';
import { timed } from './timing';

/**
 * Rows a user brings, already read cell by cell (from the Atlas template or through a column
 * mapping), turned into the records of the data contract the same way for both: the same ids,
 * the same measure reading as the adapters, the user's own placement of their grades on the
 * common scale, then the same common-ground step as the build (themes, crosswalk, pairing).
 */

/** Where a row came from: its sheet and row, and the column letter of each field. */
export interface Place {
	sheet: string;
	row: number;
	columns: Record<string, string>;
}

export interface PlanInfo {
	muni_code: string;
	prefecture_ja: string;
	prefecture_en: string | null;
	name_ja: string;
	name_en: string | null;
	title_ja: string;
	title_en: string | null;
	report_fiscal_year: number;
	actor_ja: string;
	place: Place | null;
}

export interface LevelInput {
	grade: string;
	rank: number;
	definition_ja: string;
	definition_en: string | null;
	score: number;
	reason_ja: string;
	reason_en: string | null;
	place: Place | null;
}

export interface GoalInput {
	code: string;
	parent_code: string | null;
	level_name_ja: string;
	title_ja: string;
	description_ja: string | null;
	place: Place;
}

export interface InitiativeInput {
	code: string;
	goal_codes: string[];
	name_ja: string;
	description_ja: string | null;
	departments: string[];
	place: Place;
}

export interface MeasureInput {
	initiative_code: string;
	kind: Measure['kind'];
	fiscal_year: number | null;
	label_ja: string | null;
	value: number | null;
	unit: string | null;
	raw_text: string | null;
	department: string | null;
	is_estimate: boolean;
	place: Place;
}

export interface EvaluationInput {
	initiative_code: string;
	fiscal_year: number;
	grade_raw: string;
	evaluator: string | null;
	place: Place;
}

export interface PlanInput {
	fileName: string;
	sha256: string;
	/** which reader made the rows: atlas-template or a tabular spec */
	adapter: string;
	plan: PlanInfo;
	levels: LevelInput[];
	goals: GoalInput[];
	initiatives: InitiativeInput[];
	measures: MeasureInput[];
	evaluations: EvaluationInput[];
	/** ids the manifest gives, for a tabular source in the build; else made from code and year */
	ids?: { planId: string; schemeId: string | null };
	/** true for a plan imported for a code that has a published report: its ids get BESIDE_PUBLISHED, so both plans stand side by side */
	besidePublished?: boolean;
}

/** The end of every id of a plan imported beside a published one (the published plan keeps the plain ids). */
export const BESIDE_PUBLISHED = '-import';

/** Tables of one imported plan, in the contract's shape (themes stay the published ones). */
export type ImportedTables = Dataset;

const EVERY_YEAR = /毎年|毎月|年\s*[0-9０-９]+\s*回|年間|各年度|毎年度/;
const CUMULATIVE = /累計|総累計|累積/;

const at = (p: Place | null, field: string) => ({ sheet: p?.sheet ?? null, row: p?.row ?? null, column: p?.columns[field] ?? null });

function fieldProblem(p: Place | null, field: string, found: unknown, ja: string, en: string): ImportProblem {
	const w = at(p, field);
	return problem(w.sheet, w.row, w.column, found, ja, en);
}

export const schemeIdOf = (muniCode: string) => `${muniCode}-own`;

/** The user's placement of their levels as a crosswalk scheme; bands follow from the published thresholds. */
export function ownCrosswalkScheme(schemeId: string, levels: readonly LevelInput[], bands: Crosswalk['bands']): CrosswalkScheme {
	return {
		scheme_id: schemeId,
		measures: 'placed_by_author',
		meaning_en: 'Placed on the common scale by the author of the imported file.',
		meaning_ja: '取り込んだファイルの作成者が共通尺度上に置いた位置。',
		levels: levels.map((l) => ({ grade: l.grade, score: l.score, band: bandOf(l.score, bands), reason_en: l.reason_en ?? l.reason_ja, reason_ja: l.reason_ja }))
	};
}

/** Every zod issue of every row, with the row's sheet, row and the field's column (not just the first). */
function contractProblems(table: TableDef, rows: readonly Record<string, unknown>[], places: ReadonlyMap<Record<string, unknown>, Place | null>): ImportProblem[] {
	const out: ImportProblem[] = [];
	const strict = strictSchema(table);
	for (const row of rows) {
		const parsed = strict.safeParse(row);
		if (parsed.success) continue;
		for (const issue of parsed.error.issues) {
			const field = String(issue.path[0] ?? '');
			out.push(fieldProblem(places.get(row) ?? null, field, row[field] as unknown, `${table.name}.${field}: ${issue.message}`, `${table.name}.${field}: ${issue.message}`));
		}
	}
	return out;
}

/**
 * Build and check every record; return the tables, or every problem found. Nothing is returned
 * half-built: one problem anywhere and the caller gets only the problems.
 */
export function buildPlan(input: PlanInput, common: CommonGroundInputs): { tables: ImportedTables; problems: [] } | { tables: null; problems: ImportProblem[] } {
	const { dataset, problems } = timed('records (contract checks)', () => buildRecords(input));
	if (problems.length) return { tables: null, problems };
	const schemeId = dataset.plans[0].scheme_id as string | null;
	const crosswalk: Crosswalk = { bands: common.crosswalk.bands, schemes: schemeId ? [ownCrosswalkScheme(schemeId, input.levels, common.crosswalk.bands)] : [] };
	// Reviewed theme overrides name published initiatives only; an import is classified by the rules alone.
	const computed = timed('common ground (crosswalk, themes, pairing)', () => addCommonGround(dataset, { ...common, overrides: [], crosswalk }));
	// The themes themselves are the published ones; an import only adds its initiatives to them.
	delete computed.themes;
	return { tables: computed, problems: [] };
}

/** The contract's records of one plan, sorted, or every problem (the common ground is not computed here). */
export function buildRecords(input: PlanInput): { dataset: Dataset; problems: ImportProblem[] } {
	const problems: ImportProblem[] = [];
	const places = new Map<Record<string, unknown>, Place | null>();
	const p = input.plan;
	const muni = p.muni_code;
	const beside = input.besidePublished ? BESIDE_PUBLISHED : '';
	const planId = input.ids?.planId ?? `${muni}-${p.report_fiscal_year}${beside}`;
	const schemeId = input.ids ? input.ids.schemeId : input.levels.length ? `${schemeIdOf(muni)}${beside}` : null;

	const municipality = { muni_code: muni, name_ja: p.name_ja, name_en: p.name_en ?? p.name_ja, prefecture_ja: p.prefecture_ja, prefecture_en: p.prefecture_en ?? p.prefecture_ja, parent_code: null, parent_name_ja: null, parent_name_en: null, name_kana: null, kind: null, prefecture_code: String(muni ?? '').slice(0, 2), has_report: true, note: null };
	places.set(municipality, p.place);

	// Grading scheme: the user's own levels, each placed by them on [0, 1].
	const levels: GradingSchemeLevel[] = [];
	const seenGrades = new Set<string>();
	for (const l of input.levels) {
		if (seenGrades.has(l.grade)) problems.push(fieldProblem(l.place, 'grade', l.grade, '同じ評価が2回定義されています', 'this grade is defined twice'));
		seenGrades.add(l.grade);
		const row: GradingSchemeLevel = { scheme_id: schemeId!, muni_code: muni, grade: l.grade, rank: l.rank, definition_ja: l.definition_ja, definition_en: l.definition_en ?? l.definition_ja, score: null, band: null, mapping_reason_en: null, mapping_reason_ja: null, source_line: l.place?.row ?? null };
		levels.push(row);
		places.set(row, l.place);
	}
	if (input.levels.length === 1) problems.push(fieldProblem(input.levels[0].place, 'grade', input.levels[0].grade, '評価基準には2段階以上が必要です', 'a grading scheme needs at least two levels'));

	// Goals: a code per goal; the level follows from the parent chain.
	const goalByCode = new Map<string, { input: GoalInput; id: string }>();
	input.goals.forEach((g, i) => {
		if (goalByCode.has(g.code)) problems.push(fieldProblem(g.place, 'code', g.code, '同じ目標番号が2回あります', 'this goal number appears twice'));
		else goalByCode.set(g.code, { input: g, id: `${planId}-G${String(i + 1).padStart(3, '0')}` });
	});
	const levelOf = (code: string): number => {
		let n = 1;
		const seen = new Set<string>([code]);
		for (let c = goalByCode.get(code)?.input.parent_code; c && goalByCode.has(c) && !seen.has(c); c = goalByCode.get(c)?.input.parent_code) {
			seen.add(c);
			n++;
		}
		return n;
	};
	const goals: Goal[] = [];
	input.goals.forEach((g, i) => {
		if (g.parent_code && !goalByCode.has(g.parent_code)) problems.push(fieldProblem(g.place, 'parent_code', g.parent_code, '目標シートにない上位目標番号です', 'a parent goal number that the goals sheet does not define'));
		const row: Goal = { goal_id: goalByCode.get(g.code)?.id ?? `${planId}-G${i + 1}`, plan_id: planId, parent_goal_id: g.parent_code ? (goalByCode.get(g.parent_code)?.id ?? null) : null, level: levelOf(g.code), level_name_ja: g.level_name_ja, code: g.code, title_ja: g.title_ja, description_ja: g.description_ja, seq: i + 1, line: g.place.row };
		goals.push(row);
		places.set(row, g.place);
	});

	// Initiatives: numbered in the order of the sheet; the user's own number is kept as code.
	const initiativeByCode = new Map<string, Initiative>();
	const initiatives: Initiative[] = [];
	input.initiatives.forEach((it, i) => {
		const goalIds: string[] = [];
		for (const c of it.goal_codes) {
			const g = goalByCode.get(c);
			if (!g) problems.push(fieldProblem(it.place, 'goal_codes', c, '目標シートにない目標番号です', 'a goal number that the goals sheet does not define'));
			else if (!goalIds.includes(g.id)) goalIds.push(g.id);
		}
		const row: Initiative = { initiative_id: initiativeId(muni, i + 1, beside), plan_id: planId, muni_code: muni, goal_id: goalIds[0] ?? null, goal_ids: goalIds, seq: i + 1, code: it.code, name_ja: it.name_ja, description_ja: it.description_ja, departments: it.departments, actor: actorOfDepartments(it.departments), repost_of: null, source_file: input.fileName, line_start: it.place.row, line_end: it.place.row };
		if (initiativeByCode.has(it.code)) problems.push(fieldProblem(it.place, 'code', it.code, '同じ取組番号が2回あります', 'this initiative number appears twice'));
		else initiativeByCode.set(it.code, row);
		initiatives.push(row);
		places.set(row, it.place);
	});
	const initiativeOf = (code: string, place: Place): Initiative | null => {
		const it = initiativeByCode.get(code);
		if (!it) problems.push(fieldProblem(place, 'initiative_code', code, '取組シートにない取組番号です', 'an initiative number that the initiatives sheet does not define'));
		return it ?? null;
	};

	// Measures: a value given in its own column is taken as it is; otherwise the text is read by the
	// same normalizers as the published reports (全角数字, 延べ, 以上, units).
	const ids = new MeasureIds();
	const measures: Measure[] = [];
	for (const m of input.measures) {
		const it = initiativeOf(m.initiative_code, m.place);
		if (!it) continue;
		const made: Measure[] = [];
		if (m.value !== null) {
			const raw = tidy(m.raw_text ?? [m.label_ja, `${m.value}${m.unit ?? ''}`].filter(Boolean).join(' '));
			made.push({ measure_id: ids.take(it.initiative_id), initiative_id: it.initiative_id, goal_id: null, attached_to: 'initiative', kind: m.kind, fiscal_year: m.fiscal_year, every_year: m.kind === 'target' && EVERY_YEAR.test(raw), is_estimate: m.is_estimate, is_cumulative: CUMULATIVE.test(raw), label_ja: m.label_ja, department: m.department, raw_text: raw, value: m.value, unit: m.unit, qualifier: null, status: null, status_ja: null, narrative: false, line: m.place.row, line_end: m.place.row });
		} else if (m.raw_text) {
			made.push(...measuresFromCell(ids, { initiative_id: it.initiative_id, kind: m.kind, fiscal_year: m.fiscal_year, text: m.raw_text, line: m.place.row, is_estimate: m.is_estimate, label_fallback: m.label_ja, department: m.department }));
			if (m.label_ja) for (const x of made) x.label_ja ??= m.label_ja;
		} else {
			problems.push(fieldProblem(m.place, 'value', '', '値か原文のどちらかが必要です', 'a value or the text as printed is needed'));
		}
		for (const x of made) places.set(x, m.place);
		measures.push(...made);
	}

	// Evaluations: a grade must be one of the user's own levels; never mapped by its letter alone.
	const evaluations: Evaluation[] = [];
	const evalCount = new Map<string, number>();
	for (const e of input.evaluations) {
		const it = initiativeOf(e.initiative_code, e.place);
		if (!it) continue;
		if (!schemeId) {
			problems.push(fieldProblem(e.place, 'grade', e.grade_raw, '評価がありますが評価基準シートがありません。各段階と共通尺度上の位置を評価基準シートに書いてください', 'a grade, but no grading scheme sheet: list each level and its place on the common scale there'));
			continue;
		}
		const grade = readGrade(e.grade_raw, input.levels.map((l) => l.grade));
		if (grade === null) {
			problems.push(fieldProblem(e.place, 'grade', e.grade_raw, `評価基準シートにない評価です（${input.levels.map((l) => l.grade).join('・')}）`, `a grade the grading scheme sheet does not define (${input.levels.map((l) => l.grade).join(', ')})`));
			continue;
		}
		const n = (evalCount.get(it.initiative_id) ?? 0) + 1;
		evalCount.set(it.initiative_id, n);
		const row: Evaluation = { evaluation_id: `${it.initiative_id}-e${n}`, initiative_id: it.initiative_id, fiscal_year: e.fiscal_year, scheme_id: schemeId, grade_raw: e.grade_raw, grade, evaluator: e.evaluator, score: null, band: null, line: e.place.row };
		evaluations.push(row);
		places.set(row, e.place);
	}

	const years = new Set<number>([p.report_fiscal_year]);
	for (const r of [...measures, ...evaluations]) if (r.fiscal_year !== null) years.add(r.fiscal_year);
	const plan = { plan_id: planId, muni_code: muni, title_ja: p.title_ja, title_en: p.title_en ?? p.title_ja, report_fiscal_year: p.report_fiscal_year, fiscal_years: [...years].sort((a, b) => a - b), scheme_id: schemeId, actor_ja: p.actor_ja, source_file: input.fileName, source_sha256: input.sha256, adapter: input.adapter };
	places.set(plan, p.place);

	const dataset: Dataset = { municipalities: [municipality], plans: [plan], grading_schemes: levels, goals, initiatives, measures, evaluations, initiative_notes: [] };
	for (const table of TABLES) problems.push(...contractProblems(table, dataset[table.name], places));
	if (!initiatives.length) problems.push(problem(null, null, null, null, '取組が1件もありません', 'the file holds no initiative'));
	if (problems.length) return { dataset, problems };
	for (const table of TABLES) dataset[table.name] = sortRows(table, dataset[table.name]);
	return { dataset, problems };
}

/** Column names of a table in the contract, for writers that follow it (Parquet export). */
export const contractColumns = (table: TableDef) => columnsOf(table).map((c) => c.name);
