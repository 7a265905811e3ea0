/**
 * All database access goes through this one interface. The same SQL runs on native DuckDB at build
 * time (to prerender pages with their data) and on DuckDB-wasm in the browser (for interaction).
 * User input never enters SQL text: it is passed as positional parameters (?).
 */
export type Param = string | number | boolean | null;

export type Row = Record<string, unknown>;

export interface Connector {
	query<T extends Row = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
}

/**
 * Turn a value from either engine into plain JSON-like JavaScript, so pages get the same rows from
 * both: BIGINT → number (counts fit), lists → arrays, nested Arrow vectors → arrays.
 */
export function plainValue(v: unknown): unknown {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (Array.isArray(v)) return v.map(plainValue);
	if (typeof v === 'object') {
		const o = v as { toArray?: () => unknown[]; items?: unknown[]; toJSON?: () => unknown };
		if (typeof o.toArray === 'function') return Array.from(o.toArray()).map(plainValue);
		if (Array.isArray(o.items)) return o.items.map(plainValue);
		if (v instanceof Date) return v.toISOString();
	}
	return v;
}

export function plainRow(row: Row): Row {
	const out: Row = {};
	for (const [k, v] of Object.entries(row)) out[k] = plainValue(v);
	return out;
}

/** The User Timing entry each browser query leaves (src/lib/db/wasm.ts), read by scripts/bench/pages.bench.ts. */
export const QUERY_MEASURE = 'atlas-query';
