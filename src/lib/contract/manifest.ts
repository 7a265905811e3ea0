import { z } from 'zod';

/** data/sources/manifest.json: what each source file is, and which adapter reads it. */
export const SourceEntry = z.object({
	file: z.string().regex(/^[\w.-]+\.(txt|csv)$/),
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	adapter: z.string().min(1),
	/** a tabular source's column mapping (atlas-tabular-spec JSON) beside it in data/sources/ */
	spec: z.string().regex(/^[\w.-]+\.json$/).optional(),
	municipality: z.object({
		muni_code: z.string().regex(/^\d{5}$/),
		name_ja: z.string().min(1),
		name_en: z.string().min(1),
		prefecture_ja: z.string().min(1),
		prefecture_en: z.string().min(1),
		parent_code: z.string().regex(/^\d{5}$/).nullable(),
		parent_name_ja: z.string().nullable(),
		parent_name_en: z.string().nullable()
	}),
	plan: z.object({
		plan_id: z.string().min(1),
		title_ja: z.string().min(1),
		title_en: z.string().min(1),
		actor_ja: z.string().min(1),
		report_fiscal_year: z.number().int(),
		fiscal_years: z.array(z.number().int()).min(1)
	}),
	/** null where the report gives no grades (compare results with targets instead). */
	scheme_id: z.string().nullable()
});
export type SourceEntry = z.infer<typeof SourceEntry>;

export const Manifest = z.object({ sources: z.array(SourceEntry).min(1) });
export type Manifest = z.infer<typeof Manifest>;

/** data/grading-schemes.json: each scheme's levels with their verbatim legend. */
export const SchemeLevel = z.object({
	grade: z.string().min(1),
	rank: z.number().int().positive(),
	definition_ja: z.string().min(1),
	definition_en: z.string().min(1)
});
export const GradingScheme = z.object({
	scheme_id: z.string().min(1),
	muni_code: z.string().regex(/^\d{5}$/),
	source_file: z.string(),
	source_line: z.number().int().positive().nullable(),
	name_ja: z.string().min(1),
	name_en: z.string().min(1),
	levels: z.array(SchemeLevel).min(2)
});
export type GradingScheme = z.infer<typeof GradingScheme>;
export const GradingSchemeFile = z.object({ schemes: z.array(GradingScheme) });

/**
 * data/corrections/<source>.json: what no rule can read. One meaning in every template: on source
 * line `line`, the text `text` (as printed there) is read, in the field `field`, as `means` (the same
 * text where only the field is corrected: a cell boundary the PDF lost); `why` gives the evidence.
 * A correction whose text is no longer on its line, or that the template does not apply, stops the
 * run (src/lib/template-kit/corrections.ts); the quality report counts the ones applied.
 */
export const Correction = z.object({
	id: z.string().min(1),
	source_file: z.string().min(1),
	line: z.number().int().positive(),
	field: z.string().min(1),
	text: z.string(),
	means: z.string(),
	why: z.string().min(1)
});
export type Correction = z.infer<typeof Correction>;
export const CorrectionFile = z.object({ corrections: z.array(Correction) });
