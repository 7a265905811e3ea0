import type { Messages } from './index';

/** Text of /view, the route that draws in the browser the pages the build does not prerender. */
export const view: Messages = {
	view_loading_title: { ja: 'ページを読み込んでいます', en: 'Loading the page' },
	view_loading_initiative: { ja: '取組 {id} をブラウザ内データベースから読み込んでいます…', en: 'Reading initiative {id} from the in-browser database…' },
	view_loading_municipality: { ja: '市区町村 {code} をブラウザ内データベースから読み込んでいます…', en: 'Reading municipality {code} from the in-browser database…' },
	view_not_found_title: { ja: '見つかりません', en: 'Not found' },
	view_not_found_initiative: { ja: '取組 {id} はこのデータセットにありません。取組番号が正しいか確かめてください。', en: 'There is no initiative {id} in this dataset. Check the initiative number.' },
	view_imported_title: { ja: '市区町村 {code}：取り込んだ計画があります', en: 'Municipality {code}: you imported a plan for it' },
	view_not_found_municipality: { ja: '市区町村コード {code} はこのデータセットにありません。', en: 'There is no municipality {code} in this dataset.' },
	view_nothing_asked: { ja: 'このアドレスは表示する取組も市区町村も指定していません（例：?initiative=15107-001）。', en: 'This address names no initiative and no municipality to show (for example ?initiative=15107-001).' },
	view_failed_title: { ja: 'データを読み込めませんでした', en: 'The data could not be loaded' }
};
