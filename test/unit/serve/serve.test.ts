import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, type RunningServe } from '../../helpers/serve';

// scripts/serve.js over a small folder shaped like a build: what a browser gets for each kind of file.
let server: RunningServe | undefined;
let dir: string;
let base: string;
const parquet = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'atlas-serve-'));
	mkdirSync(join(dir, '_app/immutable/chunks'), { recursive: true });
	mkdirSync(join(dir, 'data'));
	writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
	writeFileSync(join(dir, '_app/immutable/chunks/a.js'), 'export {}');
	writeFileSync(join(dir, '_app/version.json'), '{}');
	writeFileSync(join(dir, 'data/initiatives.parquet'), parquet);
	server = await startServe(dir);
	base = server.base;
});

afterAll(() => {
	server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('scripts/serve.js', () => {
	it('sends Parquet with its content type, no sniffing and no framing', async () => {
		const res = await fetch(`${base}/data/initiatives.parquet`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/vnd.apache.parquet');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		expect(res.headers.get('cache-control')).toBe('no-cache');
		expect(Buffer.from(await res.arrayBuffer()).equals(parquet)).toBe(true);
	});

	it('answers a range request with exactly the bytes asked for', async () => {
		const res = await fetch(`${base}/data/initiatives.parquet`, { headers: { Range: 'bytes=100-199' } });
		expect(res.status).toBe(206);
		expect(res.headers.get('content-range')).toBe('bytes 100-199/1000');
		expect(Buffer.from(await res.arrayBuffer()).equals(parquet.subarray(100, 200))).toBe(true);
	});

	it('answers the ranges Parquet readers ask for: one byte, a suffix, an open end', async () => {
		const get = (range: string) => fetch(`${base}/data/initiatives.parquet`, { headers: { Range: range } });
		const first = await get('bytes=0-0');
		expect(first.status).toBe(206);
		expect(first.headers.get('content-range')).toBe('bytes 0-0/1000');
		expect(first.headers.get('content-length')).toBe('1');
		expect(first.headers.get('content-type')).toBe('application/vnd.apache.parquet');
		expect(first.headers.get('x-content-type-options')).toBe('nosniff');
		expect(Buffer.from(await first.arrayBuffer()).equals(parquet.subarray(0, 1))).toBe(true);
		// A footer read: the last 8 bytes, as hyparquet and DuckDB start.
		const suffix = await get('bytes=-8');
		expect(suffix.status).toBe(206);
		expect(suffix.headers.get('content-range')).toBe('bytes 992-999/1000');
		expect(Buffer.from(await suffix.arrayBuffer()).equals(parquet.subarray(992))).toBe(true);
		const open = await get('bytes=990-');
		expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
		expect((await open.arrayBuffer()).byteLength).toBe(10);
		// An end past the file is cut to the file.
		const long = await get('bytes=995-5000');
		expect(long.headers.get('content-range')).toBe('bytes 995-999/1000');
	});

	it('refuses a range that starts past the end with 416 and the size', async () => {
		for (const range of ['bytes=1000-', 'bytes=5000-6000', 'bytes=500-100']) {
			const res = await fetch(`${base}/data/initiatives.parquet`, { headers: { Range: range } });
			expect(res.status, range).toBe(416);
			expect(res.headers.get('content-range')).toBe('bytes */1000');
			expect((await res.arrayBuffer()).byteLength).toBe(0);
		}
	});

	it('sends the whole file for a malformed range, several ranges or a stale If-Range', async () => {
		for (const headers of [{ Range: 'bytes=abc' }, { Range: 'items=0-5' }, { Range: 'bytes=0-1,500-501' }, { Range: 'bytes=0-9', 'If-Range': 'Wed, 21 Oct 2015 07:28:00 GMT' }] as Record<string, string>[]) {
			const res = await fetch(`${base}/data/initiatives.parquet`, { headers });
			expect(res.status, JSON.stringify(headers)).toBe(200);
			expect(res.headers.get('content-range')).toBeNull();
			expect(Buffer.from(await res.arrayBuffer()).equals(parquet)).toBe(true);
		}
	});

	it('answers HEAD with the size and no body, with or without a range', async () => {
		const whole = await fetch(`${base}/data/initiatives.parquet`, { method: 'HEAD' });
		expect(whole.status).toBe(200);
		expect(whole.headers.get('content-length')).toBe('1000');
		expect(whole.headers.get('accept-ranges')).toBe('bytes');
		expect((await whole.arrayBuffer()).byteLength).toBe(0);
		const part = await fetch(`${base}/data/initiatives.parquet`, { method: 'HEAD', headers: { Range: 'bytes=10-19' } });
		expect(part.status).toBe(206);
		expect(part.headers.get('content-length')).toBe('10');
		expect(part.headers.get('content-range')).toBe('bytes 10-19/1000');
		expect((await part.arrayBuffer()).byteLength).toBe(0);
	});

	it('never serves a file outside the build for a range request', async () => {
		const res = await fetch(`${base}/..%2f..%2fetc%2fpasswd`, { headers: { Range: 'bytes=0-10' } });
		expect(res.status).toBe(404);
		const missing = await fetch(`${base}/data/none.parquet`, { headers: { Range: 'bytes=0-10' } });
		expect(missing.status).toBe(404);
	});

	it('lets browsers keep hashed files for a year and asks again for everything else', async () => {
		const chunk = await fetch(`${base}/_app/immutable/chunks/a.js`);
		expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(chunk.headers.get('content-type')).toMatch(/javascript/);
		const page = await fetch(`${base}/`);
		expect(page.headers.get('cache-control')).toBe('no-cache');
		expect(page.headers.get('content-type')).toBe('text/html;charset=utf-8');
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('sends the same defences with a 404', async () => {
		const res = await fetch(`${base}/nothing-here`);
		expect(res.status).toBe(404);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
	});
});
