import { z } from 'zod';

/**
 * data/synthetic/shape.json: the statistical shape of the published reports that the synthetic
 * national dataset is drawn from (measured by scripts/synth/measure-shape.ts).
 */
export const SHAPE_FILE = 'data/synthetic/shape.json';

/** value → count */
const Counts = z.record(z.string(), z.number().int().nonnegative());
/** quantiles at 0, .1, .25, .5, .75, .9, 1 */
const Quantiles = z.array(z.number()).length(7);

export const Shape = z.object({
	about: z.string(),
	measured_from: z.object({ plans: z.number().int().positive(), plan_ids: z.string() }),
	plans: z.object({
		initiatives_per_plan: Counts,
		goals_per_level_per_plan: z.record(z.string(), z.array(z.number().int().nonnegative())),
		report_fiscal_year: Counts,
		graded: Counts,
		actor_ja: Counts
	}),
	initiatives: z.object({
		actor: Counts,
		name_length: Quantiles,
		description_share: Counts,
		description_length: Quantiles,
		departments_per_initiative: Counts,
		lines_per_initiative: Quantiles,
		themes_per_initiative: Counts,
		theme_mix: Counts
	}),
	measures: z.object({
		per_initiative: Counts,
		goal_wide_per_plan: Counts,
		kind: Counts,
		unit: Counts,
		has_value: Counts,
		value_log10: Quantiles,
		year_offset: Counts,
		every_year: Counts,
		is_estimate: Counts,
		is_cumulative: Counts,
		not_carried_out: Counts,
		narrative: Counts,
		label_share: Counts,
		label_length: Quantiles,
		raw_text_length: Quantiles
	}),
	evaluations: z.object({
		per_graded_initiative: Counts,
		rank_share_by_scheme: z.record(z.string(), Counts)
	}),
	notes: z.object({
		per_initiative: Counts,
		field: Counts,
		text_length: Quantiles
	})
});
export type Shape = z.infer<typeof Shape>;
