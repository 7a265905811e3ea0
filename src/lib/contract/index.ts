import { TABLES } from './tables';
import type { TableDef } from './column';

/**
 * Every table of the published dataset, in the order they are written and loaded.
 * Tables computed after ingest (themes, crosswalk, achievement) are appended here.
 */
export const ALL_TABLES: readonly TableDef[] = [...TABLES];

export * from './tables';
export { columnsOf, type TableDef, type ColumnInfo, type SqlType } from './column';
