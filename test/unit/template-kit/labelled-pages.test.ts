import { describe, expect, it } from 'vitest';
import { readNumberedHeading, readLabelledPages, LabelledLines } from '../../../src/lib/template-kit/labelled-pages';
import { columnsByMeaning, labelledPagesSpec } from '../../../src/lib/template-kit/labelled-pages-spec';
import { departmentCells, headingDepartments } from '../../../src/lib/template-kit/department-cells';
import { readRepostPointer, repostKey, resolveReposts } from '../../../src/lib/template-kit/repost';
import { splitBaseline } from '../../../src/lib/template-kit/figures';
import { isDashOnly, isLegendText } from '../../../src/lib/template-kit/ocr';
import { SourceError } from '../../../src/lib/template-kit/source-error';
import type { Initiative } from '../../../src/lib/contract/tables';
import kitamoto from '../../../src/lib/adapters/kitamoto-2023.json';

const lines = LabelledLines.parse({ skip: ['^-'], page_header: [{ label: '目標', slot: 'goal' }, { label: '説明', slot: 'explanation' }], unlabelled_slot: 'explanation', heading: '取組', column_header: '名', row_term: '事業' });
const fields = ['名', '内容', '担当'];

describe('pages of labelled lines', () => {
	it('sorts lines into page headers, headings, column headers and rows; a filled slot again opens the next page', () => {
		const events = readLabelledPages('x.txt', ['目標\t1 見守り', '岩 明\t説明の文', '- legend', '取組\t① 訪問', '名\t内容\t担当', '訪問\t週1回\t福祉課', '目標\t2 居場所', '行\tの\t続き\t'], lines, fields);
		expect(events.map((e) => e.kind)).toEqual(['page', 'heading', 'columns', 'row', 'page', 'row']);
		expect(events[0].kind === 'page' && events[0].page.slots).toEqual({ goal: { line: 1, label: '目標', text: '1 見守り' }, explanation: { line: 2, label: '岩 明', text: '説明の文' } });
	});

	it('stops with the place and the field where a line fits nothing', () => {
		expect(() => readLabelledPages('x.txt', ['名\t内容\t担当', '訪問\t週1回'], lines, fields)).toThrowError(/x\.txt:2 \(内容\): a line with 2 cells where a 事業 row has 3/);
		expect(() => readLabelledPages('x.txt', ['訪問\t週1回\t福祉課\t余分'], lines, fields)).toThrowError(/more than 3 filled cells/);
		expect(() => readLabelledPages('x.txt', ['ひとこと'], lines, fields)).toThrow(SourceError);
	});

	it('reads a circled heading whose title the PDF cut or printed twice', () => {
		expect(readNumberedHeading('x.txt', 3, ['② 地域連携ネットワークづくりと担い', '② 地域連携ネットワークづくりと担い手育成'], '取組')).toEqual({ number: '②', index: 2, title: '地域連携ネットワークづくりと担い手育成' });
		expect(() => readNumberedHeading('x.txt', 3, ['地域連携'], '取組')).toThrowError(/x\.txt:3 \(取組\): a 取組 line without its circled number/);
	});
});

describe('labelled-pages specs', () => {
	it('name what each column means in the kit\'s column vocabulary', () => {
		const col = columnsByMeaning(labelledPagesSpec(kitamoto));
		expect(col.measures.map((m) => [m.kind, m.fiscal_year ?? null, m.year_from_header ?? null])).toEqual([['target', null, null], ['result', null, 3], ['plan', null, 6]]);
		expect(col.departments).toMatchObject({ column: 7, suffixes: ['課', '室'], graded: true });
	});

	it('refuse a spec out of order, without a year, with an ending the vocabulary lacks or without a name column', () => {
		const cols = kitamoto.columns;
		expect(() => labelledPagesSpec({ ...kitamoto, columns: [cols[1], cols[0], ...cols.slice(2)] })).toThrowError(/^template spec kitamoto-2023: columns\.0\.column: columns are listed in order/);
		expect(() => labelledPagesSpec({ ...kitamoto, columns: cols.map((c) => (c.column === 3 ? { ...c, year_from_header: undefined } : c)) })).toThrowError(/columns\.3: the year is needed/);
		expect(() => labelledPagesSpec({ ...kitamoto, columns: cols.map((c) => (c.column === 7 ? { ...c, suffixes: ['係'] } : c)) })).toThrowError(/columns\.7\.suffixes: department endings 係/);
		expect(() => labelledPagesSpec({ ...kitamoto, columns: cols.map((c) => (c.column === 0 ? { ...c, means: 'description' } : c)) })).toThrowError(/exactly one column means name/);
	});
});

describe('department cells with every ending of the vocabulary', () => {
	it('read names ending in any listed ending, and only those where a report narrows them', () => {
		expect(departmentCells().readDepartments('中央図書館 福祉課A')).toEqual([{ name: '中央図書館', gradeRaw: null }, { name: '福祉課', gradeRaw: 'A' }]);
		expect(departmentCells(['課']).readDepartments('中央図書館')).toBeNull();
		expect(headingDepartments('【福祉課】 訪問 【参考】 【福祉課】', new Set(['福祉課']))).toEqual(['福祉課']);
	});
});

describe('repost rows and their originals', () => {
	const row = (n: number, name: string, goal_id: string) => ({ initiative_id: `x-${n}`, name_ja: name, goal_id, repost_of: null }) as unknown as Initiative;
	it('read the pointer, compare names without marks and point each 再掲 row to its original', () => {
		expect(readRepostPointer('3 - I -①の再掲')).toEqual({ section: '3 - I', number: 1 });
		expect(readRepostPointer('再掲した')).toBeNull();
		expect(repostKey('見守り・ネットワーク <再掲>')).toBe(repostKey('見守り ネットワーク'));
		const original = row(1, '見守り', 'G1');
		const elsewhere = row(2, '見守り', 'G2');
		const again = row(3, '見守り<再掲>', 'G3');
		const lost = row(4, '配食【再掲】', 'G3');
		const warnings: string[] = [];
		resolveReposts([{ initiative: again, goal_id: 'G2', line: 9 }, { initiative: lost, goal_id: null, line: 10 }], [original, elsewhere, again, lost], (line, code) => warnings.push(`${line} ${code}`));
		expect(again.repost_of).toBe('x-2');
		expect(lost.repost_of).toBeNull();
		expect(warnings).toEqual(['10 repost_original_not_found']);
	});
});

describe('figures and OCR checks', () => {
	it('split the value at drafting from a target, and tell dashes and legends from text', () => {
		expect(splitBaseline('開催箇所数 68箇所 ※R3 62箇所')).toEqual({ target: '開催箇所数 68箇所', baseline: { text: '※R3 62箇所', yearLabel: 'R3', value: '62箇所' } });
		expect(splitBaseline('68箇所').baseline).toBeNull();
		expect(isDashOnly(' ― ')).toBe(true);
		expect(isDashOnly('― 1件')).toBe(false);
		expect(isLegendText('目標を 達成した', ['目標を達成した'])).toBe(true);
	});
});
