import type { Adapter, AdapterContext, AdapterResult, SourceDocument } from './adapter';
import type { CorrectionBook } from '../template-kit/corrections';
import { SourceError, emptyResult } from './adapter';
import type { Goal, Initiative, InitiativeNote, Measure } from '../contract/tables';
import type { QualityWarning } from '../contract/quality';
import { initiativeId, MeasureIds } from '../template-kit/records';
import { fold, tidy } from '../normalize/text';
import { readFiscalYear } from '../normalize/fiscal-year';
import { readContents, type ContentsActivity, type ContentsAim, type ContentsGoal } from './yamaguchi-2018/contents';
import { cellText } from '../template-kit/cells';
import { ACTIVITY, readActivityRow, readDepartmentRow, type ActivityRow, type DepartmentRow, type Half } from './yamaguchi-2018/rows';
import { cellMeasures, indicatorItems, unreadFigures } from './yamaguchi-2018/measures';

/**
 * 山口市地域福祉計画・地域福祉活動計画 実施状況報告 (平成30年度実施状況・令和元年度実施予定).
 * 基本目標 → 活動目標 → 活動 (① ② …); each activity row has a 市社会福祉協議会 half and a 市 half,
 * each with its 平成30年度実施状況, 令和元年度実施予定, 主な活動指標 and 30年度実績. Every activity gives
 * two initiatives: <muni>-NNN-c (council) and <muni>-NNN-s (city), NNN counting activities in source
 * order. Rows that add another 担当課 belong to the city half of the activity above them.
 */

const COUNCIL = '山口市社会福祉協議会';
const LABEL_RESIDENT = '住民、地域の役割';
const LABEL_AGENCY = '関係機関の役割';

const HEADER_CELLS = new Set([
	'活動名',
	LABEL_RESIDENT,
	LABEL_AGENCY,
	'活動目標の実現に向けた取組み',
	'市社会福祉協議会の取組み',
	'市の取組み',
	'担当課',
	'主な活動指標'
]);
const HEADER_YEAR = /^(?:平成|令和)?\S*年度(?:実施状況|実施予定|実績)$/;

interface PlacedActivity {
	n: number;
	line: number;
	row: ActivityRow;
	aimGoalId: string;
	extras: { line: number; row: DepartmentRow }[];
	years: { status: number; plan: number; result: number };
}

interface FlatActivity extends ContentsActivity {
	goal: ContentsGoal;
	aim: ContentsAim;
}

/** Bigram overlap of two names, after folding and dropping spaces: 1 = the same text. */
export function nameSimilarity(a: string, b: string): number {
	const norm = (s: string) => fold(s).replace(/[\s・、。()（）「」]/g, '');
	const grams = (s: string) => {
		const out = new Map<string, number>();
		for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
		return out;
	};
	const x = norm(a);
	const y = norm(b);
	if (x === y) return 1;
	const gx = grams(x);
	const gy = grams(y);
	let common = 0;
	for (const [g, n] of gx) common += Math.min(n, gy.get(g) ?? 0);
	const total = Math.max(1, x.length - 1 + (y.length - 1));
	return (2 * common) / total;
}

function isHeaderRow(cells: string[]): boolean {
	const filled = cells.filter(Boolean);
	return filled.length > 0 && filled.every((c) => HEADER_CELLS.has(c) || HEADER_YEAR.test(c));
}

export const yamaguchi2018: Adapter = {
	id: 'yamaguchi-2018',
	describes:
		'山口市: 基本目標 / 活動目標 / 活動 (①…) rows, each with a 市社会福祉協議会 half and a 市 half (H30 results, R1 plans, indicators with targets, H30 figures, 担当課)',
	read(doc: SourceDocument, ctx: AdapterContext): AdapterResult {
		const out = emptyResult();
		const { muni_code } = doc.entry.municipality;
		const { plan_id } = doc.entry.plan;
		const file = doc.entry.file;
		const warn = (w: Omit<QualityWarning, 'source_file'>) => out.warnings.push({ source_file: file, ...w });

		const contents = readContents(file, doc.lines);
		const goalId = (g: number, a?: number) => `${plan_id}-G${g}${a === undefined ? '' : `-${a}`}`;
		// Goal lines and titles start from the 目次 and are replaced by the body's headings where it has them.
		const goalPlace = new Map<string, { line: number; title: string }>();
		for (const g of contents.goals) {
			goalPlace.set(goalId(g.no), { line: g.line, title: g.title });
			for (const a of g.aims) goalPlace.set(goalId(g.no, a.no), { line: a.line, title: a.title });
		}
		const flat: FlatActivity[] = contents.goals.flatMap((goal) => goal.aims.flatMap((aim) => aim.activities.map((a) => ({ ...a, goal, aim }))));

		const title = tidy(doc.lines.find((l) => tidy(l)) ?? '');
		let next = 0;
		let currentGoal: number | null = null;
		let years: PlacedActivity['years'] | null = null;
		const placed: PlacedActivity[] = [];

		/** Move the pointer to `to`, telling the reader about every activity of the 目次 passed over. */
		const skipTo = (to: number, line: number, why: string) => {
			for (; next < to; next++) {
				const f = flat[next];
				warn({ line: f.aim.line, column: null, field: '活動名', code: 'missing_activity', message: `the 目次 names ${f.code} ${f.name} (基本目標${f.goal.no} 活動目標${f.aim.no}) but the body has no row for it (${why} at line ${line})`, raw: `${f.code} ${f.name}`, initiative_id: null });
			}
		};

		for (let i = contents.lastLine; i < doc.lines.length; i++) {
			const line = i + 1;
			const rawLine = doc.lines[i];
			const text = tidy(rawLine);
			if (!text || text === title) continue;

			if (!rawLine.includes('\t')) {
				const goalHeading = text.match(/^基本目標\s*(\d+)\s*(.+)$/);
				const aimHeading = text.match(/^活動目標\s*(\d+)\s*(.+)$/);
				if (goalHeading) {
					const g = Number(goalHeading[1]);
					const id = goalId(g);
					const place = goalPlace.get(id);
					if (!place) throw new SourceError(file, line, '基本目標', `基本目標${g} is not in the 目次`);
					if (nameSimilarity(place.title, goalHeading[2]) < 1) {
						warn({ line, column: null, field: '基本目標', code: 'title_differs_from_contents', message: `the 目次 calls it "${place.title}"`, raw: text, initiative_id: null });
					}
					goalPlace.set(id, { line, title: goalHeading[2] });
					currentGoal = g;
					const first = flat.findIndex((f, k) => k >= next && f.goal.no === g);
					if (first < 0) throw new SourceError(file, line, '基本目標', `基本目標${g} comes after its activities or twice`);
					skipTo(first, line, `heading 基本目標${g}`);
				} else if (aimHeading) {
					const a = Number(aimHeading[1]);
					if (currentGoal === null) throw new SourceError(file, line, '活動目標', `活動目標${a} before any 基本目標 heading`);
					const id = goalId(currentGoal, a);
					const place = goalPlace.get(id);
					if (!place) throw new SourceError(file, line, '活動目標', `活動目標${a} of 基本目標${currentGoal} is not in the 目次`);
					if (nameSimilarity(place.title, aimHeading[2]) < 1) {
						warn({ line, column: null, field: '活動目標', code: 'title_differs_from_contents', message: `the 目次 calls it "${place.title}"`, raw: text, initiative_id: null });
					}
					goalPlace.set(id, { line, title: aimHeading[2] });
					const g = currentGoal;
					const first = flat.findIndex((f, k) => k >= next && f.goal.no === g && f.aim.no === a);
					if (first < 0) throw new SourceError(file, line, '活動目標', `活動目標${a} comes after its activities or twice`);
					skipTo(first, line, `heading 活動目標${a}`);
				} else {
					warn({ line, column: null, field: null, code: 'unrecognised_line', message: 'a line outside the table that is neither a page title nor a heading; kept here only', raw: text, initiative_id: null });
				}
				continue;
			}

			const cells = rawLine.split('\t').map(cellText);
			if (isHeaderRow(cells)) {
				const status = cells.find((c) => /実施状況$/.test(c));
				if (status) {
					const plan = cells.find((c) => /実施予定$/.test(c)) ?? '';
					const result = cells.find((c) => /年度実績$/.test(c)) ?? '';
					const y = { status: readFiscalYear(status), plan: readFiscalYear(plan), result: readFiscalYear(result, 'H') };
					if (y.status === null || y.plan === null || y.result === null) {
						throw new SourceError(file, line, 'header', `cannot read the fiscal years from "${status}" / "${plan}" / "${result}"`);
					}
					years = { status: y.status, plan: y.plan, result: y.result };
				}
				continue;
			}

			if (ACTIVITY.test(cells[0])) {
				if (!years) throw new SourceError(file, line, 'header', 'an activity row before any column heading with the fiscal years');
				const row = readActivityRow(cells);
				if (!row) {
					throw new SourceError(file, line, '担当課', `cannot tell the council half from the city half: no 担当課 cell where one is expected (${cells.length} cells)`);
				}
				// The activity the 目次 expects here, or, if the body lost some rows, a later one of the same
				// 基本目標 whose name is clearly this row's; never a loose match further on.
				const expected = flat[next];
				const found =
					expected && expected.code === row.code && nameSimilarity(expected.name, row.name) >= 0.5
						? next
						: flat.findIndex((f, k) => k > next && f.goal === expected?.goal && f.code === row.code && nameSimilarity(f.name, row.name) >= 0.8);
				if (found < 0) {
					throw new SourceError(file, line, '活動名', `"${row.code} ${row.name}" does not match the 目次 here (it expects ${expected ? `${expected.code} ${expected.name}` : 'no more activities'})`);
				}
				skipTo(found, line, `row ${row.code} ${row.name}`);
				const f = flat[next++];
				const n = placed.length + 1;
				if (nameSimilarity(f.name, row.name) < 1) {
					warn({ line, column: 1, field: '活動名', code: 'name_differs_from_contents', message: `the 目次 calls it "${f.name}"; the row's own name is kept`, raw: `${row.code} ${row.name}`, initiative_id: initiativeId(muni_code, n, '-c') });
				}
				placed.push({ n, line, row, aimGoalId: goalId(f.goal.no, f.aim.no), extras: [], years });
				continue;
			}

			const extra = readDepartmentRow(cells);
			if (extra) {
				const last = placed[placed.length - 1];
				if (!last) throw new SourceError(file, line, '担当課', 'a 担当課 row before any activity');
				last.extras.push({ line, row: extra });
				continue;
			}
			if (cells[0]) throw new SourceError(file, line, '活動名', `"${cells[0].slice(0, 40)}" is neither an activity (① …) nor a column heading`);
			warn({ line, column: null, field: null, code: 'unattached_row', message: 'a table row with no activity and no 担当課: not attached to any initiative', raw: cells.filter(Boolean).join(' | '), initiative_id: null });
		}
		skipTo(flat.length, doc.lines.length, 'end of the document');

		out.goals = buildGoals(contents.goals, plan_id, goalId, goalPlace);
		const ids = new MeasureIds();
		const scope: Scope = { muni_code, plan_id, file, ids, warn, book: ctx.book };
		for (const p of placed) addActivity(out, p, scope);
		// A correction no cell of its line holds stops the run (the kit's one staleness rule).
		out.correctionsUsed = ctx.book.finish();
		return out;
	}
};

function buildGoals(
	goals: ContentsGoal[],
	plan_id: string,
	goalId: (g: number, a?: number) => string,
	place: Map<string, { line: number; title: string }>
): Goal[] {
	const out: Goal[] = [];
	for (const g of goals) {
		const id = goalId(g.no);
		const p = place.get(id)!;
		out.push({ goal_id: id, plan_id, parent_goal_id: null, level: 1, level_name_ja: '基本目標', code: String(g.no), title_ja: p.title, description_ja: null, seq: out.length, line: p.line });
		for (const a of g.aims) {
			const aid = goalId(g.no, a.no);
			const ap = place.get(aid)!;
			out.push({ goal_id: aid, plan_id, parent_goal_id: id, level: 2, level_name_ja: '活動目標', code: String(a.no), title_ja: ap.title, description_ja: null, seq: out.length, line: ap.line });
		}
	}
	return out;
}

interface Scope {
	muni_code: string;
	plan_id: string;
	file: string;
	ids: MeasureIds;
	warn: (w: Omit<QualityWarning, 'source_file'>) => void;
	book: CorrectionBook;
}

/** How a documented correction says to read a cell (the kit's book), or null when none names it. */
const correctedReading = (scope: Scope, line: number, field: string, text: string): string | null => scope.book.reading(line, field, text);

/** The four figure columns of one half (or of an added 担当課 row) as measures. */
function halfMeasures(
	scope: Scope,
	initiative_id: string,
	half: Pick<Half, 'status' | 'plan' | 'indicator' | 'result'>,
	line: number,
	years: PlacedActivity['years'],
	department: string | null
): Measure[] {
	const scratch = new MeasureIds();
	// Every figure of the four columns is either read or reported: none is left silently in raw_text.
	const columns = [
		['平成30年度実施状況', half.status],
		['令和元年度実施予定', half.plan],
		['主な活動指標', half.indicator],
		['30年度実績', half.result]
	] as const;
	for (const [field, text] of columns) {
		const figures = unreadFigures(correctedReading(scope, line, field, text) ?? text);
		if (figures.length) {
			scope.warn({ line, column: null, field, code: 'figure_without_unit', message: `figures printed without a unit the reader knows (${figures.join(' / ')}): kept in raw_text only, no value`, raw: tidy(text), initiative_id });
		}
	}
	const common = { initiative_id, line, department };
	const targets = indicatorItems(half.indicator).flatMap((item) => {
		if (item.years.length > 1) {
			scope.warn({ line, column: null, field: '主な活動指標', code: 'several_fiscal_years', message: `the indicator names several years (${item.years.join(', ')}); the first is kept`, raw: item.text, initiative_id });
		}
		return cellMeasures(scratch, { ...common, kind: 'target', fiscal_year: item.fiscal_year, text: item.text, read_as: correctedReading(scope, line, '主な活動指標', item.text) });
	});
	// A figure in the 30年度実績 cell with no words of its own counts what the indicator counts.
	const labelled = targets.filter((m) => m.value !== null);
	const indicatorLabel = labelled.length === 1 ? labelled[0].label_ja : null;
	const measures = [
		// The 実施状況 prose quotes figures beside the 30年度実績 column of figures: narrative, so that a
		// target pairs with the column's figure where there is one.
		...cellMeasures(scratch, { ...common, kind: 'result', narrative: true, fiscal_year: years.status, text: half.status, read_as: correctedReading(scope, line, '平成30年度実施状況', half.status) }),
		...cellMeasures(scratch, { ...common, kind: 'plan', narrative: true, fiscal_year: years.plan, text: half.plan, read_as: correctedReading(scope, line, '令和元年度実施予定', half.plan) }),
		...targets,
		...cellMeasures(scratch, { ...common, kind: 'result', fiscal_year: years.result, text: half.result, label_fallback: indicatorLabel, read_as: correctedReading(scope, line, '30年度実績', half.result) })
	];
	// Numbered in the order of the columns, whatever order they were read in.
	return measures.map((m) => ({ ...m, measure_id: scope.ids.take(initiative_id) }));
}

/** The 担当課 of a city half or added row as one name (several joined with ・), null when none is printed. */
function departmentOf(row: { departments: string[] }): string | null {
	return row.departments.length ? row.departments.join('・') : null;
}

function addActivity(out: AdapterResult, p: PlacedActivity, scope: Scope): void {
	const { muni_code, plan_id, file, warn } = scope;
	const { row } = p;
	const councilId = initiativeId(muni_code, p.n, '-c');
	const cityId = initiativeId(muni_code, p.n, '-s');
	const lastLine = p.extras.length ? p.extras[p.extras.length - 1].line : p.line;
	const base = {
		plan_id,
		muni_code,
		goal_id: p.aimGoalId,
		goal_ids: [p.aimGoalId],
		code: row.code,
		name_ja: row.name,
		repost_of: null,
		source_file: file
	};
	const cityDepartments = [...new Set([...row.city.departments, ...p.extras.flatMap((e) => e.row.departments)])];
	const council: Initiative = {
		...base,
		initiative_id: councilId,
		seq: 2 * (p.n - 1),
		description_ja: row.council.description || null,
		departments: [COUNCIL],
		actor: 'council',
		line_start: p.line,
		line_end: p.line
	};
	const city: Initiative = {
		...base,
		initiative_id: cityId,
		seq: 2 * (p.n - 1) + 1,
		description_ja: row.city.description || null,
		departments: cityDepartments,
		actor: 'city',
		line_start: p.line,
		line_end: lastLine
	};
	out.initiatives.push(council, city);

	if (row.shift) {
		const cityShift = !row.city.departmentCell;
		const half = cityShift ? row.city : row.council;
		const cells = [half.description, half.status, half.plan, half.indicator, half.result];
		warn({ line: p.line, column: null, field: cityShift ? '担当課' : '30年度実績', code: 'shifted_columns', message: `${row.code} ${row.name}: ${row.shift}; the row was read by its content (raw: the half's cells as read, 取組み | 実施状況 | 予定 | 指標 | 実績)`, raw: cells.map((c) => c || '(empty)').join(' | '), initiative_id: cityShift ? cityId : councilId });
	}
	for (const text of row.overflow) {
		warn({ line: p.line, column: null, field: null, code: 'shifted_columns', message: 'text past the last column of the row: not attached to any measure', raw: text, initiative_id: cityId });
	}

	// The roles belong to the activity, so both halves carry them: a reader of either half sees them.
	for (const id of [councilId, cityId]) {
		const notes: InitiativeNote[] = [];
		const add = (field: string, label_ja: string, text: string) => {
			if (text) notes.push({ note_id: `${id}-n${notes.length + 1}`, initiative_id: id, goal_id: null, field, label_ja, text_ja: text, line: p.line, line_end: p.line });
		};
		add('resident_role', LABEL_RESIDENT, row.residentRole);
		add('agency_role', LABEL_AGENCY, row.agencyRole);
		out.notes.push(...notes);
	}

	out.measures.push(...halfMeasures(scope, councilId, row.council, p.line, p.years, null));
	// With added 担当課 rows the city half reports per department: every figure says whose it is.
	const perDepartment = p.extras.length > 0;
	out.measures.push(...halfMeasures(scope, cityId, row.city, p.line, p.years, perDepartment ? departmentOf(row.city) : null));
	for (const e of p.extras) {
		out.measures.push(...halfMeasures(scope, cityId, e.row, e.line, p.years, departmentOf(e.row)));
		for (const text of e.row.overflow) {
			warn({ line: e.line, column: null, field: null, code: 'shifted_columns', message: 'text past the last column of the 担当課 row: not attached to any measure', raw: text, initiative_id: cityId });
		}
	}
}
