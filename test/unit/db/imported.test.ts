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
});
