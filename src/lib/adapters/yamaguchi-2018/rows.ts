import { tidy } from '../../normalize/text';
import { departmentPattern } from '../../template-kit/departments';
import { VOCABULARY } from '../../template-kit/vocabulary';
import type { Spec } from './spec';

/**
 * The body table of the 山口市 report, one tab-separated line per row:
 *
 *   活動名 | 住民、地域の役割 | 関係機関の役割 |
 *   市社協: 取組み | 平成30年度実施状況 | 令和元年度実施予定 | 主な活動指標 | 30年度実績 |
 *   市:     取組み | 担当課 | 平成30年度実施状況 | 令和元年度実施予定 | 主な活動指標 | 30年度実績
 *
 * The printed column headings sit one column to the left of the data (the 取組み columns have no
 * heading of their own) and drift further in some tables, so a row is read by its content: the
 * 担当課 cell (names ending in 課, 館 …) anchors the city half, and the spec's layouts say where the
 * other cells sit for each place it can be in. Where the extraction lost a cell the row is still
 * read, and the reader is told which cell is missing.
 */

export interface Half {
	/** 取組み: what the plan says the actor does */
	description: string;
	/** the figure columns of the spec, in order (実施状況, 予定, 指標, 実績) */
	figures: string[];
}

export interface CityHalf extends Half {
	departments: string[];
	/** the 担当課 cell as printed, '' when the row has none */
	departmentCell: string;
}

export interface ActivityRow {
	code: string;
	name: string;
	/** the spec's role columns, in order */
	roles: string[];
	council: Half;
	city: CityHalf;
	/** what was missing or misplaced, for a shifted_columns warning; null when the row is whole */
	shift: Spec['layouts'][number]['shift'] | null;
	/** cells past the last expected one that still hold text */
	overflow: string[];
}

export interface DepartmentRow extends CityHalf {
	overflow: string[];
}

const DEPARTMENT = departmentPattern();

export function splitDepartments(cell: string): string[] {
	return tidy(cell).split(' ').filter(Boolean);
}

/** A cell is a 担当課 list when every word in it is the name of a department. */
export function isDepartmentCell(cell: string): boolean {
	const words = splitDepartments(cell);
	return words.length > 0 && words.every((w) => DEPARTMENT.test(w));
}

export const ACTIVITY = new RegExp(`^([${VOCABULARY.numerals.circled}])\\s*(.+)$`);

const figuresFrom = (cells: string[], from: number, n = 4) => [0, 1, 2, 3].map((k) => (k < n ? (cells[from + k] ?? '') : ''));

/** Where the 担当課 sits decides how the rest of the row is read; null when no layout fits. */
export function readActivityRow(spec: Spec, cells: string[]): ActivityRow | null {
	const m = cells[0].match(ACTIVITY);
	if (!m) return null;
	const dept = spec.department_columns.find((k) => isDepartmentCell(cells[k] ?? '')) ?? null;
	const layout = spec.layouts.find(
		(l) => l.department === dept && (l.min_cells === undefined || cells.length >= l.min_cells) && (l.empty === undefined || !tidy(cells[l.empty] ?? ''))
	);
	if (!layout) return null;
	const { council, city } = layout;
	const departmentCell = dept === null ? '' : cells[dept];
	return {
		code: m[1],
		name: m[2],
		roles: spec.roles.map((r) => cells[r.column] ?? ''),
		council: { description: cells[council.from] ?? '', figures: figuresFrom(cells, council.from + 1, council.cells - 1) },
		city: { description: cells[city.description] ?? '', departmentCell, departments: departmentCell ? splitDepartments(departmentCell) : [], figures: figuresFrom(cells, city.from) },
		shift: layout.shift ?? null,
		overflow: cells.slice(layout.overflow_from).filter(Boolean)
	};
}

/** A row that adds another 担当課, with its own texts, to the city half of the activity above. */
export function readDepartmentRow(spec: Spec, cells: string[]): DepartmentRow | null {
	const { empty_before, department_columns } = spec.added_department_row;
	if (cells.slice(0, empty_before).some(Boolean)) return null;
	const dept = department_columns.find((k) => isDepartmentCell(cells[k] ?? ''));
	if (dept === undefined) return null;
	return { description: '', departmentCell: cells[dept], departments: splitDepartments(cells[dept]), figures: figuresFrom(cells, dept + 1), overflow: cells.slice(dept + 5).filter(Boolean) };
}
