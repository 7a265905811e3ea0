/**
 * How the browser's Parquet path (hyparquet decode → Arrow buffers, src/lib/db/parquet-to-arrow.ts)
 * grows with the data: the measures table as it is, and repeated 100× and 400× (about 500,000 rows,
 * roughly what every municipality in Japan would give). Run in Node on the same code the page runs;
 * the page's own figures are in the pages section.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { ALL_TABLES } from '../../src/lib/contract/index';
import { parquetToArrow } from '../../src/lib/db/parquet-to-arrow';
import type { BenchContext } from './run';

const REPEATS = 3;

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

async function time(fn: () => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < REPEATS; i++) {
		const t0 = performance.now();
		await fn();
		times.push(performance.now() - t0);
	}
	return median(times);
}

export default async function parquetScale(ctx: BenchContext): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-scale-'));
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	const measures = ALL_TABLES.find((t) => t.name === 'measures')!;
	const rows: string[] = [];
	for (const copies of [1, 100, 400]) {
		const path = join(dir, `measures-x${copies}.parquet`);
		// Same columns, ids made unique per copy; written as the pipeline writes (snappy).
		await conn.run(
			`COPY (SELECT m.* REPLACE (m.measure_id || '-' || r AS measure_id) FROM read_parquet('${ctx.dataDir}/measures.parquet') m, range(${copies}) t(r))
			 TO '${path}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 100000)`
		);
		const bytes = readFileSync(path);
		const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
		const n = Number(parquetMetadata(buffer).num_rows);
		const decode = await time(() => parquetReadObjects({ file: buffer }));
		const arrow = await time(() => parquetToArrow(measures, buffer));
		rows.push(`| ${copies}× | ${n.toLocaleString('en')} | ${(bytes.length / 1024).toFixed(0)} | ${decode.toFixed(0)} | ${arrow.toFixed(0)} | ${((arrow / n) * 1000).toFixed(2)} |`);
	}
	conn.closeSync();
	instance.closeSync();
	return [
		'## Parquet to Arrow at national scale (Node, the browser path’s code)',
		'',
		`Median of ${REPEATS}. "hyparquet rows": decoding to row objects alone; "to Arrow": the path the page uses (column-wise decode, Arrow buffers filled directly).`,
		'',
		'| measures | rows | KiB | hyparquet rows (ms) | to Arrow (ms) | µs per row |',
		'|---|---:|---:|---:|---:|---:|',
		...rows,
		''
	].join('\n');
}
