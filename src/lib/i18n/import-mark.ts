import type { Messages } from './index';

/** What every page shows beside a row of the user's own import (kept apart from the import page's messages, which only that page loads). */
export const importMarks: Messages = {
	your_file: { ja: 'あなたのファイル（未公開）', en: 'your file, not published' },
	nav_import: { ja: '自分の計画を取り込む', en: 'Bring your plan' },
	elsewhere: { ja: 'このコードで取り込んだあなたのファイル（未公開）：{files}。このページは公開データだけを示します。取り込んだ計画は一覧・テーマ・検索などに印つきで出ます。', en: 'You imported a plan with this code (your file, not published: {files}). This page shows the published data only; your plan is on the overview, theme pages, search and more, marked.' },
	elsewhere_view: { ja: 'このコードで取り込んだあなたのファイル（未公開）：{files}。このページは公開データと取り込んだ計画を分けて描けないため、ここには示しません。取り込んだ計画は一覧・テーマ・検索などに印つきで出ます。', en: 'You imported a plan with this code (your file, not published: {files}). This page cannot draw the published data apart from your plan, so it is not drawn here; your plan is on the overview, theme pages, search and more, marked.' },
	see_overview: { ja: '一覧へ', en: 'To the overview' }
};
