import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../src/lib/sql-workbench/examples';
import { splitStatements } from '../../../src/lib/sql-workbench/statements';
import { openSourcesDataset, type DatasetDb } from '../../helpers/dataset-db';

describe('every example query runs on the published tables', () => {
	let db: DatasetDb;
	beforeAll(async () => {
		db = await openSourcesDataset('examples');
	});
	afterAll(() => db?.close());

	it('has unique ids and titles in both languages', () => {
		expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
		for (const e of EXAMPLES) {
			expect(e.title.ja.length).toBeGreaterThan(0);
			expect(e.title.en.length).toBeGreaterThan(0);
		}
	});

	for (const example of EXAMPLES) {
		it(`"${example.title.en}" runs without error and is a plain read (so a shared link to it runs on open)`, async () => {
			for (const stmt of splitStatements(example.sql)) {
				await expect(db.query(stmt.sql)).resolves.toBeInstanceOf(Array);
				// The workbench's test for a plain read: DuckDB accepts the statement as a subquery.
				await expect(db.query(`SELECT * FROM (\n${stmt.sql}\n)`)).resolves.toBeInstanceOf(Array);
			}
		});
	}
});

describe('examples read achievement as the pages do', () => {
	it('every example that reads a band or ratio of achievements says which basis it reads (interim progress is no verdict)', () => {
		const reading = EXAMPLES.filter((e) => /\bachievements\b/.test(e.sql) && /\b(band|ratio)\b/.test(e.sql));
		expect(reading.length).toBeGreaterThan(0);
		for (const e of reading) expect(e.sql, e.id).toMatch(/basis\s*(<>|=)\s*'interim'/);
	});
});

describe('the salon example shows results reported for a whole goal', () => {
	let db: DatasetDb;
	beforeAll(async () => {
		db = await openSourcesDataset('examples');
	});
	afterAll(() => db?.close());

	it("lists 登別市's ふれあいいきいきサロン (45か所, 延べ2,730回, 29,904人) as reported for 基本目標2 beside that goal's initiatives", async () => {
		const sql = EXAMPLES.find((e) => e.id === 'salon-like-ours')!.sql;
		const rows = (await db.query(sql)).filter((r) => r.muni_code === '01230' && r.reported_for === 'goal' && String(r.raw_text).includes('ふれあいいきいきサロン'));
		expect(rows.map((r) => r.value).sort((a, b) => Number(a) - Number(b))).toEqual([45, 2730, 29904]);
		for (const r of rows) {
			expect(String(r.name_ja)).toMatch(/^基本目標2 /);
			expect(String(r.goal_initiatives)).toContain('小地域ネットワーク活動の推進');
		}
	});
});
