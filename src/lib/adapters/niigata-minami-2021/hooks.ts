import type { AdapterContext, AdapterResult, SourceDocument } from '../adapter';
import { SourceError, emptyResult, requireScheme } from '../adapter';
import type { Goal } from '../../contract/tables';
import { initiativeId, MeasureIds } from '../../template-kit/records';
import { actorOfDepartments, departmentPattern, departmentSuffixes } from '../../template-kit/departments';
import { linkRepostsByName } from '../../template-kit/repost';
import { readGrade } from '../../normalize/grade';
import type { TemplateHooks } from '../../template-kit/table-spec';
import { bannerOf, readLayout } from '../../template-kit/page-layout';
import { WrappedCells, columnWidth, firstLine, lastLine, nameText } from '../../template-kit/wrapped-cells';
import { readRows, type Row } from './rows';
import { readHeader } from './header';
import { Spec } from './spec';

/**
 * 新潟市南区「区地域福祉計画」progress report (2021), read with niigata-minami-2021.json: four 分野別計画
 * sections, each under one 基本目標, with （１）（２）… 目標 headings and one table row per initiative:
 * 具体的な取り組み・事業, 概要, 担当部署, three figure columns (2020 results, 2021 plan, 2021 results; the
 * header of each section says which are estimates), 評価 A–D, コメント・課題等 and 備考. The kit takes out
 * the page furniture (page-layout) and reads the wrapped cells (wrapped-cells); the hooks put the rows
 * back together from their two anchors (rows.ts) and read each section's header (header.ts).
 */

/** The field of a correction that joins a line to the item above it inside a figure cell. */
const itemField = (column: string) => `${column}の項目`;

function read(spec: Spec, doc: SourceDocument, ctx: AdapterContext): AdapterResult {
	const out = emptyResult();
	const file = doc.entry.file;
	const { muni_code } = doc.entry.municipality;
	const { plan_id } = doc.entry.plan;
	const FIELD = spec.fields;
	const [fieldLevel, basicLevel, headingLevel] = spec.goals;
	const cells = new WrappedCells(spec.wrapping);
	// Only the ward office's own departments (its …課) make an initiative the city's; 地域包括支援センター or an NPO is a partner.
	const wardBody = departmentPattern(departmentSuffixes(spec.departments.city));
	// Fields a correction for this source may name: cell and item boundaries no rule can see.
	const { correctable } = spec.figure_columns;
	const CORRECTABLE = [FIELD.name, FIELD.department, ...correctable, ...correctable.map(itemField)];
	const scheme = requireScheme(doc, ctx, FIELD.grade);
	const levels = scheme.levels.map((l) => l.grade);

	const layout = readLayout(file, doc.lines, spec.layout, (f, line, text) => readHeader(spec, f, line, text));
	// The kit's corrections book: each correction here says which field a line belongs to.
	const book = ctx.book;
	const foreign = book.list.find((c) => !CORRECTABLE.includes(c.field));
	if (foreign) throw new SourceError(file, foreign.line, foreign.field, `correction ${foreign.id}: this adapter applies no correction to the field "${foreign.field}"`);
	const { sections, warnings } = readRows(spec, file, layout, book);
	out.warnings.push(...warnings);
	if (!sections.length) throw new SourceError(file, 1, headingLevel, `no （１） heading found: is this the ${spec.id} template?`);

	// A header that calls the earlier year's results estimates but the later year's final is read
	// as printed (section 4: 2020年度（見込み） / 2021年度実績), and flagged: the reverse is what the
	// other sections print, and the later results cannot be the more final ones.
	for (const { header } of sections) {
		const [earlier, , later] = header.figures;
		if (earlier.is_estimate && !later.is_estimate && earlier.fiscal_year < later.fiscal_year) {
			out.warnings.push({ source_file: file, line: header.line, column: null, field: 'header', code: 'doubtful_estimate_flags', message: `the header marks the ${earlier.fiscal_year} results as estimates (${earlier.label}) but not the ${later.fiscal_year} results (${later.label}): read as printed`, raw: header.figures.map((f) => f.label).join(' / '), initiative_id: null });
		}
	}

	let goalSeq = 0;
	const goalOfRow = new Map<Row, string>();
	sections.forEach((section, s) => {
		const [from, to] = [section.header.line, sections[s + 1]?.header.line ?? Infinity];
		const [field, basic] = [fieldLevel, basicLevel].map((level) => bannerOf(file, layout.banners, level, from, to));
		const fieldId = `${plan_id}-G${s + 1}`;
		const basicId = `${fieldId}-1`;
		const goal = (g: Omit<Goal, 'plan_id' | 'seq'>) => out.goals.push({ ...g, plan_id, seq: goalSeq++ });
		goal({ goal_id: fieldId, parent_goal_id: null, level: 1, level_name_ja: fieldLevel, code: null, title_ja: field.title, description_ja: null, line: field.line });
		goal({ goal_id: basicId, parent_goal_id: fieldId, level: 2, level_name_ja: basicLevel, code: null, title_ja: basic.title, description_ja: null, line: basic.line });
		for (const h of section.headings) {
			goal({ goal_id: `${basicId}-${h.number}`, parent_goal_id: basicId, level: 3, level_name_ja: headingLevel, code: h.code, title_ja: h.title, description_ja: null, line: h.line });
		}
		for (const row of section.rows) goalOfRow.set(row, `${basicId}-${row.heading.number}`);
	});

	// Each section's figure columns have their own printed width; a short line ends an item.
	const columnWidths = sections.map((s) => [0, 1, 2].map((k) => columnWidth(s.rows.map((r) => r.figures[k]))));

	// The comment column's width, over the whole report (the 備考 are too few to measure).
	const noteWidth = columnWidth(sections.flatMap((s) => s.rows.map((r) => r.comment ?? [])));

	const ids = new MeasureIds();
	const rows = sections.flatMap((s) => s.rows);
	rows.forEach((row, n) => {
		const initiative_id = initiativeId(muni_code, n + 1);
		const goal_id = goalOfRow.get(row)!;
		const nameBlock = row.name ?? row.mergedName!;
		const departments = row.departments.map((d) => nameText(d));
		const ends = [row.grade.line, ...(row.comment ? [lastLine(row.comment)] : []), ...row.remarks.map(lastLine)];
		out.initiatives.push({
			initiative_id,
			plan_id,
			muni_code,
			goal_id,
			goal_ids: [goal_id],
			seq: n,
			code: null,
			name_ja: nameText(nameBlock),
			description_ja: nameText(row.summary),
			departments,
			actor: actorOfDepartments(departments, (d) => wardBody.test(d)),
			repost_of: null,
			source_file: file,
			line_start: firstLine(row.name ?? row.summary),
			line_end: Math.max(...ends)
		});

		// The three cells list the same items: each is read knowing what the other two count.
		out.measures.push(...cells.rowFigures(ids, initiative_id, row.figures.map((block, k) => {
			const { label, kind, fiscal_year, is_estimate } = row.header.figures[k];
			const joined = new Set(block.filter((l) => book.take(l.line, itemField(label))).map((l) => l.line));
			return { block, column: { kind, fiscal_year, is_estimate }, context: { columnWidth: columnWidths[row.section][k], joined } };
		})));

		const grade = readGrade(row.grade.text, levels);
		if (grade === null) {
			out.warnings.push({ source_file: file, line: row.grade.line, column: null, field: FIELD.grade, code: 'grade_outside_scheme', message: `"${row.grade.text}" is not a level of ${scheme.scheme_id} (${levels.join('/')})`, raw: row.grade.text, initiative_id });
		}
		out.evaluations.push({ evaluation_id: `${initiative_id}-e1`, initiative_id, fiscal_year: row.header.gradedYear, scheme_id: scheme.scheme_id, grade_raw: row.grade.text, grade, evaluator: null, score: null, band: null, line: row.grade.line });

		const notes = [
			...(row.comment ? [{ field: 'comment', label_ja: FIELD.comment, block: row.comment }] : []),
			...row.remarks.map((block) => ({ field: 'remark', label_ja: FIELD.remark, block }))
		];
		notes.forEach((note, k) => {
			out.notes.push({ note_id: `${initiative_id}-n${k + 1}`, initiative_id, goal_id: null, field: note.field, label_ja: note.label_ja, text_ja: cells.note(note.block, noteWidth), line: firstLine(note.block), line_end: lastLine(note.block) });
		});
	});

	// A （再掲） row repeats an initiative printed earlier under another 目標, with its own figures.
	linkRepostsByName(out.initiatives, FIELD.name, (w) => out.warnings.push(w));

	out.correctionsUsed = book.finish();
	return out;
}

export const hooks: TemplateHooks<Spec> = { schema: Spec, read };
