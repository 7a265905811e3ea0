import { columnsOf, type TableDef } from '../contract/column';

/**
 * A page table: a published table the pipeline derives from the other published tables for a page
 * to read by key, instead of the page aggregating or scanning the whole country in the tab.
 *
 * Its rows come from one SQL builder, written once and run twice:
 *   - by the pipeline over the published tables (scripts/lib/write-parquet.ts), stored in
 *     atlas.duckdb in the order of `orderBy` (so DuckDB's zone maps skip every block but the key's),
 *     and in parquet/ (the national summary, or split by prefecture);
 *   - in the browser over the user's imported plans only (src/lib/db/imported.ts): the page reads
 *     `imported.main.<name>` = the published rows UNION ALL the builder's rows over `imported.rows`,
 *     so an imported plan shows on the page exactly as if it were published.
 * The builder must therefore be additive: its rows over published + imported plans are its rows over
 * each part (group by plan, municipality or initiative, never a total across plans; a page sums a
 * total over the rows).
 *
 * To add one: declare it with definePageTable beside the query that reads it (columns with `column`,
 * as the contract's tables, so the data dictionary lists them), add it to PAGE_TABLES in
 * src/lib/contract/page-tables.ts, run `npm run dictionary`, and read it in the page by its key.
 */
export interface PageTableSources {
	/** The rows to derive from: a published table in the pipeline, the user's own rows of it in the browser. */
	rows(table: string): string;
	/** A table to look something up in (a municipality's name): in the browser, published and imported rows alike. */
	lookup(table: string): string;
}

export interface PageTable extends TableDef {
	/** One SELECT giving the table's columns by name, over the tables `from` names. */
	sql(from: PageTableSources): string;
	/**
	 * Its place in parquet/: 'summary' (parquet/summary/<name>.parquet: a row per municipality or fewer,
	 * what the overview and the prefecture pages need), or the SQL of a row's municipality code, to
	 * split it by prefecture as the large tables are (<name>/prefecture_code=NN/data.parquet), or 'none'
	 * (in atlas.duckdb only: an index the pages read, of no use to a reader of the files).
	 */
	parquet: 'summary' | { prefectureOf: string } | 'none';
	/**
	 * Columns of an ART index (CREATE INDEX) in atlas.duckdb, for a page that reads rows scattered over
	 * the table by their key: DuckDB answers `key IN (a few constants)` through the index by fetching
	 * each row, one block per column, where a scan reads every 2,048-row vector holding one of them.
	 */
	index?: readonly string[];
}

export function definePageTable<T extends PageTable>(def: T): T {
	return def;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Sources naming every table in `database.schema` (the pipeline's memory.main, the published file). */
export function sourcesIn(schema: string): PageTableSources {
	const name = (t: string) => `${schema}.${quoted(t)}`;
	return { rows: name, lookup: name };
}

/** The builder's rows with the contract's column types, in the declared column order (so UNION ALL lines up). */
export function pageTableSelect(table: PageTable, from: PageTableSources): string {
	const cols = columnsOf(table).map((c) => `CAST(${quoted(c.name)} AS ${c.sql}) AS ${quoted(c.name)}`);
	return `SELECT ${cols.join(', ')} FROM (${table.sql(from)})`;
}
