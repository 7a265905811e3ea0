import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { ALL_TABLES } from '../contract/index';
import { IMPORTED_DATABASE, IMPORTED_ROWS, IMPORTS_TABLE } from './imported';
import { PUBLISHED_DATABASE } from './published';
import { rowsToArrow } from './parquet-to-arrow';
import type { StoredImport } from '../import/store';
import { comparableCandidates } from '../pipeline/comparable';
import { sortRows, type Dataset } from '../pipeline/ingest';
import { validateRows } from '../pipeline/validate';
import { comparableTable, TOP_K, type ComparableCandidate, type ComparableMatch } from '../comparable/rank';
import { comparableInitiatives } from '../contract/comparable';
import type { Initiative } from '../contract/tables';
import type { InitiativeThemeRow } from '../contract/common-ground';
import { plainRow } from './connector';

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
const rowsOf = async (conn: Conn, sql: string) => (await conn.query(sql)).toArray().map((r: { toJSON(): Record<string, unknown> }) => plainRow({ ...r.toJSON() }));
const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function comparableRows(conn: Conn, imports: readonly StoredImport[]): Promise<Record<string, unknown>[]> {
	if (!imports.some((i) => i.tables.initiatives?.length)) return [];
	const ranking = importedRanking(
		{
			initiatives: await rowsOf(conn, `SELECT initiative_id, muni_code, name_ja, repost_of FROM ${PUBLISHED}.initiatives`),
			initiative_themes: await rowsOf(conn, `SELECT initiative_id, theme_id FROM ${PUBLISHED}.initiative_themes`)
		},
		imports
	);
	// Only the published lists an imported initiative may enter are read (a few hundred, not the country's).
	const ids = [...ranking.fromImports.keys()];
	const lists = ids.length ? await rowsOf(conn, `SELECT initiative_id, rank, comparable_id, shared_themes, similarity, reason FROM ${PUBLISHED}.comparable_initiatives WHERE initiative_id IN (${ids.map(sqlText).join(', ')})`) : [];
	return recutComparables(ranking, lists);
}

type ComparableRow = ComparableMatch & Record<string, unknown>;

/**
 * The ranking with the imports, by the pipeline's own step (comparableTable), as if the imports were
 * published, without ranking the whole country again: each imported initiative's list among every
 * initiative, and each published initiative's best among the imported ones only. Its list over
 * published and imported together is then the best of its published list and that (recutComparables).
 */
export function importedRanking(published: { initiatives: readonly Record<string, unknown>[]; initiative_themes: readonly Record<string, unknown>[] }, imports: readonly Pick<StoredImport, 'tables'>[]): { own: ComparableRow[]; fromImports: Map<string, ComparableRow[]> } {
	const initiatives = imports.flatMap((i) => i.tables.initiatives ?? []);
	const mine = new Set(initiatives.map((i) => i.initiative_id as string));
	const candidates = comparableCandidates([...published.initiatives, ...initiatives] as Initiative[], [...published.initiative_themes, ...imports.flatMap((i) => i.tables.initiative_themes ?? [])] as InitiativeThemeRow[]);
	const isMine = (c: ComparableCandidate) => mine.has(c.initiative_id);
	// Each imported plan's lists among everyone but its own municipality (never comparable with itself):
	// the same lists, without reading a plan's thousands of names that share its words only to pass them over.
	const own: ComparableRow[] = [];
	for (const muni of new Set(initiatives.map((i) => i.muni_code as string))) {
		own.push(...(comparableTable(candidates, TOP_K, { target: (c) => isMine(c) && c.muni_code === muni, candidate: (c) => c.muni_code !== muni }) as ComparableRow[]));
	}
	const fromImports = new Map<string, ComparableRow[]>();
	for (const r of comparableTable(candidates, TOP_K, { target: (c) => !isMine(c), candidate: isMine }) as ComparableRow[]) {
		const list = fromImports.get(r.initiative_id);
		if (list) list.push(r);
		else fromImports.set(r.initiative_id, [r]);
	}
	return { own, fromImports };
}

/** Ranking order, as comparableTable's: more shared themes, then more similar names, then id. */
const before = (x: ComparableMatch, y: ComparableMatch) => y.shared_themes.length - x.shared_themes.length || y.similarity - x.similarity || (x.comparable_id < y.comparable_id ? -1 : x.comparable_id > y.comparable_id ? 1 : 0);

/**
 * Comparable initiatives with the imports: each imported initiative's own list, and the list of each
 * published initiative that an imported one enters (the whole list, re-cut to the top TOP_K of its
 * published list and its best imported ones; the imported database's view shows it instead of the
 * published one). A list the imports do not enter is left to the published table.
 */
export function recutComparables(ranking: ReturnType<typeof importedRanking>, publishedLists: readonly Record<string, unknown>[]): Record<string, unknown>[] {
	const out: Record<string, unknown>[] = [...ranking.own];
	const listOf = new Map<string, ComparableMatch[]>();
	for (const r of publishedLists as unknown as ComparableMatch[]) {
		const list = listOf.get(r.initiative_id);
		if (list) list.push(r);
		else listOf.set(r.initiative_id, [r]);
	}
	for (const [id, imported] of ranking.fromImports) {
		const merged = [...(listOf.get(id) ?? []), ...imported].sort(before).slice(0, TOP_K);
		if (!merged.some((m) => imported.includes(m as ComparableRow))) continue;
		merged.forEach((m, i) => out.push({ initiative_id: id, rank: i + 1, comparable_id: m.comparable_id, shared_themes: [...m.shared_themes], similarity: m.similarity, reason: m.reason }));
	}
	const place = () => ({ file: '(comparable initiatives)', line: null });
	return sortRows(comparableInitiatives, validateRows(comparableInitiatives, out.map(({ initiative_id, rank, comparable_id, shared_themes, similarity, reason }) => ({ initiative_id, rank, comparable_id, shared_themes, similarity, reason })), place));
}

/** Both steps over a published dataset that carries its comparable_initiatives (the unit tests, scripts). */
export function importedComparables(published: Dataset, imports: readonly Pick<StoredImport, 'tables'>[]): Record<string, unknown>[] {
	const ranking = importedRanking({ initiatives: published.initiatives ?? [], initiative_themes: published.initiative_themes ?? [] }, imports);
	return recutComparables(ranking, (published.comparable_initiatives ?? []).filter((r) => ranking.fromImports.has(r.initiative_id as string)));
}
