import { z } from 'zod';
import { MEASURE_KINDS } from '../../contract/tables';
import { Column, Pattern, SpecBase } from '../../template-kit/table-spec';

/** The schema of yamaguchi-2018.json: what the hooks read the report with. */

const Half = z.object({ from: Column, cells: z.number().int().min(4).max(5) });

/** Where a row's cells sit, told by the column its 担当課 cell is in (null: in none of them). */
const Layout = z.object({
	department: Column.nullable(),
	/** the row has at least this many cells, and this column is empty */
	min_cells: z.number().int().optional(),
	empty: Column.optional(),
	/** the council half: 取組み, 実施状況, 予定, 指標, 実績 from `from` (4 cells: no 実績) */
	council: Half,
	/** the city half: its 取組み, then 実施状況, 予定, 指標, 実績 from `from` */
	city: z.object({ description: Column, from: Column }),
	overflow_from: Column,
	/** a layout a damaged row has: the warning's half, field and what it says */
	shift: z.object({ half: z.enum(['council', 'city']), field: z.string(), says: z.string() }).optional()
});

export const Spec = SpecBase.extend({
	contents: z.object({ start: Pattern, end: Pattern, header_word: z.string(), numbered: Pattern, here: z.number(), later: z.number() }),
	goals: z.array(z.object({ level_name_ja: z.string(), heading: Pattern })).length(2),
	activity: z.object({ field: z.string(), term_ja: z.string() }),
	header: z.object({
		cells: z.array(z.string()),
		year_cell: Pattern,
		years: z.record(z.enum(['status', 'plan', 'result']), z.object({ cell: Pattern, era: z.enum(['H', 'R']).optional() }))
	}),
	roles: z.array(z.object({ column: Column, field: z.string(), label_ja: z.string() })),
	council: z.object({ department: z.string(), suffix: z.string() }),
	city: z.object({ suffix: z.string(), department_field: z.string() }),
	layouts: z.array(Layout).min(1),
	department_columns: z.array(Column),
	added_department_row: z.object({ empty_before: Column, department_columns: z.array(Column) }),
	/** the four figure columns of each half, in order */
	columns: z
		.array(
			z.object({
				field: z.string(),
				kind: z.enum(MEASURE_KINDS),
				year: z.enum(['status', 'plan', 'result']).optional(),
				narrative: z.boolean().default(false),
				/** items after ・, each with the year printed with it */
				indicator: z.boolean().default(false),
				/** a bare figure counts what the half's one labelled target counts */
				label_from_indicator: z.boolean().default(false)
			})
		)
		.length(4),
	wording: z.object({
		units: z.array(z.object({ unit: z.string(), stand_in: z.string() })),
		compound_units: z.array(z.object({ unit: z.string(), then: z.string() }))
	})
});
export type Spec = z.infer<typeof Spec>;
export type YearKey = 'status' | 'plan' | 'result';
