import type { Messages } from './index';

/** What every page shows beside a row of the user's own import (kept apart from the import page's messages, which only that page loads). */
export const importMarks: Messages = {
	your_file: { ja: 'あなたのファイル（未公開）', en: 'your file, not published' },
	nav_import: { ja: '自分の計画を取り込む', en: 'Bring your plan' }
};
