import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSourcesDataset, type DatasetDb } from '../../helpers/dataset-db';
import type { Connector } from '../../../src/lib/db/connector';
import { FINAL_PAIR, INTERIM_PAIR, importedFile, pairColumns } from '../../../src/lib/queries/common';
import { goalResults } from '../../../src/lib/queries/goal-results';
import { groupTexts, themeIds, themeInitiatives, themePage, type ThemeHeader, type ThemeInitiative, type ThemeMunicipality, type ThemePage, type ThemePair } from '../../../src/lib/queries/theme';

/** The theme page as it was read before the page table: over every initiative, grade and pair of the country. */
async function themePageBefore(db: Connector, themeId: string, cut: { initiatives?: number; municipalities?: boolean } = {}): Promise<ThemePage | null> {
	const [theme] = await db.query<ThemeHeader & Record<string, unknown>>(
		'SELECT theme_id, label_ja, label_en, definition_ja, definition_en FROM themes WHERE theme_id = ?',
		[themeId]
	);
	if (!theme) return null;
	// Measures, grades and ratios are aggregated per initiative before the join: no per-row queries.
	const rows = await db.query<Omit<ThemeInitiative, 'progress' | 'texts' | 'pairs'> & { progress_ids: string[]; progress_ratios: (number | null)[] | null; progress_target_years: (number | null)[] | null; progress_result_years: (number | null)[] | null } & Record<string, unknown>>(
		`WITH mine AS (
			SELECT initiative_id, string_agg(evidence, '; ' ORDER BY evidence) AS evidence FROM initiative_themes WHERE theme_id = ? GROUP BY initiative_id
		), ev AS (
			SELECT e.initiative_id, string_agg(e.grade_raw, ' / ' ORDER BY e.evaluation_id) AS grades, min_by(e.band, e.score) AS band
			FROM evaluations e JOIN mine USING (initiative_id) GROUP BY e.initiative_id
		), ach AS (
			SELECT a.initiative_id, median(a.ratio) FILTER (WHERE a.${FINAL_PAIR}) AS ratio,
			       list(a.achievement_id ORDER BY a.achievement_id) FILTER (WHERE a.${INTERIM_PAIR}) AS progress_ids,
			       list(a.ratio ORDER BY a.achievement_id) FILTER (WHERE a.${INTERIM_PAIR}) AS progress_ratios,
			       list(a.target_fiscal_year ORDER BY a.achievement_id) FILTER (WHERE a.${INTERIM_PAIR}) AS progress_target_years,
			       list(a.result_fiscal_year ORDER BY a.achievement_id) FILTER (WHERE a.${INTERIM_PAIR}) AS progress_result_years
			FROM achievements a JOIN mine USING (initiative_id) GROUP BY a.initiative_id
		)
		SELECT i.initiative_id, i.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, i.name_ja, i.departments, i.source_file,
		       ach.ratio, coalesce(ach.progress_ids, []::VARCHAR[]) AS progress_ids, ach.progress_ratios, ach.progress_target_years, ach.progress_result_years, ev.grades, ev.band, mine.evidence,
		       ${importedFile('i.plan_id')}
		FROM mine JOIN initiatives i USING (initiative_id) JOIN municipalities m ON m.muni_code = i.muni_code
		LEFT JOIN ev USING (initiative_id) LEFT JOIN ach USING (initiative_id)
		ORDER BY i.muni_code, i.seq, i.initiative_id
		${cut.initiatives === undefined ? '' : `LIMIT ${Math.max(0, Math.floor(cut.initiatives))}`}`,
		[themeId]
	);
	const [{ n: initiativeTotal }] =
		cut.initiatives === undefined
			? [{ n: rows.length }]
			: await db.query<{ n: number }>('SELECT count(DISTINCT initiative_id)::INTEGER AS n FROM initiative_themes WHERE theme_id = ?', [themeId]);
	// The measures and pairs of the listed initiatives only (ids hold no comma: the contract's pattern).
	const listed = cut.initiatives === undefined ? 'SELECT DISTINCT initiative_id FROM initiative_themes WHERE theme_id = ?' : 'SELECT unnest(string_split(?, \',\')) AS initiative_id';
	const listedParam = cut.initiatives === undefined ? themeId : rows.map((r) => r.initiative_id).join(',');
	// Measures and pairs as flat rows, grouped here: both engines hand flat rows back alike.
	const measureRows = await db.query<Parameters<typeof groupTexts>[0][number] & Record<string, unknown>>(
		`SELECT x.initiative_id, x.measure_id, x.kind, x.fiscal_year, x.every_year, x.value, x.unit, x.qualifier, x.label_ja, x.raw_text, x.line
		FROM measures x JOIN (${listed}) USING (initiative_id)
		ORDER BY x.initiative_id, x.line, x.fiscal_year NULLS LAST, x.measure_id`,
		[listedParam]
	);
	const pairRows = await db.query<ThemePair & { initiative_id: string } & Record<string, unknown>>(
		`SELECT a.initiative_id, a.target_measure_id, a.result_measure_id, ${pairColumns('a')}
		FROM achievements a JOIN (${listed}) USING (initiative_id)
		ORDER BY a.initiative_id, a.result_fiscal_year NULLS LAST, a.achievement_id`,
		[listedParam]
	);
	const textsOf = groupTexts(measureRows);
	const pairsOf = new Map<string, ThemePair[]>();
	for (const { initiative_id, ...p } of pairRows) pairsOf.set(initiative_id, [...(pairsOf.get(initiative_id) ?? []), p]);
	// Parallel lists rather than a list of structs: both engines hand lists back as plain arrays.
	const initiatives: ThemeInitiative[] = rows.map(({ progress_ids, progress_ratios, progress_target_years, progress_result_years, ...i }) => ({
		...i,
		texts: textsOf.get(i.initiative_id) ?? [],
		pairs: pairsOf.get(i.initiative_id) ?? [],
		progress: progress_ids.map((achievement_id, k) => ({
			achievement_id,
			basis: 'interim',
			band: null,
			ratio: progress_ratios?.[k] ?? null,
			target_fiscal_year: progress_target_years?.[k] ?? null,
			result_fiscal_year: progress_result_years?.[k] ?? null
		}))
	}));
	const municipalities = cut.municipalities === false ? [] : await db.query<ThemeMunicipality & Record<string, unknown>>(
		`WITH mine AS (
			SELECT DISTINCT i.muni_code, i.initiative_id FROM initiative_themes t JOIN initiatives i USING (initiative_id) WHERE t.theme_id = ?
		), ev AS (
			SELECT initiative_id, avg(score) AS score FROM evaluations WHERE score IS NOT NULL GROUP BY initiative_id
		), ach AS (
			SELECT initiative_id, median(ratio) FILTER (WHERE ${FINAL_PAIR}) AS ratio,
			       count(*) FILTER (WHERE ${FINAL_PAIR}) AS final, count(*) FILTER (WHERE ${INTERIM_PAIR}) AS interim
			FROM achievements WHERE initiative_id IS NOT NULL GROUP BY initiative_id
		), per AS (
			SELECT mine.muni_code, count(*) AS initiatives, avg(ev.score) AS mean_score, count(ev.score) AS graded,
			       median(ach.ratio) AS median_ratio, coalesce(sum(ach.final), 0)::INTEGER AS paired, coalesce(sum(ach.interim), 0)::INTEGER AS interim
			FROM mine LEFT JOIN ev USING (initiative_id) LEFT JOIN ach USING (initiative_id) GROUP BY mine.muni_code
		), goal_wide AS (
			SELECT p.muni_code, count(DISTINCT concat_ws('|', x.goal_id, x.line, x.raw_text))::INTEGER AS goal_results
			FROM measure_themes t JOIN measures x USING (measure_id) JOIN goals g ON g.goal_id = x.goal_id JOIN plans p ON p.plan_id = g.plan_id
			WHERE t.theme_id = ? GROUP BY p.muni_code
		)
		SELECT m.muni_code, m.name_ja, m.name_en, coalesce(per.initiatives, 0) AS initiatives, per.mean_score,
		       coalesce(per.graded, 0) AS graded, per.median_ratio, coalesce(per.paired, 0) AS paired, coalesce(per.interim, 0) AS interim,
		       coalesce(goal_wide.goal_results, 0) AS goal_results
		FROM municipalities m LEFT JOIN per USING (muni_code) LEFT JOIN goal_wide USING (muni_code)
		WHERE m.has_report
		ORDER BY m.muni_code`,
		[themeId, themeId]
	);
	return { theme, initiatives, initiativeTotal, municipalities, goalResults: await goalResults(db, { theme: themeId }) };
}

/** Means and medians are summed in another order: equal to the last bits. */
function rounded(ms: ThemeMunicipality[]): ThemeMunicipality[] {
	return ms.map((m) => ({ ...m, mean_score: m.mean_score === null ? null : Number(m.mean_score.toFixed(12)), median_ratio: m.median_ratio === null ? null : Number(m.median_ratio.toFixed(12)) }));
}

describe('the theme page from its page table (theme_initiatives)', () => {
	let db: DatasetDb;
	beforeAll(async () => {
		db = await openSourcesDataset('theme-page');
	});
	afterAll(() => db.close());

	it('shows on the five published municipalities what the country-wide queries showed, for every theme', async () => {
		const themes = await themeIds(db);
		expect(themes.length).toBeGreaterThan(10);
		let listed = 0;
		for (const theme of themes) {
			const now = (await themePage(db, theme))!;
			const before = (await themePageBefore(db, theme))!;
			expect({ ...now, municipalities: rounded(now.municipalities) }).toEqual({ ...before, municipalities: rounded(before.municipalities) });
			listed += now.initiatives.length;
			// The prerender's cut: the first rows and the total.
			const cutNow = (await themePage(db, theme, { initiatives: 3, municipalities: false }))!;
			expect(cutNow).toEqual((await themePageBefore(db, theme, { initiatives: 3, municipalities: false }))!);
		}
		expect(listed).toBeGreaterThan(100);
	});

	it('gives the list a page at a time, and one municipality\'s rows by key, as the whole list has them', async () => {
		const whole = (await themePage(db, 'salon'))!.initiatives;
		expect(whole.length).toBeGreaterThan(7);
		const pages: ThemeInitiative[] = [];
		for (let offset = 0; offset < whole.length; offset += 4) pages.push(...(await themeInitiatives(db, 'salon', { limit: 4, offset })));
		expect(pages).toEqual(whole);
		expect(await themeInitiatives(db, 'salon', { limit: 4, offset: whole.length })).toEqual([]);
		for (const muni of new Set(whole.map((i) => i.muni_code))) expect(await themeInitiatives(db, 'salon', { muni })).toEqual(whole.filter((i) => i.muni_code === muni));
	});
});
