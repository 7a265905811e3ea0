import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { zipSync } from 'fflate';
import { EXAMPLE, largeExample, type TemplateRows } from '../../../src/lib/import/example';
import { templateSheets, writeWorkbook } from '../../../src/lib/import/write-template';
import { importFiles } from '../../../src/lib/import/import-files';
import { problemText, type ImportProblem } from '../../../src/lib/import/problems';
import { loadCommonGroundInputs } from '../../../scripts/lib/dataset';
import { readWorkbook, MAX_UNPACKED_BYTES, type Sheet } from '../../../src/lib/import/workbook';

const common = loadCommonGroundInputs();

async function problemsOf(name: string, bytes: Uint8Array): Promise<ImportProblem[]> {
	const out = await importFiles([{ name, bytes }], common);
	if (out.kind !== 'problems') throw new Error(`expected problems, got ${out.kind}`);
	return [...out.problems];
}

const withRows = (change: (r: TemplateRows) => void): TemplateRows => {
	const copy = structuredClone(EXAMPLE);
	change(copy);
	return copy;
};
const workbookOf = (rows: TemplateRows) => writeWorkbook(templateSheets(rows));
const withSheets = async (change: (s: Sheet[]) => void) => {
	const sheets = templateSheets(EXAMPLE);
	change(sheets);
	return writeWorkbook(sheets);
};

describe('a bad file is refused with every problem, by sheet, row, column, value and expectation', () => {
	it('text in a number column', async () => {
		const p = await problemsOf('x.xlsx', await workbookOf(withRows((r) => (r.measures![0].value = '二十'))));
		expect(p).toEqual([expect.objectContaining({ sheet: '指標', row: 2, column: 'E', found: '二十' })]);
		expect(problemText(p[0], 'en')).toMatch(/value: a number/);
	});

	it('an unknown grade, listing the levels the scheme defines', async () => {
		const p = await problemsOf('x.xlsx', await workbookOf(withRows((r) => (r.evaluations![2].grade = 'S'))));
		expect(p).toEqual([expect.objectContaining({ sheet: '評価', row: 4, column: 'C', found: 'S' })]);
		expect(p[0].expected.en).toContain('◎, ○, △, ×');
	});

	it('a level placed outside [0, 1]', async () => {
		const p = await problemsOf('x.xlsx', await workbookOf(withRows((r) => (r.grading_scheme![0].score = 1.5))));
		expect(p).toEqual([expect.objectContaining({ sheet: '評価基準', row: 2, column: 'E', found: '1.5' })]);
		expect(p[0].expected.ja).toContain('0〜1');
	});

	it('wrong and missing headers', async () => {
		const p = await problemsOf('x.xlsx', await withSheets((s) => (s[3].rows[0][2] = '事業の名前')));
		expect(p.map((x) => [x.sheet, x.row, x.column, x.found])).toEqual([
			['取組', 1, 'C', '事業の名前'],
			['取組', 1, null, null]
		]);
		expect(p[1].expected.en).toContain('"initiative name"');
	});

	it('several problems at once are all listed', async () => {
		const p = await problemsOf('x.xlsx', await workbookOf(withRows((r) => {
			r.measures![1].value = 'たくさん';
			r.evaluations![0].initiative_code = '99';
			r.plan![0].muni_code = '123';
		})));
		expect(p.map((x) => `${x.sheet}!${x.column}${x.row}`).sort()).toEqual(['指標!E3', '計画!A2', '評価!A2'].sort());
	});

	it('an empty sheet', async () => {
		const p = await problemsOf('x.xlsx', await withSheets((s) => (s[3].rows = [])));
		expect(p).toEqual([expect.objectContaining({ sheet: '取組', row: null })]);
		expect(p[0].expected.en).toMatch(/the sheet is empty/);
	});

	it('a merged-cell header', async () => {
		const sheets = templateSheets(EXAMPLE);
		const data = sheets.map((s, i) => ({
			sheet: s.name,
			// 取組名 and 取組内容 merged into one header cell, as a hand-made sheet often has.
			data: i === 3 ? [[...s.rows[0].slice(0, 2), { value: '取組名', columnSpan: 2 }, null, ...s.rows[0].slice(4)], ...s.rows.slice(1)] : s.rows
		}));
		const blob = await writeXlsxFile(data as never).toBlob();
		const p = await problemsOf('x.xlsx', new Uint8Array(await blob.arrayBuffer()));
		expect(p).toEqual([expect.objectContaining({ sheet: '取組', row: 1, column: 'D', found: '' })]);
		expect(p[0].expected.en).toMatch(/merged/);
	});

	it('a PDF renamed .xlsx, a text file named .xlsx, an empty file and a 20 MB file', async () => {
		expect((await problemsOf('plan.xlsx', new TextEncoder().encode('%PDF-1.7\n%...')))[0].expected.en).toMatch(/PDF, not a spreadsheet/);
		expect((await problemsOf('plan.xlsx', new TextEncoder().encode('hello')))[0].expected.en).toMatch(/not a spreadsheet/);
		expect((await problemsOf('plan.csv', new Uint8Array()))[0].expected.en).toMatch(/empty/);
		const big = new Uint8Array(20 * 1024 * 1024).fill(0x41);
		expect((await problemsOf('big.csv', big))[0].expected.en).toMatch(/too large \(20\.0 MB/);
	});

	it('a damaged workbook, and one that claims to unpack to more than the limit, before it is inflated', async () => {
		const good = await workbookOf(EXAMPLE);
		const damaged = good.slice(0, Math.floor(good.length / 2));
		expect((await problemsOf('cut.xlsx', damaged))[0]).toMatchObject({ sheet: 'cut.xlsx', expected: { en: expect.stringMatching(/cannot be read as an \.xlsx workbook \(the zip is damaged/) } });
		// A small zip whose central directory says its one part is 300 MB, as a zip bomb's does.
		const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(10) }, { level: 0 });
		const central = bomb.findIndex((_, i) => bomb[i] === 0x50 && bomb[i + 1] === 0x4b && bomb[i + 2] === 0x01 && bomb[i + 3] === 0x02);
		new DataView(bomb.buffer).setUint32(central + 24, MAX_UNPACKED_BYTES + 100 * 1024 * 1024, true);
		expect((await problemsOf('bomb.xlsx', bomb))[0].expected.en).toMatch(/unpacks to more than 200 MB/);
	});
});

describe('a large workbook', () => {
	it('is read whole: 2,000 initiatives, whose measures sheet unpacks to more than the 512 KB at which the reader would start a worker', async () => {
		const book = await readWorkbook('large.xlsx', await workbookOf(largeExample(2000)));
		expect(book.sheets.map((s) => [s.name, s.rows.length])).toEqual(templateSheets(largeExample(2000)).map((s) => [s.name, s.rows.length]));
		expect(book.sheets[4].rows[4000]).toEqual(templateSheets(largeExample(2000))[4].rows[4000]);
	});
});
