import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { ALL_TABLES, type TableDef } from '../contract/index';
import { BASE_SCHEMA, plainRow, viewStatements, type Connector, type Param, type Row } from './connector';
import { parquetToArrow } from './parquet-to-arrow';

/** A failed load says which file and why, so the page can show it and offer a retry. */
export class DataLoadError extends Error {
	constructor(
		readonly file: string,
		readonly reason: string
	) {
		super(`${file}: ${reason}`);
		this.name = 'DataLoadError';
	}
}

export interface WasmDatabase extends Connector {
	db: duckdb.AsyncDuckDB;
	conn: duckdb.AsyncDuckDBConnection;
	/** Milliseconds spent starting DuckDB and loading each file, for the benchmark and the status line. */
	timings: { start: number; load: number };
	resetViews(): Promise<void>;
}

async function fetchParquet(base: string, table: TableDef): Promise<ArrayBuffer> {
	const file = `${base}/data/${table.name}.parquet`;
	let res: Response;
	try {
		res = await fetch(file);
	} catch (e) {
		throw new DataLoadError(file, `could not be fetched (${(e as Error).message})`);
	}
	if (!res.ok) throw new DataLoadError(file, `the server answered ${res.status} ${res.statusText}`);
	return res.arrayBuffer();
}

async function startDuckDB(): Promise<duckdb.AsyncDuckDB> {
	// Files the site serves itself: never a CDN (closed government networks).
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker }
	});
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	return db;
}

async function open(base: string): Promise<WasmDatabase> {
	const t0 = performance.now();
	const [db, files] = await Promise.all([startDuckDB(), Promise.all(ALL_TABLES.map((t) => fetchParquet(base, t)))]);
	const conn = await db.connect();
	const t1 = performance.now();
	await conn.query(`CREATE SCHEMA IF NOT EXISTS ${BASE_SCHEMA}`);
	for (const [i, table] of ALL_TABLES.entries()) {
		let arrow;
		try {
			arrow = await parquetToArrow(table, files[i]);
		} catch (e) {
			throw new DataLoadError(`${base}/data/${table.name}.parquet`, `is not a readable Parquet file of the expected shape (${(e as Error).message})`);
		}
		await conn.insertArrowTable(arrow, { name: table.name, schema: BASE_SCHEMA, create: true });
	}
	const names = ALL_TABLES.map((t) => t.name);
	const resetViews = async () => {
		for (const sql of viewStatements(names)) await conn.query(sql);
	};
	await resetViews();
	const t2 = performance.now();

	return {
		db,
		conn,
		timings: { start: t1 - t0, load: t2 - t1 },
		resetViews,
		async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
			let table;
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
			return table.toArray().map((r: { toJSON(): Row }) => plainRow(r.toJSON()) as T);
		}
	};
}

let opening: Promise<WasmDatabase> | null = null;

/**
 * DuckDB-wasm starts once, lazily, on the first call; calls made while it starts wait for it.
 * A failed start is forgotten so that a retry starts again.
 */
export function database(base = ''): Promise<WasmDatabase> {
	if (!opening) {
		opening = open(base).catch((e) => {
			opening = null;
			throw e;
		});
	}
	return opening;
}
