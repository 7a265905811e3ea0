import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildDataset } from '../../scripts/lib/dataset';
import { loadTable, writeParquetFiles } from '../../scripts/lib/write-parquet';
import { ALL_TABLES } from '../../src/lib/contract/index';
import { plainRow, type Connector, type Row } from '../../src/lib/db/connector';
import { IMPORTED_DATABASE, IMPORTED_ROWS, IMPORTS_TABLE, PUBLISHED_TABLES_SQL, importedDatabaseStatements } from '../../src/lib/db/imported';
import { DATABASE_FILE, PUBLISHED_DATABASE } from '../../src/lib/db/published';
import type { Dataset } from '../../src/lib/pipeline/ingest';
import type { TemplateRows } from '../../src/lib/import/example';
import { templateSheets, writeWorkbook } from '../../src/lib/import/write-template';
import { importFiles } from '../../src/lib/import/import-files';
import { loadCommonGroundInputs } from '../../scripts/lib/dataset';

export interface ImportedDb extends Connector {
	/** Puts a plan into the imported database as the browser's import does (src/lib/db/imports.ts), by native DuckDB. */
	addImport(meta: { file_name: string; muni_code: string; plan_id: string }, tables: Dataset): Promise<void>;
	close(): void;
}

/**
 * The five-city dataset (or `dataset`) written as the pipeline writes it, attached READ_ONLY behind the
 * imported database as the pages' connection is, with a way to add imported plans: for tests of page
 * SQL over published and imported plans together.
 */
export async function openImportedDb(name: string, dataset: Dataset = buildDataset().dataset): Promise<ImportedDb> {
	const dir = mkdtempSync(join(tmpdir(), `atlas-${name}-`));
	await writeParquetFiles(dir, ALL_TABLES, dataset);
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	await conn.run(`ATTACH '${join(dir, DATABASE_FILE).replace(/'/g, "''")}' AS ${PUBLISHED_DATABASE} (READ_ONLY)`);
	const tables = (await conn.runAndReadAll(PUBLISHED_TABLES_SQL)).getRowObjectsJS().map((r) => String(r.table_name));
	for (const sql of importedDatabaseStatements(tables)) await conn.run(sql);
	await conn.run(`USE ${IMPORTED_DATABASE}`);
	return {
		async query<T extends Row = Row>(sql: string, params: readonly (string | number | boolean | null)[] = []): Promise<T[]> {
			const reader = await conn.runAndReadAll(sql, params.length ? [...params] : undefined);
			return reader.getRowObjectsJS().map((r) => plainRow(r as Row) as T);
		},
		async addImport(meta, rows) {
			await conn.run('USE memory');
			for (const t of ALL_TABLES.filter((x) => x.name !== 'themes' && rows[x.name]?.length)) {
				await loadTable(conn, t, rows[t.name]);
				const only = t.name === 'municipalities' ? ` WHERE muni_code NOT IN (SELECT muni_code FROM ${PUBLISHED_DATABASE}.main.municipalities)` : '';
				await conn.run(`INSERT INTO ${IMPORTED_ROWS}."${t.name}" BY NAME SELECT * FROM memory.main."${t.name}"${only}`);
				await conn.run(`DROP TABLE memory.main."${t.name}"`);
			}
			await conn.run(`INSERT INTO ${IMPORTED_ROWS}.${IMPORTS_TABLE} VALUES (?, ?, ?, ?, '2026-01-01')`, [meta.plan_id, meta.file_name, meta.muni_code, meta.plan_id]);
			await conn.run(`USE ${IMPORTED_DATABASE}`);
		},
		close() {
			conn.closeSync();
			instance.closeSync();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * A plan written as the template's workbook, read by the page's own import (importFiles), then added as
 * the browser adds it. Returns the imported tables, so a spec can count what the plan brought.
 */
export async function importPlan(db: ImportedDb, rows: TemplateRows, file: string, besidePublished = false): Promise<Dataset> {
	const out = await importFiles([{ name: file, bytes: await writeWorkbook(templateSheets(rows)) }], loadCommonGroundInputs(), besidePublished);
	if (out.kind !== 'plan') throw new Error(JSON.stringify(out));
	const [plan] = out.tables.plans as { plan_id: string; muni_code: string }[];
	await db.addImport({ file_name: file, muni_code: plan.muni_code, plan_id: plan.plan_id }, out.tables);
	return out.tables;
}

/** Rows with their fractions to 12 significant digits: a mean's last bits depend on the order DuckDB adds its values in. */
export const roundedMeans = <T extends object>(rows: T[]): Record<string, unknown>[] =>
	rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v])));
