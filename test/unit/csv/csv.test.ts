import { describe, expect, it } from 'vitest';
import { csvField, toCsvDocument } from '../../../src/lib/csv';
import { toCsv as chartCsv } from '../../../src/lib/components/charts/table-data';

describe('the CSV writer', () => {
	it('turns text a spreadsheet would run as a formula into text', () => {
		expect(csvField('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
		expect(csvField('+1+2')).toBe("'+1+2");
		expect(csvField('-2+3')).toBe("'-2+3");
		expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
		expect(csvField('\t=1')).toBe("'\t=1");
		expect(csvField('\r=1')).toBe(`"'\r=1"`);
		expect(csvField('=1')).toBe("'=1");
	});

	it('keeps numbers, and text that is only a number, as numbers', () => {
		expect(csvField(-5)).toBe('-5');
		expect(csvField(-0.25)).toBe('-0.25');
		expect(csvField(-(2n ** 60n))).toBe('-1152921504606846976');
		expect(csvField('-5')).toBe('-5');
		expect(csvField('+81')).toBe('+81');
		expect(csvField('-1.5e3')).toBe('-1.5e3');
	});

	it('leaves ordinary text, quotes what needs quoting and writes NULL as empty', () => {
		expect(csvField('見守り活動')).toBe('見守り活動');
		expect(csvField('a, "b"')).toBe('"a, ""b"""');
		expect(csvField(' edge ')).toBe('" edge "');
		expect(csvField('15107-001')).toBe('15107-001');
		expect(csvField(null)).toBe('');
	});

	it('is the writer of chart downloads too', () => {
		const csv = chartCsv([{ key: 'name', label: '名前' }, { key: 'n', label: 'n' }], [{ name: '=cmd|calc', n: -3 }]);
		expect(csv).toBe(toCsvDocument(['名前', 'n'], [['=cmd|calc', -3]]));
		expect(csv).toBe("\uFEFF名前,n\r\n'=cmd|calc,-3\r\n");
	});
});
