/**
 * Every id of a municipality's rows starts with its code (initiatives, measures, evaluations, pairs:
 * the contract's pattern, and what initiativeMunicipality reads), and the published file is sorted by
 * those ids. A constant range on an id column lets DuckDB's zone maps skip every block outside the
 * municipality; a join from the municipality's initiatives gives DuckDB a range only at run time, and
 * not on every table it joins.
 */
export interface KeyRange {
	/** `column >= ? AND column < ?` */
	sql: (column: string) => string;
	params: [string, string];
}

/** The ids that start with `prefix`: from the prefix itself up to the next prefix of the same length. */
export function prefixRange(prefix: string): KeyRange {
	if (!prefix) throw new Error('prefixRange: an empty prefix is every id');
	const last = prefix.charCodeAt(prefix.length - 1);
	const next = prefix.slice(0, -1) + String.fromCharCode(last + 1);
	return { sql: (column) => `(${column} >= ? AND ${column} < ?)`, params: [prefix, next] };
}
