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

/** A whole data file, streamed: the workbench's "load everything" (the pages read by range requests). */
export async function fetchDataFile(file: string, { idleMs = DATA_IDLE_TIMEOUT_MS, onProgress, signal }: FetchOptions = {}): Promise<Uint8Array> {
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
		if (!res.body) return new Uint8Array(await res.arrayBuffer());
		const reader = res.body.getReader();
		const parts: Uint8Array[] = [];
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
			parts.push(step.value);
			size += step.value.length;
			onProgress?.(size, total);
		}
		const bytes = new Uint8Array(size);
		let at = 0;
		for (const p of parts) {
			bytes.set(p, at);
			at += p.length;
		}
		return bytes;
	} finally {
		clearTimeout(timer);
		signal?.removeEventListener('abort', cancel);
	}
}
