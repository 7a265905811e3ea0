import type { Adapter, AdapterContext, AdapterResult, SourceDocument } from './adapter';
import { SourceError, emptyResult, requireScheme } from './adapter';
import type { Evaluation, Initiative, Measure } from '../contract/tables';
import type { WarningCode } from '../template-kit/warnings';
import type { QualityWarning } from '../contract/quality';
import { initiativeId, MeasureIds, measuresFromCell } from '../template-kit/records';
import { actorOfDepartments } from '../template-kit/departments';
import { foldLookalikes, isJapaneseChar, readSectionNumber, tidy, unwrapName } from '../normalize/text';
import { readFiscalYear } from '../normalize/fiscal-year';
import { readGrade } from '../normalize/grade';
import { COL, COLUMNS, readLayout, type PageHeader } from './kitamoto-2023/layout';
import { readActionLine, resolvePages, type ResolvedPage } from './kitamoto-2023/hierarchy';
import { GoalBook } from '../template-kit/goals';
import { hasRepostMark, withoutRepostMark } from '../template-kit/repost';
import { circledNumber } from '../template-kit/vocabulary';
import {
	headingDepartments,
	isDashOnly,
	isLegendText,
	looksGarbled,
	nameKey,
	readDepartments,
	readName,
	readOcrOnes,
	readRates,
	readRepostPointer,
	splitBaseline,
	splitByDepartment,
	segmentBody,
	segmentDepartment,
	type DepartmentEntry,
	type Segment
} from './kitamoto-2023/cells';

/**
 * 北本市地域福祉計画 progress report (令和5年度): 目標 → 施策 → 取組 headings repeated on every page,
 * then one tab-separated line per 事業: 事業名, 事業内容, 計画最終年度までの目標, 令和5年度の進捗状況,
 * 事業評価 (A–C), 評価の理由・課題, 令和6年度の目標, 事業主体. Rows with several departments keep each
 * 【担当課】's text apart, and some rows grade per department in the 事業主体 cell (共生福祉課B 社協A).
 */

/** Name given to a row whose 事業名 cell is blank: the contract needs a name, the source has none. */
export const BLANK_NAME = '（事業名空欄）';

type Row = { line: number; raw: string[]; cells: string[] };

function warning(file: string, line: number, column: number | null, code: WarningCode, message: string, raw: string | null, initiative_id: string | null, field: string | null = column ? COLUMNS[column - 1] : null): QualityWarning {
	return { source_file: file, line, column, field, code, message, raw, initiative_id };
}

/** Every department name printed in a readable 事業主体 cell of the report. */
function knownDepartments(rows: readonly Row[]): Set<string> {
	const out = new Set<string>();
	for (const r of rows) for (const d of readDepartments(r.cells[COL.departments]) ?? []) out.add(d.name);
	return out;
}


export const kitamoto2023: Adapter = {
	id: 'kitamoto-2023',
	describes: '北本市: 目標/施策/取組 page headers, one line per 事業 with target, FY2023 progress, A–C grade (sometimes per department), reason, FY2024 target and 事業主体',
	read(doc: SourceDocument, ctx: AdapterContext): AdapterResult {
		const out = emptyResult();
		const file = doc.entry.file;
		const { muni_code } = doc.entry.municipality;
		const { plan_id } = doc.entry.plan;
		const scheme = requireScheme(doc, ctx);
		const levels = scheme.levels.map((l) => l.grade);
		const definitions = scheme.levels.map((l) => l.definition_ja);
		// The kit's corrections book, already checked against the source by the pipeline.
		const fixes = ctx.book;
		const warn = (w: QualityWarning) => out.warnings.push(w);

		const events = readLayout(file, doc.lines);
		const pages = resolvePages(
			file,
			events.flatMap((e) => (e.kind === 'page' ? [e.page] : [])),
			out.warnings
		);
		const pageOf = new Map<PageHeader, ResolvedPage>(pages.map((p) => [p.page, p]));

		// Column years come from the first column header; later headers are checked against it.
		const firstColumns = events.find((e) => e.kind === 'columns');
		if (!firstColumns) throw new SourceError(file, 1, '事業名', 'no column header "事業名 事業内容 …": is this the 北本市 template?');
		const resultYear = readFiscalYear(firstColumns.cells[COL.result] ?? '');
		const nextYear = readFiscalYear(firstColumns.cells[COL.nextTarget] ?? '');
		if (resultYear === null || nextYear === null) {
			throw new SourceError(file, firstColumns.line, '令和5年度の進捗状況', `cannot read the fiscal years from "${firstColumns.cells[COL.result]}" / "${firstColumns.cells[COL.nextTarget]}"`);
		}

		const rows: Row[] = events.flatMap((e) =>
			e.kind === 'row' ? [{ line: e.line, raw: e.cells, cells: e.cells.map((c, k) => fixes.apply(e.line, COLUMNS[k], tidy(c))) }] : []
		);
		const known = knownDepartments(rows);
		const rowAt = new Map(rows.map((r) => [r.line, r]));

		const book = new GoalBook(plan_id, file, readName);
		const ids = new MeasureIds();
		let page: ResolvedPage | null = null;
		let action: { goal_id: string; policyCode: string; index: number } | null = null;
		let previous: (typeof events)[number] | null = null;
		const reposts: { initiative: Initiative; pointer: string | null; line: number }[] = [];

		for (const [k, e] of events.entries()) {
			previous = k > 0 ? events[k - 1] : null;
			if (e.kind === 'page') {
				page = pageOf.get(e.page)!;
				const header = e.page;
				book.see([page.goalNo], '目標', page.goalNo, { text: page.goalTitle, line: header.goal!.line });
				book.see(page.policyCode.split('-'), '施策', page.policyCode, { text: page.policyTitle, line: header.policy!.line }, header.explanation ? { text: header.explanation.text, line: header.explanation.line } : undefined);
				// A page without a 取組 line continues the 取組 of the page before, if it is the same 施策.
				if (action && action.policyCode !== page.policyCode) action = null;
				continue;
			}
			if (e.kind === 'columns') {
				// Every column header of the report sits right under its 取組 line; one without it means a lost line.
				if (previous?.kind !== 'action') {
					throw new SourceError(file, e.line, '取組', 'a column header without its 取組 line above it: a 取組 line seems lost');
				}
				e.cells.forEach((c, k) => {
					const expected = COLUMNS[k];
					if (expected && tidy(c).replace(/\s+/g, '') !== expected) {
						warn(warning(file, e.line, k + 1, 'damaged_header', `column header ${k + 1} reads "${tidy(c)}" where "${expected}" is printed on other pages; the column is read by its position`, tidy(c) || null, null));
					}
				});
				continue;
			}
			if (e.kind === 'action') {
				if (!page) throw new SourceError(file, e.line, '取組', 'a 取組 line before any 目標/施策 header');
				const read = readActionLine(file, e.line, e.cells);
				// 取組 numbers run ①, ②, … within a 施策; a page may repeat the 取組 it continues. Anything
				// else means a page header or a 取組 line was lost, and rows would land under the wrong 取組.
				const current: number = action?.policyCode === page.policyCode ? action.index : 0;
				const repeat = previous?.kind === 'page' && read.index === current;
				if (read.index !== current + 1 && !repeat) {
					throw new SourceError(file, e.line, '取組', `取組 ${read.number} follows 取組 ${current || '(none)'} of 施策 ${page.policyCode}: a page header or 取組 line seems lost`);
				}
				const title = fixes.apply(e.line, '取組', read.title);
				const goal_id = book.see([...page.policyCode.split('-'), read.index], '取組', read.number, { text: title, line: e.line });
				action = { goal_id, policyCode: page.policyCode, index: read.index };
				continue;
			}

			// A 事業 row.
			const row = rowAt.get(e.line)!;
			const { line, cells, raw } = row;
			if (!page || !action) {
				throw new SourceError(file, line, '事業名', `a 事業 row with no 取組 above it on this 施策 (${page?.policyCode ?? 'no page header'}): a page header or 取組 line seems lost`);
			}
			const n = out.initiatives.length + 1;
			const initiative_id = initiativeId(muni_code, n);
			const w = (column: number | null, code: WarningCode, message: string, rawText: string | null) =>
				warn(warning(file, line, column, code, message, rawText, initiative_id));

			// 事業名
			const printedName = cells[COL.name];
			const isRepost = hasRepostMark(printedName);
			let name = readName(withoutRepostMark(printedName));
			if (!name) {
				name = BLANK_NAME;
				w(1, 'missing_name', `the 事業名 cell is blank; the initiative is named "${BLANK_NAME}" and is known by its description`, null);
			} else if (name.length < 2 || ![...name].some(isJapaneseChar)) {
				w(1, 'unreadable_name', `the 事業名 cell cannot be read ("${name}"); kept as printed`, raw[COL.name]);
			} else if (/(?:につ|にお|による\p{Script=Han}|[のをにへ])$/u.test(name)) {
				// A name that stops on a particle, or on one kanji after による (連 for 連携 or 連絡会), was cut by the PDF.
				w(1, 'name_cut_short', `the 事業名 seems cut short ("${name}"); kept as printed`, raw[COL.name]);
			}

			// 事業内容
			let description: string | null = readName(cells[COL.description]) || null;
			if (description && isLegendText(cells[COL.description], definitions)) {
				w(2, 'legend_in_cell', 'the 事業内容 cell holds the text of the grading legend, not a description; left empty', cells[COL.description]);
				description = null;
			}

			// 事業主体
			let entries: DepartmentEntry[] = readDepartments(cells[COL.departments]) ?? [];
			if (!readDepartments(cells[COL.departments])) {
				const fromHeadings = [COL.target, COL.result, COL.reason, COL.nextTarget].flatMap((k) => headingDepartments(cells[k], known));
				entries = [...new Set(fromHeadings)].map((d) => ({ name: d, gradeRaw: null }));
				w(8, 'unreadable_departments', entries.length
					? `the 事業主体 cell cannot be read; departments taken from the 【担当課】 headings of the row's other cells: ${entries.map((d) => d.name).join(', ')}`
					: 'the 事業主体 cell cannot be read and no other cell names a department', raw[COL.departments]);
			}
			const departments = entries.map((d) => d.name);

			const initiative: Initiative = {
				initiative_id,
				plan_id,
				muni_code,
				goal_id: action.goal_id,
				goal_ids: [action.goal_id],
				seq: n - 1,
				code: null,
				name_ja: name,
				description_ja: description,
				departments,
				actor: actorOfDepartments(departments),
				repost_of: null,
				source_file: file,
				line_start: line,
				line_end: line
			};
			out.initiatives.push(initiative);

			// Cells the OCR could not read are kept as printed and listed.
			for (const k of [COL.description, COL.target, COL.result, COL.reason, COL.nextTarget]) {
				if (looksGarbled(cells[k])) w(k + 1, 'unreadable_text', `the ${COLUMNS[k]} cell is partly unreadable OCR text; kept as printed`, raw[k]);
			}

			const pointer = [COL.target, COL.result, COL.reason, COL.nextTarget].map((k) => readRepostPointer(cells[k])).find(Boolean) ?? null;
			if (isRepost) reposts.push({ initiative, pointer: pointer ? `${pointer.section}|${pointer.action}` : null, line });

			// Measures: the plan's final-year target (the report does not say which year that is), the
			// FY2023 progress and the FY2024 target, each split by department. The FY2024 target is one
			// year's (kind plan): a FY2023 figure is not progress towards it.
			const measureCells: [number, Measure['kind'], number | null][] = [
				[COL.target, 'target', null],
				[COL.result, 'result', resultYear],
				[COL.nextTarget, 'plan', nextYear]
			];
			for (const [k, kind, fiscal_year] of measureCells) {
				if (!cells[k] || readRepostPointer(cells[k])) continue;
				// Each 【担当課】 segment's figures belong to that department: the heading goes to department,
				// not into the label, and raw_text keeps the segment as printed.
				for (const segment of splitByDepartment(cells[k])) {
					const report = (text: string) => (m: string) => w(k + 1, 'ocr_digit_read', m, text);
					if (k === COL.target) {
						const { target, baseline } = splitBaseline(segment.text);
						const made = cellMeasures(ids, initiative_id, kind, fiscal_year, { ...segment, text: target }, line, null, report(target));
						out.measures.push(...made);
						if (baseline) {
							const year = readFiscalYear(baseline.yearLabel);
							const label = made.find((m) => m.value !== null)?.label_ja ?? null;
							// ※R3 29件 is where the count stood when the plan was drafted: a baseline, never a result.
							const start = cellMeasures(ids, initiative_id, 'baseline', year, { ...segment, text: baseline.value }, line, label, report(baseline.text));
							for (const m of start) m.raw_text = baseline.text;
							out.measures.push(...start);
						}
						continue;
					}
					out.measures.push(...cellMeasures(ids, initiative_id, kind, fiscal_year, segment, line, null, report(segment.text)));
				}
			}

			// 評価の理由・課題, one note per department's text.
			if (cells[COL.reason] && !readRepostPointer(cells[COL.reason]) && !isDashOnly(cells[COL.reason])) {
				for (const segment of splitByDepartment(cells[COL.reason])) {
					out.notes.push({
						note_id: `${initiative_id}-n${out.notes.filter((x) => x.initiative_id === initiative_id).length + 1}`,
						initiative_id,
						goal_id: null,
						field: 'evaluation_reason',
						label_ja: '評価の理由・課題',
						text_ja: readName(segment.text),
						line,
						line_end: line
					});
				}
			}

			// 事業評価: one grade for the row, or one per department in the 事業主体 cell.
			const evaluations: Evaluation[] = [];
			const grade = (gradeRaw: string, corrected: string, evaluator: string | null, column: number) => {
				const g = readGrade(corrected, levels);
				if (g === null) {
					const mark = foldLookalikes(gradeRaw).trim().toUpperCase();
					const outside = /^[A-FS]$/.test(mark);
					w(column, outside ? 'grade_outside_scheme' : 'unreadable_grade', outside
						? `grade "${gradeRaw}"${evaluator ? ` (${evaluator})` : ''} is not a level of the A–C scheme; kept raw, grade left empty`
						: `grade mark "${gradeRaw}"${evaluator ? ` (${evaluator})` : ''} cannot be read as A, B or C; kept raw, grade left empty`, gradeRaw);
				}
				evaluations.push({
					evaluation_id: `${initiative_id}-e${evaluations.length + 1}`,
					initiative_id,
					fiscal_year: resultYear,
					scheme_id: scheme.scheme_id,
					grade_raw: gradeRaw,
					grade: g,
					evaluator,
					score: null,
					band: null,
					line
				});
			};
			const printedGrade = tidy(raw[COL.grade]);
			if (printedGrade) grade(printedGrade, cells[COL.grade], null, COL.grade + 1);
			const perDepartment = entries.filter((d) => d.gradeRaw);
			if (perDepartment.length) {
				if (perDepartment.length < entries.length) {
					w(8, 'grade_missing_for_department', `the 事業主体 cell grades ${perDepartment.length} of ${entries.length} departments`, cells[COL.departments]);
				}
				for (const d of perDepartment) grade(d.gradeRaw!, d.gradeRaw!, d.name, COL.departments + 1);
			}
			out.evaluations.push(...evaluations);
		}

		// <再掲> rows point to their original: the row of the same name, under the 取組 the cells name.
		const originals = out.initiatives.filter((i) => !reposts.some((r) => r.initiative === i));
		for (const r of reposts) {
			const key = nameKey(r.initiative.name_ja);
			const sameName = originals.filter((i) => nameKey(i.name_ja) === key);
			let pointerGoal: string | null = null;
			if (r.pointer) {
				const [section, mark] = r.pointer.split('|');
				const code = readSectionNumber(section.replace(/[\s\-‐‑‒–—―−－]+$/, ''));
				if (code) pointerGoal = book.goalId([...code.split('-'), circledNumber(mark)!]);
			}
			const there = pointerGoal ? sameName.filter((i) => i.goal_id === pointerGoal) : sameName;
			const original = there[0] ?? sameName[0] ?? null;
			if (original) {
				r.initiative.repost_of = original.initiative_id;
				if (pointerGoal && !there.length) {
					warn(warning(file, r.line, 1, 'repost_goal_mismatch', `the cells point to ${pointerGoal}, but the row of the same name sits under ${original.goal_id}`, null, r.initiative.initiative_id));
				}
			} else {
				warn(warning(file, r.line, 1, 'repost_original_not_found', `no row named "${r.initiative.name_ja}" to repeat${pointerGoal ? ` under ${pointerGoal}` : ''}`, r.initiative.name_ja, r.initiative.initiative_id));
			}
		}

		out.goals.push(...book.finish(out.warnings));
		out.correctionsUsed.push(...fixes.finish());
		return out;
	}
};

/**
 * Measures of one cell (or one department's part of it). Numbers are read with an OCR'd 1 (I 2校)
 * taken as the digit, which is reported; raw_text stays the text as printed, heading included, and
 * the heading's department is the measures' department.
 */
function cellMeasures(
	ids: MeasureIds,
	initiative_id: string,
	kind: Measure['kind'],
	fiscal_year: number | null,
	part: Segment,
	line: number,
	label_fallback: string | null,
	report: (message: string) => void
): Measure[] {
	const printed = tidy(part.text);
	if (!printed) return [];
	const department = segmentDepartment(part);
	const body = segmentBody({ ...part, text: printed });
	// Numbers are read with the PDF's wrap spaces removed (5箇 所 → 5箇所) and an OCR'd 1 restored.
	const readable = unwrapName(readOcrOnes(body));
	// A heading alone (【健康づくり課】 with nothing after it) is still that department's statement.
	const counted = measuresFromCell(new MeasureIds(), { initiative_id, kind, fiscal_year, text: readable || printed, line, label_fallback, department });
	// Rates have no unit (人口10万対自殺死亡率15.5): read apart, first, as they open their cells; with a rate
	// read, the cell is no longer a statement without a number.
	const rates: Measure[] = readRates(readable).map((r) => ({
		...counted[0],
		label_ja: r.label,
		value: r.value,
		unit: null,
		qualifier: null,
		is_cumulative: false
	}));
	const made = [...rates, ...counted.filter((m) => !rates.length || m.value !== null)];
	for (const m of made) m.measure_id = ids.take(initiative_id);
	const asPrinted = measuresFromCell(new MeasureIds(), { initiative_id, kind, fiscal_year, text: unwrapName(body), line, label_fallback, department });
	const values = (list: { value: number | null; unit?: string | null }[]) => list.filter((m) => m.value !== null).map((m) => `${m.value}${m.unit ?? ''}`).join(', ');
	const readValues = values([...readRates(readable), ...counted]);
	const printedValues = values([...readRates(unwrapName(body)), ...asPrinted]);
	if (readValues !== printedValues) {
		report(`an I (or Ⅰ, l) beside a number or a counting unit is read as the digit 1: values read ${readValues}, where the letter as printed would give ${printedValues || 'none'}`);
	}
	made.forEach((m, k) => {
		m.raw_text = printed;
		// A progress cell also gives last year's figures: 相談件数 211件(前年度332件), R4年度相談件数 389件.
		if (kind === 'result' && fiscal_year !== null && m.label_ja) {
			const named = m.label_ja.match(/(?:令和|R)\s*(?:\d{1,2}|元)\s*年度/);
			if (named) m.fiscal_year = readFiscalYear(named[0]) ?? fiscal_year;
			else if (/^前年度/.test(m.label_ja)) {
				m.fiscal_year = fiscal_year - 1;
				// (前年度 191人) is last year's figure of the count just before it: it takes that count's label.
				if (m.label_ja === '前年度' && k > 0 && made[k - 1].label_ja) m.label_ja = made[k - 1].label_ja;
			}
		}
	});
	return made;
}
