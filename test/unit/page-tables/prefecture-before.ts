import type { Connector } from '../../../src/lib/db/connector';

/**
 * Coverage by prefecture and the prefecture pages. A municipality (市町村, 特別区, a designated city
 * counted once) is covered when it, or one of its wards, reports: 新潟市 is covered by 西区 and 南区,
 * which report on their own and are counted as reports.
 */

export interface PrefectureCoverage {
	prefecture_code: string;
	prefecture_ja: string;
	prefecture_en: string;
	/** 市町村 and 特別区 of the official list (a designated city once, its wards not counted) */
	municipalities: number;
	/** of which report themselves or through one of their wards */
	covered: number;
	/** local governments with a report of their own (a ward that reports counts) */
	reports: number;
	initiatives: number;
}

/** One row per prefecture, all 47, in code order. */
export async function prefectureCoverage(db: Connector): Promise<PrefectureCoverage[]> {
	return db.query<PrefectureCoverage & Record<string, unknown>>(`
		WITH own AS (
			SELECT m.muni_code, m.prefecture_code, m.kind, m.has_report,
			       m.has_report OR EXISTS (SELECT 1 FROM municipalities w WHERE w.parent_code = m.muni_code AND w.has_report) AS covered
			FROM municipalities m
		), work AS (
			SELECT left(muni_code, 2) AS prefecture_code, count(*) AS initiatives FROM initiatives GROUP BY ALL
		)
		SELECT p.prefecture_code, p.prefecture_ja, p.prefecture_en,
		       count(*) FILTER (WHERE o.kind IS DISTINCT FROM 'ward')::INTEGER AS municipalities,
		       count(*) FILTER (WHERE o.kind IS DISTINCT FROM 'ward' AND o.covered)::INTEGER AS covered,
		       count(*) FILTER (WHERE o.has_report)::INTEGER AS reports,
		       coalesce(any_value(work.initiatives), 0)::INTEGER AS initiatives
		FROM (SELECT prefecture_code, min(prefecture_ja) AS prefecture_ja, min(prefecture_en) AS prefecture_en FROM municipalities GROUP BY ALL) p
		JOIN own o USING (prefecture_code) LEFT JOIN work USING (prefecture_code)
		GROUP BY p.prefecture_code, p.prefecture_ja, p.prefecture_en
		ORDER BY p.prefecture_code`);
}

export async function prefectureCodes(db: Connector): Promise<string[]> {
	const rows = await db.query<{ prefecture_code: string }>('SELECT DISTINCT prefecture_code FROM municipalities ORDER BY prefecture_code');
	return rows.map((r) => r.prefecture_code);
}

export interface ThemeFigure {
	theme_id: string;
	label_ja: string;
	label_en: string;
	initiatives: number;
}

export interface PrefectureMunicipality {
	muni_code: string;
	name_ja: string;
	name_en: string;
	kind: string | null;
	parent_code: string | null;
	has_report: boolean;
	note: string | null;
	/** the latest report year; null without a report */
	report_fiscal_year: number | null;
	initiatives: number;
	measures: number;
	evaluations: number;
	achievements: number;
	/** themes of its initiatives, most initiatives first */
	themes: ThemeFigure[];
}

export interface PrefecturePage {
	prefecture: PrefectureCoverage;
	municipalities: PrefectureMunicipality[];
}

/** Every local government of a prefecture, a ward right after its city, with figures where there is a report. */
export async function prefecturePage(db: Connector, code: string): Promise<PrefecturePage | null> {
	return (await prefectureTables(db, code)).get(code) ?? null;
}

/**
 * The pages of every prefecture with one query per part (the prerender: at national scale each query
 * reads the half-million measures, once instead of 47 times).
 */
export function prefecturePages(db: Connector): Promise<Map<string, PrefecturePage>> {
	return prefectureTables(db, null);
}

async function prefectureTables(db: Connector, code: string | null): Promise<Map<string, PrefecturePage>> {
	const coverage = (await prefectureCoverage(db)).filter((p) => code === null || p.prefecture_code === code);
	const pages = new Map<string, PrefecturePage>();
	if (!coverage.length) return pages;
	const [here, params] = code === null ? ['SELECT * FROM municipalities', []] : ['SELECT * FROM municipalities WHERE prefecture_code = ?', [code]];
	const rows = await db.query<Omit<PrefectureMunicipality, 'themes'> & { prefecture_code: string } & Record<string, unknown>>(
		`WITH here AS (${here}),
		ini AS (SELECT muni_code, count(*) AS n FROM initiatives WHERE muni_code IN (SELECT muni_code FROM here) GROUP BY ALL),
		mea AS (
			SELECT p.muni_code, count(*) AS n FROM measures x
			LEFT JOIN initiatives i USING (initiative_id) LEFT JOIN goals g ON g.goal_id = x.goal_id
			JOIN plans p ON p.plan_id = coalesce(i.plan_id, g.plan_id)
			WHERE p.muni_code IN (SELECT muni_code FROM here) GROUP BY ALL
		),
		eva AS (SELECT i.muni_code, count(*) AS n FROM evaluations e JOIN initiatives i USING (initiative_id) WHERE i.muni_code IN (SELECT muni_code FROM here) GROUP BY ALL),
		ach AS (SELECT muni_code, count(*) AS n FROM achievements WHERE muni_code IN (SELECT muni_code FROM here) GROUP BY ALL),
		yr AS (SELECT muni_code, max(report_fiscal_year) AS y FROM plans WHERE muni_code IN (SELECT muni_code FROM here) GROUP BY ALL)
		SELECT h.prefecture_code, h.muni_code, h.name_ja, h.name_en, h.kind, h.parent_code, h.has_report, h.note, yr.y AS report_fiscal_year,
		       coalesce(ini.n, 0)::INTEGER AS initiatives, coalesce(mea.n, 0)::INTEGER AS measures,
		       coalesce(eva.n, 0)::INTEGER AS evaluations, coalesce(ach.n, 0)::INTEGER AS achievements
		FROM here h LEFT JOIN ini USING (muni_code) LEFT JOIN mea USING (muni_code) LEFT JOIN eva USING (muni_code)
		LEFT JOIN ach USING (muni_code) LEFT JOIN yr USING (muni_code)
		ORDER BY h.prefecture_code, coalesce(h.parent_code, h.muni_code), h.parent_code NULLS FIRST, h.muni_code`,
		params
	);
	const themes = await db.query<ThemeFigure & { muni_code: string } & Record<string, unknown>>(
		`SELECT i.muni_code, t.theme_id, th.label_ja, th.label_en, count(DISTINCT i.initiative_id)::INTEGER AS initiatives
		 FROM initiative_themes t JOIN initiatives i USING (initiative_id) JOIN themes th USING (theme_id)
		 ${code === null ? '' : 'WHERE left(i.muni_code, 2) = ?'}
		 GROUP BY ALL ORDER BY i.muni_code, initiatives DESC, t.theme_id`,
		params
	);
	const themesOf = new Map<string, ThemeFigure[]>();
	for (const { muni_code, ...t } of themes) themesOf.set(muni_code, [...(themesOf.get(muni_code) ?? []), t]);
	for (const prefecture of coverage) pages.set(prefecture.prefecture_code, { prefecture, municipalities: [] });
	for (const { prefecture_code, ...r } of rows) pages.get(prefecture_code)?.municipalities.push({ ...r, themes: themesOf.get(r.muni_code) ?? [] });
	return pages;
}
