import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromUrl, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { startServe, type RunningServe } from '../../helpers/serve';
import type { PartitionManifest } from '../../../scripts/lib/write-partitions';

// A researcher's reader over HTTP: hyparquet (no download of the file, no native code) reads one
// partition of the published data from scripts/serve.js with range requests only.
let server: RunningServe | undefined;
let dir: string;
let base: string;
let manifest: PartitionManifest;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'atlas-partitions-'));
	const run = spawnSync('npx', ['tsx', 'scripts/build-data.ts', '--out', join(dir, 'data')], { encoding: 'utf8' });
	if (run.status !== 0) throw new Error(run.stderr);
	writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
	manifest = JSON.parse(readFileSync(join(dir, 'data/parquet/manifest.json'), 'utf8'));
	server = await startServe(dir);
	base = server.base;
}, 180_000);

afterAll(() => {
	server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('the partitions over HTTP', () => {
	it('lists every partition with its real size and row count, and the rows add up to the table', () => {
		const initiatives = manifest.tables.find((t) => t.name === 'initiatives')!;
		expect(initiatives.partitioned_by).toBe('prefecture_code');
		expect(initiatives.files.map((f) => f.prefecture_code)).toEqual(['01', '11', '15', '35']);
		expect(initiatives.files.reduce((n, f) => n + f.rows, 0)).toBe(275);
		for (const t of manifest.tables) for (const f of t.files) expect(statSync(join(dir, 'data/parquet', f.path)).size, f.path).toBe(f.bytes);
		expect(manifest.synthetic).toBe(false);
		expect(manifest.summary.map((s) => s.name)).toEqual(['municipality_summaries', 'headline', 'theme_matrix', 'grading_pair_counts', 'prefectures']);
	});

	it('hyparquet reads one column of one prefecture with range requests, fetching less than the file', async () => {
		const measures = manifest.tables.find((t) => t.name === 'measures')!;
		const part = measures.files.find((f) => f.prefecture_code === '11')!;
		const requests: { method: string; range: string | null; status: number; bytes: number }[] = [];
		const counting: typeof fetch = async (input, init) => {
			const res = await fetch(input, init);
			const body = await res.arrayBuffer();
			requests.push({ method: init?.method ?? 'GET', range: new Headers(init?.headers).get('range'), status: res.status, bytes: body.byteLength });
			return new Response(body, { status: res.status, headers: res.headers });
		};
		const file = await asyncBufferFromUrl({ url: `${base}/data/parquet/${part.path}`, fetch: counting });
		expect(file.byteLength).toBe(part.bytes);
		// The footer first: its last 8 bytes say how long it is (hyparquet reads 512 kB by default; a
		// partition of the national data is larger, this one is small).
		const metadata = await parquetMetadataAsync(file, { initialFetchSize: 4096 });
		expect(Number(metadata.num_rows)).toBe(part.rows);
		const rows = await parquetReadObjects({ file, metadata, columns: ['measure_id', 'kind'] });
		expect(rows).toHaveLength(part.rows);
		expect(rows.every((r) => String(r.measure_id).startsWith('11233-'))).toBe(true);
		const gets = requests.filter((r) => r.method === 'GET');
		expect(gets.length).toBeGreaterThan(0);
		for (const r of gets) {
			expect(r.range).toMatch(/^bytes=\d+-\d*$/);
			expect(r.status).toBe(206);
		}
		const fetched = gets.reduce((n, r) => n + r.bytes, 0);
		expect(fetched).toBeLessThan(part.bytes);
	});
});
