import { z } from 'zod';
import { MEASURE_KINDS } from '../contract/tables';
import { readFiscalYear } from '../normalize/fiscal-year';

/**
 * What a column means, defined once for every kind of spec: a report template read from PDF text
 * (table-spec.ts, columns counted from 0) and a table a user brings with its column mapping
 * (import/tabular-spec.ts, columns by letter). Each part is a zod shape over the spec's own kind
 * of column reference, so the two specs differ only in how they point at a column, never in what
 * a name, a description, the departments, a measure, a grade, a note or a goal level is.
 */

export const FiscalYear = z.number().int().min(1989).max(2100);

/** The year of a measure or grade column: given in the spec, or read from the column's header cell (R5実績 → 2023). */
function yearShape<C extends z.ZodType>(column: C) {
	return {
		/** the year the column is for; null for a target that names none */
		fiscal_year: FiscalYear.nullable().optional(),
		/** the header cell the year is read from, where the table prints it */
		year_from_header: column.optional()
	};
}

/** The initiative's name, or its description: which column, and how its text is read. */
export const textColumnShape = <C extends z.ZodType>(column: C) => ({ column });

/** Who runs the initiative: one department name or several, in one cell. */
export const departmentsShape = <C extends z.ZodType>(column: C) => ({ column });

/** A column of figures: what kind (target, result, plan, baseline), for which year, counting what. */
export const measureShape = <C extends z.ZodType>(column: C) => ({
	column,
	kind: z.enum(MEASURE_KINDS),
	...yearShape(column),
	/** what the column counts, when its cells hold bare numbers (e.g. 参加者数) */
	label_ja: z.string().min(1).nullable().default(null)
});

/** A column of grades, for the year they judge (a grade always judges one year). */
export const gradeShape = <C extends z.ZodType>(column: C) => ({ column, ...yearShape(column), fiscal_year: FiscalYear.optional() });

/** A column of notes: the notes table's field (priority, comment, evaluation_reason …) and its label as printed. */
export const noteShape = <C extends z.ZodType>(column: C) => ({
	column,
	note_field: z.string().min(1),
	label_ja: z.string().min(1)
});

/** A goal level: what the table calls it (基本目標, 施策, …). */
export const goalLevelShape = <C extends z.ZodType>(column: C) => ({ column, level_name_ja: z.string().min(1) });

type Year = { fiscal_year?: number | null; year_from_header?: unknown };

/** A measure or grade column says its year one way: given, or from its header (a refinement every spec runs). */
export function checkYear(value: Year, path: (string | number)[], ctx: z.RefinementCtx, needed = false): void {
	const given = value.fiscal_year !== undefined;
	const fromHeader = value.year_from_header !== undefined;
	// params.kind: the import page says the problem in its own language (import/spec-problems.ts).
	if (given && fromHeader) ctx.addIssue({ code: 'custom', path, message: 'give fiscal_year or year_from_header, not both', params: { kind: 'year_both' } });
	else if (needed && !given && !fromHeader) ctx.addIssue({ code: 'custom', path, message: 'the year is needed: give fiscal_year or year_from_header', params: { kind: 'year_needed' } });
}

/**
 * The year of a column as the spec says: given, or read from the text of its header cell by
 * `header`. Null where the header prints no year the reader knows; the caller says where.
 */
export function columnYear<C>(value: { fiscal_year?: number | null; year_from_header?: C }, header: (column: C) => string): { year: number | null; header: string | null } {
	if (value.year_from_header === undefined) return { year: value.fiscal_year ?? null, header: null };
	const text = header(value.year_from_header);
	return { year: readFiscalYear(text), header: text };
}
