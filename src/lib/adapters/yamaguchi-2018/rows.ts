import { tidy } from '../../normalize/text';
import { departmentPattern } from '../../template-kit/departments';
import { CIRCLED } from './contents';

/**
 * The body table of the 山口市 report, one tab-separated line per row:
 *
 *   活動名 | 住民、地域の役割 | 関係機関の役割 |
 *   市社協: 取組み | 平成30年度実施状況 | 令和元年度実施予定 | 主な活動指標 | 30年度実績 |
 *   市:     取組み | 担当課 | 平成30年度実施状況 | 令和元年度実施予定 | 主な活動指標 | 30年度実績
 *
 * The printed column headings sit one column to the left of the data (the 取組み columns have no
 * heading of their own) and drift further in some tables, so a row is read by its content: the
 * 担当課 cell (names ending in 課, 館 …) anchors the city half. Where the extraction lost a cell the
 * row is still read, and the reader is told which cell is missing.
 */

export interface Half {
	/** 取組み: what the plan says the actor does */
	description: string;
	status: string;
	plan: string;
	indicator: string;
	result: string;
}

export interface CityHalf extends Half {
	departments: string[];
	/** the 担当課 cell as printed, '' when the row has none */
	departmentCell: string;
}

export interface ActivityRow {
	code: string;
	name: string;
	residentRole: string;
	agencyRole: string;
	council: Half;
	city: CityHalf;
	/** what was missing or misplaced, for a shifted_columns warning; null when the row is whole */
	shift: string | null;
	/** cells past the last expected one that still hold text */
	overflow: string[];
}

export interface DepartmentRow {
	departments: string[];
	departmentCell: string;
	status: string;
	plan: string;
	indicator: string;
	result: string;
	overflow: string[];
}

const DEPARTMENT = departmentPattern();

/** A cell is a 担当課 list when every word in it is the name of a department. */
export function isDepartmentCell(cell: string): boolean {
	const words = tidy(cell).split(' ').filter(Boolean);
	return words.length > 0 && words.every((w) => DEPARTMENT.test(w));
}

export function splitDepartments(cell: string): string[] {
	return tidy(cell).split(' ').filter(Boolean);
}

export const ACTIVITY = new RegExp(`^([${CIRCLED}])\\s*(.+)$`);

/** Where the 担当課 sits decides how the rest of the row is read; null when no reading fits. */
export function readActivityRow(cells: string[]): ActivityRow | null {
	const m = cells[0].match(ACTIVITY);
	if (!m) return null;
	const dept = [7, 8, 9, 10].find((k) => isDepartmentCell(cells[k] ?? ''));
	const base = { code: m[1], name: m[2], residentRole: cells[1] ?? '', agencyRole: cells[2] ?? '' };
	const council = (from: number, n: number): Half => {
		const c = cells.slice(from, from + n);
		return { description: c[0] ?? '', status: c[1] ?? '', plan: c[2] ?? '', indicator: c[3] ?? '', result: c[4] ?? '' };
	};
	const city = (description: string, departmentCell: string, from: number): CityHalf => ({
		description,
		departmentCell,
		departments: departmentCell ? splitDepartments(departmentCell) : [],
		status: cells[from] ?? '',
		plan: cells[from + 1] ?? '',
		indicator: cells[from + 2] ?? '',
		result: cells[from + 3] ?? ''
	});
	if (dept === 9) {
		return { ...base, council: council(3, 5), city: city(cells[8] ?? '', cells[9], 10), shift: null, overflow: cells.slice(14).filter(Boolean) };
	}
	if (dept === 8) {
		// One cell of the council half is gone; its first four cells read as 取組み, 実施状況, 予定, 指標
		// (the 指標 reads as a target), so the missing one is the 30年度実績.
		return {
			...base,
			council: { ...council(3, 4), result: '' },
			city: city(cells[7] ?? '', cells[8], 9),
			shift: 'the council half has one cell too few: its 30年度実績 cell is missing; the city half starts one column early',
			overflow: cells.slice(13).filter(Boolean)
		};
	}
	if (dept === undefined && cells.length >= 13 && !tidy(cells[13] ?? '')) {
		// The 担当課 cell is missing: the city half's texts moved one column left into its place.
		return {
			...base,
			council: council(3, 5),
			city: city(cells[8] ?? '', '', 9),
			shift: 'the city half has no 担当課 cell: its texts sit one column to the left',
			overflow: cells.slice(13).filter(Boolean)
		};
	}
	return null;
}

/** A row that adds another 担当課, with its own texts, to the city half of the activity above. */
export function readDepartmentRow(cells: string[]): DepartmentRow | null {
	if (cells.slice(0, 9).some(Boolean)) return null;
	const dept = [9, 8, 10].find((k) => isDepartmentCell(cells[k] ?? ''));
	if (dept === undefined) return null;
	return {
		departmentCell: cells[dept],
		departments: splitDepartments(cells[dept]),
		status: cells[dept + 1] ?? '',
		plan: cells[dept + 2] ?? '',
		indicator: cells[dept + 3] ?? '',
		result: cells[dept + 4] ?? '',
		overflow: cells.slice(dept + 5).filter(Boolean)
	};
}
