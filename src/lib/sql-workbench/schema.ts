import { ALL_TABLES, columnsOf, type TableDef } from '../contract/index';
import { PAGE_TABLES } from '../contract/page-tables';
import type { Lang } from '../i18n/index';
import type { CompletionSchema } from './editor';

/**
 * The published tables as the schema panel shows them: every column with its SQL type and its
 * meaning in both languages, straight from the data contract (the same source as the data dictionary).
 */
export interface SchemaColumnInfo {
	name: string;
	sql: string;
	en: string;
	ja: string;
}

export interface SchemaTable {
	name: string;
	rowEn: string;
	rowJa: string;
	columns: SchemaColumnInfo[];
}

const schemaTable = (t: TableDef): SchemaTable => ({
	name: t.name,
	rowEn: t.rowEn,
	rowJa: t.rowJa,
	columns: columnsOf(t).map((c) => ({ name: c.name, sql: c.sql, en: c.en, ja: c.ja }))
});

export function publishedSchema(): SchemaTable[] {
	return ALL_TABLES.map(schemaTable);
}

/**
 * The page tables (src/lib/db/page-table.ts): derived by the pipeline from the tables above for the
 * pages to read by key. They are in the database the workbench queries, so it lists them too, apart,
 * as they are not sources of their own.
 */
export function pageTableSchema(): SchemaTable[] {
	return PAGE_TABLES.map(schemaTable);
}

/**
 * Names for completion: the catalog DuckDB reports when known (it includes tables the user made),
 * else the published tables; columns of published tables carry their meaning.
 */
export function completionSchema(tables: readonly SchemaTable[], lang: Lang, catalog?: readonly { table: string; column: string; type: string }[]): CompletionSchema {
	const meaning = new Map<string, string>();
	for (const t of tables) for (const c of t.columns) meaning.set(`${t.name}.${c.name}`, lang === 'ja' ? c.ja : c.en);
	const out: CompletionSchema = {};
	if (catalog?.length) {
		for (const c of catalog) (out[c.table] ??= []).push({ name: c.column, type: c.type, info: meaning.get(`${c.table}.${c.column}`) });
	} else {
		for (const t of tables) out[t.name] = t.columns.map((c) => ({ name: c.name, type: c.sql, info: lang === 'ja' ? c.ja : c.en }));
	}
	return out;
}
