import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, EXAMPLE_FILE_STEM } from '../../../src/lib/import/example';
import { headline, initiativeCount, municipalitySummaries, themeMatrix } from '../../../src/lib/queries/overview';
import { FINAL_PAIR, INTERIM_PAIR, importedFile } from '../../../src/lib/queries/common';
import { importPlan, openImportedDb, roundedMeans, type ImportedDb } from '../../helpers/imported-db';

/**
 * The overview's queries as they were before the page tables (aggregating the tables in the tab): the
 * page tables must give the pages the same rows, published and with imports.
 */
const OLD_SUMMARIES = `SELECT s.*, ${importedFile('s.plan_id')} FROM (
		SELECT m.muni_code, m.name_ja, m.name_en, m.prefecture_ja, m.prefecture_en,
		       p.report_fiscal_year, p.scheme_id,
		       (SELECT any_value(g.grade) FROM grading_schemes g WHERE g.scheme_id = p.scheme_id) IS NOT NULL AS has_scheme,
		       (SELECT count(*) FROM initiatives i WHERE i.plan_id = p.plan_id) AS initiatives,
		       (SELECT count(*) FROM measures x JOIN initiatives i USING (initiative_id) WHERE i.plan_id = p.plan_id)
		         + (SELECT count(*) FROM measures x JOIN goals g ON g.goal_id = x.goal_id
		            WHERE x.initiative_id IS NULL AND g.plan_id = p.plan_id) AS measures,
		       (SELECT count(*) FROM evaluations e JOIN initiatives i USING (initiative_id) WHERE i.plan_id = p.plan_id) AS evaluations, p.plan_id
		FROM municipalities m JOIN plans p USING (muni_code)
		ORDER BY m.muni_code) s ORDER BY s.muni_code, imported_file NULLS FIRST, s.plan_id`;

const OLD_HEADLINE = `
		SELECT (SELECT count(*) FROM municipalities WHERE has_report) AS municipalities,
		       (SELECT count(*) FROM initiatives) AS initiatives,
		       (SELECT count(*) FROM measures) AS measures,
		       (SELECT count(*) FROM evaluations) AS evaluations,
		       (SELECT count(DISTINCT initiative_id) FROM evaluations) AS graded_initiatives,
		       (SELECT count(*) FROM themes) AS themes,
		       (SELECT count(DISTINCT initiative_id) FROM initiative_themes) AS themed_initiatives,
		       (SELECT count(*) FROM achievements) AS achievements,
		       (SELECT count(*) FROM achievements WHERE ${INTERIM_PAIR}) AS interim_achievements`;

const OLD_MATRIX = `
		WITH it AS (
			SELECT DISTINCT t.theme_id, i.muni_code, i.plan_id, i.initiative_id
			FROM initiative_themes t JOIN initiatives i USING (initiative_id)
		), ev AS (
			SELECT initiative_id, avg(score) AS score FROM evaluations WHERE score IS NOT NULL GROUP BY initiative_id
		), ach AS (
			SELECT initiative_id, median(ratio) FILTER (WHERE ${FINAL_PAIR}) AS ratio, count(*) FILTER (WHERE ${INTERIM_PAIR}) AS interim
			FROM achievements WHERE initiative_id IS NOT NULL GROUP BY initiative_id
		)
		SELECT it.theme_id, it.muni_code, it.plan_id, count(*) AS initiatives,
		       avg(ev.score) AS mean_score, count(ev.score) AS graded,
		       median(ach.ratio) AS achievement, count(ach.ratio) AS paired, coalesce(sum(ach.interim), 0)::INTEGER AS interim
		FROM it LEFT JOIN ev USING (initiative_id) LEFT JOIN ach USING (initiative_id)
		GROUP BY it.theme_id, it.muni_code, it.plan_id
		ORDER BY it.theme_id, it.muni_code, it.plan_id`;



describe('the overview read from page tables', () => {
	let db: ImportedDb;
	beforeAll(async () => {
		db = await openImportedDb('page-tables-overview');
	}, 120_000);
	afterAll(() => db?.close());

	const same = async () => {
		const summaries = await municipalitySummaries(db);
		expect(summaries).toEqual(await db.query(OLD_SUMMARIES));
		expect(await headline(db)).toEqual((await db.query(OLD_HEADLINE))[0]);
		const matrix = await themeMatrix(db);
		// The status line's count, from the headline rows, is the count of every initiative the pages can show.
		expect(await initiativeCount(db)).toBe(Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM initiatives'))[0].n));
		expect(roundedMeans(matrix.cells as unknown as Record<string, unknown>[])).toEqual(roundedMeans(await db.query(OLD_MATRIX)));
		return { summaries, matrix };
	};

	it('gives the rows the aggregating queries gave, on the five cities', async () => {
		const { summaries, matrix } = await same();
		expect(summaries.length).toBeGreaterThanOrEqual(5);
		expect(summaries.every((s) => s.imported_file === null && s.initiatives > 0)).toBe(true);
		expect(matrix.cells.length).toBeGreaterThan(20);
	});

	it('gives the same rows with imported plans: a town of its own and a second plan of a published city', async () => {
		await importPlan(db, EXAMPLE, `${EXAMPLE_FILE_STEM}.xlsx`);
		const beside = { ...EXAMPLE, plan: [{ ...EXAMPLE.plan![0], muni_code: '15107' }] };
		await importPlan(db, beside, 'second-plan-15107.xlsx', true);
		const { summaries, matrix } = await same();
		const imported = summaries.filter((s) => s.imported_file !== null);
		expect(imported.map((s) => [s.muni_code, s.imported_file])).toEqual([
			['15107', 'second-plan-15107.xlsx'],
			['99001', `${EXAMPLE_FILE_STEM}.xlsx`]
		]);
		expect(imported.every((s) => s.initiatives > 0 && s.measures > 0)).toBe(true);
		expect(matrix.cells.some((c) => c.muni_code === '99001')).toBe(true);
		expect(matrix.cells.filter((c) => c.muni_code === '15107').map((c) => c.plan_id)).toContain(imported[0].plan_id);
	});
});
