import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ALL_TABLES } from '../contract/index';
import { BASE_SCHEMA, plainRow, viewStatements, type Connector, type Param, type Row } from '../db/connector';

/**
 * Native DuckDB over the same Parquet files, for prerendering pages at build time and for the
 * benchmark's native baseline. Same schema and views as the browser, so the same SQL runs on both.
 */
export async function openNative(dataDir = 'static/data'): Promise<Connector & { close(): void }> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn: DuckDBConnection = await instance.connect();
	await conn.run(`CREATE SCHEMA ${BASE_SCHEMA}`);
	for (const t of ALL_TABLES) {
		const path = `${dataDir}/${t.name}.parquet`.replace(/'/g, "''");
		await conn.run(`CREATE TABLE ${BASE_SCHEMA}."${t.name}" AS SELECT * FROM read_parquet('${path}')`);
	}
	for (const sql of viewStatements(ALL_TABLES.map((t) => t.name))) await conn.run(sql);
	return {
		async query<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
			const reader = await conn.runAndReadAll(sql, params.length ? [...params] : undefined);
			return reader.getRowObjectsJS().map((r) => plainRow(r as Row) as T);
		},
		close() {
			conn.closeSync();
			instance.closeSync();
		}
	};
}

let shared: ReturnType<typeof openNative> | null = null;

/** One native database for the whole prerender. */
export function nativeDatabase(): ReturnType<typeof openNative> {
	shared ??= openNative();
	return shared;
}
