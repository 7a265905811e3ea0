/**
 * What went wrong with a request for the published database, as DuckDB's worker reads it by HTTP
 * range requests. The worker (duckdb-worker.ts) throws these from its requests; DuckDB passes the
 * message on inside its own error text, and the page (wasm.ts) reads it back here. A marker in the
 * message is the only path: DuckDB's worker owns the worker's messages.
 *
 * - status: the server answered an error (404, 503 …);
 * - silent: the server sent nothing for DATA_IDLE_TIMEOUT_MS;
 * - network: the request failed before any answer;
 * - changed: the file is not the one the page started reading (a new version was published while
 *   the tab was open). Reading on would mix two versions of the data, so every later read fails too.
 */
export type DataFailureKind = 'status' | 'silent' | 'network' | 'changed';

export interface DataFailure {
	kind: DataFailureKind;
	/** The request's path, as the page asked for it. */
	file: string;
	/** What happened, in English, for the error line. */
	reason: string;
}

const OPEN = '⟦atlas-data ';
const CLOSE = ' atlas-data⟧';

export function encodeFailure(failure: DataFailure): string {
	return `${OPEN}${JSON.stringify(failure)}${CLOSE}`;
}

/** The failure a DuckDB error message carries, or null when the error is not about the data's requests. */
export function decodeFailure(message: string): DataFailure | null {
	const from = message.indexOf(OPEN);
	if (from < 0) return null;
	const to = message.indexOf(CLOSE, from);
	if (to < 0) return null;
	try {
		const f = JSON.parse(message.slice(from + OPEN.length, to)) as DataFailure;
		return typeof f.kind === 'string' && typeof f.file === 'string' && typeof f.reason === 'string' ? f : null;
	} catch {
		return null;
	}
}

/**
 * One version of a served file, from a response's headers: a new deploy changes its size, its date
 * or its entity tag. A validator the server does not send is not compared.
 */
export interface FileVersion {
	size: number | null;
	lastModified: string | null;
	etag: string | null;
}

/** The whole file's size, from `Content-Range: bytes a-b/size` or, for a whole answer, Content-Length. */
export function versionOf(status: number, header: (name: string) => string | null): FileVersion {
	const range = header('Content-Range');
	const total = range?.match(/\/(\d+)\s*$/)?.[1];
	const length = header('Content-Length');
	const size = total !== undefined ? Number(total) : status === 200 && length !== null ? Number(length) : null;
	// A weak tag (W/…) from one server and a strong one from another name the same version.
	const etag = header('ETag')?.replace(/^W\//, '') ?? null;
	return { size, lastModified: header('Last-Modified'), etag };
}

/** Whether two answers can be of one file: every validator both carry agrees. */
export function sameVersion(a: FileVersion, b: FileVersion): boolean {
	const agree = <T>(x: T | null, y: T | null) => x === null || y === null || x === y;
	return agree(a.size, b.size) && agree(a.lastModified, b.lastModified) && agree(a.etag, b.etag);
}
