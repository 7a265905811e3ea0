import { columnIndex, columnLetter, problem, type ImportProblem } from './problems';
import { cellString, isEmpty } from './cells';
import type { Cell, Sheet } from './workbook';
import type { TabularSpec } from './tabular-spec';
import type { EvaluationInput, GoalInput, InitiativeInput, MeasureInput, Place } from './plan-builder';
import { readList } from './cells';
import { columnYear } from '../template-kit/column-meaning';

export interface MappedRows {
	goals: GoalInput[];
	initiatives: InitiativeInput[];
	measures: MeasureInput[];
	evaluations: EvaluationInput[];
	problems: ImportProblem[];
}

/** The sheet a spec names, or the first one. */
export function specSheet(sheets: readonly Sheet[], spec: TabularSpec): Sheet | null {
	return spec.sheet === null ? (sheets[0] ?? null) : (sheets.find((s) => s.name === spec.sheet) ?? null);
}

/**
 * Rows of a table as its author made it, read through a column mapping: each row below the
 * headers with a name is an initiative; goal-level columns open a goal where filled and carry it
 * down where empty (as merged cells read); each measure column's cell is read like a report's cell.
 */
export function readMapped(sheet: Sheet, spec: TabularSpec): MappedRows {
	const out: MappedRows = { goals: [], initiatives: [], measures: [], evaluations: [], problems: [] };
	const c = spec.columns;
	const cellAt = (row: readonly Cell[], letter: string | null): Cell => (letter === null ? null : (row[columnIndex(letter)!] ?? null));
	const text = (row: readonly Cell[], letter: string | null) => (isEmpty(cellAt(row, letter)) ? null : cellString(cellAt(row, letter)));
	const columns: Record<string, string> = { name: c.name };
	if (c.code) columns.code = c.code;
	if (c.description) columns.description_ja = c.description;
	if (c.department) columns.departments = c.department;

	const firstData = Math.max(...spec.header_rows) + 1;
	if (sheet.rows.length < firstData) {
		out.problems.push(problem(sheet.name, null, null, null, `見出しの下に行がありません（見出しは${spec.header_rows.join('・')}行目）`, `no rows below the headers (rows ${spec.header_rows.join(', ')})`));
		return out;
	}
	// A column's year: as the spec gives it, or read from its header cells (令和5年度実績 → 2023).
	const headerText = (letter: string) => spec.header_rows.map((r) => text(sheet.rows[r - 1] ?? [], letter)).filter(Boolean).join(' ');
	const yearOf = (m: { column: string; fiscal_year?: number | null; year_from_header?: string }): number | null => {
		const { year, header } = columnYear(m, headerText);
		if (year === null && header !== null) {
			const row = spec.header_rows[spec.header_rows.length - 1];
			out.problems.push(problem(sheet.name, row, m.year_from_header!, header, '見出しに年度（令和5年度、R5 など）が要ります：この列の年度を見出しから読む設定です', 'a header naming the fiscal year (令和5年度, R5): the spec reads this column\'s year from its header'));
		}
		return year;
	};
	const measureYears = c.measures.map(yearOf);
	const gradeYear = c.grade ? yearOf(c.grade) : null;
	if (out.problems.length) return out;
	const openGoal: (GoalInput | null)[] = c.goal_levels.map(() => null);
	let n = 0;
	for (let r = firstData - 1; r < sheet.rows.length; r++) {
		const row = sheet.rows[r];
		const rowNo = r + 1;
		if (row.every(isEmpty)) continue;
		// Goal levels: a filled cell opens a goal at its level and closes the ones below it.
		c.goal_levels.forEach((level, li) => {
			const title = text(row, level.column);
			if (!title || title === openGoal[li]?.title_ja) return;
			const parent = li > 0 ? openGoal[li - 1] : null;
			const goal: GoalInput = { code: `${rowNo}-${level.column}`, parent_code: parent?.code ?? null, level_name_ja: level.level_name_ja, title_ja: title, description_ja: null, place: { sheet: sheet.name, row: rowNo, columns: { title_ja: level.column } } };
			out.goals.push(goal);
			openGoal[li] = goal;
			for (let k = li + 1; k < openGoal.length; k++) openGoal[k] = null;
		});
		const name = text(row, c.name);
		const others = [c.description, c.department, ...c.measures.map((m) => m.column), c.grade?.column ?? null].some((l) => l && !isEmpty(cellAt(row, l)));
		if (!name) {
			// A heading row (only goal cells) is fine; figures without a name belong to nobody.
			if (others) out.problems.push(problem(sheet.name, rowNo, c.name, '', '取組名の列が空ですが、この行には数値などがあります', 'the name column is empty but the row holds other values'));
			continue;
		}
		n++;
		const code = text(row, c.code) ?? String(n);
		const place: Place = { sheet: sheet.name, row: rowNo, columns };
		const deepest = [...openGoal].reverse().find(Boolean) ?? null;
		out.initiatives.push({ code, goal_codes: deepest ? [deepest.code] : [], name_ja: name, description_ja: text(row, c.description), departments: c.department ? readList(cellAt(row, c.department)) : [], place });
		for (const [k, m] of c.measures.entries()) {
			const raw = text(row, m.column);
			if (!raw) continue;
			// A bare number in a labelled column is that indicator's figure (参加者数: 120 → 120).
			const bare = typeof cellAt(row, m.column) === 'number' ? (cellAt(row, m.column) as number) : null;
			out.measures.push({ initiative_code: code, kind: m.kind, fiscal_year: measureYears[k], label_ja: m.label_ja, value: bare, unit: null, raw_text: raw, department: null, is_estimate: /見込/.test(raw), place: { sheet: sheet.name, row: rowNo, columns: { value: m.column, raw_text: m.column } } });
		}
		if (c.grade) {
			const g = text(row, c.grade.column);
			if (g) out.evaluations.push({ initiative_code: code, fiscal_year: gradeYear!, grade_raw: g, evaluator: null, place: { sheet: sheet.name, row: rowNo, columns: { grade: c.grade.column } } });
		}
	}
	return out;
}

/** The first rows of a sheet for the mapping view: letters as column names, at most `limit` rows. */
export function previewRows(sheet: Sheet, limit = 12): { letters: string[]; rows: { row: number; cells: string[] }[] } {
	const width = Math.max(0, ...sheet.rows.slice(0, limit).map((r) => r.length));
	const letters = Array.from({ length: width }, (_, i) => columnLetter(i));
	return { letters, rows: sheet.rows.slice(0, limit).map((r, i) => ({ row: i + 1, cells: letters.map((_, j) => cellString(r[j] ?? null)) })) };
}
