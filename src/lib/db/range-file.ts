/**
 * The published database as DuckDB's worker reads it: a file of the site read a part at a time by
 * HTTP range requests, handed to DuckDB as if it were a File the user picked (DuckDB-wasm's
 * BROWSER_FILEREADER protocol asks its handle only for `size` and `slice(start, end)`, then reads
 * the slice with FileReaderSync). A slice here is an ArrayBuffer of the answer, which DuckDB's worker
 * (duckdb-worker.ts) lets through FileReaderSync as it is: a Blob made of each answer went to the
 * browser's blob store and back, about 10 ms a read.
 *
 * Why not DuckDB-wasm's own HTTP protocol: for HTTP files it puts a read-ahead buffer in front of
 * every read (in its WebAssembly build, with no setting), which grows a run of neighbouring 16 KiB
 * block reads into requests of 64 KiB, 256 KiB, 1 MiB and 4 MiB, most of it never used by the query.
 * Over the national file a theme page read 35 MB that way, and 12 MB when each block DuckDB asks for
 * is read once (scripts/bench/wasm-reads.ts; RESULTS.md, "The published database read through a RangeFile").
 * Through this handle each read DuckDB makes that is not already here asks the server for
 * READ_AHEAD bytes from where it starts, and what arrives is kept (up to CACHE_MAX): DuckDB reads a
 * table's columns a block at a time, in turns, so the blocks right after a block are often asked for
 * soon after, though rarely next. Each request costs a round trip (about 5 ms to a server on the same
 * machine, far more over a network). The national theme page's reads replayed (scripts/bench/RESULTS.md):
 * 756 requests and 12.4 MB one block at a time, 235 and 15.4 MB with 64 KiB kept, 149 and 19.5 MB
 * with 128 KiB; DuckDB-wasm's own read-ahead made 348 requests for 35.5 MB in the tab.
 *
 * The requests are synchronous (DuckDB's reads are), so this runs only in a worker. A server that
 * ignores Range answers the whole file: it is kept, and every later slice is cut from it.
 */

import { versionOf } from './data-requests';

/** What `slice` gives: the bytes themselves, which FileReaderSync in DuckDB's worker passes through. */
export type RangeSlice = ArrayBuffer;

/** One synchronous request for `bytes=start-end` (end inclusive). */
export type RangeRequest = (range: { start: number; end: number }) => RangeAnswer;

export interface RangeAnswer {
	/** 206 for a part, 200 for the whole file */
	status: number;
	body: ArrayBuffer;
	header(name: string): string | null;
}

/** The marker the page sends in place of a file handle: DuckDB's worker turns it into a RangeFile. */
export interface RangeFileMarker {
	atlasRangeFile: string;
}

export const isRangeFileMarker = (v: unknown): v is RangeFileMarker =>
	typeof v === 'object' && v !== null && typeof (v as RangeFileMarker).atlasRangeFile === 'string';

/** How much is asked for from where a read starts, at least (the read itself when it is longer). */
export const READ_AHEAD = 64 * 1024;
/** The most bytes kept of the answers; the oldest go first. DuckDB keeps the blocks it uses itself. */
export const CACHE_MAX = 32 * 1024 * 1024;

export class RangeFile {
	private known: number | null = null;
	/** the whole file, when the server sent it whole */
	private whole: ArrayBuffer | null = null;
	/** the answers kept, oldest first, and their bytes */
	private kept: { start: number; bytes: ArrayBuffer }[] = [];
	private keptBytes = 0;

	constructor(
		private readonly request: RangeRequest,
		private readonly readAhead = READ_AHEAD,
		private readonly cacheMax = CACHE_MAX
	) {}

	/** The file's size, from the first answer (Content-Range's total, or the whole body). */
	get size(): number {
		if (this.known === null) {
			const answer = this.request({ start: 0, end: 0 });
			// The whole file's size, as the worker's version check reads it from Content-Range.
			const total = versionOf(answer.status, answer.header).size;
			if (answer.status === 206 && total !== null) this.known = total;
			else if (answer.status === 200) this.keepWhole(answer);
			else throw new Error(`the server answered ${answer.status} without the file's size`);
		}
		return this.known!;
	}

	/** Bytes [start, end) of the file, as DuckDB's reader asks for them. */
	slice(start = 0, end = this.size): RangeSlice {
		const size = this.size;
		const from = Math.max(0, Math.min(start, size));
		const to = Math.max(from, Math.min(end, size));
		if (this.whole) return this.whole.slice(from, to);
		if (to === from) return new ArrayBuffer(0);
		const held = this.kept.find((k) => from >= k.start && to <= k.start + k.bytes.byteLength);
		if (held) return held.bytes.slice(from - held.start, to - held.start);
		const last = Math.min(size, from + Math.max(to - from, this.readAhead)) - 1;
		const answer = this.request({ start: from, end: last });
		if (answer.status === 200) {
			// The server stopped answering ranges (or never did for this part): the whole file it sent.
			this.keepWhole(answer);
			return this.whole!.slice(from, to);
		}
		if (answer.status !== 206 || answer.body.byteLength !== last + 1 - from) {
			throw new Error(`asked for bytes ${from}-${last}, the server answered ${answer.status} with ${answer.body.byteLength} bytes`);
		}
		this.keep(from, answer.body);
		return answer.body.slice(0, to - from);
	}

	private keep(start: number, bytes: ArrayBuffer): void {
		this.kept.push({ start, bytes });
		this.keptBytes += bytes.byteLength;
		while (this.keptBytes > this.cacheMax && this.kept.length > 1) this.keptBytes -= this.kept.shift()!.bytes.byteLength;
	}

	private keepWhole(answer: RangeAnswer): void {
		this.whole = answer.body;
		this.known = answer.body.byteLength;
	}
}
