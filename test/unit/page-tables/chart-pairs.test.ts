import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, EXAMPLE_FILE_STEM } from '../../../src/lib/import/example';
import { chartPairs, type PairScope } from '../../../src/lib/queries/chart-pairs';
import { pairColumns } from '../../../src/lib/queries/common';
import { importPlan, openImportedDb, roundedMeans, type ImportedDb } from '../../helpers/imported-db';

/** The pairs query as it was before the page tables: achievements, initiatives and grades joined in the tab. */
function oldPairsSql(picked: string | null): string {
	return `WITH ${picked ? `picked AS (${picked}), ` : ''}ev AS (
			SELECT initiative_id, string_agg(grade_raw, ' / ' ORDER BY evaluation_id) AS grade_raw, avg(score) AS grade_score, min_by(band, score) AS grade_band
			FROM evaluations ${picked ? 'WHERE initiative_id IN (SELECT initiative_id FROM picked)' : ''} GROUP BY initiative_id
		)
		SELECT ${pairColumns('a')}, a.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, a.initiative_id, i.name_ja AS initiative_name_ja,
		       ev.grade_raw, ev.grade_score, ev.grade_band
		FROM achievements a JOIN initiatives i USING (initiative_id) JOIN municipalities m ON m.muni_code = a.muni_code LEFT JOIN ev USING (initiative_id)
		${picked ? 'WHERE a.initiative_id IN (SELECT initiative_id FROM picked)' : ''}
		ORDER BY a.muni_code, i.seq, a.initiative_id, a.achievement_id`;
}

async function oldPairs(db: ImportedDb, scope: PairScope) {
	if (scope === 'all') return db.query(oldPairsSql(null));
	if ('muni' in scope) return db.query(oldPairsSql('SELECT initiative_id FROM initiatives WHERE muni_code = ?'), [scope.muni]);
	if ('prefecture' in scope) return db.query(oldPairsSql('SELECT initiative_id FROM initiatives WHERE left(muni_code, 2) = ?'), [scope.prefecture]);
	return db.query(oldPairsSql('SELECT initiative_id FROM initiative_themes WHERE theme_id = ?'), [scope.theme]);
}



describe('the pair charts read from page tables (chart_pairs, theme_chart_pairs)', () => {
	let db: ImportedDb;
	beforeAll(async () => {
		db = await openImportedDb('page-tables-chart-pairs');
	}, 120_000);
	afterAll(() => db?.close());

	/** Every scope a page asks for: the whole country (/grading), each prefecture (/grading at national scale), each municipality, each theme. */
	const scopes = async (): Promise<PairScope[]> => [
		'all',
		...(await db.query<{ muni_code: string }>('SELECT DISTINCT muni_code FROM municipalities WHERE has_report ORDER BY 1')).map((r) => ({ muni: r.muni_code })),
		...(await db.query<{ code: string }>('SELECT DISTINCT left(muni_code, 2) AS code FROM municipalities ORDER BY 1')).map((r) => ({ prefecture: r.code })),
		...(await db.query<{ theme_id: string }>('SELECT theme_id FROM themes ORDER BY 1')).map((r) => ({ theme: r.theme_id }))
	];
	const same = async () => {
		let shown = 0;
		for (const scope of await scopes()) {
			const now = await chartPairs(db, scope);
			expect(roundedMeans(now), JSON.stringify(scope)).toEqual(roundedMeans(await oldPairs(db, scope)));
			shown += now.length;
		}
		return shown;
	};

	it('gives every scope the rows the joins over every table gave, on the five cities', async () => {
		expect(await same()).toBeGreaterThan(100);
		const all = await chartPairs(db, 'all');
		expect(all.some((p) => p.grade_raw !== null)).toBe(true);
		expect(all.some((p) => p.grade_raw === null)).toBe(true);
	});

	it('gives the same rows with imported plans: a town of its own and a second plan of a published city', async () => {
		await importPlan(db, EXAMPLE, `${EXAMPLE_FILE_STEM}.xlsx`);
		const beside = { ...EXAMPLE, plan: [{ ...EXAMPLE.plan![0], muni_code: '15107' }] };
		await importPlan(db, beside, 'second-plan-15107.xlsx', true);
		await same();
		expect((await chartPairs(db, { muni: '99001' })).length).toBeGreaterThan(0);
	});
});
