import { DuckDBInstance, INTEGER, LIST, VARCHAR, type DuckDBConnection, type DuckDBAppender } from '@duckdb/node-api';

const VARCHAR_LIST = LIST(VARCHAR);
const INTEGER_LIST = LIST(INTEGER);
import { columnsOf, type TableDef, type ColumnInfo } from '../../src/lib/contract/column';
import { writeDatabaseFile } from './write-database';
import { writePartitions } from './write-partitions';
import { PAGE_TABLES } from '../../src/lib/contract/page-tables';
import { pageTableSelect, sourcesIn, type PageTable } from '../../src/lib/db/page-table';

function appendValue(appender: DuckDBAppender, col: ColumnInfo, value: unknown): void {
	if (value === null || value === undefined) return appender.appendNull();
	switch (col.sql) {
		case 'VARCHAR':
			return appender.appendVarchar(String(value));
		case 'INTEGER':
			return appender.appendInteger(value as number);
		case 'DOUBLE':
			return appender.appendDouble(value as number);
		case 'BOOLEAN':
			return appender.appendBoolean(value as boolean);
		case 'VARCHAR[]':
			return appender.appendList((value as unknown[]).map(String), VARCHAR_LIST);
		case 'INTEGER[]':
			return appender.appendList(value as number[], INTEGER_LIST);
	}
}

export function createTableSql(table: TableDef): string {
	const cols = columnsOf(table).map((c) => `"${c.name}" ${c.sql}${c.nullable ? '' : ' NOT NULL'}`);
	return `CREATE TABLE "${table.name}" (${cols.join(', ')})`;
}

/** Load rows into a DuckDB table whose columns come from the contract. */
export async function loadTable(conn: DuckDBConnection, table: TableDef, rows: readonly Record<string, unknown>[]): Promise<void> {
	await conn.run(createTableSql(table));
	const cols = columnsOf(table);
	const appender = await conn.createAppender(table.name);
	for (const row of rows) {
		for (const col of cols) appendValue(appender, col, row[col.name]);
		appender.endRow();
	}
	appender.closeSync();
}

/** Derive the page tables from the tables loaded in `conn` (memory.main), typed by their declared columns. */
export async function derivePageTables(conn: DuckDBConnection, pages: readonly PageTable[] = PAGE_TABLES): Promise<void> {
	for (const page of pages) {
		await conn.run(createTableSql(page));
		await conn.run(`INSERT INTO "${page.name}" ${pageTableSelect(page, sourcesIn('memory.main'))}`);
	}
}

/**
 * Write each table to `${dir}/${name}.parquet` (the downloads), and all of them to the database
 * file the site reads (write-database.ts), with the page tables derived from them (src/lib/db/page-table.ts:
 * in the database and in parquet/, not as downloads: they are the pages' reading of the tables, which a
 * reader of the downloads computes with the same SQL). One thread and rows already in key order keep the
 * bytes identical from run to run; snappy is the compression every Parquet reader in JS handles.
 */
export async function writeParquetFiles(
	dir: string,
	tables: readonly TableDef[],
	data: Record<string, readonly Record<string, unknown>[]>,
	written: (table: string) => void = () => {},
	options: { synthetic: boolean; datasetVersion: string } = { synthetic: false, datasetVersion: '' }
): Promise<void> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	try {
		for (const table of tables) {
			await loadTable(conn, table, data[table.name] ?? []);
			const path = `${dir}/${table.name}.parquet`.replace(/'/g, "''");
			const metadata = options.synthetic ? `, KV_METADATA {synthetic: 'true'}` : '';
			await conn.run(`COPY "${table.name}" TO '${path}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 100000${metadata})`);
			written(table.name);
		}
		await derivePageTables(conn);
		await writePartitions(conn, dir, tables, PAGE_TABLES, options);
		written('partitions');
		await writeDatabaseFile(conn, dir, [...tables, ...PAGE_TABLES]);
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}
