import type { Cell } from './workbook';
import type { TemplateSheet } from './template';

/** Template rows by sheet: each row is field key → cell, as a user would type them. */
export type TemplateRows = Partial<Record<TemplateSheet['id'], Record<string, Cell>[]>>;

/**
 * The filled example of the Atlas template: a made-up town (見本町, code 99001: no prefecture has
 * the number 99), plainly marked as an example in its own name and title. Its figures are invented.
 */
export const EXAMPLE_FILE_STEM = 'atlas-example-mihon-town';
export const BLANK_FILE_STEM = 'atlas-template';

export const EXAMPLE: TemplateRows = {
	plan: [
		{ muni_code: '99001', prefecture_ja: '見本県（架空）', prefecture_en: 'Example Prefecture (fictional)', name_ja: '見本町（記入例・架空の町）', name_en: 'Mihon Town (example, fictional)', title_ja: '見本町地域福祉計画 進捗状況（記入例）', title_en: 'Mihon Town regional welfare plan: progress report (example)', report_fiscal_year: '令和5年度', actor_ja: '町・社協' }
	],
	grading_scheme: [
		{ grade: '◎', rank: 1, definition_ja: '目標を達成した', definition_en: 'the target was met', score: 0.95, reason_ja: '目標の達成を述べている', reason_en: 'the legend says the target was met' },
		{ grade: '○', rank: 2, definition_ja: '概ね計画どおり進んでいる', definition_en: 'mostly as planned', score: 0.8, reason_ja: '大部分を実施したが達成とは言っていない', reason_en: 'most of it was done, but the legend does not claim the target' },
		{ grade: '△', rank: 3, definition_ja: '一部に遅れがある', definition_en: 'partly behind', score: 0.55, reason_ja: '半分程度の進み', reason_en: 'about half way' },
		{ grade: '×', rank: 4, definition_ja: '実施できなかった', definition_en: 'not carried out', score: 0.1, reason_ja: 'ほとんど実施していない', reason_en: 'hardly anything was done' }
	],
	goals: [
		{ code: '1', parent_code: null, level_name_ja: '基本目標', title_ja: '支え合い、見守り合うまちづくり', description_ja: null },
		{ code: '1-1', parent_code: '1', level_name_ja: '施策', title_ja: '地域の居場所づくり', description_ja: '誰もが気軽に集える場を増やす' },
		{ code: '1-2', parent_code: '1', level_name_ja: '施策', title_ja: '見守り体制の充実', description_ja: null },
		{ code: '2', parent_code: null, level_name_ja: '基本目標', title_ja: '安心して暮らせるまちづくり', description_ja: null },
		{ code: '2-1', parent_code: '2', level_name_ja: '施策', title_ja: '災害への備え', description_ja: null }
	],
	initiatives: [
		{ code: '1', goal_codes: '1-1', name_ja: 'ふれあいいきいきサロンの運営支援', description_ja: '町内会が開く高齢者サロンに運営費を助成し、立ち上げを支援する', departments: '見本町社会福祉協議会' },
		{ code: '2', goal_codes: '1-1', name_ja: '子ども食堂の立ち上げ支援', description_ja: '子ども食堂を始める団体に食材の提供と研修を行う', departments: '福祉課、見本町社会福祉協議会' },
		{ code: '3', goal_codes: '1-2', name_ja: '高齢者見守り訪問', description_ja: '民生委員と協力員が一人暮らしの高齢者宅を訪問し安否を確認する', departments: '福祉課' },
		{ code: '4', goal_codes: '1-2', name_ja: '認知症サポーター養成講座', description_ja: '住民と事業所を対象に認知症サポーター養成講座を開く', departments: '健康長寿課' },
		{ code: '5', goal_codes: '2-1', name_ja: '避難行動要支援者名簿の整備', description_ja: '避難行動要支援者名簿を更新し、個別避難計画を作成する', departments: '総務課、福祉課' },
		{ code: '6', goal_codes: '2-1', name_ja: '災害ボランティアセンター設置訓練', description_ja: '社協と町が災害ボランティアセンターの立ち上げ訓練を行う', departments: '見本町社会福祉協議会、総務課' }
	],
	measures: [
		{ initiative_code: '1', kind: '目標', fiscal_year: 'R5', label_ja: 'サロン数', value: 20, unit: 'か所', raw_text: 'サロン数 20か所' },
		{ initiative_code: '1', kind: '実績', fiscal_year: 'R5', label_ja: 'サロン数', value: 18, unit: 'か所', raw_text: 'サロン数 18か所' },
		{ initiative_code: '2', kind: '目標', fiscal_year: '令和5年度', label_ja: '子ども食堂', value: 3, unit: 'か所' },
		{ initiative_code: '2', kind: '実績', fiscal_year: '令和5年度', label_ja: '子ども食堂', value: 2, unit: 'か所' },
		{ initiative_code: '3', kind: '目標', fiscal_year: 2023, label_ja: '訪問世帯数', value: 400, unit: '世帯' },
		{ initiative_code: '3', kind: '実績', fiscal_year: 2023, label_ja: null, value: null, unit: null, raw_text: '訪問世帯数 延べ４３５世帯' },
		{ initiative_code: '4', kind: '目標', fiscal_year: 'R5', label_ja: '受講者数', value: 300, unit: '人' },
		{ initiative_code: '4', kind: '実績', fiscal_year: 'R5', label_ja: '受講者数', value: 212, unit: '人', is_estimate: '○' },
		{ initiative_code: '5', kind: '計画', fiscal_year: 'R6', label_ja: null, value: null, unit: null, raw_text: '個別避難計画の作成を全地区に広げる' },
		{ initiative_code: '6', kind: '目標', fiscal_year: null, label_ja: '訓練', value: null, unit: null, raw_text: '毎年1回訓練を実施' },
		{ initiative_code: '6', kind: '実績', fiscal_year: 'R5', label_ja: '訓練', value: 1, unit: '回' }
	],
	evaluations: [
		{ initiative_code: '1', fiscal_year: 'R5', grade: '○', evaluator: null },
		{ initiative_code: '2', fiscal_year: 'R5', grade: '△', evaluator: null },
		{ initiative_code: '3', fiscal_year: 'R5', grade: '◎', evaluator: null },
		{ initiative_code: '4', fiscal_year: 'R5', grade: '△', evaluator: null },
		{ initiative_code: '5', fiscal_year: 'R5', grade: '×', evaluator: null },
		{ initiative_code: '6', fiscal_year: 'R5', grade: '◎', evaluator: null }
	]
};

/** A large filled template (n initiatives, each with a target, a result and a grade) for the benchmark. */
export function largeExample(n: number): TemplateRows {
	const names = ['サロン運営支援', '見守り訪問', '子ども食堂支援', '認知症カフェ', 'ボランティア養成講座', '福祉教育出前講座', '成年後見相談', '介護予防体操'];
	const initiatives: Record<string, Cell>[] = [];
	const measures: Record<string, Cell>[] = [];
	const evaluations: Record<string, Cell>[] = [];
	for (let i = 1; i <= n; i++) {
		const name = `${names[i % names.length]} ${i}`;
		initiatives.push({ code: String(i), goal_codes: String(1 + (i % 2)), name_ja: name, description_ja: `${name}を地区ごとに実施する`, departments: i % 3 ? '福祉課' : '見本町社会福祉協議会' });
		measures.push({ initiative_code: String(i), kind: '目標', fiscal_year: 'R5', label_ja: '参加者数', value: 100 + (i % 50), unit: '人' });
		measures.push({ initiative_code: String(i), kind: '実績', fiscal_year: 'R5', label_ja: '参加者数', value: 80 + (i % 70), unit: '人' });
		evaluations.push({ initiative_code: String(i), fiscal_year: 'R5', grade: ['◎', '○', '△', '×'][i % 4] });
	}
	return {
		plan: EXAMPLE.plan,
		grading_scheme: EXAMPLE.grading_scheme,
		goals: [
			{ code: '1', level_name_ja: '基本目標', title_ja: '支え合うまちづくり' },
			{ code: '2', level_name_ja: '基本目標', title_ja: '安心して暮らせるまちづくり' }
		],
		initiatives,
		measures,
		evaluations
	};
}

/**
 * "Their own sheet as it is": a made-up village's table the way a report is made in Excel before
 * it becomes a PDF (a title row, two header rows, goals in merged cells), and its column mapping.
 * Its grades run the other way round from most letters (C is best here): the mapping says so.
 */
export const OWN_SHEET_FILE_STEM = 'own-sheet-example-shisaku-village';

export const OWN_SHEET: Cell[][] = [
	['試作村 地域福祉活動計画 令和5年度 進捗状況（記入例・架空の村）', null, null, null, null, null, null, null],
	['基本目標', '施策', '事業名', '事業の内容', '担当', '目標', '実績', '評価'],
	[null, null, null, null, null, '令和6年度', '令和5年度', null],
	['みんなで支える村', '居場所づくり', '地域の茶の間の開設', '公民館で週1回、誰でも立ち寄れる茶の間を開く', '試作村社会福祉協議会', '6か所', '4か所', 'B'],
	[null, null, 'ヤングケアラー相談窓口', '学校と連携し、家族の世話をする子どもの相談を受ける', '子ども課', '相談件数 20件', '相談件数 12件', 'B'],
	[null, '見守り', '配食サービスによる安否確認', '一人暮らし高齢者に夕食を届け、安否を確かめる', '健康福祉課、試作村社会福祉協議会', '利用者 50人', '利用者 52人', 'C'],
	['いざという時に備える村', '防災', '個別避難計画の作成', '避難行動要支援者ごとに個別避難計画を作る', '総務課', '作成 100件', '作成 38件', 'A']
];

export const OWN_SHEET_SPEC = {
	format: 'atlas-tabular-spec',
	version: 1,
	sheet: null,
	header_rows: [2, 3],
	columns: {
		name: 'C',
		description: 'D',
		department: 'E',
		goal_levels: [
			{ column: 'A', level_name_ja: '基本目標' },
			{ column: 'B', level_name_ja: '施策' }
		],
		measures: [
			{ column: 'F', kind: 'target', fiscal_year: 2024 },
			{ column: 'G', kind: 'result', fiscal_year: 2023 }
		],
		grade: { column: 'H', fiscal_year: 2023 }
	},
	plan: { muni_code: '99002', prefecture_ja: '見本県（架空）', prefecture_en: 'Example Prefecture (fictional)', name_ja: '試作村（記入例・架空の村）', name_en: 'Shisaku Village (example, fictional)', title_ja: '試作村地域福祉活動計画 進捗状況（記入例）', title_en: 'Shisaku Village activity plan: progress (example)', report_fiscal_year: 2023, actor_ja: '社協' },
	grading_scheme: [
		{ grade: 'C', rank: 1, definition_ja: '目標を達成した', definition_en: 'target met', score: 0.95, reason_ja: 'この村ではCが最上位（目標達成）', reason_en: 'in this village C is the top level (target met)' },
		{ grade: 'B', rank: 2, definition_ja: '取組中', definition_en: 'in progress', score: 0.6, reason_ja: '半分以上進んでいる', reason_en: 'more than half way' },
		{ grade: 'A', rank: 3, definition_ja: '未着手', definition_en: 'not started', score: 0.05, reason_ja: 'まだ始めていない', reason_en: 'not yet started' }
	]
} as const;
