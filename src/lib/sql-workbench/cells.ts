import { DataType, type Field, type Table, type Vector } from 'apache-arrow';

/**
 * Values of a result as the workbench shows and exports them. DuckDB answers in Arrow; its types
 * are named here as DuckDB names them, and values become plain JavaScript (text, numbers, arrays,
 * objects) without losing digits: 64-bit integers and decimals beyond 2^53 stay exact as text.
 */
export type Plain = null | string | number | boolean | bigint | Plain[] | { [key: string]: Plain };

/** The SQL name of an Arrow type as DuckDB sends it (VARCHAR, BIGINT, DECIMAL(18,3), VARCHAR[], …). */
export function sqlTypeName(type: DataType): string {
	if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'VARCHAR';
	if (DataType.isBool(type)) return 'BOOLEAN';
	if (DataType.isInt(type)) {
		const names: Record<number, string> = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' };
		return (type.isSigned ? '' : 'U') + (names[type.bitWidth] ?? `INT${type.bitWidth}`);
	}
	if (DataType.isFloat(type)) return type.precision === 2 ? 'DOUBLE' : type.precision === 1 ? 'FLOAT' : 'HALF';
	if (DataType.isDecimal(type)) return `DECIMAL(${type.precision},${type.scale})`;
	if (DataType.isDate(type)) return 'DATE';
	if (DataType.isTimestamp(type)) return type.timezone ? 'TIMESTAMPTZ' : 'TIMESTAMP';
	if (DataType.isTime(type)) return 'TIME';
	if (DataType.isInterval(type) || DataType.isDuration(type)) return 'INTERVAL';
	if (DataType.isBinary(type) || DataType.isLargeBinary(type) || DataType.isFixedSizeBinary(type)) return 'BLOB';
	if (DataType.isList(type) || DataType.isFixedSizeList(type)) return `${sqlTypeName(type.children[0].type)}[]`;
	if (DataType.isStruct(type)) return `STRUCT(${type.children.map((f: Field) => `${f.name} ${sqlTypeName(f.type)}`).join(', ')})`;
	if (DataType.isMap(type)) return 'MAP';
	if (DataType.isDictionary(type)) return sqlTypeName(type.dictionary);
	if (DataType.isNull(type)) return 'NULL';
	return String(type);
}

/** How a column can be charted. */
export type ColumnKind = 'number' | 'text' | 'time' | 'boolean' | 'other';

export function columnKind(type: DataType): ColumnKind {
	if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
	if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isDictionary(type)) return 'text';
	if (DataType.isDate(type) || DataType.isTimestamp(type)) return 'time';
	if (DataType.isBool(type)) return 'boolean';
	return 'other';
}

/** A 128-bit two's-complement decimal (four little-endian 32-bit words) as exact text. */
export function decimalText(words: Uint32Array, scale: number): string {
	let n = 0n;
	for (let k = words.length - 1; k >= 0; k--) n = (n << 32n) | BigInt(words[k]);
	const bits = BigInt(words.length * 32);
	if (n >> (bits - 1n)) n -= 1n << bits;
	const negative = n < 0n;
	const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
	const whole = digits.slice(0, digits.length - scale);
	const frac = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
	return `${negative ? '-' : ''}${whole}${frac}`;
}

/** One value read from Arrow as plain JavaScript, typed by its column. */
export function plainCell(type: DataType, v: unknown): Plain {
	if (v === null || v === undefined) return null;
	if (DataType.isDecimal(type)) {
		const text = decimalText(v as Uint32Array, type.scale);
		const n = Number(text);
		// Beyond 2^53 a number would change digits: keep the exact text.
		return Math.abs(n) < 2 ** 53 ? n : text;
	}
	if (DataType.isDate(type)) return new Date(v as number | Date).toISOString().slice(0, 10);
	if (DataType.isTimestamp(type)) return new Date(Number(v)).toISOString().replace('T', ' ').replace('Z', '');
	if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
		const child = type.children[0].type;
		return Array.from(v as Iterable<unknown>, (x) => plainCell(child, x));
	}
	if (DataType.isStruct(type)) {
		const o: { [key: string]: Plain } = {};
		const row = v as Record<string, unknown>;
		for (const f of type.children as Field[]) o[f.name] = plainCell(f.type, row[f.name]);
		return o;
	}
	if (DataType.isBinary(type) || DataType.isLargeBinary(type) || DataType.isFixedSizeBinary(type)) {
		return '\\x' + Array.from(v as Uint8Array, (b) => b.toString(16).padStart(2, '0')).join('');
	}
	if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v;
	if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
	if (typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') return JSON.parse(JSON.stringify(v, bigintReplacer)) as Plain;
	return String(v);
}

export function bigintReplacer(_key: string, value: unknown): unknown {
	return typeof value === 'bigint' ? (Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()) : value;
}

/** A plain value as one line of text for the grid and CSV; null has no text (the grid marks it). */
export function valueText(v: Plain): string {
	if (v === null) return '';
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
	return JSON.stringify(v, bigintReplacer);
}

/** A column of a result with its name, type and values read on demand. */
export interface ResultColumn {
	/** The name as DuckDB gives it; two columns of a result may share one (SELECT 1 AS x, 2 AS x). */
	name: string;
	/** The name made unique within the result, for what needs one: the grid, the chart, JSON keys, Parquet columns. */
	key: string;
	type: string;
	kind: ColumnKind;
	get(row: number): Plain;
}

/**
 * Names made unique the way DuckDB does it when such a result becomes a table (x, x → x, x_1):
 * a later duplicate gets _1, _2, … skipping any name already taken.
 */
export function uniqueNames(names: readonly string[]): string[] {
	const taken = new Set(names);
	const seen = new Set<string>();
	return names.map((name) => {
		if (!seen.has(name)) {
			seen.add(name);
			return name;
		}
		let k = 1;
		while (taken.has(`${name}_${k}`)) k++;
		const unique = `${name}_${k}`;
		taken.add(unique);
		seen.add(unique);
		return unique;
	});
}

export function resultColumns(table: Table): ResultColumn[] {
	const keys = uniqueNames(table.schema.fields.map((f) => f.name));
	return table.schema.fields.map((field, i) => {
		const vector = table.getChildAt(i) as Vector | null;
		return {
			name: field.name,
			key: keys[i],
			type: sqlTypeName(field.type),
			kind: columnKind(field.type),
			get: (row: number) => plainCell(field.type, vector?.get(row))
		};
	});
}
