import { z } from 'zod';
import type { Initiative } from '../contract/tables';
import type { QualityWarning } from '../contract/quality';
import type { Adapter, AdapterContext, AdapterResult, SourceDocument } from '../adapters/adapter';
import { emptyResult, requireScheme } from '../adapters/adapter';
import { SourceError } from './source-error';
import { actorOfDepartments } from './departments';
import { initiativeId, MeasureIds, measuresFromCell } from './records';
import { fold, htmlListItems, htmlToText, tidy, unwrapName } from '../normalize/text';
import { readGrade } from '../normalize/grade';
import type { WarningCode } from './warnings';
import { checkYear, columnYear, departmentsShape, gradeShape, measureShape, noteShape, textColumnShape } from './column-meaning';

/**
 * A report template as data: a table of tab-separated rows, one initiative a row, described by
 * which lines are the column header and the rows, what each column means and how goals are
 * printed. `tableTemplate(spec)` turns a spec into the template's reader; the spec is checked by
 * zod when the template is made, so a wrong spec fails before any source is read.
 *
 * Columns count from 0 (the first cell of a row); warnings name them from 1, as a reader counts.
 */

/** A regular expression, written as its source text (JSON has no regex literal). */
export const Pattern = z.string().min(1).refine((s) => {
	try {
		new RegExp(s, 'u');
		return true;
	} catch {
		return false;
	}
}, 'not a valid regular expression');

export const Column = z.number().int().min(0);

/** How a cell's text becomes the field's text. */
const Reading = z.enum([
	'tidy', // white space tidied
	'unwrap', // a name wrapped in a narrow PDF column: spaces between Japanese characters removed
	'html' // the converter's HTML (<ul><li>, <br>) as text, one line an item
]);

/** Items of a cell: list items of the converter's HTML, each cut again before or at a mark. */
const Items = z.object({
	/** cut an item before each match (● starts a bullet) */
	split_before: Pattern.optional(),
	/** cut an item at each match and drop it (・ between items) */
	split_at: Pattern.optional()
});

/** What each column means is the kit's one definition (column-meaning.ts), shared with tabular sources. */
const MeasureColumn = z.object({
	...measureShape(Column),
	/** the column's name as printed, for warnings */
	field: z.string().min(1),
	/** the cell was wrapped in a narrow PDF column */
	narrow: z.boolean().default(false),
	/**
	 * `row`: the cell belongs to its row's initiative. `goal`: a merged cell printed once, on the first
	 * row of a goal; each item goes to the initiative whose name it repeats, else to the goal.
	 */
	scope: z.enum(['row', 'goal']).default('row'),
	items: Items.optional()
});

const NoteColumn = z.object({
	...noteShape(Column),
	field: z.string().min(1),
	scope: z.enum(['goal']),
	items: Items
});

/** Goals named only by marks in columns (○ under 基本目標 1–4). */
const MarkedGoals = z.object({
	from: z.literal('marks'),
	level_name_ja: z.string().min(1),
	/** the first mark column; goal n is marked in column first + n - 1 */
	first_column: Column,
	count: z.number().int().positive(),
	mark: z.string().min(1),
	/** the goal's title, {n} for its number (the report prints no titles) */
	title: z.string().min(1)
});

/** Goals printed as banner lines above their rows (【基本目標1】 title). */
const BannerGoals = z.object({
	from: z.literal('banners'),
	level_name_ja: z.string().min(1),
	/** groups: the goal's number, then its title */
	pattern: Pattern
});

/** What every spec says first: the template's id (the manifest names it) and what it reads. */
export const SpecBase = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), describes: z.string().min(1) });

export const TableSpec = z
	.object({
		id: z.string().regex(/^[a-z0-9-]+$/),
		describes: z.string().min(1),
		/** the column header line; the first one found gives the fiscal years */
		header: Pattern,
		/** what the column header is called, for the error when it is missing */
		header_name: z.string().min(1),
		/** lines that are neither rows nor headings (page furniture, a repeated sub-header) */
		skip: z.array(Pattern).default([]),
		/** a table row */
		row: Pattern,
		/** how many cells a row has; a row with another count is kept as a warning only */
		cells: z.number().int().positive().optional(),
		goals: z.discriminatedUnion('from', [MarkedGoals, BannerGoals]),
		initiative: z.object({
			/** what the report calls one (基本計画, 取組) */
			term_ja: z.string().min(1),
			code: z.object({ column: Column, field: z.string().min(1), pattern: Pattern }),
			name: z.object({ ...textColumnShape(Column), field: z.string().min(1), reading: Reading }),
			description: z.object({ ...textColumnShape(Column), reading: Reading }).optional(),
			/** the column naming who runs each initiative (several names split at white space) */
			departments: z.object({ ...departmentsShape(Column), field: z.string().min(1) }).optional(),
			/** a row whose code cell is empty continues the initiative above (its figures are its own) */
			continued_by_rows_without_code: z.boolean().default(false),
			/** who runs every initiative of the report, where rows do not say */
			actor: z.enum(['city', 'council', 'joint', 'unknown']),
			/** why, in a sentence (kept beside the spec for the reviewer) */
			actor_because: z.string().min(1)
		}),
		measures: z.array(MeasureColumn).default([]),
		grade: z.object({ ...gradeShape(Column), field: z.string().min(1) }).optional(),
		notes: z.array(NoteColumn).default([]),
		/** cells past the last column: the PDF shifted part of a merged cell there; they join that cell */
		overflow_into: z.object({ column: Column }).optional(),
		/** for a `goal` measure column: words that end an initiative's name but not what an item names */
		name_endings: z.array(z.string().min(1)).default([]),
		/** the fewest characters of a name that must repeat in an item for the item to be the initiative's */
		name_match_min: z.number().int().positive().default(4)
	})
	.refine((s) => !s.overflow_into || s.measures.some((m) => m.column === s.overflow_into!.column && m.scope === 'goal'), {
		message: 'overflow_into must name a measure column whose scope is goal'
	})
	.superRefine((s, ctx) => {
		s.measures.forEach((m, k) => checkYear(m, ['measures', k], ctx, true));
		if (s.grade) checkYear(s.grade, ['grade'], ctx, true);
	});
export type TableSpec = z.infer<typeof TableSpec>;

/** A spec checked by its schema; a wrong one fails naming the template and the field. */
export function parseSpec<S>(schema: z.ZodType<S>, input: unknown): S {
	const parsed = schema.safeParse(input);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`template spec ${String((input as { id?: unknown }).id ?? '?')}: ${issue.path.join('.')}: ${issue.message}`);
	}
	return parsed.data;
}

/**
 * A template that is a spec plus hooks: the spec (`<id>.json`) is data, every word, pattern, column
 * place and label of the report, checked by the hooks' schema (built on the parts above); the hooks
 * (`<id>/hooks.ts`) are the named pieces of code that read what no rule of the table reader can (a
 * table of contents the body is placed against, a row with two actors' halves). General: any
 * template may take this form; `npm run registry` wires `<id>.json` to `<id>/hooks.ts`.
 */
export interface TemplateHooks<S extends z.infer<typeof SpecBase>> {
	schema: z.ZodType<S>;
	read(spec: S, doc: SourceDocument, ctx: AdapterContext): AdapterResult;
}

export function hookedTemplate<S extends z.infer<typeof SpecBase>>(input: unknown, hooks: TemplateHooks<S>): Adapter {
	const spec = parseSpec(hooks.schema, input);
	return { id: spec.id, describes: spec.describes, read: (doc, ctx) => hooks.read(spec, doc, ctx) };
}

interface GoalGroup {
	goal_id: string;
	members: Initiative[];
	/** merged cells printed on the goal's rows, by column */
	cells: Map<number, { text: string; line: number }[]>;
}

const re = (s: string) => new RegExp(s, 'u');

function items(text: string, how: z.infer<typeof Items> | undefined): string[] {
	let out = htmlListItems(text);
	if (how?.split_before) out = out.flatMap((t) => t.split(new RegExp(`(?=${how.split_before})`, 'u')));
	if (how?.split_at) out = out.flatMap((t) => t.split(re(how.split_at!)));
	return out.map(tidy).filter(Boolean);
}

function read(text: string, how: z.infer<typeof Reading>): string {
	return how === 'unwrap' ? unwrapName(text) : how === 'html' ? htmlToText(text).trim() : tidy(text);
}

/** The template reader a spec describes; the spec is data (a JSON file), checked here. */
export function tableTemplate(input: unknown): Adapter {
	const spec = parseSpec(TableSpec, input);
	const header = re(spec.header);
	const row = re(spec.row);
	const skip = spec.skip.map(re);
	const codePattern = re(spec.initiative.code.pattern);

	/** The name core an item must repeat to be the initiative's (きずな活動の推進 → きずな活動). */
	const endings = spec.name_endings.length ? new RegExp(`(?:${spec.name_endings.join('|')})$`, 'u') : null;
	const nameCore = (name: string) => {
		const core = fold(name).replace(/[（(][^）)]*[）)]/g, '');
		return endings ? core.replace(endings, '') : core;
	};
	const ownerOf = (item: string, candidates: readonly Initiative[]): Initiative | null => {
		const heading = fold(item).replace(/^[●・]/, '').split(/[（(\s]/)[0];
		const hits = candidates.filter((c) => {
			const core = nameCore(c.name_ja);
			return core.length >= spec.name_match_min && heading.includes(core);
		});
		return hits.length === 1 ? hits[0] : null;
	};

	return {
		id: spec.id,
		describes: spec.describes,
		read(doc: SourceDocument, ctx: AdapterContext): AdapterResult {
			const out = emptyResult();
			const file = doc.entry.file;
			const { muni_code } = doc.entry.municipality;
			const { plan_id } = doc.entry.plan;
			const warn = (line: number, column: number | null, field: string | null, code: WarningCode, message: string, raw: string | null, initiative_id: string | null) =>
				out.warnings.push({ source_file: file, line, column, field, code, message, raw, initiative_id } satisfies QualityWarning);

			const headerIndex = doc.lines.findIndex((l) => header.test(l));
			if (headerIndex < 0) throw new SourceError(file, 1, null, `no ${spec.header_name} table header found: is this the ${spec.id} template?`);
			const headerCells = doc.lines[headerIndex].split('\t');
			const yearOf = (m: { fiscal_year?: number | null; year_from_header?: number }): number | null => {
				const { year, header } = columnYear(m, (column) => headerCells[column] ?? '');
				if (year === null && header !== null) throw new SourceError(file, headerIndex + 1, 'header', `cannot read a fiscal year from the header cell "${header}" (column ${m.year_from_header! + 1})`);
				return year;
			};
			const measureYears = spec.measures.map(yearOf);
			const scheme = spec.grade ? requireScheme(doc, ctx) : null;
			const gradeYear = spec.grade ? yearOf(spec.grade) : null;

			const g = spec.goals;
			const groups: GoalGroup[] = [];
			const newGoal = (code: string, title: string, line: number): GoalGroup => {
				const goal_id = `${plan_id}-G${code}`;
				out.goals.push({ goal_id, plan_id, parent_goal_id: null, level: 1, level_name_ja: g.level_name_ja, code, title_ja: title, description_ja: null, seq: out.goals.length + (g.from === 'marks' ? 1 : 0), line });
				const group = { goal_id, members: [], cells: new Map() };
				groups.push(group);
				return group;
			};
			// Goals named only by their mark columns exist before any row; the header's next line is theirs.
			if (g.from === 'marks') for (let n = 1; n <= g.count; n++) newGoal(String(n), g.title.replace('{n}', String(n)), headerIndex + 2);
			const banner = g.from === 'banners' ? re(g.pattern) : null;

			const ids = new MeasureIds();
			const sp = spec.initiative;
			let goal: GoalGroup | null = null;
			let current: Initiative | null = null;
			let seq = 0;

			doc.lines.forEach((text, i) => {
				const line = i + 1;
				const b = banner ? text.match(banner) : null;
				if (b) {
					goal = newGoal(b[1], tidy(b[2]), line);
					return;
				}
				if (!row.test(text) || header.test(text) || skip.some((s) => s.test(text))) return;
				const cells = text.split('\t');
				if (spec.cells !== undefined && cells.length !== spec.cells) {
					warn(line, null, null, 'shifted_columns', `expected ${spec.cells} tab-separated cells, found ${cells.length}; row kept as a warning only`, tidy(text), current?.initiative_id ?? null);
					return;
				}
				const code = tidy(cells[sp.code.column] ?? '');
				const description = sp.description ? read(cells[sp.description.column] ?? '', sp.description.reading) : '';
				if (code || !sp.continued_by_rows_without_code) {
					if (!codePattern.test(code)) throw new SourceError(file, line, sp.code.field, `"${code}" is not a ${sp.term_ja} number`);
					const name = read(cells[sp.name.column] ?? '', sp.name.reading);
					if (!name) throw new SourceError(file, line, sp.name.field, `a ${sp.term_ja} without a name`);
					const departments = sp.departments ? tidy(cells[sp.departments.column] ?? '').split(' ').filter(Boolean) : [];
					let goalIds: string[];
					if (g.from === 'marks') {
						goalIds = groups.filter((_, k) => tidy(cells[g.first_column + k] ?? '') === g.mark).map((x) => x.goal_id);
					} else {
						if (!goal) throw new SourceError(file, line, g.level_name_ja, `a ${sp.term_ja} row before any ${g.level_name_ja} heading`);
						goalIds = [goal.goal_id];
					}
					current = {
						initiative_id: initiativeId(muni_code, Number(code)),
						plan_id,
						muni_code,
						goal_id: goalIds[0] ?? null,
						goal_ids: goalIds,
						seq: seq++,
						code,
						name_ja: name,
						description_ja: description || null,
						departments,
						actor: departments.length ? actorOfDepartments(departments) : sp.actor,
						repost_of: null,
						source_file: file,
						line_start: line,
						line_end: line
					};
					if (!goalIds.length && g.from === 'marks') warn(line, g.first_column + 1, g.level_name_ja, 'no_goal_mark', `no ${g.mark} mark for any ${g.level_name_ja}`, null, current.initiative_id);
					out.initiatives.push(current);
					if (goal) goal.members.push(current);
				} else {
					if (!current) throw new SourceError(file, line, sp.code.field, `a continuation row before any numbered row`);
					const own = [sp.name.column, ...(g.from === 'marks' ? Array.from({ length: g.count }, (_, k) => g.first_column + k) : [])];
					if (own.some((c) => tidy(cells[c] ?? ''))) {
						throw new SourceError(file, line, sp.name.field, `a row without ${sp.code.field} carries a name or marks: cannot tell which ${sp.term_ja} it belongs to`);
					}
					current.line_end = line;
					if (description) current.description_ja = current.description_ja ? `${current.description_ja}\n${description}` : description;
				}
				const initiative_id = current.initiative_id;

				if (spec.grade && scheme) {
					const raw = tidy(cells[spec.grade.column] ?? '');
					const column = spec.grade.column + 1;
					if (raw) {
						const grade = readGrade(raw, scheme.levels.map((l) => l.grade));
						out.evaluations.push({ evaluation_id: `${initiative_id}-e1`, initiative_id, fiscal_year: gradeYear!, scheme_id: scheme.scheme_id, grade_raw: raw, grade, evaluator: null, score: null, band: null, line });
						if (grade === null) warn(line, column, spec.grade.field, 'grade_outside_scheme', `${spec.grade.field} "${raw}" is not a level of ${scheme.scheme_id}`, raw, initiative_id);
					} else {
						warn(line, column, spec.grade.field, 'missing_grade', `no ${spec.grade.field} on this row`, null, initiative_id);
					}
				}

				spec.measures.forEach((m, k) => {
					const cell = cells[m.column] ?? '';
					if (m.scope === 'goal') {
						if (tidy(cell)) (goal!.cells.get(m.column) ?? goal!.cells.set(m.column, []).get(m.column)!).push({ text: cell, line });
						return;
					}
					out.measures.push(...measuresFromCell(ids, { initiative_id, kind: m.kind, fiscal_year: measureYears[k], text: htmlToText(cell).replace(/\n/g, ' '), line, narrow_cell: m.narrow, label_fallback: m.label_ja }));
				});
				for (const n of spec.notes) if (tidy(cells[n.column] ?? '')) (goal!.cells.get(n.column) ?? goal!.cells.set(n.column, []).get(n.column)!).push({ text: cells[n.column], line });

				if (spec.overflow_into) {
					const into = spec.overflow_into.column;
					const field = spec.measures.find((m) => m.column === into)!.field;
					const last = Math.max(...spec.measures.map((m) => m.column), ...spec.notes.map((n) => n.column), spec.grade?.column ?? 0, sp.name.column);
					for (const piece of cells.slice(last + 1).map(tidy).filter(Boolean)) {
						(goal!.cells.get(into) ?? goal!.cells.set(into, []).get(into)!).push({ text: piece, line });
						warn(line, last + 2, field, 'shifted_columns', `text beyond the last column on the row of ${initiative_id}; kept as a result of the whole ${g.level_name_ja}, since the text does not say which ${sp.term_ja} it belongs to`, piece, initiative_id);
					}
				}
			});

			// Merged cells: each item to the initiative whose name it repeats, else to the goal.
			for (const group of groups) {
				spec.measures.forEach((m, k) => {
					if (m.scope !== 'goal') return;
					for (const cell of group.cells.get(m.column) ?? []) {
						for (const item of items(cell.text, m.items)) {
							const owner = ownerOf(item, group.members);
							out.measures.push(...measuresFromCell(ids, { initiative_id: owner?.initiative_id ?? null, goal_id: group.goal_id, kind: m.kind, fiscal_year: measureYears[k], text: item, line: cell.line, label_fallback: m.label_ja }));
						}
					}
				});
				let n = 0;
				for (const note of spec.notes) {
					for (const cell of group.cells.get(note.column) ?? []) {
						for (const text_ja of items(cell.text, note.items)) {
							out.notes.push({ note_id: `${group.goal_id}-n${++n}`, initiative_id: null, goal_id: group.goal_id, field: note.note_field, label_ja: note.label_ja, text_ja, line: cell.line, line_end: cell.line });
						}
					}
				}
			}
			return out;
		}
	};
}
