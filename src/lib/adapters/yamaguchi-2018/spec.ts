import { z } from 'zod';
import { Column, Pattern, SpecBase } from '../../template-kit/table-spec';
import { ContentsTableSpec } from '../../template-kit/contents';
import { HeaderYearsSpec } from '../../template-kit/header-years';
import { FigureColumnSpec } from '../../template-kit/measure-wording';

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
	contents: ContentsTableSpec,
	goals: z.array(z.object({ level_name_ja: z.string(), heading: Pattern })).length(2),
	activity: z.object({ field: z.string(), term_ja: z.string() }),
	/** the year columns are named by the keys the figure columns' `year` gives */
	header: HeaderYearsSpec.extend({ years: z.object({ status: HeaderYearsSpec.shape.years.valueType, plan: HeaderYearsSpec.shape.years.valueType, result: HeaderYearsSpec.shape.years.valueType }) }),
	roles: z.array(z.object({ column: Column, field: z.string(), label_ja: z.string() })),
	council: z.object({ department: z.string(), suffix: z.string() }),
	city: z.object({ suffix: z.string(), department_field: z.string() }),
	layouts: z.array(Layout).min(1),
	department_columns: z.array(Column),
	added_department_row: z.object({ empty_before: Column, department_columns: z.array(Column) }),
	/** the four figure columns of each half, in order */
	/** the four figure columns of each half, in order; `year` names a year column of the header */
	columns: z.array(FigureColumnSpec.extend({ year: z.enum(['status', 'plan', 'result']).optional() })).length(4),
	wording: z.object({
		units: z.array(z.object({ unit: z.string(), stand_in: z.string() })),
		compound_units: z.array(z.object({ unit: z.string(), then: z.string() }))
	})
});
export type Spec = z.infer<typeof Spec>;
export type YearKey = 'status' | 'plan' | 'result';
