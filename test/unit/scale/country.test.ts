import { describe, expect, it } from 'vitest';
import { ROWS_PRERENDERED, WHOLE_PAGES_UP_TO_PLANS, countryWide, firstRows } from '../../../src/lib/scale/country';

describe('pages of the whole country, by scale', () => {
	it('are prerendered whole for the five published plans, and cut beyond WHOLE_PAGES_UP_TO_PLANS', () => {
		expect(countryWide(5)).toBe(false);
		expect(countryWide(WHOLE_PAGES_UP_TO_PLANS)).toBe(false);
		expect(countryWide(WHOLE_PAGES_UP_TO_PLANS + 1)).toBe(true);
		expect(countryWide(1741)).toBe(true);
	});
	it('keep every row of a table unless at scale, then the first ROWS_PRERENDERED in order', () => {
		const rows = Array.from({ length: ROWS_PRERENDERED + 5 }, (_, k) => k);
		expect(firstRows(rows, false)).toEqual(rows);
		expect(firstRows(rows, true)).toEqual(rows.slice(0, ROWS_PRERENDERED));
		expect(firstRows([1, 2], true)).toEqual([1, 2]);
	});
});
