import { fold, foldLookalikes, isJapaneseChar, tidy } from '../../normalize/text';
import { COUNCIL_NAMES, departmentSuffixes, isCouncilBody } from '../../template-kit/departments';
import { CIRCLED_CLASS, COUNTING_UNIT, OCR_ONE_CLASS, VOCABULARY, alternation } from '../../template-kit/vocabulary';
import { withoutRepostMark } from '../../template-kit/repost';

/**
 * Cell readers for the 北本市 progress report: names, department lists with per-department grades,
 * 【担当課】 segments inside a cell, and the OCR damage this report shows (the digit 1 printed as I,
 * columns of repeated syllables where vertical text was read sideways).
 */

const CJK_RANGE = '\\u3000-\\u303f\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff01-\\uff60';

/**
 * A name cell with the spaces a PDF left where it wrapped the cell removed (地域子育て支援拠点にお ける
 * → における). A space before a bullet ・ stays: it starts a list item (サロン活動への支援 ・高齢者サロン).
 */
export function readName(text: string): string {
	return tidy(text).replace(new RegExp(`(?<=[${CJK_RANGE}]) (?=[${CJK_RANGE}])(?!・)`, 'g'), '');
}

/** Name as compared between a 再掲 row and its original: no spaces, brackets, bullets or punctuation. */
export function nameKey(name: string): string {
	return foldLookalikes(withoutRepostMark(name)).replace(/[\s()（）「」『』<>＜＞・、,，。.:：]/g, '');
}

/**
 * A cell that only points to the original of a repeated row: 3 - I -①の再掲, 3-2-①の再掲.
 * Gives the section as printed and the circled 取組 number.
 */
const REPOST_POINTER = new RegExp(`^(.*?)[\\s\\-‐‑‒–—―−－]*(${CIRCLED_CLASS})\\s*の\\s*${VOCABULARY.repost.word}$`);

export function readRepostPointer(text: string): { section: string; action: string } | null {
	const m = tidy(text).match(REPOST_POINTER);
	return m ? { section: m[1], action: m[2] } : null;
}

/** This report's department endings: …課, …室 (市長公室). */
const SUFFIX = alternation(departmentSuffixes(['課', '室']));

/** Shape of a department name in this report: …課, …室 (市長公室), or 社協. */
export function looksLikeDepartment(name: string): boolean {
	const t = name.replace(/\s+/g, '');
	return t.length <= 12 && (new RegExp(`^[^\\s【】「」、。,]{1,10}(?:${SUFFIX})$`).test(t) || isCouncilBody(t));
}

export interface DepartmentEntry {
	name: string;
	/** the grade letter printed right after the name (共生福祉課B), else null */
	gradeRaw: string | null;
}

/** A letter printed after a department name: Latin, Greek or Cyrillic capitals and OCR marks. */
const GRADE_MARK = '[A-Za-zＡ-Ｚ\\u0391-\\u03a9\\u0400-\\u04ff]';
const DEPARTMENT_PIECE = new RegExp(`^(${COUNCIL_NAMES}|.+?(?:${SUFFIX}))(${GRADE_MARK})?`);

/**
 * Read a 事業主体 cell: 高齢介護課 健康づくり課, 生涯学習課社協, くらし 安 全課, or with grades
 * 共生福祉課B 市長公室B 社協A. Returns null when the cell is not a list of department names
 * (OCR of vertical text, a name cut short), so that the caller can say so instead of guessing.
 */
export function readDepartments(text: string): DepartmentEntry[] | null {
	let rest = tidy(text).replace(/\s+/g, '');
	if (!rest) return [];
	const out: DepartmentEntry[] = [];
	while (rest) {
		const m = rest.match(DEPARTMENT_PIECE);
		if (!m || !looksLikeDepartment(m[1])) return null;
		out.push({ name: m[1], gradeRaw: m[2] ?? null });
		rest = rest.slice(m[0].length);
	}
	return out;
}

export interface Segment {
	/** the department(s) of the 【…】 heading(s) that open the segment, null before the first heading */
	departments: string[];
	/** the segment's text, starting with its heading so that it stays attributable */
	text: string;
}

const HEADING = /【([^【】]{1,14})】/g;

/**
 * Split a cell at its 【担当課】 headings: one segment per department's text. Headings printed side by
 * side (【子育て支援課】【高齢介護課】 …) share one text. Text before the first heading is a segment of
 * its own without a department. A cell without headings is one segment.
 */
export function splitByDepartment(text: string): Segment[] {
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
 * Text the OCR could not read: no Japanese at all (113 TK 3, 10 10 5 7 5 7 …), the same short piece
 * four times or more in a row (は は は は, といるのは、 といるのは、 …), or 【】 brackets that do not pair up.
 */
export function looksGarbled(text: string): boolean {
	const t = tidy(text);
	if (!t) return false;
	// A bare figure (100%, 1,200) has no Japanese either; letters or a run of loose numbers do not occur in real cells.
	if (![...t].some(isJapaneseChar) && (/[A-Za-z]/.test(t) || t.split(' ').length >= 4)) return true;
	for (const m of t.matchAll(/(\S{1,8}?)(?:\s*\1){3,}/gu)) {
		if ([...m[1]].some(isJapaneseChar)) return true;
	}
	const open = (t.match(/【/g) ?? []).length;
	const close = (t.match(/】/g) ?? []).length;
	return open !== close;
}

/** True when a cell is only a dash: the source's way of saying there is nothing to report. */
export function isDashOnly(text: string): boolean {
	return /^[\s_\-‐‑‒–—―−－ー]+$/.test(text);
}

/** Unit words after which an OCR'd I is read as the digit 1 (I回, I 校, Ⅰ75講座 via the digit rule). */
const ONE_BEFORE = `(?!人でも)${COUNTING_UNIT}`;
const OCR_ONE = new RegExp(`(?<![A-Za-z])${OCR_ONE_CLASS}(?![A-Za-z])(?:\\s*(?=\\d)|(?=\\s*${ONE_BEFORE}))`, 'g');

/**
 * The text with an OCR'd digit 1 (printed I, l, |, Ⅰ) read as 1 where a number is meant: next to a
 * digit (I 2校 = 12校, Ⅰ75講座 = 175講座) or before a counting unit ((I回) = 1回). Only for reading
 * numbers: the source text itself is kept as printed. 1人でも多く is a phrase, not a count.
 */
export function readOcrOnes(text: string): string {
	return text.replace(OCR_ONE, '1');
}

/** True when the cell is (after folding) one of the scheme's legend sentences, printed into a row by the OCR. */
export function isLegendText(text: string, definitions: readonly string[]): boolean {
	const key = (s: string) => fold(s).replace(/\s+/g, '');
	const t = key(text);
	return t.length > 0 && definitions.some((d) => key(d) === t);
}

/**
 * 目標値 cells end with the value at the time of drafting: 開催箇所数 68箇所 ※R3 62箇所, or
 * ※計画策定時点 R 3: I 校. Splits the cell into the target and that baseline with its year label.
 */
export function splitBaseline(text: string): { target: string; baseline: { text: string; yearLabel: string; value: string } | null } {
	const t = tidy(text);
	const m = t.match(/※\s*(?:計画策定時点\s*)?(R\s*\d{1,2}|令和\s*\d{1,2}\s*年度?)\s*[:：]?\s*/);
	if (!m || m.index === undefined) return { target: t, baseline: null };
	return {
		target: t.slice(0, m.index).trim(),
		baseline: { text: t.slice(m.index).trim(), yearLabel: m[1], value: t.slice(m.index + m[0].length).trim() }
	};
}

export interface Rate {
	/** the rate's name, with the year and the place it is given for where printed */
	label: string;
	value: number;
}

const RATE = /((?:令和\s*\d{1,2}\s*年度?\s*)?人口\s*\d+\s*万対[^\d\s:：]*率)((?:\s*(?:[^\s\d:：・○〇◎]{1,4}\s*[:：])?\s*\d+(?:\.\d+)?(?![\d.]))+)/g;
const RATE_ITEM = /(?:([^\s\d:：]{1,4})\s*[:：])?\s*(\d+(?:\.\d+)?)/g;

/**
 * Rates printed without a unit, which the shared quantity reader (a number needs its unit) does not
 * see: 人口10万対自殺死亡率15.5, or ◎令和5年 人口10万対自殺率 北本市:25.86 埼玉県:17.84 国:17.27 (one
 * rate per place, labelled with it).
 */
export function readRates(text: string): Rate[] {
	const out: Rate[] = [];
	for (const m of fold(text).matchAll(RATE)) {
		const name = m[1].replace(/\s+/g, ' ').trim();
		for (const item of m[2].matchAll(RATE_ITEM)) {
			out.push({ label: item[1] ? `${name} ${item[1]}` : name, value: Number(item[2]) });
		}
	}
	return out;
}
