import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE } from '../../../src/lib/import/example';
import { prefectureCoverage, prefecturePage, prefecturePages } from '../../../src/lib/queries/prefecture';
import * as before from './prefecture-before';
import { importPlan, openImportedDb, type ImportedDb } from '../../helpers/imported-db';

/** The prefecture pages from the page tables give what the queries over the whole tables gave (prefecture-before.ts). */
describe('the prefecture pages read from page tables', () => {
	let db: ImportedDb;
	beforeAll(async () => {
		db = await openImportedDb('page-tables-prefecture');
	}, 120_000);
	afterAll(() => db?.close());

	const same = async () => {
		expect(await prefectureCoverage(db)).toEqual(await before.prefectureCoverage(db));
		const pages = await prefecturePages(db);
		expect(pages).toEqual(await before.prefecturePages(db));
		for (const code of ['15', '11', '47']) expect(await prefecturePage(db, code)).toEqual(await before.prefecturePage(db, code));
		return pages;
	};

	it('gives the same pages on the five cities', async () => {
		const pages = await same();
		expect(pages.size).toBe(47);
		const nishi = pages.get('15')!.municipalities.find((m) => m.muni_code === '15107')!;
		expect(nishi.initiatives).toBe(32);
		expect(nishi.achievements).toBeGreaterThan(0);
		expect(nishi.themes.length).toBeGreaterThan(0);
	});

	it('gives the same pages with a second plan of 15107 imported', async () => {
		const rows = { ...EXAMPLE, plan: [{ ...EXAMPLE.plan![0], muni_code: '15107' }] };
		const tables = await importPlan(db, rows, 'second-plan-15107.xlsx', true);
		const pages = await same();
		expect(pages.get('15')!.municipalities.find((m) => m.muni_code === '15107')!.initiatives).toBe(32 + tables.initiatives.length);
	});
});
