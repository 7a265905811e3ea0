import { TABLES } from './tables';
import { COMMON_GROUND_TABLES } from './common-ground';
import { comparableInitiatives } from './comparable';
import type { TableDef } from './column';

/**
 * Every table of the published dataset, in the order they are written and loaded.
 * Tables computed after ingest (themes, crosswalk, achievement) are appended here, and last the
 * comparable initiatives, computed from all of them.
 */
export const ALL_TABLES: readonly TableDef[] = [...TABLES, ...COMMON_GROUND_TABLES, comparableInitiatives];

export * from './tables';
export { columnsOf, type TableDef, type ColumnInfo, type SqlType } from './column';
