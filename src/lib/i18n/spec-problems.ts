import type { Messages } from './index';

/**
 * What is wrong with a column mapping (a spec being filled in on /import, or a spec file loaded
 * there or read by `npm run data`), by kind: the page says it in its own language, the pipeline in
 * English. `sf_` names the field, `sp_` says what it needs.
 */
export const specProblemMessages: Messages = {
	sf_header_rows: { ja: '見出しの行', en: 'Header rows' },
	sf_columns: { ja: '列の対応付け', en: 'The column mapping' },
	sf_column: { ja: '{column}列', en: 'Column {column}' },
	sf_grade_column: { ja: '評価の列（{column}列）', en: 'The grade column ({column})' },
	sf_grading_scheme: { ja: '評価の段階', en: 'Grade levels' },
	sf_level: { ja: '評価の段階の{line}行目', en: 'Grade level on line {line}' },
	sf_level_part: { ja: '評価の段階の{line}行目（{part}）', en: 'Grade level on line {line} ({part})' },
	lp_grade: { ja: '記号', en: 'mark' },
	lp_rank: { ja: '順位', en: 'rank' },
	lp_score: { ja: '位置', en: 'place' },
	lp_definition_ja: { ja: '定義', en: 'definition' },
	lp_reason_ja: { ja: '理由', en: 'reason' },
	sf_plan: { ja: '計画の情報', en: 'The plan' },
	sp_required: { ja: '入力してください', en: 'fill this in' },
	sp_column_letter: { ja: '列は英字で書きます（A, B, …, AA）', en: 'a column letter (A, B, …, AA)' },
	sp_muni_code: { ja: '5桁の市区町村コードを入れてください', en: 'a 5-digit municipality code' },
	sp_fiscal_year: { ja: '1989〜2100の年度を入れてください（2023、令和5年度、R5）', en: 'a fiscal year from 1989 to 2100 (2023, 令和5年度 or R5)' },
	sp_scale_place: { ja: '共通尺度上の位置は0から1の数で入れてください', en: 'a place on the common scale from 0 to 1' },
	sp_rank: { ja: '順位は1以上の整数です', en: 'a rank: a whole number from 1' },
	sp_header_rows: { ja: '見出しの行の番号を入れてください（例：1 または 2,3）', en: 'the numbers of the header rows (e.g. 1, or 2,3)' },
	sp_measure_kind: { ja: '種別は result・target・plan・baseline のどれかです', en: 'a kind: result, target, plan or baseline' },
	sp_year_needed: { ja: 'この列の年度を入れてください', en: 'the year is needed: give fiscal_year or year_from_header' },
	sp_year_both: { ja: '年度は数値か見出しのどちらか一方で指定します', en: 'give fiscal_year or year_from_header, not both' },
	sp_column_twice: { ja: '{column}列に2つの意味が選ばれています', en: 'column {column} is given two meanings' },
	sp_scheme_needed: { ja: '評価の列には評価の段階が要ります：各段階と共通尺度上の位置を入れてください', en: 'a grade column needs the grading scheme: each level with its place on the common scale' },
	sp_not_a_spec: { ja: '対応付けのファイル（atlas-tabular-spec、版 1）ではありません', en: 'not a column mapping (atlas-tabular-spec, version 1)' },
	sp_not_json: { ja: 'JSON として読めません', en: 'not readable as JSON' },
	sp_invalid: { ja: 'この値は使えません', en: 'this value is not accepted here' }
};
