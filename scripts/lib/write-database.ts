import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableDef } from '../../src/lib/contract/column';
import type { PageTable } from '../../src/lib/db/page-table';
import { DATABASE_FILE, PUBLISHED_DATABASE } from '../../src/lib/db/published';

/**
 * The published tables as one DuckDB database file (static/data/atlas.duckdb), which the browser
 * attaches READ_ONLY: DuckDB itself then refuses every write to them, whatever SQL a user runs.
 *
 * Written in DuckDB's default storage format, which duckdb-wasm 1.32 (DuckDB 1.4.3) reads, and
 * uncompressed: with compression (or a newer storage version, whose header holds a random
 * identifier) two runs over the same rows write different bytes, and builds must be byte-identical.
 *
 * In blocks of BLOCK_SIZE bytes instead of DuckDB's default 256 KiB: the browser reads the file over
 * HTTP range requests a block at a time, and a page reading one municipality's rows (sorted by their
 * ids, which start with the municipality code, so the column segments' min/max skip the rest) or a
 * few initiatives scattered over the country fetched a whole 256 KiB block for each few rows
 * (scripts/bench/RESULTS.md: the national municipality page read 48.8 MB, with 16 KiB blocks 1.8 MB).
 */
export const BLOCK_SIZE = 16_384;

/**
 * Rows per row group, instead of DuckDB's default 122,880. A filter on a key reads the whole key
 * column of every row group its min/max does not rule out (DuckDB skips row groups by their
 * statistics, not the blocks within one), so a page reading one theme's or one initiative's rows of
 * a national table read a whole row group's key column first: 1.5 MB for theme_initiatives'
 * theme_id alone. With 8,192 the national theme page reads 17.0 → 12.2 MB natively and an
 * initiative's 31.4 → 17.4 MB, for 0.8 % more file (2,048 cut a little more and grew the file 12 %).
 * The file's storage version is unchanged (the same header), so duckdb-wasm reads it as before.
 */
export const ROW_GROUP_SIZE = 8_192;

export async function writeDatabaseFile(conn: DuckDBConnection, dir: string, tables: readonly TableDef[]): Promise<void> {
	const path = `${dir}/${DATABASE_FILE}`.replace(/'/g, "''");
	await conn.run(`SET force_compression = 'uncompressed'`);
	await conn.run(`ATTACH '${path}' AS ${PUBLISHED_DATABASE} (BLOCK_SIZE ${BLOCK_SIZE}, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`);
	try {
		for (const table of tables) {
			// In key order (every id starts with its municipality's code), said here rather than
			// left to the order the rows were loaded in: the zone maps above depend on it.
			const order = table.orderBy.map((c) => `"${c}"`).join(', ');
			await conn.run(`CREATE TABLE ${PUBLISHED_DATABASE}.main."${table.name}" AS SELECT * FROM memory.main."${table.name}"${order ? ` ORDER BY ${order}` : ''}`);
			// A page table read by key through an index (src/lib/db/page-table.ts: `index`).
			const index = 'index' in table ? (table as PageTable).index : undefined;
			if (index?.length) await conn.run(`CREATE INDEX "${table.name}_by_${index.join('_')}" ON ${PUBLISHED_DATABASE}.main."${table.name}" (${index.map((c) => `"${c}"`).join(', ')})`);
		}
	} finally {
		await conn.run(`DETACH ${PUBLISHED_DATABASE}`);
		await conn.run(`RESET force_compression`);
	}
}
