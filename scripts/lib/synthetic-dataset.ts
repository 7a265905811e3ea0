/**
 * The synthetic dataset on disk (what `npm run synth` writes and `npm run data -- --input DIR` reads):
 * one Parquet file per ingest table in the contract's columns, each with `synthetic = true` in its
 * Parquet key-value metadata, the crosswalk of its grading schemes, and SYNTHETIC.json, which says
 * what the folder is, how it was drawn, and how many rows each table has.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { z } from 'zod';
import { TABLES } from '../../src/lib/contract/tables';
import { columnsOf, type TableDef } from '../../src/lib/contract/column';
import { CrosswalkFile, type Crosswalk } from '../../src/lib/grading/crosswalk';
import type { Dataset } from '../../src/lib/pipeline/ingest';
import { loadTable } from './write-parquet';

export const SYNTHETIC_MARKER = 'SYNTHETIC.json';

export const SyntheticMarker = z.object({
	synthetic: z.literal(true),
	about: z.string(),
	seed: z.number().int(),
	municipalities: z.number().int().positive(),
	shape_file: z.string(),
	shape_sha256: z.string(),
	rows: z.record(z.string(), z.number().int().nonnegative())
});
export type SyntheticMarker = z.infer<typeof SyntheticMarker>;

export const isSyntheticDir = (dir: string): boolean => existsSync(join(dir, SYNTHETIC_MARKER));

/**
 * Synthetic data must never be written where the published site or its downloads come from.
 * Refuses static/data (and anything under static/ or build/) of this checkout.
 */
export function refusePublishedPlace(out: string): void {
	const abs = resolve(out) + sep;
	for (const published of ['static', 'build']) {
		if (abs.startsWith(resolve(published) + sep)) throw new Error(`${out}: synthetic data is never written under ${published}/ (the published site and its downloads); choose another folder`);
	}
}

export async function writeSyntheticDataset(dir: string, tables: Dataset, crosswalk: Crosswalk, marker: Omit<SyntheticMarker, 'rows'>): Promise<void> {
	refusePublishedPlace(dir);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	const rows: Record<string, number> = {};
	try {
		for (const table of TABLES) {
			await loadTable(conn, table, tables[table.name] ?? []);
			rows[table.name] = tables[table.name]?.length ?? 0;
			const path = join(dir, `${table.name}.parquet`).replace(/'/g, "''");
			await conn.run(`COPY (SELECT * FROM "${table.name}" ORDER BY ${table.orderBy.map((c) => `"${c}"`).join(', ')}) TO '${path}' (FORMAT parquet, COMPRESSION zstd, KV_METADATA {synthetic: 'true'})`);
		}
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
	writeFileSync(join(dir, 'crosswalk.json'), JSON.stringify(crosswalk, null, '\t') + '\n');
	writeFileSync(join(dir, SYNTHETIC_MARKER), JSON.stringify({ ...marker, rows }, null, '\t') + '\n');
}

export interface SyntheticInput {
	marker: SyntheticMarker;
	dataset: Dataset;
	crosswalk: Crosswalk;
}

/** Reads a synthetic dataset back as rows of the contract (validation is the pipeline's). */
export async function readSyntheticDataset(dir: string): Promise<SyntheticInput> {
	const markerPath = join(dir, SYNTHETIC_MARKER);
	if (!existsSync(markerPath)) throw new Error(`${dir}: no ${SYNTHETIC_MARKER}; --input reads a folder written by npm run synth`);
	const marker = SyntheticMarker.parse(JSON.parse(readFileSync(markerPath, 'utf8')));
	const crosswalk = CrosswalkFile.parse(JSON.parse(readFileSync(join(dir, 'crosswalk.json'), 'utf8')));
	const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
	const conn = await instance.connect();
	const dataset: Dataset = {};
	try {
		for (const table of TABLES) {
			const path = join(dir, `${table.name}.parquet`);
			if (!existsSync(path)) throw new Error(`${path}: missing (SYNTHETIC.json lists ${marker.rows[table.name] ?? 0} rows)`);
			dataset[table.name] = await readRows(conn, table, path);
			if (dataset[table.name].length !== marker.rows[table.name]) throw new Error(`${path}: ${dataset[table.name].length} rows, SYNTHETIC.json says ${marker.rows[table.name]}`);
		}
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
	return { marker, dataset, crosswalk };
}

/** Rows per JSON text in readRows: large enough that DuckDB and JSON.parse do the work, small enough to stay far below the longest string V8 holds. */
const ROWS_PER_TEXT = 20_000;

/**
 * The rows of one file, as JSON values (numbers, strings, booleans, lists, null). DuckDB writes
 * each run of rows as one JSON text and JSON.parse reads it: at national scale that is about twice
 * as fast as converting every cell through the client's row objects, and the values are the same
 * (test/unit/synthetic/synth.test.ts reads both ways). Rows stay in file order.
 */
async function readRows(conn: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>, table: TableDef, path: string): Promise<Record<string, unknown>[]> {
	const cols = columnsOf(table).map((c) => `"${c.name}"`);
	const source = `read_parquet('${path.replace(/'/g, "''")}', file_row_number = true)`;
	const reader = await conn.runAndReadAll(
		`SELECT '[' || string_agg(to_json(r)::VARCHAR, ',' ORDER BY n) || ']' FROM (SELECT struct_pack(${cols.join(', ')}) AS r, file_row_number AS n FROM ${source}) GROUP BY n // ${ROWS_PER_TEXT} ORDER BY n // ${ROWS_PER_TEXT}`
	);
	const rows: Record<string, unknown>[] = [];
	for (const text of reader.getColumnsJson()[0] as string[]) for (const row of JSON.parse(text) as Record<string, unknown>[]) rows.push(row);
	return rows;
}

/** The same rows through the client's row objects (the reference readRows is checked against). */
export async function readRowsByObjects(dir: string, table: TableDef): Promise<Record<string, unknown>[]> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	try {
		const cols = columnsOf(table).map((c) => `"${c.name}"`);
		const reader = await conn.runAndReadAll(`SELECT ${cols.join(', ')} FROM read_parquet('${join(dir, `${table.name}.parquet`).replace(/'/g, "''")}')`);
		return reader.getRowObjectsJson() as Record<string, unknown>[];
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}
