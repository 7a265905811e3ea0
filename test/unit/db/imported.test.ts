import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { IMPORTED_DATABASE, IMPORTED_ROWS, PUBLISHED_TABLES_SQL, importedDatabaseStatements } from '../../../src/lib/db/imported';
import { PUBLISHED_DATABASE } from '../../../src/lib/db/published';

describe('the imported database beside the published one', () => {
	it('answers plain names with published UNION ALL imported, while the published file stays read-only', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'imported-'));
		try {
			const file = join(dir, 'p.duckdb');
			const writer = await (await DuckDBInstance.create(file)).connect();
			await writer.run(`CREATE TABLE initiatives (initiative_id VARCHAR, muni_code VARCHAR); INSERT INTO initiatives VALUES ('15107-001', '15107')`);
			writer.closeSync();
			const conn = await (await DuckDBInstance.create(':memory:')).connect();
			await conn.run(`ATTACH '${file}' AS ${PUBLISHED_DATABASE} (READ_ONLY)`);
			const tables = (await conn.runAndReadAll(PUBLISHED_TABLES_SQL)).getRowObjectsJS().map((r) => String(r.table_name));
			expect(tables).toEqual(['initiatives']);
			for (const sql of importedDatabaseStatements(tables)) await conn.run(sql);
			await conn.run(`USE ${IMPORTED_DATABASE}`);
			await conn.run(`INSERT INTO ${IMPORTED_ROWS}.initiatives VALUES ('99001-001', '99001')`);
			await conn.run(`INSERT INTO ${IMPORTED_ROWS}.imports VALUES ('99001-2023', 'mine.xlsx', '99001', '99001-2023', '2026-01-01')`);
			const ids = (await conn.runAndReadAll('SELECT initiative_id FROM initiatives ORDER BY 1')).getRowObjectsJS().map((r) => r.initiative_id);
			expect(ids).toEqual(['15107-001', '99001-001']);
			expect((await conn.runAndReadAll('SELECT file_name FROM imports')).getRowObjectsJS()).toEqual([{ file_name: 'mine.xlsx' }]);
			await expect(conn.run(`DELETE FROM ${PUBLISHED_DATABASE}.main.initiatives`)).rejects.toThrow(/read-only/);
			conn.closeSync();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('lists a code of the official list once, with a report once imported, and shows a published list re-cut by an import instead of its own', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'imported-'));
		try {
			const file = join(dir, 'p.duckdb');
			const writer = await (await DuckDBInstance.create(file)).connect();
			await writer.run(`CREATE TABLE municipalities (muni_code VARCHAR, has_report BOOLEAN); INSERT INTO municipalities VALUES ('15107', true), ('15108', false)`);
			await writer.run(`CREATE TABLE comparable_initiatives (initiative_id VARCHAR, rank INTEGER, comparable_id VARCHAR); INSERT INTO comparable_initiatives VALUES ('15107-001', 1, '01230-001'), ('15107-001', 2, '01230-002'), ('15107-002', 1, '01230-003')`);
			writer.closeSync();
			const conn = await (await DuckDBInstance.create(':memory:')).connect();
			await conn.run(`ATTACH '${file}' AS ${PUBLISHED_DATABASE} (READ_ONLY)`);
			const tables = (await conn.runAndReadAll(PUBLISHED_TABLES_SQL)).getRowObjectsJS().map((r) => String(r.table_name));
			for (const sql of importedDatabaseStatements(tables)) await conn.run(sql);
			await conn.run(`USE ${IMPORTED_DATABASE}`);
			const read = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
			expect(await read('SELECT muni_code, has_report FROM municipalities ORDER BY 1')).toEqual([{ muni_code: '15107', has_report: true }, { muni_code: '15108', has_report: false }]);
			await conn.run(`INSERT INTO ${IMPORTED_ROWS}.imports VALUES ('15108-2023', 'mine.xlsx', '15108', '15108-2023', '2026-01-01')`);
			await conn.run(`INSERT INTO ${IMPORTED_ROWS}.comparable_initiatives VALUES ('15107-001', 1, '15108-001'), ('15107-001', 2, '01230-001'), ('15108-001', 1, '15107-001')`);
			expect(await read('SELECT muni_code, has_report FROM municipalities ORDER BY 1')).toEqual([{ muni_code: '15107', has_report: true }, { muni_code: '15108', has_report: true }]);
			expect(await read('SELECT initiative_id, rank, comparable_id FROM comparable_initiatives ORDER BY 1, 2')).toEqual([
				{ initiative_id: '15107-001', rank: 1, comparable_id: '15108-001' },
				{ initiative_id: '15107-001', rank: 2, comparable_id: '01230-001' },
				{ initiative_id: '15107-002', rank: 1, comparable_id: '01230-003' },
				{ initiative_id: '15108-001', rank: 1, comparable_id: '15107-001' }
			]);
			conn.closeSync();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
