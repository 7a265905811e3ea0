import type { AdapterContext, AdapterResult, SourceDocument } from '../adapter';
import { SourceError, emptyResult } from '../adapter';
import type { Initiative, Measure } from '../../contract/tables';
import type { QualityWarning } from '../../contract/quality';
import type { TemplateHooks } from '../../template-kit/table-spec';
import type { CorrectionBook } from '../../template-kit/corrections';
import { initiativeId, MeasureIds } from '../../template-kit/records';
import { cellText } from '../../template-kit/cells';
import { nameSimilarity } from '../../template-kit/names';
import { ContentsGoals, ContentsPlacer, readContentsTable, type ContentsAim, type ContentsEntry, type ContentsTop } from '../../template-kit/contents';
import { rowFigureMeasures } from '../../template-kit/measure-wording';
import { tidy } from '../../normalize/text';
import { headerYears, isHeaderRow } from '../../template-kit/header-years';
import { ACTIVITY, readActivityRow, readDepartmentRow, type ActivityRow, type DepartmentRow, type Half } from './rows';
import { Spec, type YearKey } from './spec';

/**
 * 山口市地域福祉計画・地域福祉活動計画 実施状況報告 (平成30年度実施状況・令和元年度実施予定), read with
 * yamaguchi-2018.json. 基本目標 → 活動目標 → 活動 (① ② …); each activity row has a 市社会福祉協議会 half
 * and a 市 half, each with the spec's four figure columns. Every activity gives two initiatives:
 * <muni>-NNN-c (council) and <muni>-NNN-s (city), NNN counting activities in source order. Rows that
 * add another 担当課 belong to the city half of the activity above them. The kit reads the 目次 and
 * places the body against it (contents); the hooks find the two halves by their 担当課 cell (rows.ts).
 */

type Years = Record<YearKey, number>;

interface PlacedActivity {
	n: number;
	line: number;
	row: ActivityRow;
	aimGoalId: string;
	extras: { line: number; row: DepartmentRow }[];
	years: Years;
}

interface FlatActivity extends ContentsEntry {
	goal: ContentsTop;
	aim: ContentsAim;
}

interface Scope {
	spec: Spec;
	muni_code: string;
	plan_id: string;
	file: string;
	ids: MeasureIds;
	warn: (w: Omit<QualityWarning, 'source_file'>) => void;
	book: CorrectionBook;
}

function read(spec: Spec, doc: SourceDocument, ctx: AdapterContext): AdapterResult {
	const out = emptyResult();
	const { muni_code } = doc.entry.municipality;
	const { plan_id } = doc.entry.plan;
	const file = doc.entry.file;
	const warn = (w: Omit<QualityWarning, 'source_file'>) => out.warnings.push({ source_file: file, ...w });
	const [goalLevel, aimLevel] = spec.goals;
	const headings = spec.goals.map((g) => new RegExp(g.heading, 'u'));
	const { field: activityField } = spec.activity;

	const levels = [goalLevel.level_name_ja, aimLevel.level_name_ja] as const;
	const contents = readContentsTable(file, doc.lines, spec.contents, levels);
	// Goal lines and titles start from the 目次 and are replaced by the body's headings where it has them.
	const goals = new ContentsGoals(plan_id, contents, levels);
	const goalId = (g: number, a?: number) => goals.id(g, a);
	const placer = new ContentsPlacer<FlatActivity>(
		contents.goals.flatMap((goal) => goal.aims.flatMap((aim) => aim.entries.map((a) => ({ ...a, goal, aim })))),
		{
			here: spec.contents.here,
			later: spec.contents.later,
			sameGroup: (a, b) => a.goal === b.goal,
			passed: (f, why, line) =>
				warn({ line: f.aim.line, column: null, field: activityField, code: 'missing_activity', message: `the 目次 names ${f.code} ${f.name} (${goalLevel.level_name_ja}${f.goal.no} ${aimLevel.level_name_ja}${f.aim.no}) but the body has no row for it (${why} at line ${line})`, raw: `${f.code} ${f.name}`, initiative_id: null })
		}
	);

	const title = tidy(doc.lines.find((l) => tidy(l)) ?? '');
	let currentGoal: number | null = null;
	let years: Years | null = null;
	const placed: PlacedActivity[] = [];

	/** A 基本目標 or 活動目標 heading of the body: its title replaces the 目次's, the placer moves to it. */
	const heading = (level: 0 | 1, no: number, printed: string, line: number, text: string) => {
		const name = spec.goals[level].level_name_ja;
		if (level === 1 && currentGoal === null) throw new SourceError(file, line, name, `${name}${no} before any ${goalLevel.level_name_ja} heading`);
		const id = level === 0 ? goalId(no) : goalId(currentGoal!, no);
		const known = goals.heading(id, printed, line, (title) => warn({ line, column: null, field: name, code: 'title_differs_from_contents', message: `the 目次 calls it "${title}"`, raw: text, initiative_id: null }));
		if (!known) throw new SourceError(file, line, name, level === 0 ? `${name}${no} is not in the 目次` : `${name}${no} of ${goalLevel.level_name_ja}${currentGoal} is not in the 目次`);
		if (level === 0) currentGoal = no;
		const g = currentGoal;
		if (!placer.heading((f) => f.goal.no === g && (level === 0 || f.aim.no === no), line, `heading ${name}${no}`)) {
			throw new SourceError(file, line, name, `${name}${no} comes after its activities or twice`);
		}
	};

	for (let i = contents.lastLine; i < doc.lines.length; i++) {
		const line = i + 1;
		const rawLine = doc.lines[i];
		const text = tidy(rawLine);
		if (!text || text === title) continue;

		if (!rawLine.includes('\t')) {
			const level = headings.findIndex((h) => h.test(text));
			if (level < 0) {
				warn({ line, column: null, field: null, code: 'unrecognised_line', message: 'a line outside the table that is neither a page title nor a heading; kept here only', raw: text, initiative_id: null });
				continue;
			}
			const m = text.match(headings[level])!;
			heading(level as 0 | 1, Number(m[1]), m[2], line, text);
			continue;
		}

		const cells = rawLine.split('\t').map(cellText);
		if (isHeaderRow(cells, spec.header)) {
			// The column heading row; the one that names the years gives them to the rows below it.
			years = (headerYears(cells, spec.header, file, line) as Years | null) ?? years;
			continue;
		}

		if (ACTIVITY.test(cells[0])) {
			if (!years) throw new SourceError(file, line, 'header', 'an activity row before any column heading with the fiscal years');
			const row = readActivityRow(spec, cells);
			if (!row) throw new SourceError(file, line, spec.city.department_field, `cannot tell the council half from the city half: no 担当課 cell where one is expected (${cells.length} cells)`);
			const expected = placer.expected;
			const f = placer.place(row.code, row.name, line, `row ${row.code} ${row.name}`);
			if (!f) throw new SourceError(file, line, activityField, `"${row.code} ${row.name}" does not match the 目次 here (it expects ${expected ? `${expected.code} ${expected.name}` : 'no more activities'})`);
			const n = placed.length + 1;
			if (nameSimilarity(f.name, row.name) < 1) {
				warn({ line, column: 1, field: activityField, code: 'name_differs_from_contents', message: `the 目次 calls it "${f.name}"; the row's own name is kept`, raw: `${row.code} ${row.name}`, initiative_id: initiativeId(muni_code, n, spec.council.suffix) });
			}
			placed.push({ n, line, row, aimGoalId: goalId(f.goal.no, f.aim.no), extras: [], years });
			continue;
		}

		const extra = readDepartmentRow(spec, cells);
		if (extra) {
			const last = placed[placed.length - 1];
			if (!last) throw new SourceError(file, line, spec.city.department_field, 'a 担当課 row before any activity');
			last.extras.push({ line, row: extra });
			continue;
		}
		if (cells[0]) throw new SourceError(file, line, activityField, `"${cells[0].slice(0, 40)}" is neither an activity (① …) nor a column heading`);
		warn({ line, column: null, field: null, code: 'unattached_row', message: 'a table row with no activity and no 担当課: not attached to any initiative', raw: cells.filter(Boolean).join(' | '), initiative_id: null });
	}
	placer.finish(doc.lines.length, 'end of the document');

	out.goals = goals.records();
	const scope: Scope = { spec, muni_code, plan_id, file, ids: new MeasureIds(), warn, book: ctx.book };
	for (const p of placed) addActivity(out, p, scope);
	// A correction no cell of its line holds stops the run (the kit's one staleness rule).
	out.correctionsUsed = ctx.book.finish();
	return out;
}

/** The figure columns of one half (or of an added 担当課 row) as measures, numbered in column order. */
function halfMeasures(scope: Scope, initiative_id: string, half: Half, line: number, years: Years, department: string | null): Measure[] {
	const readAs = (field: string, text: string) => scope.book.reading(line, field, text);
	return rowFigureMeasures(scope.ids, scope.spec.columns, { initiative_id, line, department, texts: half.figures, years, readAs, warn: scope.warn }, scope.spec.wording);
}

/** The 担当課 of a city half or added row as one name (several joined with ・), null when none is printed. */
const departmentOf = (row: { departments: string[] }) => (row.departments.length ? row.departments.join('・') : null);

function addActivity(out: AdapterResult, p: PlacedActivity, scope: Scope): void {
	const { spec, muni_code, plan_id, file, warn } = scope;
	const { row } = p;
	const councilId = initiativeId(muni_code, p.n, spec.council.suffix);
	const cityId = initiativeId(muni_code, p.n, spec.city.suffix);
	const base = { plan_id, muni_code, goal_id: p.aimGoalId, goal_ids: [p.aimGoalId], code: row.code, name_ja: row.name, repost_of: null, source_file: file, line_start: p.line };
	const council: Initiative = { ...base, initiative_id: councilId, seq: 2 * (p.n - 1), description_ja: row.council.description || null, departments: [spec.council.department], actor: 'council', line_end: p.line };
	const cityDepartments = [...new Set([...row.city.departments, ...p.extras.flatMap((e) => e.row.departments)])];
	const lastLine = p.extras.length ? p.extras[p.extras.length - 1].line : p.line;
	const city: Initiative = { ...base, initiative_id: cityId, seq: 2 * (p.n - 1) + 1, description_ja: row.city.description || null, departments: cityDepartments, actor: 'city', line_end: lastLine };
	out.initiatives.push(council, city);

	if (row.shift) {
		const half = row.shift.half === 'city' ? row.city : row.council;
		const cells = [half.description, ...half.figures];
		warn({ line: p.line, column: null, field: row.shift.field, code: 'shifted_columns', message: `${row.code} ${row.name}: ${row.shift.says}; the row was read by its content (raw: the half's cells as read, 取組み | 実施状況 | 予定 | 指標 | 実績)`, raw: cells.map((c) => c || '(empty)').join(' | '), initiative_id: row.shift.half === 'city' ? cityId : councilId });
	}
	for (const text of row.overflow) warn({ line: p.line, column: null, field: null, code: 'shifted_columns', message: 'text past the last column of the row: not attached to any measure', raw: text, initiative_id: cityId });

	// The roles belong to the activity, so both halves carry them: a reader of either half sees them.
	for (const id of [councilId, cityId]) {
		const roles = spec.roles.map((r, k) => ({ ...r, text: row.roles[k] })).filter((r) => r.text);
		roles.forEach((r, k) => out.notes.push({ note_id: `${id}-n${k + 1}`, initiative_id: id, goal_id: null, field: r.field, label_ja: r.label_ja, text_ja: r.text, line: p.line, line_end: p.line }));
	}

	out.measures.push(...halfMeasures(scope, councilId, row.council, p.line, p.years, null));
	// With added 担当課 rows the city half reports per department: every figure says whose it is.
	out.measures.push(...halfMeasures(scope, cityId, row.city, p.line, p.years, p.extras.length ? departmentOf(row.city) : null));
	for (const e of p.extras) {
		out.measures.push(...halfMeasures(scope, cityId, e.row, e.line, p.years, departmentOf(e.row)));
		for (const text of e.row.overflow) warn({ line: e.line, column: null, field: null, code: 'shifted_columns', message: 'text past the last column of the 担当課 row: not attached to any measure', raw: text, initiative_id: cityId });
	}
}

export const hooks: TemplateHooks<Spec> = { schema: Spec, read };
