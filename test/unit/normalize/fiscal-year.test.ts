import { describe, expect, it } from 'vitest';
import { findFiscalYears, readFiscalYear } from '../../../src/lib/normalize/fiscal-year';

describe('readFiscalYear reads the 年度 labels printed in the sources as Gregorian start years', () => {
	it.each([
		['R2実績', 2020],
		['3年後の目標値 (R5)', 2023],
		['令和2年度', 2020],
		['令和元年度実施予定', 2019],
		['H29年度の実績', 2017],
		['平成30年度実施状況', 2018],
		['H32(2020)', 2020],
		['Ｈ３２（２０２０）', 2020],
		['H31', 2019],
		['2021年度計画', 2021],
		['2020年度（実績）', 2020],
		['令和6年度の目標', 2024]
	])('%s → %i', (label, year) => {
		expect(readFiscalYear(label)).toBe(year);
	});

	it('reads a bare 30年度 only when the report says which era it is in', () => {
		expect(readFiscalYear('30年度実績')).toBeNull();
		expect(readFiscalYear('30年度実績', 'H')).toBe(2018);
	});

	it('finds no year in text that names none', () => {
		expect(readFiscalYear('事業実施')).toBeNull();
	});

	it('lists every year a longer text names, once each', () => {
		expect(findFiscalYears('H30年度は3回、R2年度までに H32(2020) 10回')).toEqual([2018, 2020]);
	});
});
