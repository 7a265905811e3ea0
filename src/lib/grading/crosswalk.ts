import { z } from 'zod';
import { BANDS, type Band, type Evaluation, type GradingSchemeLevel } from '../contract/tables';

/** data/crosswalk.json: each grading scheme's levels on the common score and band. */
export const CrosswalkLevel = z.object({
	grade: z.string().min(1),
	score: z.number().min(0).max(1),
	band: z.enum(BANDS),
	reason_en: z.string().min(1),
	reason_ja: z.string().min(1)
});
export const CrosswalkScheme = z.object({
	scheme_id: z.string().min(1),
	/** What the scheme grades: attainment of a target, implementation as planned, progress of work. */
	measures: z.string().min(1),
	meaning_en: z.string().min(1),
	meaning_ja: z.string().min(1),
	levels: z.array(CrosswalkLevel).min(2)
});
export const BandThreshold = z.object({ band: z.enum(BANDS), min_score: z.number().min(0).max(1) });
export const CrosswalkFile = z
	.object({
		about: z.string().optional(),
		bands: z.array(BandThreshold).length(BANDS.length),
		schemes: z.array(CrosswalkScheme)
	})
	.superRefine((cw, ctx) => {
		// The thresholds must run from the best band down and end at 0, so every score has a band.
		const ordered = BANDS.every((b, i) => cw.bands[i]?.band === b);
		const falling = cw.bands.every((b, i) => i === 0 || b.min_score < cw.bands[i - 1].min_score);
		if (!ordered || !falling || cw.bands[cw.bands.length - 1]?.min_score !== 0) {
			ctx.addIssue({ code: 'custom', path: ['bands'], message: `bands must list ${BANDS.join(', ')} with falling min_score ending at 0` });
			return;
		}
		for (const [si, s] of cw.schemes.entries()) {
			for (const [li, l] of s.levels.entries()) {
				const expected = bandOf(l.score, cw.bands);
				if (expected !== l.band) {
					ctx.addIssue({ code: 'custom', path: ['schemes', si, 'levels', li, 'band'], message: `${s.scheme_id} ${l.grade}: score ${l.score} falls in ${expected}, not ${l.band}` });
				}
			}
		}
	});
export type Crosswalk = z.infer<typeof CrosswalkFile>;
export type BandThreshold = z.infer<typeof BandThreshold>;

/** The band a score (or an achievement ratio) falls in; ratios above 1 are achieved. */
export function bandOf(score: number, bands: readonly BandThreshold[]): Band {
	for (const b of bands) if (score >= b.min_score) return b.band;
	return bands[bands.length - 1].band;
}

function levelOf(cw: Crosswalk, schemeId: string, grade: string) {
	return cw.schemes.find((s) => s.scheme_id === schemeId)?.levels.find((l) => l.grade === grade) ?? null;
}

/** Every level of every scheme in use must be mapped: an unmapped grade would silently drop out of comparisons. */
export function crosswalkProblems(cw: Crosswalk, levels: readonly GradingSchemeLevel[]): string[] {
	const problems: string[] = [];
	for (const l of levels) {
		if (!levelOf(cw, l.scheme_id, l.grade)) problems.push(`grading scheme ${l.scheme_id} level ${l.grade} has no mapping in data/crosswalk.json`);
	}
	for (const s of cw.schemes) {
		for (const l of s.levels) {
			if (!levels.some((x) => x.scheme_id === s.scheme_id && x.grade === l.grade)) {
				problems.push(`data/crosswalk.json maps ${s.scheme_id} level ${l.grade}, which grading-schemes.json does not define`);
			}
		}
	}
	return problems;
}

export function mapSchemeLevels(levels: readonly GradingSchemeLevel[], cw: Crosswalk): GradingSchemeLevel[] {
	return levels.map((l) => {
		const m = levelOf(cw, l.scheme_id, l.grade);
		if (!m) return { ...l };
		return { ...l, score: m.score, band: m.band, mapping_reason_en: m.reason_en, mapping_reason_ja: m.reason_ja };
	});
}

/** Readable grades get the level's score and band; unreadable ones (grade null) stay null. */
export function mapEvaluations(evaluations: readonly Evaluation[], cw: Crosswalk): Evaluation[] {
	return evaluations.map((e) => {
		const m = e.grade === null ? null : levelOf(cw, e.scheme_id, e.grade);
		return { ...e, score: m?.score ?? null, band: m?.band ?? null };
	});
}
