/**
 * Where the published tables live, for the pipeline that writes them and both engines that read
 * them: one DuckDB database file, attached READ_ONLY under this name.
 */
export const PUBLISHED_DATABASE = 'atlas';
export const DATABASE_FILE = 'atlas.duckdb';
