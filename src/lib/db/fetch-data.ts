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

/**
 * How long a data request may go without receiving a byte. A server that never answers (or stalls
 * midway) ends in the same named error and retry as one that answers with an error. Measured against
 * silence rather than total time, so that a large file on a slow line still arrives.
 */
export const DATA_IDLE_TIMEOUT_MS = 15_000;

export async function fetchDataFile(file: string, idleMs = DATA_IDLE_TIMEOUT_MS): Promise<Uint8Array> {
	const abort = new AbortController();
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
		timedOut
			? new DataLoadError(file, `did not arrive: the server sent nothing for ${Math.round(idleMs / 1000)} s`)
			: new DataLoadError(file, `could not be fetched (${(e as Error).message})`);
	watch();
	try {
		let res: Response;
		try {
			res = await fetch(file, { signal: abort.signal });
		} catch (e) {
			throw failed(e);
		}
		if (!res.ok) throw new DataLoadError(file, `the server answered ${res.status} ${res.statusText}`);
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
	}
}
