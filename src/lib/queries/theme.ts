import type { Connector } from '../db/connector';

export interface ThemeHeader {
	theme_id: string;
	label_ja: string;
	label_en: string;
	definition_ja: string;
	definition_en: string;
}

export interface ThemeInitiative {
	initiative_id: string;
	muni_code: string;
	muni_name_ja: string;
	muni_name_en: string;
	name_ja: string;
	departments: string[];
	targets: string[];
	results: string[];
	ratio: number | null;
	grades: string | null;
	band: string | null;
	evidence: string;
}

export interface ThemeMunicipality {
	muni_code: string;
	name_ja: string;
	name_en: string;
	initiatives: number;
	mean_score: number | null;
	graded: number;
	median_ratio: number | null;
	paired: number;
}

export interface ThemePage {
	theme: ThemeHeader;
	initiatives: ThemeInitiative[];
	/** every municipality, with zero where it has no initiative of the theme */
	municipalities: ThemeMunicipality[];
}

export async function themeIds(db: Connector): Promise<string[]> {
	const rows = await db.query<{ theme_id: string }>('SELECT theme_id FROM themes ORDER BY theme_id');
	return rows.map((r) => r.theme_id);
}

export async function themePage(db: Connector, themeId: string): Promise<ThemePage | null> {
	const [theme] = await db.query<ThemeHeader & Record<string, unknown>>(
		'SELECT theme_id, label_ja, label_en, definition_ja, definition_en FROM themes WHERE theme_id = ?',
		[themeId]
	);
	if (!theme) return null;
	// Measures, grades and ratios are aggregated per initiative before the join: no per-row queries.
	const initiatives = await db.query<ThemeInitiative & Record<string, unknown>>(
		`WITH mine AS (
			SELECT initiative_id, string_agg(evidence, '; ' ORDER BY evidence) AS evidence FROM initiative_themes WHERE theme_id = ? GROUP BY initiative_id
		), ms AS (
			SELECT x.initiative_id,
			       list(x.raw_text ORDER BY x.fiscal_year NULLS LAST, x.measure_id) FILTER (WHERE x.kind IN ('target', 'plan')) AS targets,
			       list(x.raw_text ORDER BY x.fiscal_year NULLS LAST, x.measure_id) FILTER (WHERE x.kind = 'result') AS results
			FROM measures x JOIN mine USING (initiative_id) GROUP BY x.initiative_id
		), ev AS (
			SELECT e.initiative_id, string_agg(e.grade_raw, ' / ' ORDER BY e.evaluation_id) AS grades, min_by(e.band, e.score) AS band
			FROM evaluations e JOIN mine USING (initiative_id) GROUP BY e.initiative_id
		), ach AS (
			SELECT a.initiative_id, median(a.ratio) AS ratio FROM achievements a JOIN mine USING (initiative_id) WHERE a.ratio IS NOT NULL GROUP BY a.initiative_id
		)
		SELECT i.initiative_id, i.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, i.name_ja, i.departments,
		       coalesce(ms.targets, []::VARCHAR[]) AS targets, coalesce(ms.results, []::VARCHAR[]) AS results,
		       ach.ratio, ev.grades, ev.band, mine.evidence
		FROM mine JOIN initiatives i USING (initiative_id) JOIN municipalities m ON m.muni_code = i.muni_code
		LEFT JOIN ms USING (initiative_id) LEFT JOIN ev USING (initiative_id) LEFT JOIN ach USING (initiative_id)
		ORDER BY i.muni_code, i.seq, i.initiative_id`,
		[themeId]
	);
	const municipalities = await db.query<ThemeMunicipality & Record<string, unknown>>(
		`WITH mine AS (
			SELECT DISTINCT i.muni_code, i.initiative_id FROM initiative_themes t JOIN initiatives i USING (initiative_id) WHERE t.theme_id = ?
		), ev AS (
			SELECT initiative_id, avg(score) AS score FROM evaluations WHERE score IS NOT NULL GROUP BY initiative_id
		), ach AS (
			SELECT initiative_id, median(ratio) AS ratio FROM achievements WHERE ratio IS NOT NULL AND initiative_id IS NOT NULL GROUP BY initiative_id
		), per AS (
			SELECT mine.muni_code, count(*) AS initiatives, avg(ev.score) AS mean_score, count(ev.score) AS graded,
			       median(ach.ratio) AS median_ratio, count(ach.ratio) AS paired
			FROM mine LEFT JOIN ev USING (initiative_id) LEFT JOIN ach USING (initiative_id) GROUP BY mine.muni_code
		)
		SELECT m.muni_code, m.name_ja, m.name_en, coalesce(per.initiatives, 0) AS initiatives, per.mean_score,
		       coalesce(per.graded, 0) AS graded, per.median_ratio, coalesce(per.paired, 0) AS paired
		FROM municipalities m LEFT JOIN per USING (muni_code)
		ORDER BY m.muni_code`,
		[themeId]
	);
	return { theme, initiatives, municipalities };
}
