import { describe, expect, it } from 'vitest';
import { readNotCarriedOut } from '../../../src/lib/normalize/status';
import { readQuantities } from '../../../src/lib/normalize/quantity';
import { measuresFromCell, MeasureIds } from '../../../src/lib/template-kit/records';

const read = (text: string) => readNotCarriedOut(text, readQuantities(text)).map((s) => [s.label, s.text]);

describe('readNotCarriedOut: a result cell that says the work did not happen (南区 and 西区 strings)', () => {
	it('reads the item a cell says was not carried out, beside the figures that were', () => {
		expect(read('区だより掲載 １回 社協だより掲載 １回 関係機関合同研修会 中止')).toEqual([['関係機関合同研修会', '関係機関合同研修会 中止']]);
		expect(read('相談会 1回 研修会 中止')).toEqual([['研修会', '研修会 中止']]);
		expect(read('フォーラム中止、代替にビデオ撮影')).toEqual([['フォーラム', 'フォーラム中止']]);
	});
	it('reads a cell that says only that: 未実施, 介護教室は中止, 事業休止, a lecture still to come', () => {
		expect(read('未実施')).toEqual([[null, '未実施']]);
		expect(read('介護教室は中止')).toEqual([['介護教室', '介護教室は中止']]);
		expect(read('事業休止')).toEqual([['事業', '事業休止']]);
		expect(read('講演会を3月27日に開催予定')).toEqual([['講演会', '講演会を3月27日に開催予定']]);
	});
	it('leaves a period of suspension, a bracketed remark and a 0 alone', () => {
		expect(read('股関節検診 2回（中止期間中は電話確認・相談）')).toEqual([]);
		expect(read('0回')).toEqual([]);
		expect(read('街頭犯罪件数及び市内刑法犯認知件数の減少を達成できなかった')).toEqual([]);
	});
	it('takes (延期) after an event name as that event postponed (山口市 line 30)', () => {
		expect(read('・「赤い羽根全国ミーティングやまぐち(延期)」、「赤い羽根共同募金チャリティーゴルフ大会」')).toEqual([['赤い羽根全国ミーティングやまぐち', '「赤い羽根全国ミーティングやまぐち(延期)']]);
	});
});

describe('measuresFromCell: statuses and years', () => {
	const cell = (kind: 'result' | 'plan' | 'target', text: string) =>
		measuresFromCell(new MeasureIds(), { initiative_id: '15106-045', kind, fiscal_year: 2021, text, line: 1030 });
	it('keeps the figures first and adds the item not carried out after them (南区 line 1030)', () => {
		expect(cell('result', '相談会 1回 研修会 中止').map((m) => [m.label_ja, m.value, m.status, m.status_ja])).toEqual([
			['相談会', 1, null, null],
			['研修会', null, 'not_carried_out', '研修会 中止']
		]);
	});
	it('reads a printed 0 as a value, not a status (南区 line 769)', () => {
		expect(cell('result', '0回').map((m) => [m.value, m.unit, m.status])).toEqual([[0, '回', null]]);
	});
	it('gives a status only to results: a plan cell saying 開催予定 is a plan', () => {
		expect(cell('plan', '講演会を3月27日に開催予定')[0].status).toBeNull();
	});
	it('reads 年N回 in one year\'s plan cell as that year\'s count, and in a target cell as every year', () => {
		expect(cell('plan', '研修会 年3回')[0].every_year).toBe(false);
		expect(cell('target', '研修会 年3回')[0].every_year).toBe(true);
	});
});
