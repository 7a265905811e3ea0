import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm';
import type { WasmDatabase } from '../db/wasm';
import { databaseUrl } from '../db/published';
import { DataLoadError, fetchDataBlob } from '../db/fetch-data';
import type { Workbench } from './session';

/**
 * "Load everything" in the workbench: its DuckDB (never the pages' one) gets a whole copy of the
 * published database, fetched once and kept by the browser as a Blob, still READ_ONLY, instead of
 * reading it block by block over HTTP. Then every query runs without the network.
 */

/**
 * Memory the browser takes for the loaded database, per byte of the file, at most: while it is
 * fetched the page holds the parts and the browser their Blob; then the Blob (kept by the browser,
 * on disk when large) and the blocks DuckDB reads from it into its buffer pool (about the file when
 * a query reads every table). Checked against the browser's own figures by scripts/bench/pages.bench.ts.
 */
export const MEMORY_PER_FILE_BYTE = 2;

export interface LoadPlan {
	/** Bytes to fetch: the file's size, as the server says. */
	bytes: number;
	/** About how much memory the tab will hold for it once loaded. */
	memory: number;
}

/** What loading everything will fetch, from the file's size (a HEAD request: nothing is downloaded). */
export async function planLoad(base = ''): Promise<LoadPlan> {
	const file = databaseUrl(base);
	let res: Response;
	try {
		res = await fetch(file, { method: 'HEAD' });
	} catch (e) {
		throw new DataLoadError(file, `could not be fetched (${(e as Error).message})`);
	}
	if (!res.ok) throw new DataLoadError(file, `the server answered ${res.status} ${res.statusText}`, 'status');
	const length = Number(res.headers.get('Content-Length'));
	if (!Number.isFinite(length) || length <= 0) throw new DataLoadError(file, 'the server did not say the size of the file');
	return { bytes: length, memory: length * MEMORY_PER_FILE_BYTE };
}

/**
 * Fetch the whole file (progress after each part, cancel through `signal`), hand it to the
 * workbench's DuckDB and attach it READ_ONLY in place of the HTTP one. A cancel or a failure leaves
 * the workbench as it was, still reading over HTTP.
 */
export async function loadEverything(
	db: WasmDatabase,
	bench: Workbench,
	{ base = '', onProgress, signal }: { base?: string; onProgress?: (loaded: number, total: number | null) => void; signal?: AbortSignal } = {}
): Promise<void> {
	const file = db.wholeCopyFile;
	if (!file) throw new Error('only the workbench’s DuckDB loads the whole database');
	const blob = await fetchDataBlob(databaseUrl(base), { onProgress, signal });
	signal?.throwIfAborted();
	// Registered under the one name this DuckDB may still open (wasm.ts: workbenchDatabase). As a
	// Blob DuckDB reads through FileReaderSync in its worker, not a buffer copied into its memory:
	// the national file in wasm memory put the tab over 1 GB (scripts/bench/RESULTS.md).
	await db.db.registerFileHandle(file, blob, DuckDBDataProtocol.BROWSER_FILEREADER, true);
	await bench.usePublishedFile(file);
}

/** Bytes as people read them: 3.9 MB, 242 MB, 1.2 GB (decimal units, like file managers and servers). */
export function formatBytes(n: number, lang: 'ja' | 'en'): string {
	const units = ['B', 'kB', 'MB', 'GB'];
	let i = 0;
	let v = n;
	while (v >= 1000 && i < units.length - 1) {
		v /= 1000;
		i++;
	}
	const digits = i === 0 || v >= 100 ? 0 : 1;
	return `${v.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[i]}`;
}
