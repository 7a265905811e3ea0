import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { EXAMPLES } from '../../../src/lib/sql-workbench/examples';
import { splitStatements } from '../../../src/lib/sql-workbench/statements';
import { refusalOf } from '../../../src/lib/sql-workbench/guard';
import { openNative } from '../../../src/lib/server/native-db';

// ATLAS_DATA_DIR lets the examples be checked against a freshly built dataset elsewhere.
const dataDir = process.env.ATLAS_DATA_DIR ?? 'static/data';

describe.skipIf(!existsSync(`${dataDir}/initiatives.parquet`))('every example query runs on the published tables', () => {
	let db: Awaited<ReturnType<typeof openNative>>;
	beforeAll(async () => {
		db = await openNative(dataDir);
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
		it(`"${example.title.en}" runs without error and is not refused`, async () => {
			for (const stmt of splitStatements(example.sql)) {
				expect(refusalOf(stmt.sql)).toBeNull();
				await expect(db.query(stmt.sql)).resolves.toBeInstanceOf(Array);
			}
		});
	}
});
