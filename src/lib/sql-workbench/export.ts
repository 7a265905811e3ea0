import { bigintReplacer, valueText, type Plain, type ResultColumn } from './cells';
import { toCsvDocument, type CsvValue } from '../csv';

/** Downloads of a whole result (never the cut display). */

/** Numbers stay numbers in the CSV; everything else is written as the grid shows it. */
export function csvValue(v: Plain): CsvValue {
	return typeof v === 'number' || typeof v === 'bigint' ? v : v === null ? null : valueText(v);
}

export function toCsv(columns: readonly ResultColumn[], rowCount: number): string {
	function* rows() {
		for (let r = 0; r < rowCount; r++) yield columns.map((c) => csvValue(c.get(r)));
	}
	return toCsvDocument(
		columns.map((c) => c.name),
		rows()
	);
}

/**
 * An array of row objects; 64-bit integers beyond 2^53 are written as strings to keep every digit.
 * Keys are the unique names (x, x_1): an object cannot hold two values under one key.
 */
export function toJson(columns: readonly ResultColumn[], rowCount: number): string {
	const rows: Record<string, Plain>[] = [];
	for (let r = 0; r < rowCount; r++) {
		const row: Record<string, Plain> = {};
		for (const c of columns) row[c.key] = c.get(r);
		rows.push(row);
	}
	return JSON.stringify(rows, bigintReplacer, 1);
}
