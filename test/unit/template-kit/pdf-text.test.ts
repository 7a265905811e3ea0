import { describe, expect, it } from 'vitest';
import { bannerOf, readLayout, textBlocks, type PageLayoutSpec } from '../../../src/lib/template-kit/page-layout';
import { linkRepostsByName } from '../../../src/lib/template-kit/repost';
import type { Initiative } from '../../../src/lib/contract/tables';
import { WrappedCells, columnWidth, displayWidth, type Block } from '../../../src/lib/template-kit/wrapped-cells';
import { MeasureIds } from '../../../src/lib/template-kit/records';
import { SourceError } from '../../../src/lib/template-kit/source-error';

const layoutSpec: PageLayoutSpec = {
	header: { start: '^名前 概要', end: '評価 備考', part: '^\\d{4}年度.*$' },
	legend: '〔凡例〕',
	banner: '^(基本目標)[\\s\\u3000]+(.+)$',
	heading: '^（([0-9０-９]+)）[\\s\\u3000]*(.+)$',
	heading_code: '（{n}）'
};

describe('page furniture taken out of a PDF text stream', () => {
	const lines = ['基本目標　つながる地域', '名前 概要', '2021年度計画', '評価 備考', '（１）見守り', 'a', '', '〔凡例〕 A 達成', 'b   '];
	it('reads the header over its wrapped lines, the banners and headings, and leaves text and blanks', () => {
		const layout = readLayout('x.txt', lines, layoutSpec, (_f, line, text) => ({ line, text }));
		expect(layout.headers).toEqual([{ line: 2, text: '名前 概要2021年度計画評価 備考' }]);
		expect(layout.banners).toEqual([{ line: 1, level: '基本目標', title: 'つながる地域' }]);
		expect(layout.legends).toEqual([8]);
		expect(layout.items).toEqual([
			{ kind: 'heading', line: 5, code: '（１）', number: 1, title: '見守り' },
			{ kind: 'text', line: 6, text: 'a' },
			{ kind: 'blank', line: 7 },
			{ kind: 'text', line: 9, text: 'b' }
		]);
	});
	it('stops at text inside the header, naming its line', () => {
		const bad = ['名前 概要', '何か', '評価 備考'];
		expect(() => readLayout('x.txt', bad, layoutSpec, () => null)).toThrowError(SourceError);
		expect(() => readLayout('x.txt', bad, layoutSpec, () => null)).toThrowError(/^x\.txt:2 \(header\)/);
	});
});

describe('cells wrapped at their column width', () => {
	const cells = new WrappedCells({ item_ends: ['の開催', '随時'], item_short_by: 6, paragraph_short_by: { any: 10, sentence: 4, full_width: 6 } });
	const block = (...texts: string[]): Block => texts.map((text, k) => ({ line: k + 1, text }));

	it('counts full-width characters twice', () => {
		expect(displayWidth('研修A1')).toBe(6);
	});

	it('ends an item after a count, a closing phrase or a short line, not before a wrapped count', () => {
		expect(cells.items(block('見守り訪問 12回', '交流会の開催', 'ネット', 'ワーク会議 3', '回'))).toEqual(['見守り訪問 12回', '交流会の開催', 'ネットワーク会議 3回']);
		expect(cells.items(block('あいうえおかきくけこ', 'さしす', 'たちつてと'), { columnWidth: 20 })).toEqual(['あいうえおかきくけこさしす', 'たちつてと']);
	});

	it('reads one measure per count, a little over (強) as a qualifier and a date as no count', () => {
		const ms = cells.figures(new MeasureIds(), { initiative_id: 'x', kind: 'result', fiscal_year: 2021, is_estimate: false, block: block('参加率 2割強', '3月27日 研修会 1回'), context: {} });
		expect(ms.map((m) => [m.label_ja, m.value, m.unit, m.qualifier])).toEqual([
			['参加率', 2, '割', '強'],
			['3月27日 研修会', 1, '回', null]
		]);
		expect(ms.every((m) => m.raw_text === '参加率 2割強 3月27日 研修会 1回')).toBe(true);
	});

	it('keeps a comment\'s paragraphs apart where a line stops short of the column', () => {
		expect(cells.note(block('あいうえおかきくけこ', 'さしす。', 'たちつてと'), 20)).toBe('あいうえおかきくけこさしす。 たちつてと');
	});
});

describe('blocks, banners, rows of figure cells and 再掲 rows', () => {
	it('cuts text blocks at blanks and headings, and measures a column by its widest line', () => {
		const blocks = textBlocks([{ kind: 'text', line: 1, text: 'a' }, { kind: 'text', line: 2, text: 'bb' }, { kind: 'blank', line: 3 }, { kind: 'text', line: 4, text: '見守り' }]);
		expect(blocks).toEqual([[{ line: 1, text: 'a' }, { line: 2, text: 'bb' }], [{ line: 4, text: '見守り' }]]);
		expect(columnWidth(blocks)).toBe(6);
	});

	it('takes a section\'s banner, refusing none or two titles', () => {
		const banners = [{ line: 2, level: '基本目標', title: 'A' }, { line: 9, level: '基本目標', title: 'A' }, { line: 20, level: '基本目標', title: 'B' }];
		expect(bannerOf('x.txt', banners, '基本目標', 1, 15)).toEqual(banners[0]);
		expect(() => bannerOf('x.txt', banners, '基本目標', 1, 30)).toThrowError(/^x\.txt:20 \(基本目標\)/);
		expect(() => bannerOf('x.txt', banners, '分野別計画', 1, 15)).toThrowError(/^x\.txt:1 \(分野別計画\)/);
	});

	it('reads a row\'s figure cells knowing what the others count', () => {
		const cells = new WrappedCells({ item_ends: [], item_short_by: 6, paragraph_short_by: { any: 10, sentence: 4, full_width: 6 } });
		const block = (line: number, ...texts: string[]): Block => texts.map((text, k) => ({ line: line + k, text }));
		const column = { kind: 'result' as const, fiscal_year: 2021, is_estimate: false };
		// "相談会を 2回" wraps after a count; "訪問を 3回" opens an item only because the other cell counts 訪問を
		const ms = cells.rowFigures(new MeasureIds(), 'x', [
			{ block: block(1, '訪問を 5回'), column, context: {} },
			{ block: block(5, '相談会を 2回の', '訪問を 3回'), column, context: {} }
		]);
		expect(ms.map((m) => [m.measure_id, m.label_ja, m.value])).toEqual([['x-m01', '訪問を', 5], ['x-m02', '相談会を', 2], ['x-m03', '訪問を', 3]]);
	});

	it('links a 再掲 row to the row whose name it repeats, or tells it has none', () => {
		const row = (id: string, name_ja: string) => ({ initiative_id: id, name_ja, repost_of: null, source_file: 'x.txt', line_start: 1 }) as unknown as Initiative;
		const rows = [row('a', '見守り活動'), row('b', '見守り活動（再掲）'), row('c', '居場所（再掲）')];
		const warned: string[] = [];
		linkRepostsByName(rows, '名前', (w) => warned.push(`${w.code} ${w.initiative_id}`));
		expect(rows.map((r) => r.repost_of)).toEqual([null, 'a', null]);
		expect(warned).toEqual(['repost_original_not_found c']);
	});
});
