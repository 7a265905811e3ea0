import { z } from 'zod';
import { SEVERITIES, WARNING_CODES } from '../template-kit/warnings';

/** One thing a reader of the data should know about a source: where, what, and the raw text kept. */
export const QualityWarning = z.object({
	source_file: z.string(),
	line: z.number().int().positive(),
	column: z.number().int().positive().nullable(),
	field: z.string().nullable(),
	/** a code of the warning catalogue (src/lib/template-kit/warnings.ts) */
	code: z.enum(WARNING_CODES),
	message: z.string().min(1),
	raw: z.string().nullable(),
	/** the initiative concerned, where there is one */
	initiative_id: z.string().nullable()
});
export type QualityWarning = z.infer<typeof QualityWarning>;

export const SourceQuality = z.object({
	source_file: z.string(),
	muni_code: z.string(),
	adapter: z.string(),
	rows_found: z.object({
		goals: z.number().int(),
		initiatives: z.number().int(),
		measures: z.number().int(),
		evaluations: z.number().int(),
		notes: z.number().int()
	}),
	/** For each nullable column, how many records of this source leave it empty. */
	fields_missing: z.record(z.string(), z.number().int()),
	/** warnings whose catalogue entry says the text could not be read */
	unreadable: z.number().int(),
	corrections_used: z.array(z.string()),
	warnings: z.array(QualityWarning)
});
export type SourceQuality = z.infer<typeof SourceQuality>;

/** One entry of the warning catalogue, as quality.json lists it for readers of the report. */
export const WarningKindRow = z.object({
	code: z.enum(WARNING_CODES),
	severity: z.enum(SEVERITIES),
	unreadable: z.boolean(),
	ja: z.string().min(1),
	en: z.string().min(1)
});

/** The municipalities table against the official list: how much of the country the dataset covers. */
export const MunicipalityCoverage = z.object({
	/** where data/municipalities/local-governments.json comes from, in words */
	list_source: z.string(),
	list_as_of: z.string(),
	/** rows of the municipalities table: every entry of the official list */
	listed: z.number().int(),
	/** of which the dataset holds a report for */
	with_report: z.number().int(),
	prefectures: z.number().int(),
	prefectures_with_report: z.number().int(),
	/** the same two counts per kind (designated_city, city, special_ward, town, village, ward) */
	by_kind: z.record(z.string(), z.object({ listed: z.number().int(), with_report: z.number().int() }))
});
export type MunicipalityCoverage = z.infer<typeof MunicipalityCoverage>;

export const QualityReport = z.object({
	dataset_version: z.string(),
	/** what each warning code means (the catalogue), so the report explains itself */
	warning_codes: z.array(WarningKindRow),
	sources: z.array(SourceQuality),
	totals: z.object({ initiatives: z.number().int(), warnings: z.number().int(), corrections_used: z.number().int() }),
	/** filled by a build run (npm run data), which reads the official list; absent for a report a user brings */
	municipalities: MunicipalityCoverage.optional()
});
export type QualityReport = z.infer<typeof QualityReport>;
