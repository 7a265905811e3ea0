import { z } from 'zod';

/**
 * Every table column is declared once, here, as a zod schema carrying its SQL type and its meaning.
 * The same declaration validates records (pipeline and browser), creates the Parquet/DuckDB columns,
 * builds the Arrow vectors in the browser, and generates the data dictionary.
 */
export type SqlType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'VARCHAR[]' | 'INTEGER[]';

export interface ColumnMeta {
	sql: SqlType;
	en: string;
	ja: string;
}

const columnMeta = z.registry<ColumnMeta>();

export function column<T extends z.ZodType>(schema: T, sql: SqlType, en: string, ja: string): T {
	// A fresh instance per column: shared schemas (a municipality code) carry a different meaning in each table.
	const own = schema.clone() as T;
	columnMeta.add(own, { sql, en, ja });
	return own;
}

export interface TableDef<S extends z.ZodRawShape = z.ZodRawShape> {
	name: string;
	/** What one row is, for the data dictionary. */
	rowEn: string;
	rowJa: string;
	schema: z.ZodObject<S>;
	/** Columns that give the stable row order written to Parquet. */
	orderBy: string[];
}

const strictSchemas = new WeakMap<TableDef, z.ZodObject>();

/**
 * A table's schema refusing unknown fields, built once per table: zod compiles a schema on its first
 * parse, so building it again for every row cost more than checking the row (a 2,000-row import spent
 * seconds here). The pipeline's validation and the import's checks both read it.
 */
export function strictSchema(table: TableDef): z.ZodObject {
	let strict = strictSchemas.get(table);
	if (!strict) strictSchemas.set(table, (strict = table.schema.strict() as unknown as z.ZodObject));
	return strict;
}

export interface ColumnInfo extends ColumnMeta {
	name: string;
	nullable: boolean;
}

export function columnsOf(table: TableDef): ColumnInfo[] {
	return Object.entries(table.schema.shape).map(([name, schema]) => {
		const meta = columnMeta.get(schema as z.ZodType);
		if (!meta) throw new Error(`column ${table.name}.${name} has no SQL type or meaning declared`);
		const nullable = (schema as z.ZodType).safeParse(null).success;
		return { name, nullable, ...meta };
	});
}

export function defineTable<S extends z.ZodRawShape>(def: TableDef<S>): TableDef<S> {
	return def;
}
