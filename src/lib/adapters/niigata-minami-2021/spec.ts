import { z } from 'zod';
import { Pattern, SpecBase } from '../../template-kit/table-spec';
import { PageLayoutSpec } from '../../template-kit/page-layout';

/** The schema of niigata-minami-2021.json: what the hooks read the report with. */
export const Spec = SpecBase.extend({
	/** the columns' names as printed, for records and errors */
	fields: z.object({ name: z.string(), summary: z.string(), department: z.string(), grade: z.string(), comment: z.string(), remark: z.string(), heading: z.string() }),
	layout: PageLayoutSpec,
	figure_columns: z.object({
		pattern: Pattern,
		plan: z.string(),
		estimate: z.string(),
		kinds: z.array(z.enum(['result', 'plan'])).length(3),
		/** the column labels a correction may name (a cell or item boundary no rule can see) */
		correctable: z.array(z.string())
	}),
	/** the levels: two banners, then the numbered headings */
	goals: z.tuple([z.string(), z.string(), z.string()]),
	departments: z.object({ first: z.array(z.string()), first_chars: z.number().int(), more_chars: z.number().int(), more_names: z.array(z.string()), city: z.array(z.string()) }),
	grade: Pattern,
	wrapping: z.object({ item_ends: z.array(Pattern), item_short_by: z.number(), paragraph_short_by: z.object({ any: z.number(), sentence: z.number(), full_width: z.number() }) })
});
export type Spec = z.infer<typeof Spec>;
