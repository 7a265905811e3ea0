import { parquetReadObjects } from 'hyparquet';
import { Bool, Field, Float64, Int32, List, Table, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import { columnsOf, type SqlType, type TableDef } from '../contract/column';

/**
 * duckdb-wasm cannot read Parquet offline (its parquet extension is downloaded at first use), so
 * Parquet is decoded in JavaScript by hyparquet and handed over as Arrow, typed by the contract.
 */
function arrowType(sql: SqlType): DataType {
	switch (sql) {
		case 'VARCHAR':
			return new Utf8();
		case 'INTEGER':
			return new Int32();
		case 'DOUBLE':
			return new Float64();
		case 'BOOLEAN':
			return new Bool();
		case 'VARCHAR[]':
			return new List(new Field('item', new Utf8(), true));
		case 'INTEGER[]':
			return new List(new Field('item', new Int32(), true));
	}
}

export async function parquetToArrow(table: TableDef, bytes: ArrayBuffer): Promise<Table> {
	const rows = await parquetReadObjects({ file: bytes });
	const columns: Record<string, Vector> = {};
	for (const col of columnsOf(table)) {
		const values = rows.map((r) => {
			const v = r[col.name];
			return typeof v === 'bigint' ? Number(v) : (v ?? null);
		});
		columns[col.name] = vectorFromArray(values, arrowType(col.sql));
	}
	return new Table(columns);
}
