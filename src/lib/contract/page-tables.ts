import type { PageTable } from '../db/page-table';
import { headlineTable, municipalitySummariesTable, themeMatrixTable } from '../queries/overview';
import { searchDocsTable, searchGoalDocsTable, searchGramsTable } from '../queries/search-index';
import { themeInitiativesTable } from '../queries/theme';
import { initiativeSummariesTable } from '../queries/initiative';
import { chartPairsTable, themeChartPairsTable } from '../queries/chart-pairs';
import { gradingPairCountsTable } from '../queries/grading';

/**
 * Every page table (src/lib/db/page-table.ts says what one is), in the order the pipeline derives
 * them. A page table is declared beside the query that reads it and registered here with one line.
 */
export const PAGE_TABLES: readonly PageTable[] = [
	municipalitySummariesTable,
	headlineTable,
	themeMatrixTable,
	searchDocsTable,
	searchGoalDocsTable,
	searchGramsTable,
	themeInitiativesTable,
	initiativeSummariesTable,
	chartPairsTable,
	themeChartPairsTable,
	gradingPairCountsTable
];

export const isPageTable = (name: string): boolean => PAGE_TABLES.some((t) => t.name === name);
