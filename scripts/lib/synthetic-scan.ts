/**
 * Finds synthetic data in a folder of published files (static/data/, build/): a Parquet file whose
 * key-value metadata says synthetic, a SYNTHETIC.json, a DuckDB database holding a synthetic plan,
 * or any text file (page, JSON, CSV) that carries the synthetic text mark or a synthetic adapter.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata } from 'hyparquet';
import { SYNTHETIC_ADAPTER, SYNTHETIC_TEXT_MARK } from '../../src/lib/synthetic/generate';
import { SYNTHETIC_MARKER } from './synthetic-dataset';

const TEXT = /\.(html|json|csv|js|txt|md|svg)$/;

function* filesUnder(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* filesUnder(path);
		else yield path;
	}
}

/** Every file under `dir` that carries synthetic data, with what gave it away. */
export async function findSynthetic(dir: string): Promise<string[]> {
	if (!existsSync(dir)) return [];
	const found: string[] = [];
	for (const path of filesUnder(dir)) {
		const name = relative(dir, path);
		if (path.endsWith(SYNTHETIC_MARKER)) found.push(`${name}: a synthetic dataset's marker`);
		else if (path.endsWith('.parquet')) {
			const bytes = readFileSync(path);
			const meta = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
			if (meta.key_value_metadata?.some((kv) => kv.key === 'synthetic')) found.push(`${name}: Parquet metadata synthetic`);
			else if (bytes.includes(Buffer.from(SYNTHETIC_TEXT_MARK))) found.push(`${name}: ${SYNTHETIC_TEXT_MARK} in its bytes`);
		} else if (path.endsWith('.duckdb')) {
			if (await databaseIsSynthetic(path)) found.push(`${name}: a plan read by the ${SYNTHETIC_ADAPTER} adapter`);
		} else if (TEXT.test(path) && statSync(path).size < 50_000_000) {
			const text = readFileSync(path, 'utf8');
			if (text.includes(SYNTHETIC_TEXT_MARK)) found.push(`${name}: ${SYNTHETIC_TEXT_MARK} in its text`);
			else if (text.includes(`"adapter":"${SYNTHETIC_ADAPTER}"`) || text.includes(`"adapter": "${SYNTHETIC_ADAPTER}"`)) found.push(`${name}: a ${SYNTHETIC_ADAPTER} source`);
		}
	}
	return found;
}

async function databaseIsSynthetic(path: string): Promise<boolean> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	try {
		await conn.run(`ATTACH '${path.replace(/'/g, "''")}' AS db (READ_ONLY)`);
		const reader = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM db.plans WHERE adapter = '${SYNTHETIC_ADAPTER}'`);
		return Number(reader.getRowObjectsJson()[0].n) > 0;
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}
