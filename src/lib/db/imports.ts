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
import { RANKING, RANKING_FROM_STORE, timed } from '../import/timing';

/** Tables an import brings; the theme list stays the published one. */
const IMPORTED_TABLES = ALL_TABLES.filter((t) => t.name !== 'themes');

const STAGE = 'atlas_import_stage';
const PUBLISHED = `${PUBLISHED_DATABASE}.main`;
const STAGE_SCHEMA = IMPORTED_ROWS.split('.')[1];

/**
 * Where the ranked comparables of a set of imports are kept between page loads (import/store.ts, in
 * IndexedDB): at national scale ranking them again costs seconds of CPU on every page load. `key`
 * names what the ranking depends on: the published data's version and the imports themselves.
 */
export interface RankingCache {
	key: string;
	read(key: string): Promise<Record<string, unknown>[] | null>;
	write(key: string, rows: Record<string, unknown>[]): Promise<void>;
}

/**
 * Put these imports into the imported database, replacing what was there, in one transaction on a
 * connection of its own: an import DuckDB refuses leaves the earlier state (nothing half-loaded), and
 * the pages' connection (or the user's, in the workbench) keeps its own defaults. Rows are handed
 * over as Arrow typed by the contract, staged, then inserted by name into the twins.
 *
 * The plan's own tables are handed to DuckDB's worker before the comparables are ranked: the worker
 * stages them while this thread ranks, instead of each waiting on the other.
 */
export async function replaceImports(db: AsyncDuckDB, imports: readonly StoredImport[], options: { cache?: RankingCache; ranked?: Promise<Record<string, unknown>[]> } = {}): Promise<void> {
	const { cache } = options;
	const conn = await db.connect();
	try {
		// Ranked already (the page ranks a plan while it is offered), or on an earlier load with the same imports.
		const cached = options.ranked ? null : timed('comparables: store read', async () => (cache && imports.some((i) => i.tables.initiatives?.length) ? await cache.read(cache.key).catch(() => null) : null));
		// Named in the page's User Timing, so a test sees that a load used the kept ranking.
		if (await cached) timed(RANKING_FROM_STORE, () => undefined);
		const ranked = options.ranked ?? cached!;
		// Read before the transaction begins; kept for the instance (the published data does not change under it).
		const published = (await ranked) ? null : publishedForRanking(db, conn, imports);
		// A transaction writes to one database only: the rows are staged in the imported database too.
		await conn.query(`USE ${IMPORTED_DATABASE}`);
		await conn.query('BEGIN TRANSACTION');
		const staged: { table: string; done: Promise<unknown> }[] = [];
		const stage = (t: (typeof IMPORTED_TABLES)[number], rows: readonly Record<string, unknown>[]) => {
			if (!rows.length) return;
			const arrow = timed(`arrow ${t.name}`, () => rowsToArrow(t, rows));
			// Not awaited here: DuckDB's worker takes these in order while this thread goes on.
			const done = timed(`stage ${t.name}`, () => conn.insertArrowTable(arrow, { name: stageOf(t.name), schema: STAGE_SCHEMA, create: true }));
			// Its failure is met below (Promise.allSettled); no unhandled rejection meanwhile.
			done.catch(() => undefined);
			staged.push({ table: t.name, done });
		};
		try {
			// One request for many statements: each request waits its turn in DuckDB's worker.
			await conn.query([...IMPORTED_TABLES.map((t) => `DELETE FROM ${IMPORTED_ROWS}."${t.name}"`), `DELETE FROM ${IMPORTED_ROWS}.${IMPORTS_TABLE}`].join(';\n'));
			const comparablesTable = IMPORTED_TABLES.find((t) => t.name === 'comparable_initiatives')!;
			for (const t of IMPORTED_TABLES) if (t !== comparablesTable) stage(t, imports.flatMap((i) => i.tables[t.name] ?? []));
			const comparables = (await ranked) ?? (published ? await timed('comparables', async () => comparableRows(conn, await published, imports)) : []);
			stage(comparablesTable, comparables);
			const settled = await Promise.allSettled(staged.map((s) => s.done));
			const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
			if (failed) throw failed.reason;
			const inserts = staged.flatMap(({ table }) => {
				// A code of the official list keeps its published row (the view marks it as having a report): no second row.
				const only = table === 'municipalities' ? ` WHERE muni_code NOT IN (SELECT muni_code FROM ${PUBLISHED}.municipalities)` : '';
				return [`INSERT INTO ${IMPORTED_ROWS}."${table}" BY NAME SELECT * FROM ${IMPORTED_ROWS}.${stageOf(table)}${only}`, `DROP TABLE ${IMPORTED_ROWS}.${stageOf(table)}`];
			});
			if (inserts.length) await timed('insert', () => conn.query(inserts.join(';\n')));
			// A few rows, as parameters: Arrow's builders (tableFromArrays) compile code at run time, which the pages' CSP forbids.
			const add = await conn.prepare(`INSERT INTO ${IMPORTED_ROWS}.${IMPORTS_TABLE} (import_id, file_name, muni_code, plan_id, imported_at) VALUES (?, ?, ?, ?, ?)`);
			try {
				for (const i of imports) await add.query(i.import_id, i.file_name, i.muni_code, i.plan_id, i.imported_at);
			} finally {
				await add.close();
			}
			await conn.query('COMMIT');
			// Kept for the next page load; a store that refuses only costs that load a new ranking.
			if (cache && !(await cached) && comparables.length) await cache.write(cache.key, comparables).catch(() => undefined);
		} catch (e) {
			// Whatever was still staging has ended (allSettled above, or nothing was pending when an earlier step failed).
			await Promise.allSettled(staged.map((s) => s.done));
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
const stageOf = (table: string) => `${STAGE}_${table}`;

type PublishedForRanking = { initiatives: Record<string, unknown>[]; initiative_themes: Record<string, unknown>[] };
const publishedRead = new WeakMap<AsyncDuckDB, Promise<PublishedForRanking>>();

/**
 * The published initiatives and themes the ranking reads, once per DuckDB instance: the /import page
 * asks for them as soon as DuckDB is up (readyForRanking), so choosing a file does not wait on them.
 */
function publishedForRanking(db: AsyncDuckDB, conn: Conn, imports: readonly Pick<StoredImport, 'tables'>[]): Promise<PublishedForRanking> | null {
	if (!imports.some((i) => i.tables.initiatives?.length)) return null;
	let read = publishedRead.get(db);
	if (!read) {
		read = (async () => ({
			initiatives: await timed('comparables: published initiatives', () => rowsOf(conn, `SELECT initiative_id, muni_code, name_ja, repost_of FROM ${PUBLISHED}.initiatives`)),
			initiative_themes: await timed('comparables: published themes', () => rowsOf(conn, `SELECT initiative_id, theme_id FROM ${PUBLISHED}.initiative_themes`))
		}))();
		publishedRead.set(db, read);
		// A failed read is not kept: the next import reads again.
		read.catch(() => publishedRead.delete(db));
	}
	return read;
}

/** Read what the ranking needs from the published data now, on a connection of its own, before any import is accepted. */
export async function readyForRanking(db: AsyncDuckDB): Promise<void> {
	if (publishedRead.has(db)) return;
	const conn = await db.connect();
	try {
		await publishedForRanking(db, conn, [{ tables: { initiatives: [{}] } }]);
	} finally {
		await conn.close();
	}
}

/**
 * The comparables with these imports, ranked now on a connection of their own, for replaceImports
 * to insert later (options.ranked): the page ranks a plan while the user looks at it before accepting.
 */
export async function rankedComparables(db: AsyncDuckDB, imports: readonly Pick<StoredImport, 'tables'>[]): Promise<Record<string, unknown>[]> {
	const conn = await db.connect();
	try {
		const published = publishedForRanking(db, conn, imports);
		return published ? await timed('comparables', async () => comparableRows(conn, await published, imports)) : [];
	} finally {
		await conn.close();
	}
}

async function comparableRows(conn: Conn, published: PublishedForRanking, imports: readonly Pick<StoredImport, 'tables'>[]): Promise<Record<string, unknown>[]> {
	const ranking = timed(RANKING, () => importedRanking(published, imports));
	// Only the published lists an imported initiative may enter are read (a few hundred, not the country's).
	const ids = [...ranking.fromImports.keys()];
	const lists = ids.length ? await rowsOf(conn, `SELECT initiative_id, rank, comparable_id, shared_themes, similarity, reason FROM ${PUBLISHED}.comparable_initiatives WHERE initiative_id IN (${ids.map(sqlText).join(', ')})`) : [];
	return timed('comparables: re-cut', () => recutComparables(ranking, lists));
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
