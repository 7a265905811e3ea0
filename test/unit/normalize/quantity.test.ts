import { describe, expect, it } from 'vitest';
import { isNoValue, readQuantities } from '../../../src/lib/normalize/quantity';

const simple = (text: string) => readQuantities(text).map((q) => [q.label, q.value, q.unit, q.qualifier]);

describe('readQuantities reads numbers with their units and labels from source cells', () => {
	it('reads a percentage with decimals (西区 row 2)', () => {
		expect(simple('自主防災組織結成率 91.1%')).toEqual([['自主防災組織結成率', 91.1, '%', null]]);
	});
	it('reads thousands separators (西区 row 5)', () => {
		expect(simple('累計登録者数 3,520人')).toEqual([['累計登録者数', 3520, '人', null]]);
	});
	it('reads full-width digits and commas', () => {
		expect(simple('開催数　４回 参加者 ３，５２０人')).toEqual([
			['開催数', 4, '回', null],
			['参加者', 3520, '人', null]
		]);
	});
	it('gives one quantity per number in a multi-quantity cell, each with its own label (西区 row 17)', () => {
		expect(simple('実施団体 116団体 訪問世帯 1,337世帯')).toEqual([
			['実施団体', 116, '団体', null],
			['訪問世帯', 1337, '世帯', null]
		]);
	});
	it('keeps 延べ and 約 as qualifiers, not as part of the label (西区 row 10)', () => {
		expect(simple('開催数6回 参加者 延べ 81人')).toEqual([
			['開催数', 6, '回', null],
			['参加者', 81, '人', '延べ']
		]);
		expect(simple('参加者 約200人')).toEqual([['参加者', 200, '人', '約']]);
	});
	it('does not read an era year as a quantity (R5年度末)', () => {
		expect(simple('R5年度末 累計登録者数 5,500人')).toEqual([['R5年度末 累計登録者数', 5500, '人', null]]);
	});
	it('keeps a count and its verb together (登別市: 2回開催)', () => {
		expect(simple('きずな推進委員会 2回開催 きずなリーダー会議 2回開催')).toEqual([
			['きずな推進委員会', 2, '回', null],
			['きずなリーダー会議', 2, '回', null]
		]);
	});
	it('reads a bullet list as separate items but keeps 学校・地域 together', () => {
		expect(simple('・小学校 6校 ・中学校 1校')).toEqual([
			['小学校', 6, '校', null],
			['中学校', 1, '校', null]
		]);
		expect(simple('学校・地域・企業など 合計15件')).toEqual([['学校・地域・企業など', 15, '件', '合計']]);
	});
	it('reads a date as no quantity and 3日間 as a duration (南区, 北本市)', () => {
		expect(simple('3月27日に開催予定')).toEqual([]);
		expect(simple('令和6年12月8日に実施')).toEqual([]);
		expect(simple('研修 3日間')).toEqual([['研修', 3, '日間', null]]);
		expect(simple('サロン新規開設 年10ヵ所')).toEqual([['サロン新規開設 年', 10, 'ヵ所', null]]);
	});
	it('reads a count printed right after a month: only a day (月27日) is a date (北本市)', () => {
		expect(simple('7月4,500部発行 3月600部発行')).toEqual([
			['7月', 4500, '部', null],
			['発行 3月', 600, '部', null]
		]);
		expect(simple('フードパントリー活動を毎月1回実施した。')).toEqual([['フードパントリー活動を毎月', 1, '回', null]]);
		expect(simple('11/25~26に開催 3月27日')).toEqual([]);
	});
	it('lets a number share the label of the one right before it, unless a verb closed that item', () => {
		expect(simple('災害ボランティア研修会(1回、382人参加)')).toEqual([
			['災害ボランティア研修会', 1, '回', null],
			['災害ボランティア研修会', 382, '人', null]
		]);
		expect(simple('ネットワーク会議・研修を1回開催6団体・機関が参加')).toEqual([
			['ネットワーク会議・研修を', 1, '回', null],
			[null, 6, '団体', null]
		]);
	});
	it('reads nothing from text without a unit', () => {
		expect(simple('社会を明るくする運動の推進')).toEqual([]);
	});
});

describe('isNoValue tells a "no figure" cell from a zero', () => {
	it.each(['—', '―', '-', 'ー', ' — '])('%s is no value', (s) => expect(isNoValue(s)).toBe(true));
	it.each(['0人', '受け入れ人数 0人', '事業休止'])('%s is a value or a statement', (s) => expect(isNoValue(s)).toBe(false));
});
