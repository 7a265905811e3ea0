import type { Messages } from './index';

/** The data page: what is published, how to download and cite it, and where it comes from. */
export const dataPage: Messages = {
	nav_data: { ja: 'データ', en: 'Data' },
	title: { ja: 'データと出典', en: 'Data and sources' },
	intro: {
		ja: 'このサイトが表示するものはすべて、次の表（Parquet形式）から読んでいます。そのままダウンロードでき、SQLワークベンチでも同じ名前で問い合わせできます。年度は年度開始年の西暦（令和2年度＝2020）です。',
		en: 'Everything this site shows is read from the tables below (Parquet files). Download them as they are, or query them by the same names in the SQL workbench. Fiscal years are the Gregorian year the 年度 starts in (令和2年度 = 2020).'
	},
	tables: { ja: '表', en: 'Tables' },
	col_table: { ja: '表', en: 'Table' },
	col_row_is: { ja: '1行は', en: 'One row is' },
	col_rows: { ja: '行数', en: 'Rows' },
	col_download: { ja: 'ダウンロード', en: 'Download' },
	columns_of: { ja: '{table} の列', en: 'Columns of {table}' },
	col_column: { ja: '列', en: 'Column' },
	col_type: { ja: '型', en: 'Type' },
	col_meaning: { ja: '意味', en: 'Meaning' },
	sources: { ja: '出典（ソース文書）', en: 'Sources' },
	sources_intro: {
		ja: '各市区町村の公表資料から抽出したテキストを、様式ごとの読み取り規則（アダプタ）で読んでいます。読めなかった箇所・補正した箇所は品質レポートに行番号つきで記録しています。',
		en: "Text extracted from each municipality's published report, read by one reader (adapter) per template. What could not be read, and every correction, is recorded with its line in the quality report."
	},
	col_source: { ja: 'ソースファイル', en: 'Source file' },
	col_municipality: { ja: '市区町村', en: 'Municipality' },
	col_adapter: { ja: 'アダプタ', en: 'Adapter' },
	col_initiatives: { ja: '取組', en: 'Initiatives' },
	col_warnings: { ja: '警告', en: 'Warnings' },
	col_unreadable: { ja: '判読不能', en: 'Unreadable' },
	col_corrections: { ja: '補正', en: 'Corrections' },
	warning_codes: { ja: '警告の種類', en: 'Kinds of warning' },
	warning_codes_intro: {
		ja: '品質レポートの各警告には次のコードが付きます。「注意」は読み取れて記録は正しいもの、「警告」は記録の一部が欠けるか不確かなもの、「判読不能」は原文を読めずそのまま残したものです。',
		en: 'Every warning in the quality report carries one of these codes. A notice: the text was read and the record is right; a warning: part of the record is missing or uncertain; unreadable: the text could not be read and is kept as printed.'
	},
	col_code: { ja: 'コード', en: 'Code' },
	col_severity: { ja: '重さ', en: 'Severity' },
	col_count: { ja: '件数', en: 'Count' },
	severity_notice: { ja: '注意', en: 'Notice' },
	severity_warning: { ja: '警告', en: 'Warning' },
	archive: { ja: 'データセット全体', en: 'The whole dataset' },
	archive_intro: {
		ja: 'すべての表を Parquet と CSV（UTF-8・BOM付き）で、データ辞書（各列の意味）、品質報告、ライセンス、版を記した README とともに1つの ZIP ファイルにまとめています。',
		en: 'Every table as Parquet and as CSV (UTF-8 with BOM), with the data dictionary (what each column means), the quality report, the licence and a README naming the version, in one ZIP file.'
	},
	archive_download: { ja: 'データセット全体（{file}、{size}）をダウンロード', en: 'Download the whole dataset ({file}, {size})' },
	archive_version: { ja: 'データセットの版', en: 'Dataset version' },
	archive_licence: { ja: 'ライセンス', en: 'Licence' },
	licence_compilation: {
		ja: '編集物（記録、正規化、テーマ分類、評価の対応表、目標と実績の組み合わせ）は CC BY 4.0 で提供します。',
		en: 'The compilation (records, normalization, themes, crosswalk, pairs of targets and results) is under CC BY 4.0.'
	},
	licence_reports: {
		ja: '報告書の本文と数値は、公表した各市区町村・社会福祉協議会の著作物で、出典を示して引用しています。報告書の文言を利用する前に、各自治体の利用規約を確認してください（多くの公的機関は CC BY 4.0 と互換の政府標準利用規約を用いていますが、すべてではありません）。',
		en: 'The reports’ own text and figures remain the works of the municipalities and councils that published them, quoted with attribution. Check each one’s own terms of use before reusing a report’s wording (many Japanese public bodies use the Government Standard Terms of Use, compatible with CC BY 4.0, but not all).'
	},
	licence_full: { ja: '全文はアーカイブの LICENSE.md にあります。プログラムは MIT ライセンスです。', en: 'The full text is LICENSE.md in the archive. The code is under the MIT licence.' },
	quality_download: { ja: '品質レポート（quality.json）をダウンロード', en: 'Download the quality report (quality.json)' },
	cite: { ja: '引用', en: 'How to cite' },
	cite_text: {
		ja: '地域福祉計画アトラス データセット（版 {version}）。出典：上記各市区町村・社会福祉協議会の公表資料。',
		en: 'Welfare Plan Atlas (地域福祉計画アトラス) dataset, version {version}. Sources: the reports published by the municipalities and councils of social welfare listed above.'
	},
	cite_version: {
		ja: '版は各ソースファイルのSHA-256の先頭8桁をつないだもので、ソースが変わると変わります。',
		en: 'The version joins the first 8 hex digits of each source file\'s SHA-256: it changes whenever a source changes.'
	}
};
