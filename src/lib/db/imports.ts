import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { ALL_TABLES } from '../contract/index';
import { IMPORTED_DATABASE, IMPORTED_ROWS, IMPORTS_TABLE } from './imported';
import { rowsToArrow } from './parquet-to-arrow';
import type { StoredImport } from '../import/store';

/** Tables an import brings; the theme list stays the published one. */
const IMPORTED_TABLES = ALL_TABLES.filter((t) => t.name !== 'themes');

const STAGE = 'atlas_import_stage';
const STAGE_SCHEMA = IMPORTED_ROWS.split('.')[1];

/**
 * Put these imports into the imported database, replacing what was there, in one transaction on a
 * connection of its own: an import DuckDB refuses leaves the earlier state (nothing half-loaded), and
 * the pages' connection (or the user's, in the workbench) keeps its own defaults. Rows are handed
 * over as Arrow typed by the contract, staged, then inserted by name into the twins.
 */
export async function replaceImports(db: AsyncDuckDB, imports: readonly StoredImport[]): Promise<void> {
	const conn = await db.connect();
	try {
		// A transaction writes to one database only: the rows are staged in the imported database too.
		await conn.query(`USE ${IMPORTED_DATABASE}`);
		await conn.query('BEGIN TRANSACTION');
		try {
			for (const t of IMPORTED_TABLES) await conn.query(`DELETE FROM ${IMPORTED_ROWS}."${t.name}"`);
			await conn.query(`DELETE FROM ${IMPORTED_ROWS}.${IMPORTS_TABLE}`);
			for (const t of IMPORTED_TABLES) {
				const rows = imports.flatMap((i) => i.tables[t.name] ?? []);
				if (!rows.length) continue;
				await conn.insertArrowTable(rowsToArrow(t, rows), { name: STAGE, schema: STAGE_SCHEMA, create: true });
				await conn.query(`INSERT INTO ${IMPORTED_ROWS}."${t.name}" BY NAME SELECT * FROM ${IMPORTED_ROWS}.${STAGE}`);
				await conn.query(`DROP TABLE ${IMPORTED_ROWS}.${STAGE}`);
			}
			// A few rows, as parameters: Arrow's builders (tableFromArrays) compile code at run time, which the pages' CSP forbids.
			const add = await conn.prepare(`INSERT INTO ${IMPORTED_ROWS}.${IMPORTS_TABLE} (import_id, file_name, muni_code, plan_id, imported_at) VALUES (?, ?, ?, ?, ?)`);
			try {
				for (const i of imports) await add.query(i.import_id, i.file_name, i.muni_code, i.plan_id, i.imported_at);
			} finally {
				await add.close();
			}
			await conn.query('COMMIT');
		} catch (e) {
			await conn.query('ROLLBACK');
			throw e;
		}
	} finally {
		await conn.close();
	}
}
