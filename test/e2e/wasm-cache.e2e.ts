import { statSync } from 'node:fs';
import { test, expect } from './fixtures';
import { BLOCK_SIZE } from '../../scripts/lib/write-database';
import { READ_AHEAD } from '../../src/lib/db/range-file';

/**
 * What lets the browser keep DuckDB's compiled WebAssembly for the next visit (src/lib/db/duckdb-worker.ts):
 * the module is compiled by streaming straight from fetch()'s own Response of a .wasm address that
 * never changes its bytes and may be cached, not from a Response rebuilt around the download.
 * DuckDB's worker says which of its two paths it took; the rebuilt one is the one it takes when
 * TransformStream exists, and it says nothing then.
 */
test('DuckDB-wasm compiles its module from the cacheable response of its own address, and reads the database by ranges, not whole nor megabytes ahead', async ({ page, offsite, consoleErrors }) => {
	const messages: string[] = [];
	page.on('console', (msg) => messages.push(msg.text()));
	// DuckDB's worker reads the published file itself (synchronous requests in the worker): each must be a range.
	const reads: Promise<{ range: string | undefined; status: number }>[] = [];
	const onRead = (req: import('@playwright/test').Request) => {
		if (!req.url().endsWith('/data/atlas.duckdb')) return;
		reads.push((async () => ({ range: req.headers()['range'], status: (await req.response())?.status() ?? 0 }))());
	};
	page.on('requestfinished', onRead);
	const wasm = page.waitForResponse((r) => /\/_app\/immutable\/assets\/duckdb-(eh|mvp)\.[\w-]+\.wasm$/.test(r.url()));
	const worker = page.waitForEvent('worker');
	await page.goto('/');
	await expect(page.getByTestId('db-status').first()).toHaveAttribute('data-state', 'ready');

	const response = await wasm;
	expect(response.status()).toBe(200);
	const headers = response.headers();
	expect(headers['content-type']).toBe('application/wasm');
	expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
	expect((await worker).url()).toMatch(/\/_app\/immutable\/workers\/duckdb-worker[\w.-]*\.js#.*duckdb-browser-(eh|mvp)\.worker/);
	expect(messages.some((m) => m.includes('instantiating without progress handler'))).toBe(true);

	const size = statSync('build/data/atlas.duckdb').size;
	// The reads up to now are the ones checked: one that finished after this line would be read once the
	// page had closed (an error outside the test, seen on a slow machine).
	page.off('requestfinished', onRead);
	expect(reads.length).toBeGreaterThan(0);
	const answers = await Promise.all(reads);
	// Each answer is a part of the file, never the whole, and never DuckDB-wasm's own read-ahead of up
	// to 4 MiB: at most one block, or READ_AHEAD bytes from where a read starts
	// (src/lib/db/range-file.ts). So the page reads less than the whole five-city file.
	let total = 0;
	for (const r of answers) {
		expect(r.range).toMatch(/^bytes=\d+-\d+$/);
		expect(r.status).toBe(206);
		const [, from, to] = r.range!.match(/^bytes=(\d+)-(\d+)$/)!.map(Number);
		expect(to - from + 1).toBeLessThanOrEqual(Math.max(BLOCK_SIZE, READ_AHEAD));
		// The range asked for, not the body size Chromium reports for these synchronous requests from a
		// worker (seen both above and below the range's length for one and the same answer).
		total += to - from + 1;
	}
	expect(total).toBeLessThan(size);

	expect(offsite).toEqual([]);
	expect(consoleErrors).toEqual([]);
});
