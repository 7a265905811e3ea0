import { describe, expect, it } from 'vitest';
import { decodeFailure, encodeFailure, sameVersion, versionOf } from '../../../src/lib/db/data-requests';

const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;

describe('data request failures through DuckDB error text', () => {
	it('reads back a failure wrapped in DuckDB’s own words', () => {
		const f = { kind: 'status' as const, file: '/data/atlas.duckdb', reason: 'the server answered 503 Service Unavailable' };
		const duck = `IO Error: Range request for http://x/data/atlas.duckdb failed with error: Error: ${encodeFailure(f)}"`;
		expect(decodeFailure(duck)).toEqual(f);
	});

	it('finds nothing in an ordinary error', () => {
		expect(decodeFailure('Catalog Error: Table with name x does not exist!')).toBeNull();
		expect(decodeFailure('⟦atlas-data {broken atlas-data⟧')).toBeNull();
	});
});

describe('file versions from response headers', () => {
	const first = versionOf(206, headers({ 'Content-Range': 'bytes 0-0/3900000', 'Last-Modified': 'Tue, 01 Dec 2026 10:00:00 GMT' }));

	it('takes the whole size from Content-Range, or from Content-Length of a whole answer', () => {
		expect(first.size).toBe(3900000);
		expect(versionOf(200, headers({ 'Content-Length': '42' })).size).toBe(42);
		expect(versionOf(206, headers({ 'Content-Length': '1' })).size).toBeNull();
	});

	it('another range of the same file is the same version', () => {
		const later = versionOf(206, headers({ 'Content-Range': 'bytes 262144-524287/3900000', 'Last-Modified': 'Tue, 01 Dec 2026 10:00:00 GMT' }));
		expect(sameVersion(first, later)).toBe(true);
	});

	it('a new date, size or entity tag is another version', () => {
		expect(sameVersion(first, versionOf(206, headers({ 'Content-Range': 'bytes 0-9/3900000', 'Last-Modified': 'Tue, 01 Dec 2026 11:00:00 GMT' })))).toBe(false);
		expect(sameVersion(first, versionOf(206, headers({ 'Content-Range': 'bytes 0-9/3900001', 'Last-Modified': 'Tue, 01 Dec 2026 10:00:00 GMT' })))).toBe(false);
		const tagged = versionOf(200, headers({ ETag: 'W/"1-2"', 'Content-Length': '5' }));
		expect(sameVersion(tagged, versionOf(200, headers({ ETag: '"1-3"', 'Content-Length': '5' })))).toBe(false);
		expect(sameVersion(tagged, versionOf(200, headers({ ETag: '"1-2"', 'Content-Length': '5' })))).toBe(true);
	});
});
