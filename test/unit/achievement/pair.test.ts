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
		// R2 against R5: progress, so the ratio is kept and no band is given
		expect(rows[0]).toMatchObject({ basis: 'interim', ratio: 0.64, band: null, target_fiscal_year: 2023, result_fiscal_year: 2020 });
	});

	it('treats 名 and 人, ヶ所 and 箇所 as one unit', () => {
		expect(normalizeUnit('名')).toBe(normalizeUnit('人'));
		expect(normalizeUnit('ヶ所')).toBe(normalizeUnit('箇所'));
		expect(pair([m('result', 2020, '参加者', 21, '名'), m('target', 2023, '参加者', 20, '人')])).toHaveLength(1);
	});

	it('does not pair different units, except a unit cut short under the same label', () => {
		// 西区 13: 9 小学校 against 18 校
		expect(pair([m('result', 2020, '西区内の', 9, '小学校'), m('target', 2023, '年間の小中学校での開催数', 18, '校')])).toEqual([]);
		// 西区 31: 受入協力機関 96事業所 (R2) and 100事業 (R5) are one count, the unit cut short in the cell
		expect(pair([m('result', 2020, '受入協力機関', 96, '事業所'), m('target', 2023, '受入協力機関', 100, '事業')])).toHaveLength(1);
		expect(pair([m('result', 2020, '協力機関', 96, '事業所'), m('target', 2023, '受入協力機関', 100, '事業')])).toEqual([]);
	});

	it('does not pair different indicators (西区 19: 事業活動団体 against 地域の茶の間等居場所の数)', () => {
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

describe('pairing, each kind of error of the reviewed reading (real strings of the reports)', () => {
	it('pairs a year\'s plan only with that year\'s result: 南区 15106-044 (line 1015: 1回 / 1回 / 未実施)', () => {
		const rows = pair([
			m('result', 2020, null, 1, '回', { is_estimate: true }),
			m('plan', 2021, null, 1, '回'),
			m('result', 2021, null, null, null, { status: 'not_carried_out', status_ja: '未実施', raw_text: '未実施' })
		]);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ basis: 'same_year', result_fiscal_year: 2021, result_value: null, result_status: 'not_carried_out', result_status_ja: '未実施', ratio: null, band: 'not_achieved' });
	});

	it('never lets an earlier figure stand in for the plan\'s year: 南区 15106-034 ウォーキング講座 (FY2021 does not report it)', () => {
		const rows = pair([
			m('result', 2020, 'ウォーキング講座', 3, '回'),
			m('plan', 2021, '免疫力アップ講座', 1, '回'),
			m('plan', 2021, 'ウォーキング講座', 3, '回'),
			m('result', 2021, '免疫力アップ講座', 1, '回')
		]);
		expect(rows.map((r) => [r.indicator_label, r.result_fiscal_year])).toEqual([['免疫力アップ講座', 2021]]);
		// 北本市 令和6年度の目標 (kind plan, FY2024) against FY2023 progress: no pair either
		expect(pair([m('result', 2023, '同意割合', 47.4, '%'), m('plan', 2024, '同意割合', 50, '%')])).toEqual([]);
	});

	it('pairs the item a cell says was not carried out with its plan: 南区 15106-045 (相談会 1回 研修会 中止)', () => {
		const rows = pair([
			m('plan', 2021, '相談会', 1, '回'),
			m('plan', 2021, '研修会', 1, '回'),
			m('result', 2021, '相談会', 1, '回'),
			m('result', 2021, '研修会', null, null, { status: 'not_carried_out', status_ja: '研修会 中止' })
		]);
		expect(rows.map((r) => [r.indicator_label, r.result_value, r.result_status, r.band])).toEqual([
			['相談会', 1, 'reported', 'achieved'],
			['研修会', null, 'not_carried_out', 'not_achieved']
		]);
	});

	it('lets a lecture still to come answer both figures of its plan: 南区 15106-031 (講演会 1回 300人 / 3月27日に開催予定)', () => {
		const rows = pair([
			m('result', 2020, '講演会', 1, '回'),
			m('result', 2020, '講演会', 129, '人'),
			m('plan', 2021, '講演会', 1, '回'),
			m('plan', 2021, '講演会', 300, '人'),
			m('result', 2021, '講演会', null, null, { status: 'not_carried_out', status_ja: '講演会を3月27日に開催予定' })
		]);
		expect(rows.map((r) => [r.target_value, r.result_fiscal_year, r.result_status])).toEqual([
			[1, 2021, 'not_carried_out'],
			[300, 2021, 'not_carried_out']
		]);
	});

	it('reads a result of 0 as a result, ratio 0: 南区 15106-030 (line 769: 12回 72人 → 0回)', () => {
		const rows = pair([m('result', 2020, null, 8, '回'), m('result', 2020, null, 48, '人'), m('plan', 2021, null, 12, '回'), m('plan', 2021, null, 72, '人'), m('result', 2021, null, 0, '回')]);
		expect(rows.map((r) => [r.target_value, r.result_value, r.ratio, r.band])).toEqual([[12, 0, 0, 'not_achieved']]);
	});

	it('never pairs a baseline as the result: 北本市 11233-062 (30件 ※R3 29件; FY2023 プラン作成件数 20件)', () => {
		const rows = pair([
			m('target', null, '個別自立支援プランの作成件数', 30, '件'),
			m('baseline', 2021, '個別自立支援プランの作成件数', 29, '件'),
			m('result', 2023, 'プラン作成件数', 20, '件')
		]);
		expect(rows.map((r) => [r.result_value, r.result_fiscal_year, r.basis])).toEqual([[20, 2023, 'undated_target']]);
	});

	it('prefers the 30年度実績 column to a figure quoted in the prose: 山口市 35203-004-c (年30校 → 35校, not 中学校2校)', () => {
		const ey = { every_year: true };
		const rows = pair([
			m('result', 2018, '中学校', 2, '校', { narrative: true }),
			m('target', null, '指定中学校', 2, '校', ey),
			m('target', null, '福祉体験学習開催支援学校数 小・中学校', 30, '校', ey),
			m('result', 2018, '指定中学校', 2, '校'),
			m('result', 2018, '福祉体験学習開催支援学校数', 35, '校')
		]);
		expect(rows.map((r) => [r.target_value, r.result_value, r.basis])).toEqual([
			[2, 2, 'every_year'],
			[30, 35, 'every_year']
		]);
		// with no column figure, the quotation is the result
		expect(pair([m('result', 2018, '福祉教育情報交換会', 1, '回', { narrative: true }), m('target', null, '福祉教育情報交換会', 1, '回', ey)])).toHaveLength(1);
	});

	it('pairs labels one character or one word apart, and never on a short label merely contained in a longer one', () => {
		const ey = { every_year: true };
		// 山口市 35203-002-c: 地区社協連絡研修会 年2回以上 against 地区社協連絡会研修会(2回), beside 地区社協連絡会(2回)
		const a = pair([
			m('target', null, '地区社協連絡研修会', 2, '回', { ...ey, qualifier: '以上' }),
			m('result', 2018, '地区社協連絡会', 2, '回'),
			m('result', 2018, '地区社協連絡会研修会', 2, '回')
		]);
		expect(a.map((r) => r.result_measure_id)).toHaveLength(1);
		expect(a[0].indicator_label).toBe('地区社協連絡研修会');
		// 南区 15106-019: 就職実績率 50% against 就職実積率 63% (a misprint), not the FY2020 57%
		const b = pair([m('result', 2020, '就職実績率', 57, '%'), m('plan', 2021, '就職実績率', 50, '%'), m('result', 2021, '就職実積率', 63, '%')]);
		expect(b.map((r) => [r.result_value, r.basis])).toEqual([[63, 'same_year']]);
		// 西区 15107-028: 対応件数 (R5) against 相談件数 (R2), the one count of consultations of the row
		expect(pair([m('result', 2020, '相談件数', 168, '件'), m('target', 2023, '対応件数', 180, '件')])).toHaveLength(1);
		// 中学校 is contained in 小・中学校 but is not a word of it: no pair on that alone
		expect(pair([m('result', 2018, '中学校', 2, '校'), m('result', 2018, '指定小学校', 2, '校'), m('target', null, '福祉体験学習開催支援学校数 小・中学校', 30, '校', ey)])).toEqual([]);
	});

	it('pairs a rate of harm lower-is-better, and leaves the prefecture\'s and the nation\'s rates aside: 北本市 11233-066', () => {
		const rows = pair([
			m('target', null, '人口10万対自殺死亡率', 15.5, null),
			m('result', 2023, '令和5年人口10万対自殺率 北本市', 25.86, null),
			m('result', 2023, '令和5年人口10万対自殺率 埼玉県', 17.84, null),
			m('result', 2023, '令和5年人口10万対自殺率 国', 17.27, null)
		]);
		expect(rows.map((r) => [r.result_value, r.direction, r.ratio, r.band])).toEqual([[25.86, 'lower_is_better', 0.5994, 'partly_achieved']]);
	});
});
