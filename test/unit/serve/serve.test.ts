import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// scripts/serve.js over a small folder shaped like a build: what a browser gets for each kind of file.
let server: ChildProcess;
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
	const port = 20000 + Math.floor(Math.random() * 20000);
	base = `http://127.0.0.1:${port}`;
	server = spawn('node', ['scripts/serve.js'], { env: { ...process.env, PORT: String(port), ATLAS_BUILD_DIR: dir }, stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise<void>((resolve, reject) => {
		server.stdout!.on('data', (d: Buffer) => d.toString().includes('running at') && resolve());
		server.on('exit', (code) => reject(new Error(`serve.js exited with ${code}`)));
	});
});

afterAll(() => {
	server?.kill();
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
