import type { Messages } from './index';

/** Text of the site's frame and the overview; features keep their own message files beside this one. */
export const common: Messages = {
	site_title: { ja: '地域福祉計画アトラス', en: 'Welfare Plan Atlas' },
	site_tagline: { ja: '市区町村の地域福祉計画を横並びで比べる', en: "Japanese municipalities' regional welfare plans, side by side" },
	nav_overview: { ja: '概要', en: 'Overview' },
	switch_to: { ja: 'English', en: '日本語' },
	switch_label: { ja: 'Switch to English', en: '日本語に切り替え' },
	municipalities: { ja: '市区町村', en: 'Municipalities' },
	col_municipality: { ja: '市区町村', en: 'Municipality' },
	col_prefecture: { ja: '都道府県', en: 'Prefecture' },
	col_report_year: { ja: '報告年度', en: 'Report year' },
	col_initiatives: { ja: '取組数', en: 'Initiatives' },
	col_measures: { ja: '指標数', en: 'Measures' },
	col_evaluations: { ja: '評価数', en: 'Grades' },
	col_scheme: { ja: '評価基準', en: 'Grading scheme' },
	no_grades: { ja: '評価なし（目標と実績のみ）', en: 'No grades (targets and results only)' },
	fiscal_year: { ja: '{year}年度', en: 'FY{year}' },
	db_loading: { ja: 'ブラウザ内データベース（DuckDB-wasm）を起動しています…', en: 'Starting the in-browser database (DuckDB-wasm)…' },
	db_ready: { ja: 'ブラウザ内データベース準備完了：取組 {n} 件（起動 {start} ms、読込 {load} ms）', en: 'In-browser database ready: {n} initiatives (start {start} ms, load {load} ms)' },
	db_failed: { ja: 'データを読み込めませんでした：{reason}', en: 'The data could not be loaded: {reason}' },
	not_found_title: { ja: 'ページが見つかりません', en: 'Page not found' },
	not_found_body: { ja: 'このアドレス（{path}）のページはありません。市区町村コード・テーマ・取組番号が正しいか確かめてください。', en: 'There is no page at this address ({path}). Check the municipality code, theme or initiative number.' },
	not_found_back: { ja: '概要（市区町村の一覧）へ戻る', en: 'Back to the overview (every municipality)' },
	not_found_search: { ja: '取組を検索する', en: 'Search the initiatives' },
	error_title: { ja: 'ページを表示できませんでした（{status}）', en: 'The page could not be shown ({status})' },
	retry: { ja: '再試行', en: 'Retry' },
	db_changed: {
		ja: 'このページを開いた後に新しい版のデータが公開されました。古い版と混ざらないよう読み込みを止めました。ページを再読み込みしてください。',
		en: 'A new version of the data was published after this page opened. Reading stopped so that the two versions do not mix: reload the page.'
	},
	reload: { ja: '再読み込み', en: 'Reload' },
	cite_this_page: { ja: 'このページを引用する', en: 'Cite this page' },
	cite_plain: { ja: 'テキスト', en: 'Plain text' },
	cite_copy: { ja: 'コピー', en: 'Copy' },
	cite_copied: { ja: 'コピーしました', en: 'Copied' },
	print_dataset: { ja: 'データセット版 {version}・印刷 {date}', en: 'Dataset version {version} · printed {date}' },
	footer_sources: { ja: '出典：各市区町村・社会福祉協議会の公表資料。数値はすべて出典の行までたどれます。', en: "Sources: reports published by each municipality and council of social welfare. Every number traces back to its source line." }
};
