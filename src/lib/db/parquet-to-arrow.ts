import { parquetMetadata, parquetRead } from 'hyparquet';
import { Bool, Field, Float64, Int32, List, Table, Utf8, makeData, makeVector, type Data, type DataType, type Vector } from 'apache-arrow';
import { columnsOf, type ColumnInfo, type TableDef } from '../contract/column';

/**
 * duckdb-wasm cannot read Parquet offline (its parquet extension is downloaded at first use), so
 * Parquet is decoded in JavaScript by hyparquet and handed over as Arrow, typed by the contract.
 *
 * Columns are read column by column and Arrow's buffers are filled directly: building vectors
 * value by value (vectorFromArray) cost over 90% of the load at national scale (500,000 measures:
 * about 6 s of builders against 0.6 s of decoding). See scripts/bench/RESULTS.md.
 */

type Cell = unknown;

function validity(values: readonly Cell[]): { bitmap: Uint8Array; nulls: number } {
	const bitmap = new Uint8Array((values.length + 7) >> 3);
	let nulls = 0;
	for (let i = 0; i < values.length; i++) {
		if (values[i] === null || values[i] === undefined) nulls++;
		else bitmap[i >> 3] |= 1 << (i & 7);
	}
	return { bitmap, nulls };
}

const encoder = new TextEncoder();

/** Bytes of a string in UTF-8, as TextEncoder writes it (a lone surrogate becomes U+FFFD, 3 bytes). */
function utf8Length(s: string): number {
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) n += 1;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
			n += 4;
			i++;
		} else n += 3;
	}
	return n;
}

/**
 * UTF-8 bytes and offsets for a string column, written into one buffer: the column's strings are
 * joined and encoded at once (one encodeInto a string cost most of an import's hand-over to DuckDB),
 * the offsets counted from each string's UTF-8 length.
 */
function utf8Data(values: readonly Cell[]): Data<Utf8> {
	const { bitmap, nulls } = validity(values);
	const offsets = new Int32Array(values.length + 1);
	const parts: string[] = [];
	let at = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (typeof v === 'string' && v.length) {
			parts.push(v);
			at += utf8Length(v);
		}
		offsets[i + 1] = at;
	}
	const bytes = encoder.encode(parts.join(''));
	if (bytes.length === at) return makeData({ type: new Utf8(), length: values.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data: bytes });
	return utf8DataEach(values, bitmap, nulls);
}

/** The same, string by string: kept for a column whose joined text would encode otherwise (never seen; a safeguard). */
function utf8DataEach(values: readonly Cell[], bitmap: Uint8Array, nulls: number): Data<Utf8> {
	let capacity = 0;
	for (const v of values) if (typeof v === 'string') capacity += v.length * 3;
	const bytes = new Uint8Array(capacity);
	const offsets = new Int32Array(values.length + 1);
	let at = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (typeof v === 'string' && v.length) at += encoder.encodeInto(v, bytes.subarray(at)).written;
		offsets[i + 1] = at;
	}
	return makeData({ type: new Utf8(), length: values.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data: bytes.subarray(0, at) });
}

function numberData<T extends Int32 | Float64>(type: T, values: readonly Cell[]): Data<T> {
	const { bitmap, nulls } = validity(values);
	const data = type instanceof Int32 ? new Int32Array(values.length) : new Float64Array(values.length);
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v !== null && v !== undefined) data[i] = Number(v);
	}
	// makeData's overloads cannot see that T is Int32 or Float64 here; the buffer matches the type above.
	return makeData({ type, length: values.length, nullCount: nulls, nullBitmap: bitmap, data } as never) as unknown as Data<T>;
}

function boolData(values: readonly Cell[]): Data<Bool> {
	const { bitmap, nulls } = validity(values);
	const data = new Uint8Array((values.length + 7) >> 3);
	for (let i = 0; i < values.length; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
	return makeData({ type: new Bool(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data });
}

function listData(child: (flat: Cell[]) => Data, childType: DataType, values: readonly Cell[]): Data<List> {
	const { bitmap, nulls } = validity(values);
	const offsets = new Int32Array(values.length + 1);
	const flat: Cell[] = [];
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (Array.isArray(v)) for (const item of v) flat.push(item);
		offsets[i + 1] = flat.length;
	}
	const type = new List(new Field('item', childType, true));
	return makeData({ type, length: values.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, child: child(flat) });
}

function columnVector(col: ColumnInfo, values: readonly Cell[]): Vector {
	switch (col.sql) {
		case 'VARCHAR':
			return makeVector(utf8Data(values));
		case 'INTEGER':
			return makeVector(numberData(new Int32(), values));
		case 'DOUBLE':
			return makeVector(numberData(new Float64(), values));
		case 'BOOLEAN':
			return makeVector(boolData(values));
		case 'VARCHAR[]':
			return makeVector(listData(utf8Data, new Utf8(), values));
		case 'INTEGER[]':
			return makeVector(listData((flat) => numberData(new Int32(), flat), new Int32(), values));
	}
}

/** Rows (plain objects of the contract) as an Arrow table typed by the contract: imported plans take this path. */
export function rowsToArrow(table: TableDef, rows: readonly Record<string, unknown>[]): Table {
	const vectors: Record<string, Vector> = {};
	for (const col of columnsOf(table)) vectors[col.name] = columnVector(col, rows.map((r) => r[col.name] ?? null));
	return new Table(vectors);
}

export async function parquetToArrow(table: TableDef, bytes: ArrayBuffer): Promise<Table> {
	const metadata = parquetMetadata(bytes);
	const rows = Number(metadata.num_rows);
	const columns = columnsOf(table);
	// A column the file lacks is a different file than the contract says: refuse it by name.
	const missing = columns.find((c) => !metadata.schema.some((s) => s.name === c.name));
	if (missing) throw new Error(`column ${missing.name} is missing`);
	const values = new Map<string, Cell[]>(columns.map((c) => [c.name, new Array<Cell>(rows).fill(null)]));
	await parquetRead({
		file: bytes,
		metadata,
		columns: columns.map((c) => c.name),
		onChunk({ columnName, columnData, rowStart }) {
			const target = values.get(columnName);
			if (!target) return;
			for (let i = 0; i < columnData.length; i++) target[rowStart + i] = columnData[i];
		}
	});
	const vectors: Record<string, Vector> = {};
	for (const col of columns) {
		vectors[col.name] = columnVector(col, values.get(col.name)!);
	}
	return new Table(vectors);
}
