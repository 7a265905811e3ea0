import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { ALL_TABLES } from '../contract/index';
import { IMPORTED_DATABASE, IMPORTED_ROWS, IMPORTS_TABLE } from './imported';
import { PUBLISHED_DATABASE } from './published';
import { rowsToArrow } from './parquet-to-arrow';
import type { StoredImport } from '../import/store';
import { addComparables } from '../pipeline/comparable';
import type { Dataset } from '../pipeline/ingest';

/** Tables an import brings; the theme list stays the published one. */
const IMPORTED_TABLES = ALL_TABLES.filter((t) => t.name !== 'themes');

const STAGE = 'atlas_import_stage';
const PUBLISHED = `${PUBLISHED_DATABASE}.main`;
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
		const comparables = await comparableRows(conn, imports);
		// A transaction writes to one database only: the rows are staged in the imported database too.
		await conn.query(`USE ${IMPORTED_DATABASE}`);
		await conn.query('BEGIN TRANSACTION');
		try {
			for (const t of IMPORTED_TABLES) await conn.query(`DELETE FROM ${IMPORTED_ROWS}."${t.name}"`);
			await conn.query(`DELETE FROM ${IMPORTED_ROWS}.${IMPORTS_TABLE}`);
			for (const t of IMPORTED_TABLES) {
				const rows = t.name === 'comparable_initiatives' ? comparables : imports.flatMap((i) => i.tables[t.name] ?? []);
				if (!rows.length) continue;
				await conn.insertArrowTable(rowsToArrow(t, rows), { name: STAGE, schema: STAGE_SCHEMA, create: true });
				// A code of the official list keeps its published row (the view marks it as having a report): no second row.
				const only = t.name === 'municipalities' ? ` WHERE muni_code NOT IN (SELECT muni_code FROM ${PUBLISHED}.municipalities)` : '';
				await conn.query(`INSERT INTO ${IMPORTED_ROWS}."${t.name}" BY NAME SELECT * FROM ${IMPORTED_ROWS}.${STAGE}${only}`);
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

type Conn = Awaited<ReturnType<AsyncDuckDB['connect']>>;
const rowsOf = async (conn: Conn, sql: string) => (await conn.query(sql)).toArray().map((r: { toJSON(): Record<string, unknown> }) => ({ ...r.toJSON() }));

async function comparableRows(conn: Conn, imports: readonly StoredImport[]): Promise<Record<string, unknown>[]> {
	if (!imports.some((i) => i.tables.initiatives?.length)) return [];
	return importedComparables(
		{
			initiatives: await rowsOf(conn, `SELECT initiative_id, muni_code, name_ja, repost_of FROM ${PUBLISHED}.initiatives`),
			initiative_themes: await rowsOf(conn, `SELECT initiative_id, theme_id FROM ${PUBLISHED}.initiative_themes`)
		},
		imports
	);
}

/**
 * Comparable initiatives with the imports, ranked by the pipeline's own step (addComparables) over
 * the published initiatives and every imported one, as if the imports were published: each imported
 * initiative's own list, and the list of each published initiative that an imported one enters (the
 * whole list, re-cut; the imported database's view shows it instead of the published one).
 */
export function importedComparables(published: Dataset, imports: readonly Pick<StoredImport, 'tables'>[]): Record<string, unknown>[] {
	const initiatives = imports.flatMap((i) => i.tables.initiatives ?? []);
	const ranked = addComparables({
		initiatives: [...published.initiatives, ...initiatives],
		initiative_themes: [...published.initiative_themes, ...imports.flatMap((i) => i.tables.initiative_themes ?? [])]
	}).comparable_initiatives;
	const mine = new Set(initiatives.map((i) => i.initiative_id));
	const entered = new Set(ranked.filter((r) => mine.has(r.comparable_id)).map((r) => r.initiative_id));
	return ranked.filter((r) => mine.has(r.initiative_id) || entered.has(r.initiative_id));
}
