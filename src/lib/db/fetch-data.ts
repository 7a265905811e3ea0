import type { DataFailureKind } from './data-requests';

/**
 * A failed load says which file and why, so the page can show it and offer a retry. `kind` says
 * what happened (data-requests.ts): 'changed' means a reload, not a retry, can help.
 */
export class DataLoadError extends Error {
	constructor(
		readonly file: string,
		readonly reason: string,
		readonly kind: DataFailureKind = 'network'
	) {
		super(`${file}: ${reason}`);
		this.name = 'DataLoadError';
	}
}

/**
 * How long a data request may go without receiving a byte. A server that never answers (or stalls
 * midway) ends in the same named error and retry as one that answers with an error. Measured against
 * silence rather than total time, so that a large file on a slow line still arrives.
 */
export const DATA_IDLE_TIMEOUT_MS = 15_000;

export interface FetchOptions {
	idleMs?: number;
	/** Bytes received so far, and the whole size when the server said it (Content-Length), after each part. */
	onProgress?: (loaded: number, total: number | null) => void;
	/** The user's cancel: the request stops and the call rejects with an AbortError. */
	signal?: AbortSignal;
}

/** A whole data file, streamed, as one array (a small file a page reads whole: quality.json). */
export async function fetchDataFile(file: string, options: FetchOptions = {}): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	const size = await fetchParts(file, options, (part) => parts.push(part));
	const bytes = new Uint8Array(size);
	let at = 0;
	for (const p of parts) {
		bytes.set(p, at);
		at += p.length;
	}
	return bytes;
}

/**
 * A whole data file, streamed, as a Blob: the workbench's "load everything". The browser keeps a
 * Blob's bytes outside the tab's JavaScript and WebAssembly memory (its blob storage, on disk when
 * large), and DuckDB reads it block by block as it would a file the user picked, so the tab does
 * not hold the whole database in its own memory.
 */
export async function fetchDataBlob(file: string, options: FetchOptions = {}): Promise<Blob> {
	// Parts go into a Blob every BLOB_STEP bytes, so the page never holds more than that of the file.
	const blobs: Blob[] = [];
	let pending: Uint8Array[] = [];
	let held = 0;
	const flush = () => {
		blobs.push(new Blob(pending as BlobPart[]));
		pending = [];
		held = 0;
	};
	await fetchParts(file, options, (part) => {
		pending.push(part);
		held += part.length;
		if (held >= BLOB_STEP) flush();
	});
	if (held) flush();
	return new Blob(blobs);
}

const BLOB_STEP = 8 * 1024 * 1024;

/** Streams the file, handing each part to `onPart` as it arrives; resolves to its size. */
async function fetchParts(file: string, { idleMs = DATA_IDLE_TIMEOUT_MS, onProgress, signal }: FetchOptions, onPart: (part: Uint8Array) => void): Promise<number> {
	signal?.throwIfAborted();
	const abort = new AbortController();
	const cancel = () => abort.abort(signal?.reason);
	signal?.addEventListener('abort', cancel, { once: true });
	let timer: ReturnType<typeof setTimeout> | undefined;
	let timedOut = false;
	const watch = () => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			timedOut = true;
			abort.abort();
		}, idleMs);
	};
	const failed = (e: unknown) =>
		signal?.aborted
			? (signal.reason ?? e)
			: timedOut
			? new DataLoadError(file, `did not arrive: the server sent nothing for ${Math.round(idleMs / 1000)} s`, 'silent')
			: new DataLoadError(file, `could not be fetched (${(e as Error).message})`);
	watch();
	try {
		let res: Response;
		try {
			res = await fetch(file, { signal: abort.signal });
		} catch (e) {
			throw failed(e);
		}
		if (!res.ok) throw new DataLoadError(file, `the server answered ${res.status} ${res.statusText}`, 'status');
		const length = res.headers.get('Content-Length');
		const total = length !== null && /^\d+$/.test(length) ? Number(length) : null;
		if (!res.body) {
			const whole = new Uint8Array(await res.arrayBuffer());
			onPart(whole);
			return whole.length;
		}
		const reader = res.body.getReader();
		let size = 0;
		for (;;) {
			watch();
			let step: ReadableStreamReadResult<Uint8Array>;
			try {
				step = await reader.read();
			} catch (e) {
				throw failed(e);
			}
			if (step.done) break;
			onPart(step.value);
			size += step.value.length;
			onProgress?.(size, total);
		}
		return size;
	} finally {
		clearTimeout(timer);
		signal?.removeEventListener('abort', cancel);
	}
}
