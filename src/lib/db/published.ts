/**
 * Where the published tables live, for the pipeline that writes them and both engines that read
 * them: one DuckDB database file, attached READ_ONLY under this name.
 */
export const PUBLISHED_DATABASE = 'atlas';
export const DATABASE_FILE = 'atlas.duckdb';

/** Where the browser reads the published file (a path of this site: DuckDB's worker checks only those). */
export function databaseUrl(base = ''): string {
	return `${base}/data/${DATABASE_FILE}`;
}
