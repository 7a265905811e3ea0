import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableDef } from '../../src/lib/contract/column';
import { DATABASE_FILE, PUBLISHED_DATABASE } from '../../src/lib/db/published';

/**
 * The published tables as one DuckDB database file (static/data/atlas.duckdb), which the browser
 * attaches READ_ONLY: DuckDB itself then refuses every write to them, whatever SQL a user runs.
 *
 * Written in DuckDB's default storage format, which duckdb-wasm 1.32 (DuckDB 1.4.3) reads, and
 * uncompressed: with compression (or a newer storage version, whose header holds a random
 * identifier) two runs over the same rows write different bytes, and builds must be byte-identical.
 */
export async function writeDatabaseFile(conn: DuckDBConnection, dir: string, tables: readonly TableDef[]): Promise<void> {
	const path = `${dir}/${DATABASE_FILE}`.replace(/'/g, "''");
	await conn.run(`SET force_compression = 'uncompressed'`);
	await conn.run(`ATTACH '${path}' AS ${PUBLISHED_DATABASE}`);
	try {
		for (const table of tables) {
			await conn.run(`CREATE TABLE ${PUBLISHED_DATABASE}.main."${table.name}" AS SELECT * FROM memory.main."${table.name}"`);
		}
	} finally {
		await conn.run(`DETACH ${PUBLISHED_DATABASE}`);
		await conn.run(`RESET force_compression`);
	}
}
