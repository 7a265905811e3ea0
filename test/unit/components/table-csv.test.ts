import { describe, it, expect } from 'vitest';
import { parseHTML } from 'linkedom';
import { tableCsv, cellText } from '../../../src/lib/table-csv';
import { toCsvDocument } from '../../../src/lib/csv';

function table(html: string): HTMLTableElement {
	const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
	return document.querySelector('table') as unknown as HTMLTableElement;
}

describe('a rendered table as CSV rows', () => {
	it('takes the visible header and one line per row, template whitespace collapsed, controls and skipped parts left out', () => {
		const t = table(`<table>
			<thead><tr><th scope="col">市区町村</th><th>
				列 <select><option>意味</option></select></th></tr></thead>
			<tbody>
				<tr><td><a href="/m/1">南区</a>
					<span class="sub">15106</span></td><td>1<br>2<details data-csv-skip><summary>x</summary>y</details></td></tr>
				<tr><td>=SUM(A1)</td><td></td></tr>
			</tbody></table>`);
		const { header, rows } = tableCsv(t);
		expect(header).toEqual(['市区町村', '列']);
		expect(rows).toEqual([
			['南区 15106', '1 2'],
			['=SUM(A1)', null]
		]);
		// The one writer neutralises the formula.
		expect(toCsvDocument(header, rows)).toContain("'=SUM(A1)");
	});

	it('keeps the line breaks of text printed as is', () => {
		const t = table(`<table><tbody><tr><td><pre>一行目
二行目</pre></td></tr></tbody></table>`);
		expect(cellText(t.querySelector('td')!)).toBe('一行目\n二行目');
	});

	it('writes a nested row once per item, with extra columns from the item, its group or the row', () => {
		const t = table(`<table>
			<thead><tr><th>取組</th><th>指標</th><th>評価</th></tr></thead>
			<tbody>
				<tr data-csv-id="a-1"><td>サロン</td><td>
					<div>原文 A</div>
					<ul data-csv-line="10"><li data-csv-item>2020 目標 10</li><li data-csv-item>2022 実績 8</li></ul>
					<ul data-csv-line="12"><li data-csv-item>2021 目標 5</li></ul>
				</td><td>Ａ</td></tr>
				<tr data-csv-id="a-2"><td>見守り</td><td>—</td><td>Ｂ</td></tr>
			</tbody></table>`);
		const { header, rows } = tableCsv(t, [
			{ key: 'id', label: 'initiative_id' },
			{ key: 'line', label: '行' }
		]);
		expect(header).toEqual(['取組', '指標', '評価', 'initiative_id', '行']);
		expect(rows).toEqual([
			['サロン', '2020 目標 10', 'Ａ', 'a-1', '10'],
			['サロン', '2022 実績 8', 'Ａ', 'a-1', '10'],
			['サロン', '2021 目標 5', 'Ａ', 'a-1', '12'],
			['見守り', '—', 'Ｂ', 'a-2', null]
		]);
	});

	it('does not read the rows of a table nested inside a cell', () => {
		const t = table(`<table><thead><tr><th>表</th></tr></thead><tbody>
			<tr><td>plans<table><tbody><tr><td data-csv-item>inner</td></tr></tbody></table></td></tr></tbody></table>`);
		expect(tableCsv(t).rows.length).toBe(1);
	});
});

describe('cell text', () => {
	it('puts a space where a block starts its own line, even with no space in the markup', () => {
		const t = table(`<table><tbody><tr><td><a>0.75<span>x</span><div>3 graded</div></a><p>note</p></td></tr></tbody></table>`);
		expect(cellText(t.querySelector('td')!)).toBe('0.75x 3 graded note');
	});
});
