import type { AdapterContext, AdapterResult, SourceDocument } from '../adapter';
import { SourceError, emptyResult, requireScheme } from '../adapter';
import type { TemplateHooks } from '../../template-kit/table-spec';
import type { Evaluation, Initiative } from '../../contract/tables';
import type { WarningCode } from '../../template-kit/warnings';
import { initiativeId, MeasureIds } from '../../template-kit/records';
import { actorOfDepartments } from '../../template-kit/departments';
import { departmentCells, headingDepartments, type DepartmentEntry } from '../../template-kit/department-cells';
import { isDashOnly, isLegendText, looksGarbled } from '../../template-kit/ocr';
import { splitBaseline } from '../../template-kit/figures';
import { GoalBook } from '../../template-kit/goals';
import { hasRepostMark, readRepostPointer, resolveReposts, withoutRepostMark, type Repost } from '../../template-kit/repost';
import { readNumberedHeading, readLabelledPages, type PageHeader } from '../../template-kit/labelled-pages';
import { LabelledPagesSpec, columnsByMeaning } from '../../template-kit/labelled-pages-spec';
import { columnYear } from '../../template-kit/column-meaning';
import { foldLookalikes, isJapaneseChar, readSectionNumber, tidy, unwrapItems } from '../../normalize/text';
import { readFiscalYear } from '../../normalize/fiscal-year';
import { readGrade } from '../../normalize/grade';
import { resolvePages, type ResolvedPage } from './hierarchy';
import { cellMeasures } from './measures';

/**
 * 北本市地域福祉計画 progress report (令和5年度): what its lines and columns are is the spec
 * (kitamoto-2023.json); these are the hooks for what no rule reads. Rows with several departments
 * keep each 【担当課】's text apart, and some rows grade per department in the 事業主体 cell
 * (共生福祉課B 社協A); the 目標 and 施策 codes the OCR damaged are recovered across pages (hierarchy.ts).
 */
export const hooks: TemplateHooks<LabelledPagesSpec> = {
	schema: LabelledPagesSpec,
	read(spec: LabelledPagesSpec, doc: SourceDocument, ctx: AdapterContext): AdapterResult {
		const col = columnsByMeaning(spec);
		const { readDepartments, splitByDepartment } = departmentCells(col.departments.suffixes);
		const [goalLevel, policyLevel, actionLevel] = spec.goal_levels.map((l) => l.level_name_ja);
		const cutShort = new RegExp(spec.name.cut_short, 'u');
		const BLANK_NAME = spec.name.blank;
		/** Columns of text: checked for OCR damage, and where a 再掲 row points to its original or names departments. */
		const textColumns = spec.columns.filter((c) => c.means === 'description' || c.means === 'measure' || c.means === 'note').map((c) => c.column);
		const figureColumns = textColumns.filter((k) => k !== col.description?.column);
		const out = emptyResult();
		const file = doc.entry.file;
		const { muni_code } = doc.entry.municipality;
		const { plan_id } = doc.entry.plan;
		const scheme = requireScheme(doc, ctx);
		const levels = scheme.levels.map((l) => l.grade);
		const definitions = scheme.levels.map((l) => l.definition_ja);
		const fixes = ctx.book;
		const warn = (line: number, column: number | null, code: WarningCode, message: string, raw: string | null, initiative_id: string | null) =>
			out.warnings.push({ source_file: file, line, column, field: column ? col.fields[column - 1] : null, code, message, raw, initiative_id });

		const events = readLabelledPages(file, doc.lines, spec.lines, col.fields);
		const pages = resolvePages(file, events.flatMap((e) => (e.kind === 'page' ? [e.page] : [])), out.warnings);
		const pageOf = new Map<PageHeader, ResolvedPage>(pages.map((p) => [p.page, p]));

		// Column years come from the first column header; later headers are checked against it.
		const first = events.find((e) => e.kind === 'columns');
		if (!first) throw new SourceError(file, 1, col.name.field, `no column header "${spec.lines.column_header} …": is this the ${spec.id} template?`);
		const yearOf = (c: { field: string; fiscal_year?: number | null; year_from_header?: number }) => {
			const { year, header } = columnYear(c, (k) => first.cells[k] ?? '');
			if (year === null && header !== null) throw new SourceError(file, first.line, c.field, `cannot read the fiscal year from "${header}"`);
			return year;
		};
		const measureYears = col.measures.map(yearOf);
		const gradeYear = yearOf(col.grade)!;

		const rows = events.flatMap((e) => (e.kind === 'row' ? [{ line: e.line, raw: e.cells, cells: e.cells.map((c, k) => fixes.apply(e.line, col.fields[k], tidy(c))) }] : []));
		const known = new Set(rows.flatMap((r) => readDepartments(r.cells[col.departments.column]) ?? []).map((d) => d.name));
		const rowAt = new Map(rows.map((r) => [r.line, r]));

		const book = new GoalBook(plan_id, file, unwrapItems);
		const ids = new MeasureIds();
		let page: ResolvedPage | null = null;
		let action: { goal_id: string; policyCode: string; index: number } | null = null;
		const reposts: Repost[] = [];

		for (const [k, e] of events.entries()) {
			const previous = k > 0 ? events[k - 1] : null;
			if (e.kind === 'page') {
				page = pageOf.get(e.page)!;
				const { goal, policy, explanation } = e.page.slots;
				book.see([page.goalNo], goalLevel, page.goalNo, { text: page.goalTitle, line: goal!.line });
				book.see(page.policyCode.split('-'), policyLevel, page.policyCode, { text: page.policyTitle, line: policy!.line }, explanation ? { text: explanation.text, line: explanation.line } : undefined);
				// A page without a 取組 line continues the 取組 of the page before, if it is the same 施策.
				if (action && action.policyCode !== page.policyCode) action = null;
				continue;
			}
			if (e.kind === 'columns') {
				// Every column header of the report sits right under its 取組 line; one without it means a lost line.
				if (previous?.kind !== 'heading') throw new SourceError(file, e.line, actionLevel, `a column header without its ${actionLevel} line above it: a ${actionLevel} line seems lost`);
				e.cells.forEach((c, k) => {
					const expected = col.fields[k];
					if (expected && tidy(c).replace(/\s+/g, '') !== expected) {
						warn(e.line, k + 1, 'damaged_header', `column header ${k + 1} reads "${tidy(c)}" where "${expected}" is printed on other pages; the column is read by its position`, tidy(c) || null, null);
					}
				});
				continue;
			}
			if (e.kind === 'heading') {
				if (!page) throw new SourceError(file, e.line, actionLevel, `a ${actionLevel} line before any ${goalLevel}/${policyLevel} header`);
				const read = readNumberedHeading(file, e.line, e.cells, actionLevel);
				// 取組 numbers run ①, ②, … within a 施策; a page may repeat the 取組 it continues. Anything
				// else means a page header or a 取組 line was lost, and rows would land under the wrong 取組.
				const current: number = action?.policyCode === page.policyCode ? action.index : 0;
				const repeat = previous?.kind === 'page' && read.index === current;
				if (read.index !== current + 1 && !repeat) {
					throw new SourceError(file, e.line, actionLevel, `${actionLevel} ${read.number} follows ${actionLevel} ${current || '(none)'} of ${policyLevel} ${page.policyCode}: a page header or ${actionLevel} line seems lost`);
				}
				const title = fixes.apply(e.line, actionLevel, read.title);
				action = { goal_id: book.see([...page.policyCode.split('-'), read.index], actionLevel, read.number, { text: title, line: e.line }), policyCode: page.policyCode, index: read.index };
				continue;
			}

			const { line, cells, raw } = rowAt.get(e.line)!;
			if (!page || !action) {
				throw new SourceError(file, line, col.name.field, `a ${spec.lines.row_term} row with no ${actionLevel} above it on this ${policyLevel} (${page?.policyCode ?? 'no page header'}): a page header or ${actionLevel} line seems lost`);
			}
			const n = out.initiatives.length + 1;
			const initiative_id = initiativeId(muni_code, n);
			const w = (column: number, code: WarningCode, message: string, rawText: string | null) => warn(line, column, code, message, rawText, initiative_id);

			const printedName = cells[col.name.column];
			let name = unwrapItems(withoutRepostMark(printedName));
			const nameAt = col.name.column + 1;
			if (!name) {
				name = BLANK_NAME;
				w(nameAt, 'missing_name', `the ${col.name.field} cell is blank; the initiative is named "${BLANK_NAME}" and is known by its description`, null);
			} else if (name.length < 2 || ![...name].some(isJapaneseChar)) {
				w(nameAt, 'unreadable_name', `the ${col.name.field} cell cannot be read ("${name}"); kept as printed`, raw[col.name.column]);
			} else if (cutShort.test(name)) {
				// A name that stops on a particle, or on one kanji after による (連 for 連携 or 連絡会), was cut by the PDF.
				w(nameAt, 'name_cut_short', `the ${col.name.field} seems cut short ("${name}"); kept as printed`, raw[col.name.column]);
			}

			let description: string | null = col.description ? unwrapItems(cells[col.description.column]) || null : null;
			if (col.description && description && isLegendText(cells[col.description.column], definitions)) {
				w(col.description.column + 1, 'legend_in_cell', `the ${col.description.field} cell holds the text of the grading legend, not a description; left empty`, cells[col.description.column]);
				description = null;
			}

			const d = col.departments;
			const listed = readDepartments(cells[d.column]);
			let entries: DepartmentEntry[] = listed ?? [];
			if (!listed) {
				entries = [...new Set(figureColumns.flatMap((k) => headingDepartments(cells[k], known)))].map((name) => ({ name, gradeRaw: null }));
				w(d.column + 1, 'unreadable_departments', entries.length
					? `the ${d.field} cell cannot be read; departments taken from the 【担当課】 headings of the row's other cells: ${entries.map((x) => x.name).join(', ')}`
					: `the ${d.field} cell cannot be read and no other cell names a department`, raw[d.column]);
			}
			const departments = entries.map((x) => x.name);
			const initiative: Initiative = {
				initiative_id, plan_id, muni_code, goal_id: action.goal_id, goal_ids: [action.goal_id], seq: n - 1, code: null, name_ja: name, description_ja: description,
				departments, actor: actorOfDepartments(departments), repost_of: null, source_file: file, line_start: line, line_end: line
			};
			out.initiatives.push(initiative);

			for (const k of textColumns) if (looksGarbled(cells[k])) w(k + 1, 'unreadable_text', `the ${col.fields[k]} cell is partly unreadable OCR text; kept as printed`, raw[k]);

			if (hasRepostMark(printedName)) {
				const pointer = figureColumns.map((k) => readRepostPointer(cells[k])).find(Boolean) ?? null;
				const code = pointer ? readSectionNumber(pointer.section.replace(/[\s\-‐‑‒–—―−－]+$/, '')) : null;
				reposts.push({ initiative, goal_id: code ? book.goalId([...code.split('-'), pointer!.number]) : null, line });
			}

			// Measures, each split by department: a 【担当課】 segment's figures belong to that department.
			col.measures.forEach((m, i) => {
				const cell = cells[m.column];
				if (!cell || readRepostPointer(cell)) return;
				for (const segment of splitByDepartment(cell)) {
					const report = (text: string) => (message: string) => w(m.column + 1, 'ocr_digit_read', message, text);
					if (!m.baseline) {
						out.measures.push(...cellMeasures(ids, initiative_id, m.kind, measureYears[i], segment, line, m.label_ja, report(segment.text)));
						continue;
					}
					const { target, baseline } = splitBaseline(segment.text);
					const made = cellMeasures(ids, initiative_id, m.kind, measureYears[i], { ...segment, text: target }, line, m.label_ja, report(target));
					out.measures.push(...made);
					if (baseline) {
						// ※R3 29件 is where the count stood when the plan was drafted: a baseline, never a result.
						const label = made.find((x) => x.value !== null)?.label_ja ?? null;
						const start = cellMeasures(ids, initiative_id, 'baseline', readFiscalYear(baseline.yearLabel), { ...segment, text: baseline.value }, line, label, report(baseline.text));
						for (const x of start) x.raw_text = baseline.text;
						out.measures.push(...start);
					}
				}
			});

			for (const note of col.notes) {
				const cell = cells[note.column];
				if (!cell || readRepostPointer(cell) || isDashOnly(cell)) continue;
				for (const segment of splitByDepartment(cell)) {
					const k = out.notes.filter((x) => x.initiative_id === initiative_id).length + 1;
					out.notes.push({ note_id: `${initiative_id}-n${k}`, initiative_id, goal_id: null, field: note.note_field, label_ja: note.label_ja, text_ja: unwrapItems(segment.text), line, line_end: line });
				}
			}

			// One grade for the row, or one per department in the departments cell.
			const evaluations: Evaluation[] = [];
			const grade = (gradeRaw: string, corrected: string, evaluator: string | null, column: number) => {
				const g = readGrade(corrected, levels);
				if (g === null) {
					const outside = /^[A-FS]$/.test(foldLookalikes(gradeRaw).trim().toUpperCase());
					const who = evaluator ? ` (${evaluator})` : '';
					w(column, outside ? 'grade_outside_scheme' : 'unreadable_grade', outside
						? `grade "${gradeRaw}"${who} is not a level of the A–C scheme; kept raw, grade left empty`
						: `grade mark "${gradeRaw}"${who} cannot be read as A, B or C; kept raw, grade left empty`, gradeRaw);
				}
				evaluations.push({ evaluation_id: `${initiative_id}-e${evaluations.length + 1}`, initiative_id, fiscal_year: gradeYear, scheme_id: scheme.scheme_id, grade_raw: gradeRaw, grade: g, evaluator, score: null, band: null, line });
			};
			const printedGrade = tidy(raw[col.grade.column]);
			if (printedGrade) grade(printedGrade, cells[col.grade.column], null, col.grade.column + 1);
			const perDepartment = d.graded ? entries.filter((x) => x.gradeRaw) : [];
			if (perDepartment.length) {
				if (perDepartment.length < entries.length) w(d.column + 1, 'grade_missing_for_department', `the ${d.field} cell grades ${perDepartment.length} of ${entries.length} departments`, cells[d.column]);
				for (const x of perDepartment) grade(x.gradeRaw!, x.gradeRaw!, x.name, d.column + 1);
			}
			out.evaluations.push(...evaluations);
		}

		resolveReposts(reposts, out.initiatives, (line, code, message, raw, id) => warn(line, col.name.column + 1, code, message, raw, id));
		out.goals.push(...book.finish(out.warnings));
		out.correctionsUsed.push(...fixes.finish());
		return out;
	}
};
