import type { Connector } from '../../../src/lib/db/connector';
import { FINAL_PAIR, INTERIM_PAIR, importedSchemeFile } from '../../../src/lib/queries/common';

export interface SchemeLevel {
	scheme_id: string;
	muni_code: string;
	muni_name_ja: string;
	muni_name_en: string;
	grade: string;
	rank: number;
	definition_ja: string;
	definition_en: string;
	score: number | null;
	band: string | null;
	mapping_reason_ja: string | null;
	mapping_reason_en: string | null;
	source_line: number | null;
	n: number;
	/** the file name when this row comes from the user's own import (not published), else null */
	imported_file: string | null;
}

export interface GradeSpread {
	muni_code: string;
	name_ja: string;
	name_en: string;
	band: string | null;
	n: number;
}

export interface Generosity {
	muni_code: string;
	name_ja: string;
	name_en: string;
	scheme_id: string | null;
	evaluations: number;
	mean_score: number | null;
	top_share: number | null;
	/** median achievement over final pairs only */
	median_ratio: number | null;
	final_pairs: number;
	/** interim pairs (results before the target year), left out of the median */
	interim_pairs: number;
}

export interface GradingPage {
	levels: SchemeLevel[];
	spread: GradeSpread[];
	generosity: Generosity[];
	ungraded: { muni_code: string; name_ja: string; name_en: string }[];
}

/** The crosswalk and how each municipality's grades fall on it, in four aggregated queries. */
export async function gradingPage(db: Connector): Promise<GradingPage> {
	const levels = await db.query<SchemeLevel & Record<string, unknown>>(`
		WITH used AS (SELECT scheme_id, grade, count(*) AS n FROM evaluations GROUP BY scheme_id, grade)
		SELECT s.scheme_id, s.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, s.grade, s.rank,
		       s.definition_ja, s.definition_en, s.score, s.band, s.mapping_reason_ja, s.mapping_reason_en, s.source_line,
		       coalesce(used.n, 0) AS n, ${importedSchemeFile('s.scheme_id')}
		FROM grading_schemes s JOIN municipalities m USING (muni_code) LEFT JOIN used USING (scheme_id, grade)
		ORDER BY s.scheme_id, s.rank`);
	const spread = await db.query<GradeSpread & Record<string, unknown>>(`
		SELECT i.muni_code, m.name_ja, m.name_en, e.band, count(*) AS n
		FROM evaluations e JOIN initiatives i USING (initiative_id) JOIN municipalities m ON m.muni_code = i.muni_code
		GROUP BY i.muni_code, m.name_ja, m.name_en, e.band
		ORDER BY i.muni_code, CASE e.band WHEN 'achieved' THEN 1 WHEN 'mostly_achieved' THEN 2 WHEN 'partly_achieved' THEN 3 WHEN 'not_achieved' THEN 4 ELSE 5 END`);
	// Generous grading shows as a high mean score next to a low achievement of paired targets.
	const generosity = await db.query<Generosity & Record<string, unknown>>(`
		WITH ev AS (
			SELECT i.muni_code, count(*) AS evaluations, avg(e.score) AS mean_score,
			       avg(CASE WHEN e.band IS NULL THEN NULL WHEN e.band = 'achieved' THEN 1.0 ELSE 0.0 END) AS top_share
			FROM evaluations e JOIN initiatives i USING (initiative_id) GROUP BY i.muni_code
		), ach AS (
			SELECT muni_code, median(ratio) FILTER (WHERE ${FINAL_PAIR}) AS median_ratio,
			       count(*) FILTER (WHERE ${FINAL_PAIR}) AS final_pairs, count(*) FILTER (WHERE ${INTERIM_PAIR}) AS interim_pairs
			FROM achievements GROUP BY muni_code
		)
		SELECT m.muni_code, m.name_ja, m.name_en, any_value(p.scheme_id) AS scheme_id, ev.evaluations, ev.mean_score, ev.top_share, ach.median_ratio,
		       coalesce(ach.final_pairs, 0) AS final_pairs, coalesce(ach.interim_pairs, 0) AS interim_pairs
		FROM municipalities m JOIN ev USING (muni_code) LEFT JOIN plans p USING (muni_code) LEFT JOIN ach USING (muni_code)
		GROUP BY m.muni_code, m.name_ja, m.name_en, ev.evaluations, ev.mean_score, ev.top_share, ach.median_ratio, ach.final_pairs, ach.interim_pairs
		ORDER BY ev.mean_score DESC NULLS LAST, m.muni_code`);
	const ungraded = await db.query<GradingPage['ungraded'][number] & Record<string, unknown>>(`
		SELECT m.muni_code, m.name_ja, m.name_en FROM municipalities m
		WHERE m.has_report AND NOT EXISTS (SELECT 1 FROM evaluations e JOIN initiatives i USING (initiative_id) WHERE i.muni_code = m.muni_code)
		ORDER BY m.muni_code`);
	return { levels, spread, generosity, ungraded };
}
