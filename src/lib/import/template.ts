/**
 * The Atlas template: the workbook (or set of CSV files) a user fills to bring their own plan.
 * Declared once, here: the reader, the blank template, the filled example, the export and
 * data/IMPORT.md all follow this list. Headers are Japanese; the English ones are accepted too.
 */
export type FieldType = 'text' | 'integer' | 'number' | 'fiscal_year' | 'score' | 'list' | 'flag' | 'code' | 'kind';

export interface TemplateField {
	key: string;
	ja: string;
	en: string;
	type: FieldType;
	required: boolean;
	/** what to write, for the template's note row and IMPORT.md */
	help_ja: string;
	help_en: string;
}

export interface TemplateSheet {
	id: 'plan' | 'grading_scheme' | 'goals' | 'initiatives' | 'measures' | 'evaluations';
	ja: string;
	en: string;
	/** a workbook without this sheet is refused (the others may be left out when empty) */
	required: boolean;
	fields: TemplateField[];
}

const f = (key: string, ja: string, en: string, type: FieldType, required: boolean, help_ja: string, help_en: string): TemplateField => ({ key, ja, en, type, required, help_ja, help_en });

export const TEMPLATE: readonly TemplateSheet[] = [
	{
		id: 'plan',
		ja: '計画',
		en: 'plan',
		required: true,
		fields: [
			f('muni_code', '市区町村コード', 'municipality code', 'code', true, '全国地方公共団体コード5桁（検査数字なし）', '5-digit local government code, without the check digit'),
			f('prefecture_ja', '都道府県', 'prefecture', 'text', true, '例：新潟県', 'e.g. 新潟県'),
			f('prefecture_en', '都道府県（英語）', 'prefecture (English)', 'text', false, '空欄なら日本語名を使います', 'the Japanese name is used when empty'),
			f('name_ja', '市区町村名', 'municipality', 'text', true, '例：見本町', 'e.g. 見本町'),
			f('name_en', '市区町村名（英語）', 'municipality (English)', 'text', false, '空欄なら日本語名を使います', 'the Japanese name is used when empty'),
			f('title_ja', '計画名', 'plan title', 'text', true, '報告書に印刷された計画名', 'the plan title as printed'),
			f('title_en', '計画名（英語）', 'plan title (English)', 'text', false, '空欄なら日本語名を使います', 'the Japanese title is used when empty'),
			f('report_fiscal_year', '報告年度', 'report fiscal year', 'fiscal_year', true, '令和5年度、R5、2023 のいずれでも', '令和5年度, R5 or 2023'),
			f('actor_ja', '報告の主体', 'reported by', 'text', true, '市、社協、市・社協 など', '市, 社協, or both')
		]
	},
	{
		id: 'grading_scheme',
		ja: '評価基準',
		en: 'grading scheme',
		required: false,
		fields: [
			f('grade', '評価', 'grade', 'text', true, '段階の記号（A、5、◎ など）', 'the level as printed (A, 5, ◎, …)'),
			f('rank', '順位', 'rank', 'integer', true, '1＝最高', '1 = best'),
			f('definition_ja', '定義', 'definition', 'text', true, '凡例の文言をそのまま', 'the legend, verbatim'),
			f('definition_en', '定義（英語）', 'definition (English)', 'text', false, '空欄なら日本語の定義を使います', 'the Japanese definition is used when empty'),
			f('score', '共通尺度上の位置', 'place on the common scale', 'score', true, '0（未実施）〜1（目標を完全に達成）の数値。同じ記号でも市によって意味が違うため、あなたの凡例の意味で置いてください', 'a number from 0 (not done) to 1 (target fully met); place your own legend, since the same letter means different things in different cities'),
			f('reason_ja', '位置づけの理由', 'reason', 'text', true, 'なぜその位置か', 'why the level sits there'),
			f('reason_en', '位置づけの理由（英語）', 'reason (English)', 'text', false, '空欄なら日本語の理由を使います', 'the Japanese reason is used when empty')
		]
	},
	{
		id: 'goals',
		ja: '目標',
		en: 'goals',
		required: false,
		fields: [
			f('code', '目標番号', 'goal number', 'text', true, '例：1、1-2（取組シートから参照します）', 'e.g. 1, 1-2 (the initiatives sheet refers to it)'),
			f('parent_code', '上位目標番号', 'parent goal number', 'text', false, '最上位の目標は空欄', 'empty for a top-level goal'),
			f('level_name_ja', '階層名', 'level name', 'text', true, '基本目標、施策 など', '基本目標, 施策, …'),
			f('title_ja', '目標名', 'goal title', 'text', true, '印刷されたとおり', 'as printed'),
			f('description_ja', '説明', 'description', 'text', false, '', '')
		]
	},
	{
		id: 'initiatives',
		ja: '取組',
		en: 'initiatives',
		required: true,
		fields: [
			f('code', '取組番号', 'initiative number', 'text', true, '指標・評価シートから参照します', 'the measures and evaluations sheets refer to it'),
			f('goal_codes', '目標番号', 'goal numbers', 'list', false, '所属する目標の番号（複数は「、」区切り、最初が所属先）', 'goal numbers it belongs to (several separated by 、 or commas; the first is where it sits)'),
			f('name_ja', '取組名', 'initiative name', 'text', true, '印刷されたとおり', 'as printed'),
			f('description_ja', '取組内容', 'description', 'text', false, '取組の内容・概要', 'what it does'),
			f('departments', '担当課', 'departments', 'list', false, '担当課・事業主体（複数は「、」区切り）', 'departments or bodies in charge (several separated by 、 or commas)')
		]
	},
	{
		id: 'measures',
		ja: '指標',
		en: 'measures',
		required: false,
		fields: [
			f('initiative_code', '取組番号', 'initiative number', 'text', true, '取組シートの番号', 'a number from the initiatives sheet'),
			f('kind', '種別', 'kind', 'kind', true, '実績、目標（計画期間の目標）、計画（単年度の計画・目標）、基準値 のいずれか', 'result, target (for the plan period), plan (one year\'s plan or target) or baseline (実績, 目標, 計画, 基準値)'),
			f('fiscal_year', '年度', 'fiscal year', 'fiscal_year', false, '令和5年度、R5、2023。毎年の目標は空欄で原文に「毎年」', '令和5年度, R5 or 2023; for a yearly target leave it empty and write 毎年 in the text'),
			f('label_ja', '指標名', 'indicator', 'text', false, '何を数えるか（開催回数 など）', 'what is counted'),
			f('value', '値', 'value', 'number', false, '数値（空欄なら原文から読み取ります）', 'a number (read from the text when empty)'),
			f('unit', '単位', 'unit', 'text', false, '人、回、件、% など', '人, 回, 件, %, …'),
			f('raw_text', '原文', 'text as printed', 'text', false, '報告書の欄の文言（値が空欄なら必須）', 'the cell as printed (required when value is empty)'),
			f('department', '担当課', 'department', 'text', false, '担当課別の数値のときの担当課', 'the department, where figures are per department'),
			f('is_estimate', '見込み', 'estimate', 'flag', false, '見込み値なら「○」', '○ (or yes) when the result is an estimate')
		]
	},
	{
		id: 'evaluations',
		ja: '評価',
		en: 'evaluations',
		required: false,
		fields: [
			f('initiative_code', '取組番号', 'initiative number', 'text', true, '取組シートの番号', 'a number from the initiatives sheet'),
			f('fiscal_year', '年度', 'fiscal year', 'fiscal_year', true, '評価した年度', 'the fiscal year graded'),
			f('grade', '評価', 'grade', 'text', true, '評価基準シートの段階', 'a level of the grading scheme sheet'),
			f('evaluator', '評価者', 'evaluator', 'text', false, '担当課別の評価のときの担当課', 'the department, where grades are per department')
		]
	}
];

export const sheetDef = (id: TemplateSheet['id']): TemplateSheet => TEMPLATE.find((s) => s.id === id)!;
