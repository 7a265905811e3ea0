import { z } from 'zod';
import { LabelledLines } from './labelled-pages';
import { checkYear, departmentsShape, gradeShape, measureShape, noteShape, textColumnShape } from './column-meaning';
import { departmentSuffixes } from './departments';
import { SpecBase, parseSpec } from './table-spec';

/**
 * A spec for a report whose pages repeat their goal headers as labelled lines (labelled-pages.ts): which lines are
 * what, the goal levels, and what each column of a row means, in the kit's one column vocabulary
 * (column-meaning.ts). The template's hooks read it; what no rule can read stays in them.
 */

const Column = z.number().int().min(0);
const Field = z.string().min(1);

export const RowColumn = z.discriminatedUnion('means', [
	z.object({ means: z.literal('name'), field: Field, ...textColumnShape(Column) }),
	z.object({ means: z.literal('description'), field: Field, ...textColumnShape(Column) }),
	z.object({
		means: z.literal('measure'),
		field: Field,
		...measureShape(Column),
		/** the cell ends with the value when the plan was drafted (※R3 62箇所): a baseline of its own */
		baseline: z.boolean().default(false)
	}),
	z.object({ means: z.literal('grade'), field: Field, ...gradeShape(Column) }),
	z.object({ means: z.literal('note'), field: Field, ...noteShape(Column) }),
	z.object({
		means: z.literal('departments'),
		field: Field,
		...departmentsShape(Column),
		/** the endings this report's department names use (data/vocabulary.json lists every ending) */
		suffixes: z.array(z.string().min(1)).min(1),
		/** a department's name may carry its own grade (共生福祉課B) */
		graded: z.boolean().default(false)
	})
]);
export type RowColumn = z.infer<typeof RowColumn>;

export const LabelledPagesSpec = SpecBase.extend({
		lines: LabelledLines,
		/** level names from the top: the page header's slots in order, then the heading line's */
		goal_levels: z.array(z.object({ level_name_ja: z.string().min(1), slot: z.string().min(1), description_slot: z.string().min(1).optional() })).min(1),
		columns: z.array(RowColumn).min(1),
		name: z.object({
			/** the name given to a row whose name cell is blank: the contract needs one, the source has none */
			blank: z.string().min(1),
			/** a name ending like this was cut short by the PDF */
			cut_short: z.string().min(1)
		})
	})
	.superRefine((s, ctx) => {
		s.columns.forEach((c, k) => {
			if (c.column !== k) ctx.addIssue({ code: 'custom', path: ['columns', k, 'column'], message: `columns are listed in order: this one is column ${k}` });
			if (c.means === 'measure' || c.means === 'grade') checkYear(c, ['columns', k], ctx, true);
			if (c.means === 'departments') {
				try {
					departmentSuffixes(c.suffixes);
				} catch (e) {
					ctx.addIssue({ code: 'custom', path: ['columns', k, 'suffixes'], message: (e as Error).message });
				}
			}
		});
		for (const means of ['name', 'departments'] as const) {
			if (s.columns.filter((c) => c.means === means).length !== 1) ctx.addIssue({ code: 'custom', path: ['columns'], message: `exactly one column means ${means}` });
		}
	});
export type LabelledPagesSpec = z.infer<typeof LabelledPagesSpec>;

/** Parse a spec, naming the template and the field of the first problem. */
export const labelledPagesSpec = (input: unknown): LabelledPagesSpec => parseSpec(LabelledPagesSpec, input);

/** The columns of a spec by meaning. */
export function columnsByMeaning(spec: LabelledPagesSpec) {
	const of = <M extends RowColumn['means']>(means: M) => spec.columns.filter((c): c is Extract<RowColumn, { means: M }> => c.means === means);
	return { name: of('name')[0], description: of('description')[0], measures: of('measure'), grade: of('grade')[0], notes: of('note'), departments: of('departments')[0], fields: spec.columns.map((c) => c.field) };
}
