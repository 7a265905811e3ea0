import type { Messages } from './index';

/** Text of the prefecture pages, the coverage map and the page of a municipality without a report. */
export const prefectures: Messages = {
	nav_prefectures: { ja: '都道府県', en: 'Prefectures' },
	index_title: { ja: '都道府県別の収録状況', en: 'Coverage by prefecture' },
	index_lead: {
		ja: '全国の市区町村（全国地方公共団体コード、{as_of}現在）のうち、報告書をデータセットに収録している市区町村を都道府県ごとに示します。政令指定都市は1市として数え、区が報告している場合はその市を収録ありとします。',
		en: 'For every prefecture, how many of its municipalities (全国地方公共団体コード, as of {as_of}) have a report in the dataset. A designated city counts once, and is covered when one of its wards reports.'
	},
	col_municipalities: { ja: '市区町村数', en: 'Municipalities' },
	col_covered: { ja: '収録あり', en: 'With a report' },
	col_reports: { ja: '報告書', en: 'Reports' },
	col_share: { ja: '収録率', en: 'Share covered' },
	col_kind: { ja: '種別', en: 'Kind' },
	col_report: { ja: '報告書', en: 'Report' },
	col_themes: { ja: '主なテーマ（取組数）', en: 'Main themes (initiatives)' },
	col_pairs: { ja: '目標と実績の組', en: 'Target–result pairs' },
	kind_designated_city: { ja: '政令指定都市', en: 'Designated city' },
	kind_city: { ja: '市', en: 'City' },
	kind_special_ward: { ja: '特別区', en: 'Special ward' },
	kind_town: { ja: '町', en: 'Town' },
	kind_village: { ja: '村', en: 'Village' },
	kind_ward: { ja: '区（行政区）', en: 'Ward' },
	kind_unlisted: { ja: '—', en: '—' },
	no_report: { ja: '報告書なし', en: 'No report' },
	prefecture_title: { ja: '{name}の市区町村', en: 'Municipalities of {name}' },
	prefecture_figures: {
		ja: '{municipalities}市区町村のうち{covered}市区町村の報告書を収録（報告書{reports}件、取組{initiatives}件）',
		en: '{covered} of {municipalities} municipalities have a report in the dataset ({reports} reports, {initiatives} initiatives)'
	},
	prefecture_none: {
		ja: '{name}の市区町村の報告書は、まだデータセットに収録されていません。下の一覧は全国地方公共団体コードによる{name}のすべての市区町村です。',
		en: 'The dataset holds no report from a municipality of {name} yet. The list below is every municipality of {name} in the official local government codes.'
	},
	romanized_note: {
		ja: '',
		en: 'English names of municipalities without a report are romanized from their official reading and can differ from their own spelling; the Japanese name stands beside each.'
	},
	muni_no_report_title: { ja: 'この市区町村の報告書は収録されていません', en: 'No report of this municipality is in the dataset' },
	muni_no_report_body: {
		ja: '{name}（{code}）の地域福祉計画・地域福祉活動計画の進捗報告は、このデータセットにまだありません。取組・指標・評価の数値はありません。',
		en: 'The dataset holds no progress report of the regional welfare plan or activity plan of {name} ({code}) yet, so there are no initiatives, measures or grades to show.'
	},
	muni_in_prefecture: { ja: '{prefecture}の市区町村一覧', en: 'All municipalities of {prefecture}' },
	muni_parent: { ja: '{parent}の区', en: 'A ward of {parent}' },
	muni_wards: { ja: '{name}の区', en: 'Wards of {name}' },
	crumb_prefectures: { ja: '都道府県', en: 'Prefectures' },
	map_title: { ja: '都道府県別の収録状況（タイル地図）', en: 'Coverage by prefecture (tile map)' },
	map_legend: { ja: '色：市区町村のうち報告書を収録している割合。数字：報告書の件数。灰色：報告書なし。', en: 'Colour: share of municipalities with a report. Number: reports. Grey: no report.' },
	map_tile: { ja: '{name}：{covered}／{municipalities}市区町村、報告書{reports}件', en: '{name}: {covered} of {municipalities} municipalities, {reports} reports' }
};
