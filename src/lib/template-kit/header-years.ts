import { z } from 'zod';
import { SourceError } from './source-error';
import { Pattern } from './table-spec';
import { readFiscalYear } from '../normalize/fiscal-year';

/**
 * A table's column heading row, repeated on every page, and the fiscal years it gives the rows
 * below it. General: a row is a heading row when every cell it fills is one of the template's
 * headings or a year column's (平成30年度実施状況); the row that names the first year column gives
 * every year column's year (a heading row without it, a sub-heading, leaves them as they were).
 */
export const HeaderYearsSpec = z.object({
	cells: z.array(z.string().min(1)),
	year_cell: Pattern,
	/** each year column: the cell that names it, and the era a year without one is in */
	years: z.record(z.string(), z.object({ cell: Pattern, era: z.enum(['H', 'R']).optional() }))
});
export type HeaderYearsSpec = z.infer<typeof HeaderYearsSpec>;

export function isHeaderRow(cells: readonly string[], spec: HeaderYearsSpec): boolean {
	const filled = cells.filter(Boolean);
	const yearCell = new RegExp(spec.year_cell, 'u');
	return filled.length > 0 && filled.every((c) => spec.cells.includes(c) || yearCell.test(c));
}

/** The years a heading row gives, by year column; null when it names no first year column. */
export function headerYears(cells: readonly string[], spec: HeaderYearsSpec, file: string, line: number): Record<string, number> | null {
	const printed = Object.values(spec.years).map((how) => cells.find((c) => new RegExp(how.cell, 'u').test(c)) ?? '');
	if (!printed[0]) return null;
	const years = Object.values(spec.years).map((how, k) => readFiscalYear(printed[k], how.era));
	if (years.some((y) => y === null)) throw new SourceError(file, line, 'header', `cannot read the fiscal years from ${printed.map((p) => `"${p}"`).join(' / ')}`);
	return Object.fromEntries(Object.keys(spec.years).map((k, i) => [k, years[i]!]));
}
