import type { Connector } from '../db/connector';

export interface MunicipalitySummary {
	muni_code: string;
	name_ja: string;
	name_en: string;
	prefecture_ja: string;
	prefecture_en: string;
	report_fiscal_year: number;
	scheme_id: string | null;
	scheme_name_ja: string | null;
	initiatives: number;
	measures: number;
	evaluations: number;
}

/** One row per municipality with its report year, grading scheme and record counts. */
export async function municipalitySummaries(db: Connector): Promise<MunicipalitySummary[]> {
	return db.query<MunicipalitySummary & Record<string, unknown>>(`
		SELECT m.muni_code, m.name_ja, m.name_en, m.prefecture_ja, m.prefecture_en,
		       p.report_fiscal_year, p.scheme_id,
		       (SELECT any_value(g.grade) FROM grading_schemes g WHERE g.scheme_id = p.scheme_id) IS NOT NULL AS has_scheme,
		       NULL AS scheme_name_ja,
		       (SELECT count(*) FROM initiatives i WHERE i.muni_code = m.muni_code) AS initiatives,
		       (SELECT count(*) FROM measures x JOIN initiatives i USING (initiative_id) WHERE i.muni_code = m.muni_code)
		         + (SELECT count(*) FROM measures x JOIN goals g ON g.goal_id = x.goal_id JOIN plans q ON q.plan_id = g.plan_id
		            WHERE x.initiative_id IS NULL AND q.muni_code = m.muni_code) AS measures,
		       (SELECT count(*) FROM evaluations e JOIN initiatives i USING (initiative_id) WHERE i.muni_code = m.muni_code) AS evaluations
		FROM municipalities m JOIN plans p USING (muni_code)
		ORDER BY m.muni_code`);
}

/** Total initiatives: the figure the status line checks once DuckDB-wasm is up. */
export async function initiativeCount(db: Connector): Promise<number> {
	const [row] = await db.query<{ n: number }>('SELECT count(*) AS n FROM initiatives');
	return row.n;
}
