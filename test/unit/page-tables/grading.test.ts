import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, EXAMPLE_FILE_STEM } from '../../../src/lib/import/example';
import { chartPairs } from '../../../src/lib/queries/chart-pairs';
import { gradingPage, SCORE_BINS } from '../../../src/lib/queries/grading';
import { outcomeOf, placeable } from '../../../src/lib/components/charts/pair-specs';
import { importPlan, openImportedDb, roundedMeans, type ImportedDb } from '../../helpers/imported-db';

/** The national picture as the self-grade chart would count its dots: every placed pair of the country, binned in the page. */
async function binnedFromPairs(db: ImportedDb) {
	const counts = new Map<string, number>();
	for (const p of await chartPairs(db, 'all')) {
		if (!placeable(p) || p.grade_score === null) continue;
		const key = `${p.muni_code.slice(0, 2)} ${Math.min(Math.floor(p.grade_score * SCORE_BINS), SCORE_BINS - 1)} ${outcomeOf(p)}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
}

async function binnedFromTable(db: ImportedDb) {
	const rows = await db.query<{ prefecture_code: string; score_bin: number; outcome: string; pairs: number }>(
		'SELECT prefecture_code, score_bin, outcome, sum(pairs)::INTEGER AS pairs FROM grading_pair_counts GROUP BY ALL'
	);
	return rows.map((r): [string, number] => [`${r.prefecture_code} ${r.score_bin} ${r.outcome}`, r.pairs]).sort(([a], [b]) => (a < b ? -1 : 1));
}

describe('/grading at national scale: the pairs counted in a page table (grading_pair_counts), a prefecture read by key', () => {
	let db: ImportedDb;
	beforeAll(async () => {
		db = await openImportedDb('page-tables-grading');
	}, 120_000);
	afterAll(() => db?.close());

	const prefectures = async () => (await db.query<{ code: string }>('SELECT DISTINCT left(muni_code, 2) AS code FROM plans ORDER BY 1')).map((r) => r.code);

	/** A prefecture's page is the whole country's page with only that prefecture's municipalities. */
	const samePrefecturePages = async () => {
		const whole = await gradingPage(db);
		const mine = <T extends { muni_code: string }>(rows: T[], code: string) => rows.filter((r) => r.muni_code.startsWith(code));
		for (const code of await prefectures()) {
			const page = await gradingPage(db, { prefecture: code });
			expect(roundedMeans(page.spread), code).toEqual(roundedMeans(mine(whole.spread, code)));
			expect(roundedMeans(page.generosity), code).toEqual(roundedMeans(mine(whole.generosity, code)));
			expect(page.ungraded, code).toEqual(mine(whole.ungraded, code));
			// The crosswalk: the schemes its plans grade with or its municipalities wrote, counted over its own grades.
			const schemes = await db.query<{ scheme_id: string }>(
				`SELECT DISTINCT scheme_id FROM grading_schemes WHERE left(muni_code, 2) = ? OR scheme_id IN (SELECT scheme_id FROM plans WHERE left(muni_code, 2) = ?) ORDER BY 1`,
				[code, code]
			);
			expect([...new Set(page.levels.map((l) => l.scheme_id))], code).toEqual(schemes.map((s) => s.scheme_id));
			const [{ n }] = await db.query<{ n: number }>(
				`SELECT count(*)::INTEGER AS n FROM evaluations e JOIN grading_schemes s USING (scheme_id, grade) JOIN initiatives i USING (initiative_id)
				 WHERE left(i.muni_code, 2) = ? AND (left(s.muni_code, 2) = ? OR s.scheme_id IN (SELECT scheme_id FROM plans WHERE left(muni_code, 2) = ?))`,
				[code, code, code]
			);
			expect(page.levels.reduce((a, l) => a + l.n, 0), code).toBe(n);
		}
	};

	it('counts the pairs the self-grade chart draws, per prefecture, bin and outcome, and cuts the page by prefecture, on the five cities', async () => {
		const table = await binnedFromTable(db);
		expect(table.reduce((a, [, n]) => a + n, 0)).toBeGreaterThan(20);
		expect(table).toEqual(await binnedFromPairs(db));
		expect((await prefectures()).length).toBeGreaterThan(1);
		await samePrefecturePages();
	});

	it('does the same with imported plans: a town of its own and a second plan of a published city', async () => {
		await importPlan(db, EXAMPLE, `${EXAMPLE_FILE_STEM}.xlsx`);
		const beside = { ...EXAMPLE, plan: [{ ...EXAMPLE.plan![0], muni_code: '15107' }] };
		await importPlan(db, beside, 'second-plan-15107.xlsx', true);
		expect(await prefectures()).toContain('99');
		expect(await binnedFromTable(db)).toEqual(await binnedFromPairs(db));
		await samePrefecturePages();
	});
});
