import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { plainRow, type Connector, type Param, type Row } from '../db/connector';
import { DATABASE_FILE, PUBLISHED_DATABASE } from '../db/published';
import { SITE_DATA_DIR } from '../../../scripts/lib/site-dirs.js';
import { timedQuery } from './prerender-timing';
import { IMPORTED_DATABASE, PUBLISHED_TABLES_SQL, importedDatabaseStatements } from '../db/imported';

/**
 * Native DuckDB over the same database file the browser reads, attached READ_ONLY, behind the same
 * imported database as in the browser, so the same SQL runs on both. For prerendering pages at build
 * time and for the benchmark's native baseline.
 */
export async function openNative(dataDir = SITE_DATA_DIR): Promise<Connector & { close(): void }> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn: DuckDBConnection = await instance.connect();
	const path = `${dataDir}/${DATABASE_FILE}`.replace(/'/g, "''");
	await conn.run(`ATTACH '${path}' AS ${PUBLISHED_DATABASE} (READ_ONLY)`);
	// The same (here empty) imported database as in the browser, so page SQL is the same on both.
	const tables = (await conn.runAndReadAll(PUBLISHED_TABLES_SQL)).getRowObjectsJS().map((r) => String(r.table_name));
	for (const sql of importedDatabaseStatements(tables)) await conn.run(sql);
	await conn.run(`USE ${IMPORTED_DATABASE}`);
	return {
		async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
			const reader = await timedQuery(() => conn.runAndReadAll(sql, params.length ? [...params] : undefined));
			return reader.getRowObjectsJS().map((r) => plainRow(r as Row) as T);
		},
		close() {
			conn.closeSync();
			instance.closeSync();
		}
	};
}

let shared: ReturnType<typeof openNative> | null = null;

/** One native database for the whole prerender. */
export function nativeDatabase(): ReturnType<typeof openNative> {
	shared ??= openNative();
	return shared;
}
