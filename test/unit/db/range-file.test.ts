import { describe, expect, it } from 'vitest';
import { CACHE_MAX, READ_AHEAD, RangeFile, isRangeFileMarker, type RangeAnswer, type RangeRequest } from '../../../src/lib/db/range-file';

const FILE = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7) % 251);

/** A server over FILE: answers ranges (or not), and records every request. */
function server({ ranges = true } = {}) {
	const asked: { start: number; end: number }[] = [];
	const request: RangeRequest = (range): RangeAnswer => {
		asked.push(range);
		if (!ranges) return { status: 200, body: FILE.slice().buffer, header: (n) => (n === 'Content-Length' ? String(FILE.length) : null) };
		const body = FILE.slice(range.start, range.end + 1).buffer;
		return { status: 206, body, header: (n) => (n === 'Content-Range' ? `bytes ${range.start}-${range.end}/${FILE.length}` : null) };
	};
	return { asked, request };
}

const same = (got: ArrayBuffer, from: number, to: number) => Buffer.from(got).equals(Buffer.from(FILE.subarray(from, to)));

describe('RangeFile: the published database read by range requests', () => {
	it('learns the size from the first answer, then asks for READ_AHEAD bytes from where a read starts', () => {
		const s = server();
		const file = new RangeFile(s.request);
		expect(file.size).toBe(FILE.length);
		expect(s.asked).toEqual([{ start: 0, end: 0 }]);
		const slice = file.slice(16_384, 32_768);
		expect(s.asked.at(-1)).toEqual({ start: 16_384, end: 16_384 + READ_AHEAD - 1 });
		expect(same(slice, 16_384, 32_768)).toBe(true);
		// The size is asked once.
		void file.size;
		expect(s.asked.length).toBe(2);
	});

	it('serves a later read within what arrived without asking again, and reads elsewhere anew', () => {
		const s = server();
		const file = new RangeFile(s.request);
		file.slice(100_000, 116_384);
		const n = s.asked.length;
		// Another column's block in between, then the block after the first: both from what is kept.
		expect(same(file.slice(132_768, 149_152), 132_768, 149_152)).toBe(true);
		expect(same(file.slice(116_384, 132_768), 116_384, 132_768)).toBe(true);
		expect(s.asked.length).toBe(n);
		// Past what arrived: a request from there.
		file.slice(200_000, 216_384);
		expect(s.asked.at(-1)).toEqual({ start: 200_000, end: 200_000 + READ_AHEAD - 1 });
		// A read longer than READ_AHEAD asks for itself.
		file.slice(0, 100_000);
		expect(s.asked.at(-1)).toEqual({ start: 0, end: 99_999 });
	});

	it('keeps at most cacheMax bytes of answers, the oldest going first', () => {
		const s = server();
		const file = new RangeFile(s.request, 1_000, 2_500);
		file.slice(0, 10);
		file.slice(10_000, 10_010);
		file.slice(20_000, 20_010);
		const n = s.asked.length;
		file.slice(20_500, 20_510);
		file.slice(10_500, 10_510);
		expect(s.asked.length).toBe(n);
		// The first answer was dropped for the third: asked again.
		file.slice(500, 510);
		expect(s.asked.length).toBe(n + 1);
		expect(CACHE_MAX).toBeGreaterThan(READ_AHEAD);
	});

	it('cuts a slice past the end at the end, and an empty slice asks for nothing', () => {
		const s = server();
		const file = new RangeFile(s.request);
		const tail = file.slice(299_990, 400_000);
		expect(s.asked.at(-1)).toEqual({ start: 299_990, end: 299_999 });
		expect(same(tail, 299_990, 300_000)).toBe(true);
		const n = s.asked.length;
		expect(file.slice(500, 500).byteLength).toBe(0);
		expect(s.asked.length).toBe(n);
	});

	it('keeps the whole file from a server that ignores Range, and cuts every slice from it', () => {
		const s = server({ ranges: false });
		const file = new RangeFile(s.request);
		expect(file.size).toBe(FILE.length);
		expect(same(file.slice(50_000, 50_100), 50_000, 50_100)).toBe(true);
		expect(same(file.slice(250_000, 250_100), 250_000, 250_100)).toBe(true);
		expect(s.asked.length).toBe(1);
	});

	it('refuses an answer of the wrong length or status instead of handing DuckDB wrong bytes', () => {
		const short: RangeRequest = (range) =>
			range.end > 0
				? { status: 206, body: new ArrayBuffer(3), header: () => null }
				: { status: 206, body: new ArrayBuffer(1), header: (n) => (n === 'Content-Range' ? 'bytes 0-0/1000' : null) };
		expect(() => new RangeFile(short, 16).slice(0, 100)).toThrow(/asked for bytes 0-99, the server answered 206 with 3 bytes/);
		const refused: RangeRequest = () => ({ status: 416, body: new ArrayBuffer(0), header: () => null });
		expect(() => new RangeFile(refused).size).toThrow(/answered 416/);
	});

	it('knows its marker, and nothing else, as a published file to read by ranges', () => {
		expect(isRangeFileMarker({ atlasRangeFile: 'http://x/data/atlas.duckdb' })).toBe(true);
		for (const other of [null, undefined, 'atlas.duckdb', {}, { atlasRangeFile: 3 }, new ArrayBuffer(1)]) expect(isRangeFileMarker(other)).toBe(false);
	});
});
