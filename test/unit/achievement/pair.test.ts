import { describe, expect, it } from 'vitest';
import { indicatorKey, normalizeUnit, pairMeasures } from '../../../src/lib/achievement/pair';
import type { Measure } from '../../../src/lib/contract/tables';

const bands = [
	{ band: 'achieved', min_score: 0.9 },
	{ band: 'mostly_achieved', min_score: 0.75 },
	{ band: 'partly_achieved', min_score: 0.5 },
	{ band: 'not_achieved', min_score: 0 }
] as const;

let seq = 0;
function m(kind: Measure['kind'], fiscal_year: number | null, label_ja: string | null, value: number | null, unit: string | null, more: Partial<Measure> = {}): Measure {
	seq++;
	return {
		measure_id: `15107-001-m${String(seq).padStart(2, '0')}`,
		initiative_id: '15107-001',
		goal_id: null,
		attached_to: 'initiative',
		kind,
		fiscal_year,
		every_year: false,
		is_estimate: false,
		is_cumulative: false,
		label_ja,
		department: null,
		status: null,
		status_ja: null,
		narrative: false,
		raw_text: `${label_ja ?? ''} ${value ?? ''}${unit ?? ''}`,
		value,
		unit,
		qualifier: null,
		line: 1,
		line_end: 1,
		...more
	};
}
const pair = (ms: Measure[]) => pairMeasures(ms, { bands: [...bands], muniOf: () => '15107' });

describe('pairing targets with results', () => {
	it('pairs the same indicator and unit in the same year', () => {
		const [a] = pair([m('result', 2021, '支援件数', 450, '件'), m('plan', 2021, '支援件数', 500, '件')]);
		expect(a.basis).toBe('same_year');
		expect(a.target_kind).toBe('plan');
		expect(a.ratio).toBe(0.9);
		expect(a.band).toBe('achieved');
	});

	it('pairs a result with a later target as interim progress (西区: R2 result, R5 target)', () => {
		const [a] = pair([m('result', 2020, '自主防災組織結成率', 91.1, '%'), m('target', 2023, '自主防災組織結成率', 92, '%')]);
		expect(a.basis).toBe('interim');
		expect(a.ratio).toBeCloseTo(0.9902, 4);
	});

	it('matches labels that differ only by dating words (R5年度末, 累計)', () => {
		expect(indicatorKey('R5年度末 累計登録者数')).toBe(indicatorKey('累計登録者数'));
		const rows = pair([
			m('result', 2020, '累計登録者数', 3520, '人', { is_cumulative: true }),
			m('target', 2023, 'R5年度末累計登録者数', 5500, '人', { is_cumulative: true })
		]);
		expect(rows).toHaveLength(1);
		expect(rows[0].is_cumulative).toBe(true);
		expect(rows[0].band).toBe('partly_achieved');
	});

	it('treats 名 and 人, ヶ所 and 箇所 as one unit', () => {
		expect(normalizeUnit('名')).toBe(normalizeUnit('人'));
		expect(normalizeUnit('ヶ所')).toBe(normalizeUnit('箇所'));
		expect(pair([m('result', 2020, '参加者', 21, '名'), m('target', 2023, '参加者', 20, '人')])).toHaveLength(1);
	});

	it('does not pair different units', () => {
		// 西区 13: 9 小学校 against 18 校
		expect(pair([m('result', 2020, '開催数', 9, '小学校'), m('target', 2023, '開催数', 18, '校')])).toEqual([]);
		expect(pair([m('result', 2020, '受入協力機関', 96, '事業所'), m('target', 2023, '受入協力機関', 100, '事業')])).toEqual([]);
	});

	it('does not pair different indicators', () => {
		// 西区 28: 相談件数 against 対応件数; 西区 19: 事業活動団体 against 居場所の数
		expect(pair([m('result', 2020, '相談件数', 168, '件'), m('target', 2023, '対応件数', 180, '件')])).toEqual([]);
		expect(pair([m('result', 2020, '事業活動団体', 55, '団体'), m('target', 2023, '地域の茶の間等居場所の数', 95, '団体')])).toEqual([]);
	});

	it('does not pair a running total with a yearly figure', () => {
		expect(pair([m('result', 2020, '登録者数', 300, '人'), m('target', 2023, '登録者数', 5500, '人', { is_cumulative: true })])).toEqual([]);
	});

	it('does not pair a result later than its target', () => {
		expect(pair([m('result', 2023, '開催数', 3, '回'), m('target', 2020, '開催数', 2, '回')])).toEqual([]);
	});

	it('pairs an every-year target with the result of any year', () => {
		const [a] = pair([m('result', 2018, '研修会', 1, '回'), m('target', null, '研修会', 2, '回', { every_year: true })]);
		expect(a.basis).toBe('every_year');
		expect(a.band).toBe('partly_achieved');
	});

	it('prefers the same-year result over an earlier one, and a final figure over an estimate', () => {
		const rows = pair([
			m('result', 2020, '開催回数', 2, '回'),
			m('result', 2021, '開催回数', 3, '回', { is_estimate: true }),
			m('plan', 2021, '開催回数', 4, '回')
		]);
		expect(rows).toHaveLength(1);
		expect(rows[0].result_fiscal_year).toBe(2021);
		expect(rows[0].result_is_estimate).toBe(true);
	});

	it('inverts the ratio for a ceiling (以下)', () => {
		const [a] = pair([m('result', 2021, '待機児童数', 4, '人'), m('target', 2021, '待機児童数', 2, '人', { qualifier: '以下' })]);
		expect(a.direction).toBe('lower_is_better');
		expect(a.ratio).toBe(0.5);
	});

	it('pairs unlabelled numbers only when they are the only ones of their unit', () => {
		expect(pair([m('result', 2020, null, 5, '回'), m('target', 2023, null, 6, '回')])).toHaveLength(1);
		expect(pair([m('result', 2020, null, 5, '回'), m('result', 2020, null, 7, '回'), m('target', 2023, null, 6, '回')])).toEqual([]);
	});

	it('does not pair figures of different departments (北本市, 山口市: one 担当課\'s result is not another\'s)', () => {
		const dept = (department: string | null) => ({ department });
		expect(pair([m('result', 2023, '研修', 2, '回', dept('子育て支援課')), m('target', 2024, '研修', 3, '回', dept('健康づくり課'))])).toEqual([]);
		// nor a department's figure with a figure the source gives for the initiative as a whole
		expect(pair([m('result', 2023, '研修', 2, '回', dept('子育て支援課')), m('target', 2024, '研修', 3, '回')])).toEqual([]);
		const [a] = pair([m('result', 2023, '研修', 2, '回', dept('子育て支援課')), m('target', 2023, '研修', 3, '回', dept('子育て支援課'))]);
		expect(a).toMatchObject({ basis: 'same_year', target_value: 3, result_value: 2 });
		// Each department's own numbers decide whether unlabelled ones are unambiguous.
		const rows = pair([
			m('result', 2023, null, 2, '回', dept('子育て支援課')),
			m('target', 2023, null, 3, '回', dept('子育て支援課')),
			m('result', 2023, null, 5, '回', dept('健康づくり課')),
			m('target', 2023, null, 6, '回', dept('健康づくり課'))
		]);
		expect(rows.map((r) => [r.target_value, r.result_value])).toEqual([
			[3, 2],
			[6, 5]
		]);
	});

	it('leaves measures without a number unpaired', () => {
		expect(pair([m('result', 2020, '事業休止', null, null), m('target', 2023, '事業実施', null, null)])).toEqual([]);
	});
});
