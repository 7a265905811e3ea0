import * as duckdb from '@duckdb/duckdb-wasm';
import { version } from '$app/environment';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import cachingWorker from './duckdb-worker.ts?worker&url';
import { QUERY_MEASURE, plainRow, type Connector, type Param, type Row } from './connector';
import { DATABASE_FILE, PUBLISHED_DATABASE, databaseUrl } from './published';
import { DataLoadError } from './fetch-data';
import type { RangeFileMarker } from './range-file';
import { decodeFailure } from './data-requests';
import { IMPORTED_DATABASE, IMPORT_STORE_NAME, PUBLISHED_TABLES_SQL, importedDatabaseStatements } from './imported';
import type { StoredImport } from '../import/store';

export { DataLoadError } from './fetch-data';

/**
 * DuckDB-wasm over the published database file (written by npm run data), attached READ_ONLY: DuckDB
 * itself refuses every write to the published tables.
 *
 * The file is not downloaded: DuckDB reads it over HTTP range requests, the blocks a query needs and
 * no more, so what a page loads does not grow with the country. DuckDB's worker checks each request
 * (duckdb-worker.ts); a new version published while a tab is open stops the reads and the page asks
 * for a reload (onDataChanged) instead of mixing two versions.
 *
 * The pages and the SQL workbench each get a DuckDB of their own (a worker each). DuckDB can refuse
 * writes to a database but not DETACH: a user statement could detach the published database and
 * attach another one under its name. So no statement a user types ever reaches the instance the
 * pages read; whatever happens in the workbench stays there.
 */
export interface WasmDatabase extends Connector {
	db: duckdb.AsyncDuckDB;
	conn: duckdb.AsyncDuckDBConnection;
	/** Milliseconds spent starting DuckDB and loading the data, for the benchmark and the status line. */
	timings: { start: number; load: number };
	/** Calls `listener` once the published file is found changed on the server (see duckdb-worker.ts). */
	onDataChanged(listener: () => void): void;
	/** A DuckDB error as the page should show it: a failed data request becomes a DataLoadError. */
	readError(e: unknown): Error;
	/**
	 * The workbench only: the one file name this DuckDB may still attach after the lockdown, for the
	 * whole copy "load everything" fetches (random, so no shared link can prepare a file under it).
	 */
	wholeCopyFile?: string;
}

/** A data request's failure (named file, reason) out of DuckDB's error text; other errors pass unchanged. */
function loadError(e: unknown): Error {
	const failure = decodeFailure((e as Error)?.message ?? String(e));
	if (!failure) return e instanceof Error ? e : new Error(String(e));
	return new DataLoadError(failure.file, failure.reason, failure.kind);
}

async function startDuckDB(): Promise<duckdb.AsyncDuckDB> {
	// Files the site serves itself: never a CDN (closed government networks).
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker }
	});
	// DuckDB's worker, started through ours so that the compiled module is kept for the next visit
	// (see duckdb-worker.ts); its script's address travels after '#', which no server sees.
	const worker = new Worker(`${cachingWorker}#${encodeURIComponent(bundle.mainWorker!)}`);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({});
	return db;
}

/**
 * Settings that keep every request on this machine, then frozen: with lock_configuration no later
 * SET or PRAGMA, from any connection, can turn extension loading or external access back on.
 */
const LOCKDOWN = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	'SET enable_external_access = false',
	'SET lock_configuration = true'
];

function connector(conn: duckdb.AsyncDuckDBConnection, readError: (e: unknown) => Error): Connector['query'] {
	return async <T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> => {
		let table;
		const t0 = performance.now();
		try {
			if (params.length) {
				const stmt = await conn.prepare(sql);
				try {
					table = await stmt.query(...params);
				} finally {
					await stmt.close();
				}
			} else {
				table = await conn.query(sql);
			}
		} catch (e) {
			throw readError(e);
		} finally {
			// A User Timing entry per page query: scripts/bench/pages.bench.ts reads their durations (p50, p95).
			performance.measure(QUERY_MEASURE, { start: t0, detail: sql.slice(0, 120) });
		}
		return table.toArray().map((r: { toJSON(): Row }) => plainRow(r.toJSON()) as T);
	};
}


/** The imported database (empty twins and the union views), on every instance, so page SQL runs unchanged. */
export async function createImportedDatabase(conn: duckdb.AsyncDuckDBConnection): Promise<void> {
	const tables = (await conn.query(PUBLISHED_TABLES_SQL)).toArray().map((r: { table_name: string }) => String(r.table_name));
	for (const sql of importedDatabaseStatements(tables)) await conn.query(sql);
}

/**
 * The imports kept in this browser. The code that reads them is fetched only when the browser holds
 * the store at all, so pages of a visitor who never imported load no import code.
 */
async function keptImports(): Promise<StoredImport[]> {
	if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return [];
	try {
		if (!(await indexedDB.databases()).some((d) => d.name === IMPORT_STORE_NAME)) return [];
		return await (await import('../import/store')).storedImports();
	} catch {
		return [];
	}
}

async function loadImports(db: duckdb.AsyncDuckDB, kept: readonly StoredImport[]): Promise<void> {
	const [{ replaceImports }, { rankingCache }] = await Promise.all([import('./imports'), import('../import/store')]);
	// The comparables ranked with these imports on an earlier load, while the site's version (its data and code) is the same.
	await replaceImports(db, kept, { cache: rankingCache(version, kept) });
}

/**
 * Start DuckDB and attach the published database read-only. `prepare` runs on the new connection
 * before the settings are locked (a connection's own search path stays its own to change).
 */
async function open(base: string, prepare: (conn: duckdb.AsyncDuckDBConnection, kept: readonly StoredImport[]) => Promise<void>, wholeCopyFile?: string): Promise<WasmDatabase> {
	const t0 = performance.now();
	const db = await startDuckDB();
	const t1 = performance.now();
	const listeners: (() => void)[] = [];
	let changed = false;
	const readError = (e: unknown) => {
		const err = loadError(e);
		if (err instanceof DataLoadError && err.kind === 'changed' && !changed) {
			changed = true;
			for (const l of listeners) l();
		}
		return err;
	};
	try {
		// Read by ranges through a RangeFile in DuckDB's worker (range-file.ts says why not DuckDB's HTTP
		// protocol). An absolute address: the worker resolves it against its own script's, not the page's.
		const published: RangeFileMarker = { atlasRangeFile: new URL(databaseUrl(base), location.href).href };
		await db.registerFileHandle(DATABASE_FILE, published, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, false);
		const conn = await db.connect();
		try {
			await conn.query(`ATTACH '${DATABASE_FILE}' AS ${PUBLISHED_DATABASE} (READ_ONLY)`);
			await createImportedDatabase(conn);
		} catch (e) {
			throw readError(e);
		}
		const kept = await keptImports();
		await prepare(conn, kept);
		for (const sql of LOCKDOWN) await conn.query(sql);
		// The user's own plans, kept in this browser: a store or a plan that cannot be read must not stop the published data.
		if (kept.length) await loadImports(db, kept).catch(() => undefined);
		const t2 = performance.now();
		return {
			db,
			conn,
			timings: { start: t1 - t0, load: t2 - t1 },
			query: connector(conn, readError),
			readError,
			wholeCopyFile,
			onDataChanged(listener) {
				if (changed) listener();
				else listeners.push(listener);
			}
		};
	} catch (e) {
		// A worker left behind would keep its requests (and its memory) alive.
		await db.terminate().catch(() => undefined);
		throw e;
	}
}

let opening: Promise<WasmDatabase> | null = null;

/**
 * The pages' DuckDB: it starts once, lazily, on the first call; calls made while it starts wait for
 * it; a failed start is forgotten so that a retry starts again. Its connection's default database is
 * the imported one, whose views read the read-only published tables UNION ALL the user's imports, so
 * the pages' SQL names resolve there and only there (its temp schema is its own).
 */
export function database(base = ''): Promise<WasmDatabase> {
	if (!opening) {
		opening = open(base, async (conn) => {
			await conn.query(`USE ${IMPORTED_DATABASE}`);
		}).catch((e) => {
			opening = null;
			throw e;
		});
	}
	return opening;
}

/** The database of the user's own tables and views in the workbench (DuckDB's writable in-memory one). */
export const WORKSPACE_DATABASE = 'memory';

/**
 * Where the workbench finds plain names: the user's own tables first, then (when the browser holds
 * imports) the views of published UNION ALL imported, then the published tables themselves. Without
 * imports a write to a published name reaches the read-only table, and DuckDB says it is read-only.
 */
export function workbenchSearchPath(hasImports: boolean): string {
	return [`${WORKSPACE_DATABASE}.main`, ...(hasImports ? [`${IMPORTED_DATABASE}.main`] : []), `${PUBLISHED_DATABASE}.main`].join(',');
}

/**
 * The SQL workbench's DuckDB: the same read-only published database, and the writable workspace as
 * the default, with the published tables found by their plain names after the user's own.
 */
export function workbenchDatabase(base = ''): Promise<WasmDatabase> {
	// With external access off, DuckDB opens no new file but those listed here (set before the lock).
	const whole = `atlas-whole-${crypto.randomUUID()}.duckdb`;
	return open(
		base,
		async (conn, kept) => {
			await conn.query(`SET search_path = '${workbenchSearchPath(kept.length > 0)}'`);
			// DuckDB looks for the database's write-ahead log beside it, even read-only.
			await conn.query(`SET allowed_paths = ['${whole}', '${whole}.wal']`);
		},
		whole
	);
}

/**
 * After the workbench's reset (which detaches every database but the workspace and the published
 * one): the imported database again, with the imports this browser keeps, and the search path.
 */
export async function restoreWorkbenchImports(db: WasmDatabase): Promise<void> {
	await createImportedDatabase(db.conn);
	const kept = await keptImports();
	if (kept.length) await loadImports(db.db, kept).catch(() => undefined);
	await db.conn.query(`SET search_path = '${workbenchSearchPath(kept.length > 0)}'`);
}
