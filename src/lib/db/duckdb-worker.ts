/**
 * The worker DuckDB-wasm runs in: DuckDB's own worker script (the one `selectBundle` chose for this
 * browser, named in this worker's address after `#`), loaded here so that its WebAssembly compiles
 * from the fetch's own Response, and so that its reads of the published database are checked.
 *
 * Compiled module. Browsers keep the compiled module for the next visit only when WebAssembly is
 * compiled by streaming from the Response that fetch() returned for the .wasm URL (Chromium attaches
 * its code cache to that Response's body; a Response built with `new Response(stream)` has none).
 * DuckDB's worker, when TransformStream exists, pipes the download through one to report progress
 * and compiles from such a rebuilt Response, so nothing was ever cached. Without TransformStream it
 * compiles straight from fetch(): the pages do not show download progress of the module, so the
 * progress reports are not missed. DuckDB's worker uses TransformStream nowhere else.
 *
 * Published database. DuckDB reads it by range requests (synchronous XMLHttpRequest, in this
 * worker), through a RangeFile (range-file.ts): the page registers a marker in place of a file
 * handle, and this worker puts the RangeFile in DuckDB's table of files, so DuckDB reads the blocks
 * it needs and a little after each, not DuckDB-wasm's megabytes of read-ahead. Each request for it
 * is checked (data-requests.ts): an error answer, a server silent
 * for DATA_IDLE_TIMEOUT_MS, and an answer from another version of the file than the first one
 * (a deploy while the tab is open) end in an error DuckDB passes on, never in mixed data.
 */
import { DATABASE_FILE } from './published';
import { DATA_IDLE_TIMEOUT_MS } from './fetch-data';
import { encodeFailure, sameVersion, versionOf, type DataFailure, type FileVersion } from './data-requests';
import { RangeFile, isRangeFileMarker, type RangeRequest } from './range-file';

const scope = self as unknown as {
	TransformStream?: unknown;
	XMLHttpRequest: typeof XMLHttpRequest;
	importScripts(url: string): void;
	location: Location;
	DUCKDB_RUNTIME?: DuckDBRuntime;
	FileReaderSync: new () => SyncReader;
};

/** A worker's FileReaderSync (not in the DOM's types), as far as DuckDB's worker uses it. */
interface SyncReader {
	readAsArrayBuffer(blob: Blob): ArrayBuffer;
}

/** What this worker touches of DuckDB's JavaScript runtime: its table of registered file handles. */
interface DuckDBRuntime {
	_files?: Map<string, unknown>;
}

const script = new URL(decodeURIComponent(scope.location.hash.slice(1)), scope.location.href);
// Only a script of this site: the address is written by src/lib/db/wasm.ts, never by a user.
if (script.origin !== scope.location.origin) throw new Error(`DuckDB worker script from another origin refused: ${script.href}`);

/** The version of each published file first answered in this worker, and the files found changed since. */
const versions = new Map<string, FileVersion>();
const changed = new Set<string>();

/** The published database file of this site (whatever the base path): the requests to check. */
function publishedPath(url: string | URL): string | null {
	let u: URL;
	try {
		u = new URL(url, scope.location.href);
	} catch {
		return null;
	}
	return u.origin === scope.location.origin && u.pathname.endsWith(`/data/${DATABASE_FILE}`) ? u.pathname : null;
}

const Native = scope.XMLHttpRequest;

class CheckedRequest extends Native {
	private published: string | null = null;

	open(method: string, url: string | URL, async = true, user?: string | null, password?: string | null): void {
		this.published = publishedPath(url);
		super.open(method, url, async, user, password);
		// DuckDB's reads are synchronous: without a timeout a silent server would hold the worker for ever.
		if (this.published) this.timeout = DATA_IDLE_TIMEOUT_MS;
	}

	send(body?: Document | XMLHttpRequestBodyInit | null): void {
		const file = this.published;
		if (!file) return super.send(body);
		const fail = (kind: DataFailure['kind'], reason: string) => {
			throw new Error(encodeFailure({ kind, file, reason }));
		};
		if (changed.has(file)) fail('changed', 'a new version of the data was published while this page was open');
		try {
			super.send(body);
		} catch (e) {
			if ((e as DOMException).name === 'TimeoutError') fail('silent', `did not arrive: the server sent nothing for ${Math.round(DATA_IDLE_TIMEOUT_MS / 1000)} s`);
			fail('network', `could not be fetched (${(e as Error).message})`);
		}
		if (this.status === 0 || this.status >= 400) fail('status', `the server answered ${this.status} ${this.statusText}`.trimEnd());
		const version = versionOf(this.status, (name) => this.getResponseHeader(name));
		const first = versions.get(file);
		if (!first) versions.set(file, version);
		else if (!sameVersion(first, version)) {
			changed.add(file);
			fail('changed', 'a new version of the data was published while this page was open');
		}
	}
}

scope.XMLHttpRequest = CheckedRequest;

/** Synchronous range requests for one published file, each checked as above. */
function rangeRequests(url: string): RangeRequest {
	return (range) => {
		const xhr = new scope.XMLHttpRequest();
		xhr.open('GET', url, false);
		xhr.responseType = 'arraybuffer';
		xhr.setRequestHeader('Range', `bytes=${range.start}-${range.end}`);
		xhr.send(null);
		return { status: xhr.status, body: xhr.response as ArrayBuffer, header: (name) => xhr.getResponseHeader(name) };
	};
}

/**
 * DuckDB's worker keeps registered file handles in its runtime's `_files` map, and reads a
 * BROWSER_FILEREADER file by `slice` of what it finds there. The runtime becomes global when DuckDB
 * starts (globalThis.DUCKDB_RUNTIME): from then on, a RangeFile marker put in that map becomes a
 * RangeFile of the published file; anything else is kept as given.
 */
const patched = new WeakSet<object>();
function readPublishedByRanges(runtime: DuckDBRuntime | undefined): void {
	const files = runtime?._files;
	if (!(files instanceof Map) || patched.has(files)) return;
	patched.add(files);
	const set = files.set;
	files.set = function (name: string, handle: unknown) {
		if (isRangeFileMarker(handle)) {
			// Only the published file of this site, whatever the page sent.
			if (!publishedPath(handle.atlasRangeFile)) throw new Error(`not a published file of this site: ${handle.atlasRangeFile}`);
			handle = new RangeFile(rangeRequests(new URL(handle.atlasRangeFile, scope.location.href).href));
		}
		return set.call(this, name, handle);
	};
}
/** DuckDB reads each slice of a file through FileReaderSync: a RangeFile's slice is already the bytes. */
const NativeReader = scope.FileReaderSync;
scope.FileReaderSync = class extends NativeReader {
	readAsArrayBuffer(blob: Blob | ArrayBuffer): ArrayBuffer {
		return blob instanceof ArrayBuffer ? blob : super.readAsArrayBuffer(blob);
	}
};

let runtime: DuckDBRuntime | undefined;
Object.defineProperty(scope, 'DUCKDB_RUNTIME', {
	configurable: true,
	get: () => runtime,
	set(value: DuckDBRuntime) {
		runtime = value;
		readPublishedByRanges(value);
	}
});
delete scope.TransformStream;
scope.importScripts(script.href);
