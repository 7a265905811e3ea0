import { Table, type RecordBatch } from 'apache-arrow';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { WasmDatabase } from '../db/wasm';
import { ALL_TABLES } from '../contract/index';
import { BASE_SCHEMA, viewStatements } from '../db/connector';
import { refusalOf, type Refusal } from './guard';
import { splitStatements, type Statement } from './statements';
import { readDuckDBError } from './error-position';

/**
 * The workbench runs the user's SQL on a connection of its own: settings it changes stay out of the
 * connection other pages query through, and a query can be cancelled without touching theirs.
 * Statements are sent one by one (conn.send), so DuckDB's worker polls between steps and the page
 * can cancel a long one.
 */
export type Outcome =
	| { kind: 'empty' }
	| { kind: 'done'; table: Table; statement: Statement; index: number; count: number; ms: number }
	| { kind: 'error'; message: string; offset: number | null; statement: Statement; index: number; count: number; ms: number }
	| { kind: 'refused'; reason: Refusal; statement: Statement; index: number; count: number }
	| { kind: 'cancelled'; statement: Statement; index: number; count: number; ms: number };

export interface CatalogColumn {
	table: string;
	column: string;
	type: string;
}

export class Workbench {
	private running = false;
	private cancelled = false;
	/**
	 * One statement at a time on this connection: a streamed result is lost when another query
	 * starts on the same connection, so catalog look-ups wait for the user's query and vice versa.
	 */
	private queue: Promise<unknown> = Promise.resolve();

	private exclusive<T>(work: () => Promise<T>): Promise<T> {
		const next = this.queue.then(work, work);
		this.queue = next.catch(() => undefined);
		return next;
	}

	private constructor(
		private readonly conn: AsyncDuckDBConnection,
		readonly names: readonly string[]
	) {}

	static async open(db: WasmDatabase): Promise<Workbench> {
		const conn = await db.db.connect();
		// Nothing may leave the machine: DuckDB would otherwise fetch extensions from extensions.duckdb.org
		// when a query needs one (a JSON cast, say) and read any http(s) URL a query names. The data is
		// already loaded, so turning both off changes nothing for the site; external access cannot be
		// turned back on, and the guard refuses statements that would change the extension settings.
		for (const setting of ['autoinstall_known_extensions = false', 'autoload_known_extensions = false', 'enable_external_access = false']) {
			await conn.query(`SET ${setting}`);
		}
		return new Workbench(conn, ALL_TABLES.map((t) => t.name));
	}

	get busy(): boolean {
		return this.running;
	}

	/** Run a script statement by statement; the last statement's result is the answer. */
	run(script: string): Promise<Outcome> {
		return this.exclusive(() => this.runNow(script));
	}

	private async runNow(script: string): Promise<Outcome> {
		const statements = splitStatements(script);
		if (statements.length === 0) return { kind: 'empty' };
		const count = statements.length;
		// Refuse before running anything, so that a refused script changes nothing.
		for (const [index, statement] of statements.entries()) {
			const reason = refusalOf(statement.sql);
			if (reason) return { kind: 'refused', reason, statement, index, count };
		}
		this.running = true;
		this.cancelled = false;
		const t0 = performance.now();
		let index = 0;
		try {
			let table: Table = new Table();
			for (; index < count; index++) {
				table = await this.send(statements[index].sql);
				if (this.cancelled) break;
			}
			const ms = performance.now() - t0;
			if (this.cancelled) return { kind: 'cancelled', statement: statements[Math.min(index, count - 1)], index: Math.min(index, count - 1), count, ms };
			return { kind: 'done', table, statement: statements[count - 1], index: count - 1, count, ms };
		} catch (e) {
			const ms = performance.now() - t0;
			if (this.cancelled) return { kind: 'cancelled', statement: statements[index], index, count, ms };
			const { message, offset } = readDuckDBError((e as Error).message);
			return { kind: 'error', message, offset, statement: statements[index], index, count, ms };
		} finally {
			this.running = false;
		}
	}

	private async send(sql: string): Promise<Table> {
		const reader = await this.conn.send(sql, true);
		const batches: RecordBatch[] = [];
		for await (const batch of reader) {
			if (this.cancelled) break;
			batches.push(batch);
		}
		return batches.length ? new Table(batches) : new Table(reader.schema);
	}

	/** Stop the running query; the worker stops at its next step. */
	async cancel(): Promise<void> {
		if (!this.running) return;
		this.cancelled = true;
		await this.conn.cancelSent();
	}

	/** Tables, views and columns the user can query now, for completion (includes their own tables). */
	catalog(): Promise<CatalogColumn[]> {
		return this.exclusive(async () => {
			const t = await this.conn.query(`
				SELECT table_name AS "table", column_name AS "column", data_type AS "type"
				FROM duckdb_columns()
				WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()
				ORDER BY table_name, column_index`);
			return t.toArray().map((r: { toJSON(): CatalogColumn }) => r.toJSON());
		});
	}

	/** Published tables whose view in main is gone or no longer reads the loaded table. */
	damagedViews(): Promise<string[]> {
		return this.exclusive(async () => {
			const t = await this.conn.query(`SELECT view_name, sql FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()`);
			const views = new Map<string, string>(t.toArray().map((r: { view_name: string; sql: string }) => [r.view_name, r.sql]));
			// DuckDB stores the view's SQL re-serialised: the name may or may not be quoted.
			const reads = (n: string, sql: string) => new RegExp(`FROM\\s+${BASE_SCHEMA}\\."?${n}"?\\s*;?\\s*$`, 'i').test(sql);
			return this.names.filter((n) => !views.has(n) || !reads(n, views.get(n)!));
		});
	}

	/**
	 * Bring back the published views in one step without reloading. A table the user created under a
	 * published name is dropped first, since it would hide the view.
	 */
	reset(): Promise<void> {
		return this.exclusive(async () => {
			const t = await this.conn.query(`SELECT table_name FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()`);
			const tables = new Set(t.toArray().map((r: { table_name: string }) => r.table_name));
			for (const n of this.names) if (tables.has(n)) await this.conn.query(`DROP TABLE main."${n}"`);
			for (const sql of viewStatements(this.names)) await this.conn.query(sql);
		});
	}

	rowCounts(): Promise<Record<string, number>> {
		return this.exclusive(async () => {
			const parts = this.names.map((n) => `SELECT '${n}' AS name, count(*) AS n FROM ${BASE_SCHEMA}."${n}"`);
			const t = await this.conn.query(parts.join(' UNION ALL '));
			return Object.fromEntries(t.toArray().map((r: { name: string; n: bigint | number }) => [r.name, Number(r.n)]));
		});
	}
}
