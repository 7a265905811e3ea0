import { parquetWriteBuffer, type BasicType, type ColumnSource } from 'hyparquet-writer';
import { bigintReplacer, type Plain, type ResultColumn } from './cells';

/**
 * A result as a Parquet file, written in JavaScript: DuckDB-wasm cannot write Parquet offline (its
 * parquet extension would be downloaded). Types follow the result's SQL types; decimals become
 * DOUBLE, dates and timestamps TIMESTAMP, and lists, structs and maps JSON text, so every row and
 * every value is kept.
 */
function parquetType(column: ResultColumn): BasicType {
	const t = column.type;
	if (t === 'VARCHAR') return 'STRING';
	if (t === 'BOOLEAN') return 'BOOLEAN';
	if (/^U?(TINYINT|SMALLINT)$/.test(t) || t === 'INTEGER') return 'INT32';
	if (t === 'BIGINT' || t === 'UINTEGER') return 'INT64';
	if (t === 'DOUBLE' || t === 'FLOAT' || t.startsWith('DECIMAL')) return 'DOUBLE';
	if (t === 'DATE' || t.startsWith('TIMESTAMP')) return 'TIMESTAMP';
	return 'JSON';
}

function convert(type: BasicType, v: Plain): unknown {
	if (v === null) return null;
	switch (type) {
		case 'INT64':
			return typeof v === 'bigint' ? v : BigInt(v as number | string);
		case 'DOUBLE':
			return Number(v);
		case 'TIMESTAMP':
			return new Date(`${String(v).replace(' ', 'T')}${String(v).length > 10 ? 'Z' : 'T00:00:00Z'}`);
		case 'JSON':
			return JSON.parse(JSON.stringify(v, bigintReplacer));
		case 'STRING':
			return typeof v === 'string' ? v : String(v);
		default:
			return v;
	}
}

export function toParquet(columns: readonly ResultColumn[], rowCount: number): ArrayBuffer {
	const columnData: ColumnSource[] = columns.map((c) => {
		const type = parquetType(c);
		const data = new Array<unknown>(rowCount);
		for (let r = 0; r < rowCount; r++) data[r] = convert(type, c.get(r));
		// Parquet readers find columns by name: duplicates get DuckDB's unique names (x, x_1).
		return { name: c.key, type, data, nullable: true };
	});
	return parquetWriteBuffer({ columnData });
}
