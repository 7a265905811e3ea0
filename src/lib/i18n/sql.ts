import type { Messages } from './index';

/** Text of the SQL workbench (/sql). */
export const sqlMessages: Messages = {
	nav_sql: { ja: 'SQL', en: 'SQL' },
	page_title: { ja: 'SQLワークベンチ', en: 'SQL workbench' },
	intro: {
		ja: 'すべての表にSQLで直接問い合わせできます。クエリはこのブラウザの中のDuckDB-wasmで動き、データも問い合わせも端末の外に出ません。',
		en: 'Ask your own questions of every table in SQL. Queries run in DuckDB-wasm inside this browser: neither the data nor your queries leave your machine.'
	},
	editor_label: { ja: 'SQLエディタ', en: 'SQL editor' },
	editor_placeholder: { ja: 'SELECT * FROM initiatives LIMIT 10', en: 'SELECT * FROM initiatives LIMIT 10' },
	run: { ja: '実行', en: 'Run' },
	run_hint: { ja: 'Ctrl+Enter（Macは⌘+Enter）でも実行できます。複数の文は順に実行し、最後の文の結果を表示します。', en: 'Ctrl+Enter (⌘+Enter on a Mac) also runs. Several statements run in order; the last one’s result is shown.' },
	running: { ja: '実行中…', en: 'Running…' },
	cancel: { ja: '中止', en: 'Cancel' },
	cancelled: { ja: '中止しました（{n}番目の文）', en: 'cancelled (statement {n})' },
	reset: { ja: '作業領域をリセット', en: 'Reset workspace' },
	reset_hint: {
		ja: 'あなたが作った表・ビュー・マクロなどをすべて削除します。公開データは読み取り専用のため、もともと変わっていません。',
		en: 'Drops every table, view, macro and the like that you made. The published tables are read-only and were never changed.'
	},
	reset_done: { ja: '作業領域を空にしました。公開データは読み取り専用のまま変わっていません。', en: 'Your workspace is empty again. The published tables are read-only and unchanged.' },
	copy_link: { ja: 'リンクをコピー', en: 'Copy link' },
	link_copied: { ja: 'このクエリを開くリンクをコピーしました。', en: 'Link to this query copied.' },
	link_ready: { ja: 'アドレス欄のURLでこのクエリを共有できます。', en: 'The URL in the address bar opens this query.' },
	load_heading: { ja: 'データベース全体を読み込む', en: 'Load the whole database' },
	load_intro: {
		ja: '通常は問い合わせに必要な部分だけをその都度ネットワークから読みます。全体を読み込むと、このタブのメモリに公開データベースをまるごと置き（読み取り専用のまま）、以後の問い合わせはネットワークを使いません。',
		en: 'Normally DuckDB reads only the parts of the published database a query needs, over the network. Loading it whole puts all of it in this tab’s memory (still read-only); queries then need no network.'
	},
	load_plan: { ja: 'ダウンロード量 {bytes}・このタブのメモリ使用量の目安 約 {memory}', en: 'To download: {bytes}. Memory this tab will take: about {memory}.' },
	load_start: { ja: '全体を読み込む', en: 'Load everything' },
	load_retry: { ja: 'もう一度読み込む', en: 'Try again' },
	load_cancel: { ja: '読み込みを中止', en: 'Cancel loading' },
	load_cancelled: { ja: '中止しました。これまでどおり必要な部分だけを読みます。', en: 'Cancelled: DuckDB reads only the parts it needs, as before.' },
	load_progress_label: { ja: '読み込みの進み具合', en: 'Loading progress' },
	load_progress: { ja: '{bytes} のうち {loaded} を読み込みました', en: '{loaded} of {bytes} loaded' },
	load_done: { ja: '全体（{bytes}）をこのタブに読み込みました（{s} 秒）。問い合わせはネットワークを使いません。', en: 'The whole database ({bytes}) is in this tab ({s} s): queries need no network.' },
	load_failed: { ja: '全体を読み込めませんでした：{reason}', en: 'The whole database could not be loaded: {reason}' },
	db_not_ready: { ja: 'データベースの準備ができるまでお待ちください。', en: 'Please wait until the database is ready.' },

	schema_heading: { ja: '表と列', en: 'Tables and columns' },
	schema_hint: { ja: '名前をクリックするとエディタに挿入します。', en: 'Click a name to insert it into the editor.' },
	page_tables_heading: { ja: 'ページ用の表', en: 'Page tables' },
	page_tables_hint: {
		ja: 'パイプラインが上の表から SQL で作り、ページが鍵で読む表です。上の表と同じ事実を別の形で持ちます。ダウンロードには含まれず、同じ SQL で作り直せます（データ辞書の「Page tables」）。',
		en: 'Tables the pipeline derives from the tables above by SQL, for the pages to read by key. They hold the same facts in another shape; they are not in the downloads, and the same SQL rebuilds them (the data dictionary, "Page tables").'
	},
	rows_n: { ja: '{n} 行', en: '{n} rows' },
	col_name: { ja: '列', en: 'Column' },
	col_type: { ja: '型', en: 'Type' },
	col_meaning: { ja: '意味', en: 'Meaning' },

	examples_heading: { ja: '例題', en: 'Example queries' },
	audience_planner: { ja: '都道府県の計画担当者向け', en: 'For prefectural planners' },
	audience_researcher: { ja: '研究者向け', en: 'For researchers' },
	audience_municipal: { ja: '市区町村・社協の担当者向け', en: 'For municipal and 社協 staff' },
	open_example: { ja: '開いて実行', en: 'Open and run' },

	result_heading: { ja: '結果', en: 'Result' },
	result_summary: { ja: '{rows} 行 × {cols} 列・{ms} ms', en: '{rows} rows × {cols} columns · {ms} ms' },
	result_statement: { ja: '（{count}文中{n}番目の文の結果）', en: '(result of statement {n} of {count})' },
	result_none: { ja: '文は実行されましたが、結果の表はありません。', en: 'The statement ran; it returns no table.' },
	result_truncated: {
		ja: '表示は先頭の {shown} 行までです（全 {rows} 行）。ダウンロードには全行が含まれます。',
		en: 'Showing the first {shown} of {rows} rows. Downloads contain every row.'
	},
	null_value: { ja: 'NULL', en: 'NULL' },
	grid_label: { ja: 'クエリ結果', en: 'Query result' },

	error_heading: { ja: 'エラー', en: 'Error' },
	error_where: { ja: '{n}番目の文（{line}行目{col}）', en: 'statement {n} (line {line}{col})' },
	error_col: { ja: '・{col}文字目', en: ', column {col}' },
	shared_not_run: {
		ja: 'このリンクのSQLは開いたときには実行していません：{n}番目の文（{line}行目）は読み出しだけの文ではなく、この作業領域を変える可能性があります。内容を確かめてから実行してください。公開データは読み取り専用で、どの文でも変わりません。',
		en: 'This link’s SQL was not run on opening: statement {n} (line {line}) is not a plain read and may change this workspace. Read it, then run it if you mean to. The published data is read-only and no statement changes it.'
	},
	shared_run: { ja: '確認して実行', en: 'Run it' },
	noscript: {
		ja: 'SQLワークベンチはブラウザの中でDuckDBを動かすため、JavaScriptが必要です。公開データは「データ」ページからParquetファイルとしてダウンロードできます。',
		en: 'The SQL workbench runs DuckDB inside your browser and needs JavaScript. The published tables can be downloaded as Parquet files from the Data page.'
	},

	export_heading: { ja: 'ダウンロード', en: 'Download' },
	export_csv: { ja: 'CSV（Excel用、UTF-8 BOM付き）', en: 'CSV (UTF-8 with BOM, for Excel)' },
	export_parquet: { ja: 'Parquet', en: 'Parquet' },
	export_json: { ja: 'JSON', en: 'JSON' },
	export_failed: { ja: 'ダウンロードを作れませんでした：{reason}', en: 'The download could not be made: {reason}' },

	history_heading: { ja: '履歴（このブラウザ内のみ）', en: 'History (kept in this browser only)' },
	history_empty: { ja: 'まだ実行したクエリはありません。', en: 'No queries run yet.' },
	history_clear: { ja: '履歴を消去', en: 'Clear history' },
	history_open: { ja: 'エディタに戻す', en: 'Back to the editor' },

	chart_heading: { ja: 'クイックチャート', en: 'Quick chart' },
	chart_kind: { ja: '種類', en: 'Chart' },
	chart_bar: { ja: '棒グラフ', en: 'Bar' },
	chart_dot: { ja: '散布図', en: 'Dot' },
	chart_line: { ja: '折れ線', en: 'Line' },
	chart_heatmap: { ja: 'ヒートマップ', en: 'Heatmap' },
	chart_x: { ja: 'X軸', en: 'X axis' },
	chart_y: { ja: 'Y軸', en: 'Y axis' },
	chart_color: { ja: '色', en: 'Colour' },
	chart_none: { ja: 'なし', en: 'none' },
	chart_unavailable: { ja: 'この結果からはグラフを描けません（数値または文字列の列が必要です）。', en: 'This result cannot be charted (it needs a numeric or text column).' },
	chart_rows_cut: { ja: 'グラフは先頭の {n} 行で描いています。', en: 'The chart uses the first {n} rows.' },
	chart_title: { ja: '{y}（{x}別）', en: '{y} by {x}' },
	chart_count: { ja: '件数', en: 'count' },
	chart_svg: { ja: 'SVG', en: 'SVG' },
	chart_png: { ja: 'PNG', en: 'PNG' },
	chart_data: { ja: 'グラフのデータ（表）', en: 'Chart data (table)' }
};
