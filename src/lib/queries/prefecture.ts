import type { Connector } from '../db/connector';

/**
 * Coverage by prefecture and the prefecture pages. A municipality (市町村, 特別区, a designated city
 * counted once) is covered when it, or one of its wards, reports: 新潟市 is covered by 西区 and 南区,
 * which report on their own and are counted as reports.
 *
 * The figures come from the page tables (src/lib/db/page-table.ts) municipality_summaries (a row per
 * plan, sorted by municipality code) and theme_matrix (a row per theme of a plan), and the
 * municipalities table (one row per code): no query reads the country's initiatives or measures.
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
			SELECT prefecture_code, sum(initiatives) AS initiatives FROM municipality_summaries GROUP BY ALL
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
 * The pages of every prefecture with one query per part (the prerender), from the page tables.
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
		fig AS (
			SELECT muni_code, max(report_fiscal_year) AS y, sum(initiatives) AS initiatives, sum(measures) AS measures,
			       sum(evaluations) AS evaluations, sum(achievements) AS achievements
			FROM municipality_summaries WHERE ${code === null ? 'true' : 'prefecture_code = ?'} GROUP BY ALL
		)
		SELECT h.prefecture_code, h.muni_code, h.name_ja, h.name_en, h.kind, h.parent_code, h.has_report, h.note, fig.y AS report_fiscal_year,
		       coalesce(fig.initiatives, 0)::INTEGER AS initiatives, coalesce(fig.measures, 0)::INTEGER AS measures,
		       coalesce(fig.evaluations, 0)::INTEGER AS evaluations, coalesce(fig.achievements, 0)::INTEGER AS achievements
		FROM here h LEFT JOIN fig USING (muni_code)
		ORDER BY h.prefecture_code, coalesce(h.parent_code, h.muni_code), h.parent_code NULLS FIRST, h.muni_code`,
		code === null ? [] : [code, code]
	);
	const themes = await db.query<ThemeFigure & { muni_code: string } & Record<string, unknown>>(
		`SELECT t.muni_code, t.theme_id, th.label_ja, th.label_en, sum(t.initiatives)::INTEGER AS initiatives
		 FROM theme_matrix t JOIN themes th USING (theme_id)
		 ${code === null ? '' : 'WHERE left(t.muni_code, 2) = ?'}
		 GROUP BY ALL ORDER BY t.muni_code, initiatives DESC, t.theme_id`,
		params
	);
	const themesOf = new Map<string, ThemeFigure[]>();
	for (const { muni_code, ...t } of themes) themesOf.set(muni_code, [...(themesOf.get(muni_code) ?? []), t]);
	for (const prefecture of coverage) pages.set(prefecture.prefecture_code, { prefecture, municipalities: [] });
	for (const { prefecture_code, ...r } of rows) pages.get(prefecture_code)?.municipalities.push({ ...r, themes: themesOf.get(r.muni_code) ?? [] });
	return pages;
}
