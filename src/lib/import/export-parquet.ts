import { parquetWriteBuffer, type BasicType, type ColumnSource } from 'hyparquet-writer';
import { columnsOf, type SqlType, type TableDef } from '../contract/column';

/**
 * One table of an imported plan as Parquet in the contract's shape (the columns and types of the
 * published /data/<table>.parquet), ready to be contributed. Lists are written as Parquet lists,
 * inferred by the writer from the arrays.
 */
const TYPE: Partial<Record<SqlType, BasicType>> = { VARCHAR: 'STRING', INTEGER: 'INT32', DOUBLE: 'DOUBLE', BOOLEAN: 'BOOLEAN' };

export function tableParquet(table: TableDef, rows: readonly Record<string, unknown>[]): ArrayBuffer {
	const columnData: ColumnSource[] = columnsOf(table).map((c) => ({
		name: c.name,
		data: rows.map((r) => r[c.name] ?? null),
		...(TYPE[c.sql] ? { type: TYPE[c.sql] } : {}),
		nullable: c.nullable
	}));
	return parquetWriteBuffer({ columnData });
}
