import { PUBLISHED_DATABASE } from './published';
import { PAGE_TABLES } from '../contract/page-tables';
import { pageTableSelect, type PageTableSources } from './page-table';

/**
 * Plans a user imported in this browser, never published, live in a writable in-memory database of
 * their own, beside the published one (which stays attached READ_ONLY):
 *
 *   imported.rows.<table>   the imported rows, an empty twin of every published table
 *   imported.rows.imports   one row per imported file (what pages mark "your file, not published")
 *   imported.main.<table>   a view: published UNION ALL imported, except
 *     municipalities: every code is listed once (the official list); a listed code with an import has a report
 *     comparable_initiatives: a published initiative's list, re-cut where an imported one enters it, replaces its own
 *     a page table (src/lib/db/page-table.ts): its published rows UNION ALL its builder's rows over the
 *       imported plans (imported.rows, looking up the other views); it has no rows of its own to write
 *
 * The pages' connection uses `imported`, so every page's SQL, with its plain table names, reads the
 * published rows and the user's own through the same query, on both engines (native DuckDB creates
 * the same empty database at build time). Only the import code writes to `imported.rows`.
 */
export const IMPORTED_DATABASE = 'imported';
export const IMPORTED_ROWS = `${IMPORTED_DATABASE}.rows`;
export const IMPORTS_TABLE = 'imports';

/** The published tables, by name, to twin: a table the pipeline adds later is twinned without a change here. */
export const PUBLISHED_TABLES_SQL = `SELECT table_name FROM duckdb_tables() WHERE database_name = '${PUBLISHED_DATABASE}' AND schema_name = 'main' ORDER BY table_name`;

const q = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** A page table's builder over the imported plans: their own rows, and every row (the views) to look up. */
const IMPORTED_SOURCES: PageTableSources = { rows: (t) => `${IMPORTED_ROWS}.${q(t)}`, lookup: (t) => `${IMPORTED_DATABASE}.main.${q(t)}` };

export function importedDatabaseStatements(tables: readonly string[]): string[] {
	const pages = PAGE_TABLES.filter((p) => tables.includes(p.name));
	const own = tables.filter((t) => !pages.some((p) => p.name === t));
	return [
		`ATTACH ':memory:' AS ${IMPORTED_DATABASE}`,
		`CREATE SCHEMA ${IMPORTED_ROWS}`,
		...own.map((t) => `CREATE TABLE ${IMPORTED_ROWS}.${q(t)} AS SELECT * FROM ${PUBLISHED_DATABASE}.main.${q(t)} LIMIT 0`),
		`CREATE TABLE ${IMPORTED_ROWS}.${IMPORTS_TABLE} (import_id VARCHAR NOT NULL, file_name VARCHAR NOT NULL, muni_code VARCHAR NOT NULL, plan_id VARCHAR NOT NULL, imported_at VARCHAR NOT NULL)`,
		...own.map((t) => `CREATE VIEW ${IMPORTED_DATABASE}.main.${q(t)} AS ${unionOf(t)}`),
		`CREATE VIEW ${IMPORTED_DATABASE}.main.${IMPORTS_TABLE} AS SELECT * FROM ${IMPORTED_ROWS}.${IMPORTS_TABLE}`,
		// After the views they look up.
		...pages.map((p) => `CREATE VIEW ${IMPORTED_DATABASE}.main.${q(p.name)} AS SELECT * FROM ${PUBLISHED_DATABASE}.main.${q(p.name)} UNION ALL ${pageTableSelect(p, IMPORTED_SOURCES)}`)
	];
}

function unionOf(t: string): string {
	const published = `${PUBLISHED_DATABASE}.main.${q(t)}`;
	const own = `${IMPORTED_ROWS}.${q(t)}`;
	if (t === 'municipalities') return `SELECT * REPLACE (has_report OR muni_code IN (SELECT muni_code FROM ${IMPORTED_ROWS}.${IMPORTS_TABLE}) AS has_report) FROM ${published} UNION ALL SELECT * FROM ${own}`;
	if (t === 'comparable_initiatives') return `SELECT * FROM ${published} WHERE initiative_id NOT IN (SELECT initiative_id FROM ${own}) UNION ALL SELECT * FROM ${own}`;
	return `SELECT * FROM ${published} UNION ALL SELECT * FROM ${own}`;
}

/** The IndexedDB database the accepted imports are kept in (read by import/store.ts). */
export const IMPORT_STORE_NAME = 'atlas-imports';
