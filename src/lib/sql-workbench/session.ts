import { Table, type RecordBatch } from 'apache-arrow';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { DataLoadError, WORKSPACE_DATABASE, restoreWorkbenchImports, type WasmDatabase } from '../db/wasm';
import { ALL_TABLES } from '../contract/index';
import { PAGE_TABLES } from '../contract/page-tables';
import { DATABASE_FILE, PUBLISHED_DATABASE } from '../db/published';
import { splitStatements, type Statement } from './statements';
import { readDuckDBError } from './error-position';

/**
 * The workbench runs the user's SQL on a DuckDB of its own (db/wasm.ts: workbenchDatabase), never on
 * the one the pages read. There, the published tables are in a database attached READ_ONLY, so
 * DuckDB refuses any write to them; the user's own tables and views go to the writable workspace;
 * extension loading and external access are off and the configuration is locked. No statement is
 * refused by reading its text: DuckDB decides. Statements are sent one by one (conn.send), so
 * DuckDB's worker polls between steps and the page can cancel a long one.
 */
export type Outcome =
	| { kind: 'empty' }
	| { kind: 'done'; table: Table; statement: Statement; index: number; count: number; ms: number }
	| { kind: 'error'; message: string; offset: number | null; statement: Statement; index: number; count: number; ms: number }
	| { kind: 'cancelled'; statement: Statement; index: number; count: number; ms: number };

export interface CatalogColumn {
	table: string;
	column: string;
	type: string;
}

/** The first statement of a script that is not a plain read, with its position, or null. */
export interface NotARead {
	statement: Statement;
	index: number;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

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

	/** The file the published database is attached from: DuckDB's HTTP reads, or the whole copy once loaded. */
	private publishedFile = DATABASE_FILE;

	private constructor(
		private readonly conn: AsyncDuckDBConnection,
		readonly names: readonly string[],
		private readonly db: WasmDatabase
	) {}

	/** `db` must come from workbenchDatabase(): its connection's defaults are the workspace's. */
	static open(db: WasmDatabase): Workbench {
		return new Workbench(db.conn, [...ALL_TABLES, ...PAGE_TABLES].map((t) => t.name), db);
	}

	/**
	 * Whether every statement of a script only reads, as DuckDB's own parser and binder see it: a
	 * statement is a plain read when DuckDB accepts it as a subquery (SELECT, WITH, FROM, VALUES,
	 * PIVOT, DESCRIBE …), which no statement that writes, attaches, sets or loads can be. Preparing
	 * runs nothing. A shared link runs on open only when this answers null.
	 */
	firstNonRead(script: string): Promise<NotARead | null> {
		return this.exclusive(async () => {
			for (const [index, statement] of splitStatements(script).entries()) {
				try {
					const prepared = await this.conn.prepare(`SELECT * FROM (\n${statement.sql}\n)`);
					await prepared.close();
				} catch {
					return { statement, index };
				}
			}
			return null;
		});
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
			// A failed read of the published file (or a new version of it) is the data's error, not the SQL's.
			const failed = this.db.readError(e);
			if (failed instanceof DataLoadError) return { kind: 'error', message: failed.message, offset: null, statement: statements[index], index, count, ms };
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

	/**
	 * Tables, views and columns the user can query now by plain name, for completion: those of the
	 * search path (their own tables, the views with the imported plans when this browser keeps some,
	 * the published tables), a name taken from the first place that has it, as DuckDB resolves it.
	 */
	catalog(): Promise<CatalogColumn[]> {
		return this.exclusive(async () => {
			const t = await this.conn.query(`
				WITH path AS (
					SELECT r.i AS place,
					       CASE WHEN contains(s[r.i], '.') THEN split_part(s[r.i], '.', 1) ELSE current_database() END AS database_name,
					       CASE WHEN contains(s[r.i], '.') THEN split_part(s[r.i], '.', 2) ELSE s[r.i] END AS schema_name
					FROM (SELECT string_split(current_setting('search_path'), ',') AS s) p, range(1, len(p.s) + 1) r(i)
				)
				SELECT DISTINCT ON (c.table_name, c.column_name) c.table_name AS "table", c.column_name AS "column", c.data_type AS "type"
				FROM duckdb_columns() c JOIN path USING (database_name, schema_name)
				WHERE NOT c.internal
				ORDER BY c.table_name, c.column_name, path.place`);
			return t.toArray().map((r: { toJSON(): CatalogColumn }) => r.toJSON());
		});
	}

	/**
	 * Empty the workspace: drop every table, view, macro, sequence and type the user made (in the
	 * workspace, in other schemas of it and in the temporary schema), detach databases the user
	 * attached, and put the connection's defaults back. The published tables were never touched.
	 */
	reset(): Promise<void> {
		return this.exclusive(async () => {
			const q = async (sql: string) => (await this.conn.query(sql)).toArray().map((r: { toJSON(): Record<string, string> }) => r.toJSON());
			await this.conn.query(`USE ${WORKSPACE_DATABASE}`);
			const mine = `database_name IN ('${WORKSPACE_DATABASE}', 'temp') AND NOT internal`;
			const ref = (r: Record<string, string>, name: string) => `${quoteIdent(r.database_name)}.${quoteIdent(r.schema_name)}.${quoteIdent(name)}`;
			for (const r of await q(`SELECT database_name, schema_name, view_name FROM duckdb_views() WHERE ${mine}`)) await this.conn.query(`DROP VIEW IF EXISTS ${ref(r, r.view_name)} CASCADE`);
			for (const r of await q(`SELECT database_name, schema_name, table_name FROM duckdb_tables() WHERE ${mine}`)) await this.conn.query(`DROP TABLE IF EXISTS ${ref(r, r.table_name)} CASCADE`);
			for (const r of await q(`SELECT DISTINCT database_name, schema_name, function_name, function_type FROM duckdb_functions() WHERE ${mine} AND function_type IN ('macro', 'table_macro')`)) {
				await this.conn.query(`DROP ${r.function_type === 'table_macro' ? 'MACRO TABLE' : 'MACRO'} IF EXISTS ${ref(r, r.function_name)}`);
			}
			for (const r of await q(`SELECT database_name, schema_name, sequence_name FROM duckdb_sequences() WHERE database_name IN ('${WORKSPACE_DATABASE}', 'temp')`)) await this.conn.query(`DROP SEQUENCE IF EXISTS ${ref(r, r.sequence_name)} CASCADE`);
			for (const r of await q(`SELECT database_name, schema_name, type_name FROM duckdb_types() WHERE database_name IN ('${WORKSPACE_DATABASE}', 'temp') AND NOT internal`)) await this.conn.query(`DROP TYPE IF EXISTS ${ref(r, r.type_name)}`);
			for (const r of await q(`SELECT database_name, schema_name FROM duckdb_schemas() WHERE database_name IN ('${WORKSPACE_DATABASE}', 'temp') AND NOT internal AND schema_name <> 'main'`)) {
				await this.conn.query(`DROP SCHEMA IF EXISTS ${quoteIdent(r.database_name)}.${quoteIdent(r.schema_name)} CASCADE`);
			}
			for (const r of await q(`SELECT database_name FROM duckdb_databases() WHERE NOT internal AND database_name NOT IN ('${WORKSPACE_DATABASE}', '${PUBLISHED_DATABASE}', 'temp', 'system')`)) {
				await this.conn.query(`DETACH ${quoteIdent(r.database_name)}`);
			}
			// A user who detached the published database gets it back as it was published: read-only.
			const published = await q(`SELECT readonly::VARCHAR AS readonly FROM duckdb_databases() WHERE database_name = '${PUBLISHED_DATABASE}'`);
			if (published.length && published[0].readonly !== 'true') await this.conn.query(`DETACH ${PUBLISHED_DATABASE}`);
			if (!published.length || published[0].readonly !== 'true') await this.conn.query(`ATTACH '${this.publishedFile}' AS ${PUBLISHED_DATABASE} (READ_ONLY)`);
			// The imported plans (detached above with anything else) come back from this browser's store, with the search path.
			await restoreWorkbenchImports(this.db);
		});
	}

	/**
	 * Attach the published database from another file registered in this DuckDB (load-everything.ts:
	 * the whole copy), READ_ONLY, under the same name: the user's queries and the imported views read
	 * it unchanged. The user's own tables stay.
	 */
	usePublishedFile(file: string): Promise<void> {
		return this.exclusive(async () => {
			await this.conn.query(`DETACH ${PUBLISHED_DATABASE}`);
			try {
				await this.conn.query(`ATTACH '${file.replace(/'/g, "''")}' AS ${PUBLISHED_DATABASE} (READ_ONLY)`);
				this.publishedFile = file;
			} catch (e) {
				// Never leave the workbench without the published data.
				await this.conn.query(`ATTACH '${this.publishedFile}' AS ${PUBLISHED_DATABASE} (READ_ONLY)`);
				throw e;
			}
		});
	}

	/** Rows of each published table and page table, read from the read-only database by its full name. */
	rowCounts(): Promise<Record<string, number>> {
		return this.exclusive(async () => {
			const parts = this.names.map((n) => `SELECT '${n}' AS name, count(*) AS n FROM ${PUBLISHED_DATABASE}.main."${n}"`);
			const t = await this.conn.query(parts.join(' UNION ALL '));
			return Object.fromEntries(t.toArray().map((r: { name: string; n: bigint | number }) => [r.name, Number(r.n)]));
		});
	}
}
