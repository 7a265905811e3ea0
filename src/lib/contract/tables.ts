import { z } from 'zod';
import { column, defineTable } from './column';
import { LOCAL_GOVERNMENT_KINDS } from '../municipalities/code';

/** 5-digit 全国地方公共団体コード without the check digit, e.g. 15107 (新潟市西区). */
const muniCode = z.string().regex(/^\d{5}$/, 'a 5-digit municipality code');
const fiscalYear = z.number().int().min(1989).max(2100);
const line = z.number().int().positive();

export const ACTORS = ['city', 'council', 'joint', 'unknown'] as const;
export const MEASURE_KINDS = ['result', 'target', 'plan', 'baseline'] as const;
/** What a result cell says about work that did not happen (中止, 未実施, 延期, 開催予定 …). */
export const MEASURE_STATUSES = ['not_carried_out'] as const;
export const BANDS = ['achieved', 'mostly_achieved', 'partly_achieved', 'not_achieved'] as const;

export const municipalities = defineTable({
	name: 'municipalities',
	rowEn: 'one local government of Japan (市, 町, 村, 特別区, or a designated city\'s ward), with or without a report in the dataset',
	rowJa: '日本の地方公共団体（市・町・村・特別区・政令指定都市の区）1件。報告書の有無を問わない',
	orderBy: ['muni_code'],
	schema: z.object({
		muni_code: column(muniCode, 'VARCHAR', '5-digit local government code (全国地方公共団体コード, no check digit)', '全国地方公共団体コード（5桁、検査数字なし）'),
		name_ja: column(z.string().min(1), 'VARCHAR', 'name in Japanese (a ward with its city: 新潟市西区)', '名称（行政区は市名から：新潟市西区）'),
		name_en: column(
			z.string().min(1),
			'VARCHAR',
			"name in English: the manifest's for a municipality with a report; else romanized from the official reading (Hepburn, long vowels unmarked), which can differ from the municipality's own spelling",
			'英語名（報告書のある市区町村はマニフェストの表記、それ以外は公式の読みをヘボン式（長音記号なし）で表記したもので、自治体自身の表記と異なる場合がある）'
		),
		name_kana: column(z.string().min(1).nullable(), 'VARCHAR', 'official reading in hiragana (of the ward alone for a ward); null for a code the official list lacks (a plan a user imports)', '読み（ひらがな、行政区は区名のみ）。公式一覧にないコード（利用者が取り込んだ計画）はnull'),
		kind: column(
			z.enum(LOCAL_GOVERNMENT_KINDS).nullable(),
			'VARCHAR',
			'designated_city (政令指定都市), city (市), special_ward (東京都の特別区), town (町), village (村), ward (政令指定都市の区); null for a code the official list lacks',
			'種別（designated_city＝政令指定都市、city＝市、special_ward＝特別区、town＝町、village＝村、ward＝政令指定都市の区）。公式一覧にないコードはnull'
		),
		prefecture_code: column(z.string().regex(/^\d{2}$/), 'VARCHAR', 'two-digit prefecture code (the first two digits of muni_code)', '都道府県コード（2桁）'),
		prefecture_ja: column(z.string().min(1), 'VARCHAR', 'prefecture in Japanese', '都道府県'),
		prefecture_en: column(z.string().min(1), 'VARCHAR', 'prefecture in English', '都道府県（英語）'),
		parent_code: column(muniCode.nullable(), 'VARCHAR', 'code of the parent city for a ward, else null', '行政区の場合は親となる市のコード、それ以外はnull'),
		parent_name_ja: column(z.string().nullable(), 'VARCHAR', 'name of the parent city, else null', '親となる市の名称'),
		parent_name_en: column(z.string().nullable(), 'VARCHAR', 'English name of the parent city, else null', '親となる市の英語名'),
		has_report: column(z.boolean(), 'BOOLEAN', 'the dataset holds a report (a plan) of this municipality', 'データセットにこの市区町村の報告書（計画）があるか'),
		note: column(z.string().nullable(), 'VARCHAR', 'why an entry is special (the Northern Territories villages), else null', '特記事項（北方領土の村など）')
	})
});

export const plans = defineTable({
	name: 'plans',
	rowEn: 'one source report on a plan',
	rowJa: '計画の進捗報告（ソース文書）1件',
	orderBy: ['plan_id'],
	schema: z.object({
		plan_id: column(z.string().min(1), 'VARCHAR', 'stable plan id (municipality code and report year)', '計画ID'),
		muni_code: column(muniCode, 'VARCHAR', 'municipality that reports', '市区町村コード'),
		title_ja: column(z.string().min(1), 'VARCHAR', 'plan title as printed', '計画名（原文）'),
		title_en: column(z.string().min(1), 'VARCHAR', 'plan title in English', '計画名（英語）'),
		report_fiscal_year: column(fiscalYear, 'INTEGER', 'fiscal year the report covers (Gregorian year the 年度 starts in)', '報告対象の年度（西暦、年度開始年）'),
		fiscal_years: column(z.array(fiscalYear), 'INTEGER[]', 'every fiscal year the report names (manifest and records)', '報告に現れるすべての年度'),
		scheme_id: column(z.string().nullable(), 'VARCHAR', 'grading scheme used by the report, null if it gives no grades', '評価基準ID（評価なしはnull）'),
		actor_ja: column(z.string().min(1), 'VARCHAR', 'who publishes the report (市, 区, 社協, or both)', '報告の主体'),
		source_file: column(z.string().min(1), 'VARCHAR', 'source file under data/sources/', 'ソースファイル名'),
		source_sha256: column(z.string().regex(/^[0-9a-f]{64}$/), 'VARCHAR', 'sha256 of the source file', 'ソースファイルのSHA-256'),
		adapter: column(z.string().min(1), 'VARCHAR', 'adapter (template reader) that read the source', '読み取りアダプタ')
	})
});

export const goals = defineTable({
	name: 'goals',
	rowEn: 'one goal at any level of a plan (基本目標, 施策/活動目標, 取組)',
	rowJa: '計画の目標（基本目標・施策・活動目標・取組など）1件',
	orderBy: ['plan_id', 'seq'],
	schema: z.object({
		goal_id: column(z.string().min(1), 'VARCHAR', 'stable goal id', '目標ID'),
		plan_id: column(z.string().min(1), 'VARCHAR', 'plan it belongs to', '計画ID'),
		parent_goal_id: column(z.string().nullable(), 'VARCHAR', 'goal one level up, null at the top', '上位目標ID'),
		level: column(z.number().int().min(1).max(6), 'INTEGER', 'depth in the plan, 1 = top (基本目標)', '階層（1＝基本目標）'),
		level_name_ja: column(z.string().min(1), 'VARCHAR', 'what the source calls this level (基本目標, 施策, 取組, …)', '階層の名称（原文）'),
		code: column(z.string().nullable(), 'VARCHAR', 'the goal number as printed (e.g. 1, I-1, ①)', '番号（原文）'),
		title_ja: column(z.string().min(1), 'VARCHAR', 'goal title as printed', '目標名（原文）'),
		description_ja: column(z.string().nullable(), 'VARCHAR', 'what the goal means, where the source explains it (説明)', '目標の説明（原文）'),
		seq: column(z.number().int().nonnegative(), 'INTEGER', 'order in the source', 'ソース内の順序'),
		line: column(line.nullable(), 'INTEGER', 'source line of the heading (null when only the table of contents names it)', '見出しの行番号')
	})
});

export const initiatives = defineTable({
	name: 'initiatives',
	rowEn: 'one initiative (取組・事業・活動); one per actor where a row has separate halves for 市 and 社協',
	rowJa: '取組・事業・活動 1件（市と社協の欄が分かれている場合は主体ごとに1件）',
	orderBy: ['initiative_id'],
	schema: z.object({
		initiative_id: column(z.string().regex(/^\d{5}-\d{3}[a-z0-9-]*$/), 'VARCHAR', 'stable, readable id: municipality code and number (e.g. 15107-017)', '取組ID（例 15107-017）'),
		plan_id: column(z.string().min(1), 'VARCHAR', 'plan it belongs to', '計画ID'),
		muni_code: column(muniCode, 'VARCHAR', 'municipality', '市区町村コード'),
		goal_id: column(z.string().nullable(), 'VARCHAR', 'the goal it sits under (the first one where several are marked)', '所属する目標ID'),
		goal_ids: column(z.array(z.string()), 'VARCHAR[]', 'every goal it contributes to (e.g. the ○ marks of 西区)', '関連するすべての目標ID'),
		seq: column(z.number().int().nonnegative(), 'INTEGER', 'order in the source', 'ソース内の順序'),
		code: column(z.string().nullable(), 'VARCHAR', 'number as printed (NO, ①, …)', '番号（原文）'),
		name_ja: column(z.string().min(1), 'VARCHAR', 'initiative name as printed', '取組名（原文）'),
		description_ja: column(z.string().nullable(), 'VARCHAR', 'what it does (取組内容・概要・事業内容)', '取組内容・概要'),
		departments: column(z.array(z.string().min(1)), 'VARCHAR[]', 'departments or bodies in charge (担当課・担当部署・事業主体)', '担当課・担当部署・事業主体'),
		actor: column(z.enum(ACTORS), 'VARCHAR', 'city, council (社会福祉協議会), joint, or unknown', '主体（city＝市、council＝社協、joint＝共同、unknown＝不明）'),
		repost_of: column(z.string().nullable(), 'VARCHAR', 'initiative_id of the original for a 再掲 (repeated) row, else null', '再掲の場合は元の取組ID'),
		source_file: column(z.string().min(1), 'VARCHAR', 'source file', 'ソースファイル名'),
		line_start: column(line, 'INTEGER', 'first source line of the row', '開始行'),
		line_end: column(line, 'INTEGER', 'last source line of the row', '終了行')
	})
});

export const measures = defineTable({
	name: 'measures',
	rowEn: 'one quantity or statement about an initiative: a result, a target or a plan',
	rowJa: '取組の実績・目標・計画（数量または記述）1件',
	orderBy: ['measure_id'],
	schema: z.object({
		measure_id: column(z.string().min(1), 'VARCHAR', 'stable measure id', '指標ID'),
		initiative_id: column(z.string().nullable(), 'VARCHAR', 'initiative it describes (null when it belongs to a goal-wide cell)', '取組ID（目標全体の欄の場合はnull）'),
		goal_id: column(z.string().nullable(), 'VARCHAR', 'goal it describes when the source gives it for a group of initiatives', '目標全体に属する場合の目標ID'),
		attached_to: column(z.enum(['initiative', 'goal']), 'VARCHAR', 'initiative: the source ties it to one initiative; goal: to a group (merged cell)', '取組に属するか目標全体に属するか'),
		kind: column(
			z.enum(MEASURE_KINDS),
			'VARCHAR',
			"result (実績); target (目標値 for the plan's period or a year after it); plan (one year's plan or target: 2021年度計画, 令和6年度の目標); baseline (the starting point printed beside a target: ※R3 29件, 計画策定時点; never a result)",
			'種別（result＝実績、target＝計画期間の目標、plan＝単年度の計画・目標、baseline＝目標欄に記された基準値（※R3、計画策定時点）で実績ではない）'
		),
		fiscal_year: column(fiscalYear.nullable(), 'INTEGER', 'fiscal year it refers to (Gregorian start year); null when the source gives none', '年度（西暦）'),
		every_year: column(z.boolean(), 'BOOLEAN', 'the target holds for every year (毎年, 年N回, 毎年度 in a target cell); one year\'s plan (2021年度計画: 年3回) is that year\'s figure, never every year', '毎年の目標か（単年度の計画欄の「年N回」はその年度の値）'),
		is_estimate: column(z.boolean(), 'BOOLEAN', 'the result is an estimate (見込み)', '見込み値か'),
		is_cumulative: column(z.boolean(), 'BOOLEAN', 'the value is a running total (累計)', '累計値か'),
		label_ja: column(z.string().nullable(), 'VARCHAR', 'what is counted, from the text around the number', '指標名'),
		department: column(z.string().nullable(), 'VARCHAR', 'department the figure belongs to, where the source reports per department; else null', '担当課別に記載されている場合の担当課'),
		status: column(
			z.enum(MEASURE_STATUSES).nullable(),
			'VARCHAR',
			'not_carried_out where a result cell says the work did not happen that year (中止, 未実施, 延期, 休止, 開催予定, 実施できなかった); null otherwise. A printed 0 is a value, not a status',
			'実施状況（not_carried_out＝中止・未実施・延期・開催予定などで実施されなかった。0と記載された実績は数値）'
		),
		status_ja: column(z.string().nullable(), 'VARCHAR', 'the words that say so, as printed (研修会 中止)', '実施されなかったことを示す語句（原文）'),
		narrative: column(
			z.boolean(),
			'BOOLEAN',
			'the figure is quoted in a narrative cell (山口市 実施状況) rather than printed in a column of figures; pairing prefers the column figure',
			'記述欄（実施状況）の文中の数値か（実績欄の数値を優先して組み合わせる）'
		),
		raw_text: column(z.string().min(1), 'VARCHAR', 'the source cell text (whitespace tidied)', '原文'),
		value: column(z.number().finite().nullable(), 'DOUBLE', 'the number read from the text, null if none', '数値'),
		unit: column(z.string().nullable(), 'VARCHAR', 'unit printed with the number (人, 回, 件, %, …)', '単位'),
		qualifier: column(z.string().nullable(), 'VARCHAR', 'words that change the meaning of the number (延べ, 約, 以上, 累計, …)', '数値の修飾語（延べ・約・以上など）'),
		line: column(line, 'INTEGER', 'source line where the text starts', '行番号'),
		line_end: column(line, 'INTEGER', 'source line where the text ends', '終了行')
	})
});

export const evaluations = defineTable({
	name: 'evaluations',
	rowEn: 'one grade given to an initiative (per department where the source grades per department)',
	rowJa: '取組に付けられた評価 1件（担当課ごとの評価は担当課ごと）',
	orderBy: ['evaluation_id'],
	schema: z.object({
		evaluation_id: column(z.string().min(1), 'VARCHAR', 'stable evaluation id', '評価ID'),
		initiative_id: column(z.string().min(1), 'VARCHAR', 'initiative graded', '取組ID'),
		fiscal_year: column(fiscalYear, 'INTEGER', 'fiscal year graded', '評価対象年度'),
		scheme_id: column(z.string().min(1), 'VARCHAR', 'grading scheme', '評価基準ID'),
		grade_raw: column(z.string().min(1), 'VARCHAR', 'the mark exactly as in the source', '評価（原文）'),
		grade: column(z.string().nullable(), 'VARCHAR', 'the grade read in the scheme, null when unreadable or outside the scheme', '評価（基準上の値、判読不能はnull）'),
		evaluator: column(z.string().nullable(), 'VARCHAR', 'department giving the grade when grades are per department, else null', '評価した担当課（担当課別評価の場合）'),
		score: column(z.number().min(0).max(1).nullable(), 'DOUBLE', 'common score in [0, 1] from the grading crosswalk', '共通スコア（0〜1）'),
		band: column(z.enum(BANDS).nullable(), 'VARCHAR', 'common band from the grading crosswalk', '共通区分'),
		line: column(line, 'INTEGER', 'source line of the grade', '行番号')
	})
});

export const gradingSchemes = defineTable({
	name: 'grading_schemes',
	rowEn: 'one level of a grading scheme, with its verbatim definition and its place on the common scale',
	rowJa: '評価基準の段階 1件（原文の定義と共通尺度上の位置）',
	orderBy: ['scheme_id', 'rank'],
	schema: z.object({
		scheme_id: column(z.string().min(1), 'VARCHAR', 'grading scheme id', '評価基準ID'),
		muni_code: column(muniCode, 'VARCHAR', 'municipality that uses it', '市区町村コード'),
		grade: column(z.string().min(1), 'VARCHAR', 'the level as printed (A, 5, …)', '段階（原文）'),
		rank: column(z.number().int().positive(), 'INTEGER', '1 = best', '順位（1＝最高）'),
		definition_ja: column(z.string().min(1), 'VARCHAR', 'definition, verbatim from the source', '定義（原文）'),
		definition_en: column(z.string().min(1), 'VARCHAR', 'definition in English', '定義（英語）'),
		score: column(z.number().min(0).max(1).nullable(), 'DOUBLE', 'common score in [0, 1]', '共通スコア（0〜1）'),
		band: column(z.enum(BANDS).nullable(), 'VARCHAR', 'common band', '共通区分'),
		mapping_reason_en: column(z.string().nullable(), 'VARCHAR', 'why this level sits where it does on the common scale', '共通尺度への対応の理由（英語）'),
		mapping_reason_ja: column(z.string().nullable(), 'VARCHAR', 'why this level sits where it does on the common scale', '共通尺度への対応の理由'),
		source_line: column(line.nullable(), 'INTEGER', 'source line of the legend', '凡例の行番号')
	})
});

export const initiativeNotes = defineTable({
	name: 'initiative_notes',
	rowEn: 'one free-text field of an initiative that is neither a measure nor a grade (comments, roles, priorities)',
	rowJa: '取組の記述欄（コメント・役割・推進強化項目など）1件',
	orderBy: ['note_id'],
	schema: z.object({
		note_id: column(z.string().min(1), 'VARCHAR', 'stable note id', '記述ID'),
		initiative_id: column(z.string().nullable(), 'VARCHAR', 'initiative it belongs to (null when it belongs to a goal)', '取組ID'),
		goal_id: column(z.string().nullable(), 'VARCHAR', 'goal it belongs to when the source gives it for a group', '目標ID'),
		field: column(z.string().min(1), 'VARCHAR', 'which field: comment, evaluation_reason, resident_role, agency_role, priority, remark', '欄の種類'),
		label_ja: column(z.string().min(1), 'VARCHAR', 'the column heading in the source', '欄の見出し（原文）'),
		text_ja: column(z.string().min(1), 'VARCHAR', 'the text, whitespace tidied', '本文'),
		line: column(line, 'INTEGER', 'first source line', '開始行'),
		line_end: column(line, 'INTEGER', 'last source line', '終了行')
	})
});

/** Every table written to Parquet, in dependency order. */
export const TABLES = [municipalities, plans, gradingSchemes, goals, initiatives, measures, evaluations, initiativeNotes];

export type Municipality = z.infer<typeof municipalities.schema>;
export type Plan = z.infer<typeof plans.schema>;
export type Goal = z.infer<typeof goals.schema>;
export type Initiative = z.infer<typeof initiatives.schema>;
export type Measure = z.infer<typeof measures.schema>;
export type Evaluation = z.infer<typeof evaluations.schema>;
export type GradingSchemeLevel = z.infer<typeof gradingSchemes.schema>;
export type InitiativeNote = z.infer<typeof initiativeNotes.schema>;
export type Band = (typeof BANDS)[number];
