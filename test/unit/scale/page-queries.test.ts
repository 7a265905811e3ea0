import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSourcesDataset, type DatasetDb } from '../../helpers/dataset-db';
import { goalResults } from '../../../src/lib/queries/goal-results';
import { chartPairs } from '../../../src/lib/queries/chart-pairs';
import { prefixRange } from '../../../src/lib/scale/key-range';

/**
 * The pages' queries that read by key at national scale give, on the five published municipalities,
 * the rows of the country-wide query they narrow (its filter applied to every row afterwards).
 */
describe('page queries read by key, same rows', () => {
	let db: DatasetDb;
	beforeAll(async () => {
		db = await openSourcesDataset('page-queries');
	});
	afterAll(() => db.close());

	it('goal-wide results of a theme, or of any of some themes elsewhere, start from the themed goals', async () => {
		const all = await goalResults(db, {});
		expect(all.length).toBeGreaterThan(0);
		const themes = [...new Set(all.flatMap((r) => r.themes))].sort();
		expect(themes.length).toBeGreaterThan(1);
		for (const theme of [...themes, 'no-such-theme']) expect(await goalResults(db, { theme })).toEqual(all.filter((r) => r.themes.includes(theme)));
		const some = themes.slice(0, 2);
		for (const notMuni of [...new Set(all.map((r) => r.muni_code)), '00000'])
			expect(await goalResults(db, { anyTheme: some, notMuni })).toEqual(all.filter((r) => r.muni_code !== notMuni && r.themes.some((t) => some.includes(t))));
		expect(await goalResults(db, { anyTheme: [] })).toEqual([]);
	});

	it("a municipality's pairs, read by its key range, are its rows of every pair", async () => {
		const all = await chartPairs(db, 'all');
		const codes = (await db.query<{ muni_code: string }>('SELECT muni_code FROM municipalities WHERE has_report ORDER BY muni_code')).map((r) => r.muni_code);
		let seen = 0;
		for (const muni of codes) {
			const mine = await chartPairs(db, { muni });
			expect(mine).toEqual(all.filter((p) => p.muni_code === muni));
			seen += mine.length;
		}
		expect(seen).toBe(all.filter((p) => codes.includes(p.muni_code)).length);
		expect(seen).toBeGreaterThan(0);
	});

	it('a prefix range holds exactly the ids that start with the prefix', async () => {
		const r = prefixRange('15109');
		expect(r.params).toEqual(['15109', '1510:']);
		expect(prefixRange('11249').params[1]).toBe('1124:');
		const ids = ['15108-999', '15109', '15109-001', '15109-120-x', '1510:', '15110-001'];
		const [{ inside }] = await db.query<{ inside: string[] }>(`SELECT list(id ORDER BY id) AS inside FROM (SELECT unnest(string_split(?, ',')) AS id) WHERE ${r.sql('id')}`, [ids.join(','), ...r.params]);
		expect(inside).toEqual(ids.filter((id) => id.startsWith('15109')));
		expect(() => prefixRange('')).toThrow();
	});
});
