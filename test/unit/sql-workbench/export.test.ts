import { describe, expect, it } from 'vitest';
import { parquetReadObjects } from 'hyparquet';
import { tableFromArrays, vectorFromArray, Table, Utf8, List, Field, Int32 } from 'apache-arrow';
import { resultColumns, uniqueNames } from '../../../src/lib/sql-workbench/cells';
import { toCsv, toJson } from '../../../src/lib/sql-workbench/export';
import { toParquet } from '../../../src/lib/sql-workbench/parquet-export';

function sample() {
	const table = new Table({
		id: vectorFromArray(['15107-001', '01230-002', null], new Utf8()),
		name_ja: vectorFromArray(['見守り活動, "ふれあい"', '改行\nあり', ''], new Utf8()),
		n: vectorFromArray([1, null, 3], new Int32()),
		big: tableFromArrays({ big: BigInt64Array.from([1n, 2n ** 60n, -5n]) }).getChild('big')!,
		tags: vectorFromArray([['a', 'b'], [], null], new List(new Field('item', new Utf8(), true)))
	});
	return { columns: resultColumns(table), rows: table.numRows };
}

describe('exports of a result', () => {
	it('CSV starts with a BOM, quotes what needs quoting and leaves NULL empty', () => {
		const { columns, rows } = sample();
		const csv = toCsv(columns, rows);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[0]).toBe('id,name_ja,n,big,tags');
		expect(lines[1]).toBe('15107-001,"見守り活動, ""ふれあい""",1,1,"[""a"",""b""]"');
		expect(lines[2]).toBe('01230-002,"改行\nあり",,1152921504606846976,[]');
		expect(lines[3]).toBe(',,3,-5,');
	});

	it('CSV neutralises formulas in text but keeps negative numbers numbers', () => {
		const table = new Table({
			name_ja: vectorFromArray(['=1+1', '-2+3', '@x', '-5'], new Utf8()),
			n: vectorFromArray([-1, -2, 3, 4], new Int32())
		});
		const lines = toCsv(resultColumns(table), table.numRows).slice(1).split('\r\n');
		expect(lines.slice(1, 5)).toEqual(["'=1+1,-1", "'-2+3,-2", "'@x,3", '-5,4']);
	});

	it('JSON keeps every digit of large integers as text and NULL as null', () => {
		const { columns, rows } = sample();
		const data = JSON.parse(toJson(columns, rows));
		expect(data[1]).toEqual({ id: '01230-002', name_ja: '改行\nあり', n: null, big: '1152921504606846976', tags: [] });
		expect(data[2].tags).toBeNull();
	});

	it('Parquet re-reads to the same rows, with types kept', async () => {
		const { columns, rows } = sample();
		const back = await parquetReadObjects({ file: toParquet(columns, rows) });
		expect(back.map((r) => r.id)).toEqual(['15107-001', '01230-002', null]);
		expect(back.map((r) => r.name_ja)).toEqual(['見守り活動, "ふれあい"', '改行\nあり', '']);
		expect(back.map((r) => r.n)).toEqual([1, null, 3]);
		expect(back.map((r) => r.big)).toEqual([1n, 2n ** 60n, -5n]);
		expect(back.map((r) => r.tags)).toEqual([['a', 'b'], [], null]);
	});
});

describe('uniqueNames', () => {
	it('gives a later duplicate DuckDB\'s _1, _2 … and skips names already taken', () => {
		expect(uniqueNames(['x', 'x'])).toEqual(['x', 'x_1']);
		expect(uniqueNames(['x', 'x', 'x_1', 'x'])).toEqual(['x', 'x_2', 'x_1', 'x_3']);
		expect(uniqueNames(['a', 'b'])).toEqual(['a', 'b']);
	});
});
