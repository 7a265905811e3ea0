/**
 * Every kind of warning a template may give, with what it means for a reader of the data. The
 * quality report, the /data page and the data dictionary all read this one catalogue, so a code
 * means the same everywhere and a new code cannot appear without saying what it means.
 *
 * - severity `notice`: the text was read and the record is right; the warning says how (a code
 *   recovered from damaged OCR, a title printed two ways);
 * - severity `warning`: the record is kept but part of it is missing or uncertain; check the source line.
 * - `unreadable`: the source text could not be read at all; it is kept raw and counted as unreadable.
 */

export const SEVERITIES = ['notice', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface WarningKind {
	severity: Severity;
	/** the text is kept raw because it cannot be read (counted in quality.json's `unreadable`) */
	unreadable: boolean;
	ja: string;
	en: string;
}

const kind = (severity: Severity, unreadable: boolean, ja: string, en: string): WarningKind => ({ severity, unreadable, ja, en });

export const WARNINGS = {
	bidi_control_removed: kind('notice', false, '双方向制御文字（表示の向きを変える不可視の文字）を取込み時に除去した', 'bidirectional control characters (invisible; they reverse how text displays) were removed at ingest'),
	code_recovered: kind('notice', false, 'OCRで崩れた番号を同じページや他のページの表記から復元した', 'a number damaged by OCR was recovered from the same page or another page that prints it'),
	damaged_header: kind('notice', false, '列見出しが崩れているため、列は位置で読んだ', 'a column header is damaged; the column was read by its position'),
	doubtful_estimate_flags: kind('warning', false, '見出しの「見込み」表示が年度と合わない', 'the header marks figures as estimates where the year says otherwise'),
	figure_without_unit: kind('warning', false, '単位のない数値：原文のみ残し、値は空', 'figures printed without a known unit: kept in raw_text only, no value'),
	goal_numbering_gap: kind('warning', false, '目標の番号が飛んでいる', 'goal numbers skip a number'),
	grade_missing_for_department: kind('warning', false, '担当課ごとの評価の一部がない', 'a per-department grade is missing for some departments'),
	grade_outside_scheme: kind('warning', false, '評価が評価基準の段階にない：原文のみ残し、評価は空', 'the grade is not a level of the scheme: kept raw, grade left empty'),
	header_text_differs: kind('notice', false, 'ページにより見出しの表記が異なる：多数の表記を採用', 'pages print a heading differently; the reading most pages agree on is kept'),
	legend_in_cell: kind('warning', false, 'セルに評価の凡例が入っている：説明は空', 'a cell holds the grading legend instead of its text; left empty'),
	missing_activity: kind('warning', false, '目次にある活動が本文にない', 'the table of contents names an activity the body does not print'),
	missing_grade: kind('warning', false, '評価の記載がない', 'no grade printed on this row'),
	missing_name: kind('warning', false, '事業名が空欄：説明で識別する', 'the name cell is blank; the initiative is known by its description'),
	name_cut_short: kind('warning', false, '名称が途中で切れているようだ：印刷どおり残す', 'the name seems cut short by the PDF; kept as printed'),
	name_differs_from_contents: kind('notice', false, '目次と本文で名称が異なる：本文の名称を採用', 'the table of contents names it differently; the row\'s own name is kept'),
	no_goal_mark: kind('warning', false, 'どの基本目標にも○がない', 'no mark for any goal'),
	ocr_digit_read: kind('notice', false, 'OCRで文字になった数字1を1として読んだ', 'a digit 1 printed as a letter by OCR was read as 1'),
	repost_goal_mismatch: kind('warning', false, '再掲の参照先と同名の取組の位置が異なる', 'a repeated row points to another goal than the row of the same name'),
	repost_original_not_found: kind('warning', false, '再掲の元の取組が見つからない', 'no original found for a repeated (再掲) row'),
	several_fiscal_years: kind('warning', false, '指標が複数の年度を挙げている：最初の年度を採用', 'the indicator names several years; the first is kept'),
	shifted_columns: kind('warning', false, '列がずれている：内容で読んだか、警告としてのみ残した', 'the columns are shifted; read by content, or kept as a warning only'),
	title_differs_from_contents: kind('notice', false, '目次と本文で見出しが異なる', 'the table of contents prints the heading differently'),
	unattached_row: kind('warning', false, 'どの取組にも属さない行', 'a table row that belongs to no initiative'),
	unreadable_departments: kind('warning', true, '担当課の欄が判読できない', 'the department cell cannot be read'),
	unreadable_grade: kind('warning', true, '評価の記号が判読できない：原文のみ残し、評価は空', 'the grade mark cannot be read: kept raw, grade left empty'),
	unreadable_name: kind('warning', true, '名称が判読できない：印刷どおり残す', 'the name cannot be read; kept as printed'),
	unreadable_text: kind('warning', true, 'セルの一部が判読できないOCR文字列：印刷どおり残す', 'part of the cell is unreadable OCR text; kept as printed'),
	unrecognised_line: kind('warning', false, '表の外にある、見出しでもページ題でもない行', 'a line outside the table that is neither a heading nor a page title')
} as const satisfies Record<string, WarningKind>;

export type WarningCode = keyof typeof WARNINGS;
export const WARNING_CODES = Object.keys(WARNINGS).sort() as [WarningCode, ...WarningCode[]];

export function isUnreadable(code: WarningCode): boolean {
	return WARNINGS[code].unreadable;
}

/** The catalogue as rows (quality.json, the /data page and the dictionary show it this way). */
export function warningCatalogue(): ({ code: WarningCode } & WarningKind)[] {
	return WARNING_CODES.map((code) => ({ code, ...WARNINGS[code] }));
}
