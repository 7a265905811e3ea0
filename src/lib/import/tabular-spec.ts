import { z } from 'zod';
import { FiscalYear, checkYear, goalLevelShape, gradeShape, measureShape } from '../template-kit/column-meaning';
import { SpecRefused, specProblems } from './spec-problems';

/**
 * A column mapping for a table as its author made it ("their own sheet as it is"): which rows are
 * headers, and which column means what. Declarative and small, so it can be downloaded, reused
 * next year, and put beside a CSV source in data/sources/ for `npm run data` (no code per table).
 * The plan and grading scheme are part of the spec in the browser; in the build the manifest and
 * data/grading-schemes.json + data/crosswalk.json give them instead.
 *
 * What a column means (a measure with its kind and year, a grade, a goal level) is the template
 * kit's one definition (template-kit/column-meaning.ts), the same as a report template's spec; only
 * the column reference differs (a letter here). Version 1 specs read unchanged: a measure or grade
 * column may now also take its year from its header cell (year_from_header: the same letter).
 */
const columnRef = z.string().regex(/^[A-Z]{1,3}$/, 'a column letter (A, B, …, AA)');

export const MappedMeasure = z.object(measureShape(columnRef));
export type MappedMeasure = z.infer<typeof MappedMeasure>;

export const GoalLevelColumn = z.object(goalLevelShape(columnRef));

export const SpecPlan = z.object({
	muni_code: z.string().regex(/^\d{5}$/, 'a 5-digit municipality code'),
	prefecture_ja: z.string().min(1),
	prefecture_en: z.string().min(1).nullable().default(null),
	name_ja: z.string().min(1),
	name_en: z.string().min(1).nullable().default(null),
	title_ja: z.string().min(1),
	title_en: z.string().min(1).nullable().default(null),
	report_fiscal_year: FiscalYear,
	actor_ja: z.string().min(1)
});
export type SpecPlan = z.infer<typeof SpecPlan>;

export const SpecLevel = z.object({
	grade: z.string().min(1),
	rank: z.number().int().positive(),
	definition_ja: z.string().min(1),
	definition_en: z.string().min(1).nullable().default(null),
	/** where the author places this level on the common scale */
	score: z.number().min(0, 'a place on the common scale from 0 to 1').max(1, 'a place on the common scale from 0 to 1'),
	reason_ja: z.string().min(1),
	reason_en: z.string().min(1).nullable().default(null)
});
export type SpecLevel = z.infer<typeof SpecLevel>;

export const TabularSpec = z
	.object({
		format: z.literal('atlas-tabular-spec'),
		version: z.literal(1),
		/** sheet name in a workbook; null: the first sheet (and the only one of a CSV file) */
		sheet: z.string().nullable().default(null),
		/** rows (1-based, as the spreadsheet numbers them) that are headers; records start below the last */
		header_rows: z.array(z.number().int().positive()).min(1),
		columns: z.object({
			name: columnRef,
			code: columnRef.nullable().default(null),
			description: columnRef.nullable().default(null),
			department: columnRef.nullable().default(null),
			/** top level first; a filled cell starts a goal, an empty one (a merged cell) continues it */
			goal_levels: z.array(GoalLevelColumn).default([]),
			measures: z.array(MappedMeasure).default([]),
			grade: z.object(gradeShape(columnRef)).nullable().default(null)
		}),
		plan: SpecPlan.nullable().default(null),
		grading_scheme: z.array(SpecLevel).nullable().default(null)
	})
	.superRefine((s, ctx) => {
		s.columns.measures.forEach((m, k) => checkYear(m, ['columns', 'measures', k], ctx, true));
		if (s.columns.grade) checkYear(s.columns.grade, ['columns', 'grade'], ctx, true);
		const used = [s.columns.name, s.columns.code, s.columns.description, s.columns.department, ...s.columns.goal_levels.map((g) => g.column), ...s.columns.measures.map((m) => m.column), s.columns.grade?.column].filter(Boolean);
		const twice = used.find((c, i) => used.indexOf(c) !== i);
		// params.kind names the problem for the page's words (spec-problems.ts); the message is for the pipeline's log.
		if (twice) ctx.addIssue({ code: 'custom', path: ['columns'], message: `column ${twice} is given two meanings`, params: { kind: 'column_twice', column: twice } });
		if (s.columns.grade && !s.grading_scheme?.length && s.plan) ctx.addIssue({ code: 'custom', path: ['grading_scheme'], message: 'a grade column needs the grading scheme: each level with its place on the common scale', params: { kind: 'scheme_needed' } });
	});
export type TabularSpec = z.infer<typeof TabularSpec>;
export type TabularSpecInput = z.input<typeof TabularSpec>;

/**
 * Parse a spec (a downloaded JSON file, or one in data/sources/). A spec with problems throws
 * SpecRefused with every problem by kind (the page says them in its language); its message, for the
 * pipeline, names the first problem's field as the spec does and says what it needs in English.
 */
export function parseSpec(json: unknown, where: string): TabularSpec {
	const parsed = TabularSpec.safeParse(json);
	if (!parsed.success) throw new SpecRefused(where, specProblems(parsed.error.issues, json));
	return parsed.data;
}
