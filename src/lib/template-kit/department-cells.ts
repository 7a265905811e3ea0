import { tidy } from '../normalize/text';
import { COUNCIL_NAMES, departmentSuffixes, isCouncilBody } from './departments';
import { VOCABULARY, alternation } from './vocabulary';

/**
 * Cells that name departments, as reports print them: a list of names run together, each perhaps
 * followed by the grade that department gave (共生福祉課B 市長公室B 社協A), and cells of figures or
 * reasons divided by 【担当課】 headings, each department's text after its heading.
 */

export interface DepartmentEntry {
	name: string;
	/** the grade letter printed right after the name (共生福祉課B), else null */
	gradeRaw: string | null;
}

export interface Segment {
	/** the department(s) of the 【…】 heading(s) that open the segment, empty before the first heading */
	departments: string[];
	/** the segment's text, starting with its heading so that it stays attributable */
	text: string;
}

/** A letter printed after a department name: Latin, Greek or Cyrillic capitals and OCR marks. */
const GRADE_MARK = '[A-Za-zＡ-Ｚ\\u0391-\\u03a9\\u0400-\\u04ff]';
const HEADING = /【([^【】]{1,14})】/g;

/** The readers for a report whose departments end in `suffixes` (data/vocabulary.json's, or fewer). */
export function departmentCells(suffixes: readonly string[] = VOCABULARY.departments.suffixes) {
	const ending = alternation(departmentSuffixes(suffixes));
	const shape = new RegExp(`^[^\\s【】「」、。,]{1,10}(?:${ending})$`);
	const piece = new RegExp(`^(${COUNCIL_NAMES}|.+?(?:${ending}))(${GRADE_MARK})?`);

	/** Shape of one department name: short, ending in one of the endings, or the 社協. */
	const looksLikeDepartment = (name: string): boolean => {
		const t = name.replace(/\s+/g, '');
		return t.length <= 12 && (shape.test(t) || isCouncilBody(t));
	};

	/**
	 * A list of department names (高齢介護課 健康づくり課, 生涯学習課社協, くらし 安 全課), or with grades
	 * (共生福祉課B 市長公室B 社協A). Null when the cell is not such a list (OCR of vertical text, a
	 * name cut short), so that the caller can say so instead of guessing.
	 */
	const readDepartments = (text: string): DepartmentEntry[] | null => {
		let rest = tidy(text).replace(/\s+/g, '');
		if (!rest) return [];
		const out: DepartmentEntry[] = [];
		while (rest) {
			const m = rest.match(piece);
			if (!m || !looksLikeDepartment(m[1])) return null;
			out.push({ name: m[1], gradeRaw: m[2] ?? null });
			rest = rest.slice(m[0].length);
		}
		return out;
	};

	/**
	 * A cell cut at its 【担当課】 headings: one segment per department's text. Headings printed side by
	 * side (【子育て支援課】【高齢介護課】 …) share one text. Text before the first heading is a segment of
	 * its own without a department. A cell without headings is one segment.
	 */
	const splitByDepartment = (text: string): Segment[] => {
		const t = tidy(text);
		if (!t) return [];
		const heads = [...t.matchAll(HEADING)].filter((m) => looksLikeDepartment(m[1]));
		if (!heads.length) return [{ departments: [], text: t }];
		const out: Segment[] = [];
		const pre = t.slice(0, heads[0].index).trim();
		if (pre) out.push({ departments: [], text: pre });
		let k = 0;
		while (k < heads.length) {
			const start = heads[k].index ?? 0;
			const departments = [heads[k][1].replace(/\s+/g, '')];
			let end = start + heads[k][0].length;
			// headings with only blanks between them share the text that follows
			while (k + 1 < heads.length && !t.slice(end, heads[k + 1].index).trim()) {
				k++;
				departments.push(heads[k][1].replace(/\s+/g, ''));
				end = (heads[k].index ?? 0) + heads[k][0].length;
			}
			const next = k + 1 < heads.length ? (heads[k + 1].index ?? t.length) : t.length;
			out.push({ departments, text: t.slice(start, next).trim() });
			k++;
		}
		return out;
	};

	return { looksLikeDepartment, readDepartments, splitByDepartment };
}

/** Every 【…】 heading of a cell that names one of the known departments, in order, without repeats. */
export function headingDepartments(text: string, known: ReadonlySet<string>): string[] {
	const out: string[] = [];
	for (const m of tidy(text).matchAll(HEADING)) {
		const name = m[1].replace(/\s+/g, '');
		if (known.has(name) && !out.includes(name)) out.push(name);
	}
	return out;
}

/**
 * The department a segment's figures belong to: its heading's name, or the names joined with ・ where
 * headings side by side share one text (子育て支援課・高齢介護課); null for text before any heading.
 */
export function segmentDepartment(segment: Segment): string | null {
	return segment.departments.length ? segment.departments.join('・') : null;
}

/** A segment's text without the 【担当課】 heading(s) that open it: what its figures are read from. */
export function segmentBody(segment: Segment): string {
	if (!segment.departments.length) return segment.text;
	let rest = segment.text;
	for (;;) {
		const m = rest.match(/^\s*【([^【】]{1,14})】/);
		if (!m || !segment.departments.includes(m[1].replace(/\s+/g, ''))) return rest.trim();
		rest = rest.slice(m[0].length);
	}
}
