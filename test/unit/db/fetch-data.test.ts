import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDataBlob, fetchDataFile } from '../../../src/lib/db/fetch-data';

/** A file of `size` bytes the server sends in parts of `part` bytes, each byte its offset mod 251. */
function serveFile(size: number, part: number) {
	const bytes = new Uint8Array(size);
	for (let i = 0; i < size; i++) bytes[i] = i % 251;
	vi.stubGlobal('fetch', async () => {
		let at = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (at >= size) return controller.close();
				controller.enqueue(bytes.slice(at, at + part));
				at += part;
			}
		});
		return new Response(body, { headers: { 'Content-Length': String(size) } });
	});
	return bytes;
}

describe('a whole data file, streamed', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('as a Blob holds every byte in order, over several of its steps, with progress to the whole size', async () => {
		const bytes = serveFile(17 * 1024 * 1024 + 12_345, 1024 * 1024 + 7);
		const progress: [number, number | null][] = [];
		const blob = await fetchDataBlob('/data/atlas.duckdb', { onProgress: (loaded, total) => progress.push([loaded, total]) });
		expect(blob.size).toBe(bytes.length);
		// Compared as one Buffer: toEqual walks a typed array element by element.
		expect(Buffer.from(await blob.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
		expect(progress.at(-1)).toEqual([bytes.length, bytes.length]);
	});

	it('as one array gives the same bytes', async () => {
		const bytes = serveFile(100_000, 4096);
		expect(Buffer.from(await fetchDataFile('/data/quality.json')).equals(Buffer.from(bytes))).toBe(true);
	});
});
