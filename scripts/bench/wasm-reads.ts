/**
 * What each page's queries read of the database file in DuckDB-wasm's own engine, without a browser:
 * the wasm build (its Node target, the same C++ file system and storage as in the tab) reads
 * atlas.duckdb through its JavaScript runtime, whose every read (offset, length) is recorded here.
 * A local file is read without DuckDB-wasm's HTTP read-ahead, so these are the reads the queries
 * themselves make; in the tab each goes through src/lib/db/range-file.ts (RESULTS.md, "The published
 * database read through a RangeFile").
 *
 *   npx tsx scripts/bench/wasm-reads.ts <data folder> <page> [<page> ...]
 *   npx tsx scripts/bench/wasm-reads.ts <data folder> --sql '<statement>' [--sql …]   (each alone, in a fresh DuckDB)
 *
 * Pages as in page-reads.ts (theme, initiative, grading, grading:<code>) and overview, search.
 * Each page runs in a fresh DuckDB (empty buffers, as a first visit). Per statement: requests,
 * bytes requested, distinct 16 KiB blocks, and the sizes of the requests.
 */
import { openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { plainRow, type Connector, type Param, type Row } from '../../src/lib/db/connector';
import { DATABASE_FILE, PUBLISHED_DATABASE } from '../../src/lib/db/published';
import { IMPORTED_DATABASE, PUBLISHED_TABLES_SQL, importedDatabaseStatements } from '../../src/lib/db/imported';
import { runPage } from './page-reads';

const require = createRequire(import.meta.url);
type Duck = typeof import('@duckdb/duckdb-wasm/blocking');
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as Duck;

interface Read {
	at: number;
	bytes: number;
}

const BLOCK = 16 * 1024;

export async function openWasm(dataDir: string, reads: Read[]): Promise<Connector> {
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	// DuckDB copies the runtime's functions when it starts: the recording read goes in first.
	const runtime = duckdb.NODE_RUNTIME as unknown as {
		_files: Map<string, number>;
		readFile(mod: unknown, file: number, buf: number, bytes: number, at: number): number;
	};
	const path = resolve(dataDir, DATABASE_FILE);
	const fd = openSync(path, 'r');
	// The one file this DuckDB reads: each read recorded, then served from it (as one range request would be).
	runtime.readFile = (mod, _file, buf, bytes, at) => {
		reads.push({ at, bytes });
		return readSync(fd, (mod as { HEAPU8: Uint8Array }).HEAPU8.subarray(buf, buf + bytes), 0, bytes, at);
	};
	const db = await duckdb.createDuckDB(
		{ mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' } },
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	// The Node runtime reads only files it holds open, by path: the file DuckDB reads over HTTP in the tab.
	runtime._files.set(path, fd);
	const conn = db.connect();
	conn.query(`ATTACH '${path.replace(/'/g, "''")}' AS ${PUBLISHED_DATABASE} (READ_ONLY)`);
	const tables = conn.query(PUBLISHED_TABLES_SQL).toArray().map((r: { table_name: string }) => String(r.table_name));
	for (const sql of importedDatabaseStatements(tables)) conn.query(sql);
	conn.query(`USE ${IMPORTED_DATABASE}`);
	return {
		async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
			let table;
			if (params.length) {
				const stmt = conn.prepare(sql);
				table = stmt.query(...params);
				stmt.close();
			} else table = conn.query(sql);
			return table.toArray().map((r: { toJSON(): Row }) => plainRow(r.toJSON()) as T);
		}
	};
}

const mb = (b: number) => (b / 1e6).toFixed(2);
const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 100);

function summary(reads: readonly Read[]): { requests: number; bytes: number; blocks: number; sizes: string } {
	const blocks = new Set<number>();
	const sizes = new Map<number, number>();
	for (const r of reads) {
		for (let b = Math.floor(r.at / BLOCK); b * BLOCK < r.at + r.bytes; b++) blocks.add(b);
		sizes.set(r.bytes, (sizes.get(r.bytes) ?? 0) + 1);
	}
	const kib = (n: number) => (n % 1024 === 0 ? `${n / 1024} KiB` : `${n} B`);
	return {
		requests: reads.length,
		bytes: reads.reduce((n, r) => n + r.bytes, 0),
		blocks: blocks.size,
		sizes: [...sizes].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${kib(s)}×${n}`).join(' ')
	};
}

async function main() {
	const [dataDir, ...pages] = process.argv.slice(2);
	if (!dataDir || !pages.length) throw new Error('usage: wasm-reads.ts <data folder> <page> [<page> ...] | --sql <statement> ...');
	if (pages[0] === '--sql') {
		console.log('| requests | MB | ms | rows | statement |\n|---:|---:|---:|---:|---|');
		for (let k = 1; k < pages.length; k += 2) {
			const reads: Read[] = [];
			const db = await openWasm(dataDir, reads);
			const from = reads.length;
			const t = performance.now();
			const rows = await db.query(pages[k]);
			const s = summary(reads.slice(from));
			console.log(`| ${s.requests} | ${mb(s.bytes)} | ${(performance.now() - t).toFixed(0)} | ${rows.length} | ${oneLine(pages[k])} |`);
		}
		return;
	}
	for (const page of pages) {
		const reads: Read[] = [];
		const db = await openWasm(dataDir, reads);
		const opened = summary(reads);
		console.log(`\n${page}: attach read ${opened.requests} requests, ${mb(opened.bytes)} MB (${opened.sizes})`);
		console.log('| requests | MB | distinct MB | ms | sizes | statement |\n|---:|---:|---:|---:|---|---|');
		const from = reads.length;
		const t0 = performance.now();
		await runPage(
			{
				async query<T extends Row = Row>(sql: string, params: readonly Param[] = []) {
					const start = reads.length;
					const t = performance.now();
					const rows = await db.query<T>(sql, params);
					const s = summary(reads.slice(start));
					console.log(`| ${s.requests} | ${mb(s.bytes)} | ${mb(s.blocks * BLOCK)} | ${(performance.now() - t).toFixed(0)} | ${s.sizes} | ${oneLine(sql)} |`);
					return rows;
				}
			},
			page
		);
		const all = summary(reads.slice(from));
		console.log(`| ${all.requests} | ${mb(all.bytes)} | ${mb(all.blocks * BLOCK)} | ${(performance.now() - t0).toFixed(0)} | | the page's statements |`);
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
