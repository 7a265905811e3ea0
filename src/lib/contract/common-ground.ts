import { z } from 'zod';
import { column, defineTable } from './column';
import { BANDS } from './tables';

/**
 * Tables computed after ingest that make cities comparable: common themes, and achievement
 * read from paired targets and results. (The grading crosswalk fills columns of tables.ts.)
 */

const themeId = z.string().regex(/^[a-z][a-z_]*$/);
const fiscalYear = z.number().int().min(1989).max(2100);

export const THEME_METHODS = ['rule', 'manual'] as const;
export const PAIRING_BASES = ['same_year', 'every_year', 'interim', 'undated_target'] as const;
export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;

export const themes = defineTable({
	name: 'themes',
	rowEn: 'one common theme that initiatives of different cities share',
	rowJa: '市区町村をまたいで取組を比べるための共通テーマ 1件',
	orderBy: ['theme_id'],
	schema: z.object({
		theme_id: column(themeId, 'VARCHAR', 'stable theme id (e.g. salon, small_area_network)', 'テーマID'),
		label_ja: column(z.string().min(1), 'VARCHAR', 'name in Japanese', 'テーマ名'),
		label_en: column(z.string().min(1), 'VARCHAR', 'name in English', 'テーマ名（英語）'),
		definition_ja: column(z.string().min(1), 'VARCHAR', 'what belongs to the theme, in Japanese', '定義'),
		definition_en: column(z.string().min(1), 'VARCHAR', 'what belongs to the theme, in English', '定義（英語）')
	})
});

export const initiativeThemes = defineTable({
	name: 'initiative_themes',
	rowEn: 'one theme assigned to one initiative, with the words that led to it',
	rowJa: '取組に付けた共通テーマ 1件（根拠となった語句つき）',
	orderBy: ['initiative_id', 'theme_id'],
	schema: z.object({
		initiative_id: column(z.string().min(1), 'VARCHAR', 'initiative', '取組ID'),
		theme_id: column(themeId, 'VARCHAR', 'theme', 'テーマID'),
		method: column(z.enum(THEME_METHODS), 'VARCHAR', 'rule: found by the keyword rules; manual: added by a reviewed override', '付与方法（rule＝語句ルール、manual＝手作業の補正）'),
		evidence: column(z.string().min(1), 'VARCHAR', 'the words that matched and where (name, description, measure, goal), or the override reason', '根拠（一致した語句と箇所、または補正の理由）'),
		confidence: column(z.number().min(0).max(1), 'DOUBLE', 'how sure the rules are, 0 to 1 (1 for a manual override)', '確からしさ（0〜1、手作業は1）')
	})
});

export const measureThemes = defineTable({
	name: 'measure_themes',
	rowEn: 'one theme assigned to one result reported for a goal as a whole (a measure of a goal-wide cell), found by its label',
	rowJa: '目標全体として報告された実績（目標全体の欄の指標）1件に付けた共通テーマ（指標名から）',
	orderBy: ['measure_id', 'theme_id'],
	schema: z.object({
		measure_id: column(z.string().min(1), 'VARCHAR', 'the goal-wide measure (measures.attached_to = goal)', '指標ID（目標全体の欄の指標）'),
		goal_id: column(z.string().min(1), 'VARCHAR', 'the goal the result is reported for; its initiatives are listed beside it', '実績が報告された目標の目標ID'),
		theme_id: column(themeId, 'VARCHAR', 'theme', 'テーマID'),
		method: column(z.enum(THEME_METHODS), 'VARCHAR', 'rule: found by the keyword rules on the printed item (its heading label is read as the name)', '付与方法（rule＝語句ルール。記載項目の見出しの指標名を名称として読む）'),
		evidence: column(z.string().min(1), 'VARCHAR', 'the words that matched and where (name = the item heading, measure = other labels of the item, goal)', '根拠（一致した語句と箇所。name＝項目の見出し）'),
		confidence: column(z.number().min(0).max(1), 'DOUBLE', 'how sure the rules are, 0 to 1', '確からしさ（0〜1）')
	})
});

export const achievements = defineTable({
	name: 'achievements',
	rowEn: 'one target paired with the result of the same indicator, and how far the result reached',
	rowJa: '同じ指標の目標と実績の組 1件と達成度',
	orderBy: ['achievement_id'],
	schema: z.object({
		achievement_id: column(z.string().min(1), 'VARCHAR', 'stable id: target measure id and result measure id', '達成度ID（目標と実績の指標ID）'),
		muni_code: column(z.string().regex(/^\d{5}$/), 'VARCHAR', 'municipality', '市区町村コード'),
		initiative_id: column(z.string().nullable(), 'VARCHAR', 'initiative (null when the measures belong to a goal-wide cell)', '取組ID（目標全体の欄の場合はnull）'),
		goal_id: column(z.string().nullable(), 'VARCHAR', 'goal, when the measures belong to a goal-wide cell', '目標全体の欄の場合の目標ID'),
		indicator_label: column(z.string().nullable(), 'VARCHAR', 'what is counted (the target label, else the result label)', '指標名'),
		target_measure_id: column(z.string().min(1), 'VARCHAR', 'the target (or plan) measure', '目標（計画）の指標ID'),
		result_measure_id: column(z.string().min(1), 'VARCHAR', 'the result measure', '実績の指標ID'),
		target_kind: column(z.enum(['target', 'plan']), 'VARCHAR', 'target (目標値) or plan for the year (計画)', '目標の種類（target＝目標値、plan＝年度計画）'),
		basis: column(
			z.enum(PAIRING_BASES),
			'VARCHAR',
			"why the two pair: same_year (a year's plan or target and that year's result); every_year (a target that holds every year); interim (a result from before a multi-year target's year: progress so far, not a verdict; target_fiscal_year and result_fiscal_year say which years); undated_target (the target names no year)",
			'組み合わせの根拠（same_year＝同年度、every_year＝毎年の目標、interim＝複数年の目標に対する目標年度前の途中経過で最終判定ではない、undated_target＝年度のない目標）'
		),
		direction: column(z.enum(DIRECTIONS), 'VARCHAR', 'higher_is_better, or lower_is_better where the target is a ceiling (以下, 未満)', '達成の向き（higher_is_better＝多いほど良い、lower_is_better＝上限の目標）'),
		target_fiscal_year: column(fiscalYear.nullable(), 'INTEGER', "the target's fiscal year (null when it names none)", '目標の年度'),
		result_fiscal_year: column(fiscalYear.nullable(), 'INTEGER', "the result's fiscal year", '実績の年度'),
		unit: column(z.string().nullable(), 'VARCHAR', 'unit shared by both (人, 回, %, …)', '単位'),
		target_value: column(z.number().finite(), 'DOUBLE', 'target value', '目標値'),
		result_value: column(z.number().finite().nullable(), 'DOUBLE', 'result value; null when the result says the work was not carried out (result_status)', '実績値（実施されなかった場合はnull）'),
		result_status: column(
			z.enum(['reported', 'not_carried_out']),
			'VARCHAR',
			'reported: the result gives a figure (0 included); not_carried_out: the result cell says the work did not happen that year (中止, 未実施, 開催予定 …)',
			'実績の状況（reported＝数値あり（0を含む）、not_carried_out＝中止・未実施・開催予定など）'
		),
		result_status_ja: column(z.string().nullable(), 'VARCHAR', 'the words of the result cell that say it was not carried out', '実施されなかったことを示す原文の語句'),
		result_is_estimate: column(z.boolean(), 'BOOLEAN', 'the result is an estimate (見込み)', '実績が見込み値か'),
		is_cumulative: column(z.boolean(), 'BOOLEAN', 'both values are running totals (累計)', '累計値どうしの比較か'),
		ratio: column(
			z.number().nonnegative().nullable(),
			'DOUBLE',
			'result ÷ target (target ÷ result when lower is better), kept for interim pairs too; null when the target is 0 or the work was not carried out',
			'達成率（実績÷目標、上限の目標は目標÷実績。途中経過にも記録。目標が0または実施されなかった場合はnull）'
		),
		band: column(
			z.enum(BANDS).nullable(),
			'VARCHAR',
			'common band by the crosswalk thresholds (90/75/50%) for a final comparison; not_achieved where the work was not carried out in the year of its plan; null for an interim pair (progress, no verdict) and where there is no ratio',
			'共通区分（90・75・50％の境界、最終的な比較のみ。その年度に実施されなかった場合はnot_achieved。途中経過（interim）と達成率のない組はnull）'
		)
	})
});

export const COMMON_GROUND_TABLES = [themes, initiativeThemes, measureThemes, achievements];

export type ThemeRow = z.infer<typeof themes.schema>;
export type InitiativeThemeRow = z.infer<typeof initiativeThemes.schema>;
export type AchievementRow = z.infer<typeof achievements.schema>;
export type MeasureThemeRow = z.infer<typeof measureThemes.schema>;
