import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { fold, foldSql, highlightParts, searchTerms } from '../../../src/lib/search/text';

describe('search text', () => {
	it('folds full-width letters and digits to lower-case ASCII without changing the length', () => {
		expect(fold('ＮＰＯ法人２０２０')).toBe('npo法人2020');
		expect(fold('ＮＰＯ法人２０２０')).toHaveLength('ＮＰＯ法人２０２０'.length);
	});

	it('reads hiragana, katakana and half-width katakana as one script', () => {
		expect(fold('さろん')).toBe(fold('サロン'));
		expect(fold('ｻﾛﾝ')).toBe('サロン');
		expect(fold('ﾔﾝｸﾞｹｱﾗｰ')).toBe('ヤングケアラー');
		expect(fold('ﾊﾟﾄﾛｰﾙ')).toBe('パトロール');
		expect(fold('見守り')).toBe('見守リ');
	});

	it('splits a query at word boundaries, drops lone particles and keeps kana words whole', () => {
		expect(searchTerms('地域の茶の間')).toEqual(['地域', fold('茶の間')]);
		expect(searchTerms('ケアラ')).toEqual(['ケアラ']);
		expect(searchTerms('ヤングケアラー　支援')).toEqual(['ヤングケアラー', '支援']);
		expect(searchTerms('さろん')).toEqual(['サロン']);
		expect(searchTerms('さろんの活動')).toEqual(['サロン', '活動']);
		expect(searchTerms('ｻﾛﾝ')).toEqual(['サロン']);
		expect(searchTerms('ＳＡＬＯＮ')).toEqual(['salon']);
		expect(searchTerms('   ')).toEqual([]);
	});

	it('splits text into marked and plain parts at every match, case-, width- and kana-insensitively', () => {
		expect(highlightParts('子育てサロンとサロン', ['サロン'])).toEqual([
			{ text: '子育て', match: false },
			{ text: 'サロン', match: true },
			{ text: 'と', match: false },
			{ text: 'サロン', match: true }
		]);
		expect(highlightParts('ＮＰプログラム', ['np'])).toEqual([
			{ text: 'ＮＰ', match: true },
			{ text: 'プログラム', match: false }
		]);
		expect(highlightParts('ふれあいさろん', searchTerms('サロン'))).toEqual([
			{ text: 'ふれあい', match: false },
			{ text: 'さろん', match: true }
		]);
		expect(highlightParts('ﾔﾝｸﾞｹｱﾗｰ支援', searchTerms('ヤングケアラー'))).toEqual([
			{ text: 'ﾔﾝｸﾞｹｱﾗｰ', match: true },
			{ text: '支援', match: false }
		]);
		expect(highlightParts('<script>', ['x'])).toEqual([{ text: '<script>', match: false }]);
	});

	it('folds in SQL exactly as in JavaScript (DuckDB runs the expression)', async () => {
		const samples = ['さろん', 'サロン', 'ｻﾛﾝ', 'ﾔﾝｸﾞｹｱﾗｰ', 'ﾊﾟﾄﾛｰﾙ', 'ＮＰＯ法人２０２０', 'Ａｂｃ　ｄ', 'ゝゞ', 'ﾞ単独ﾟ', 'ヴァ', "it's", '見守り活動'];
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		const folded: unknown[] = [];
		for (const t of samples) folded.push((await conn.runAndReadAll(`SELECT ${foldSql('$t')} AS f`, { t })).getRowObjects()[0].f);
		conn.closeSync();
		instance.closeSync();
		expect(folded).toEqual(samples.map(fold));
	});
});

describe('English theme words', () => {
	it('name a theme by any word of its English label or search words, each word of a phrase on its own', async () => {
		const { themeWords, themesForTerm } = await import('../../../src/lib/search/theme-words');
		const themes = themeWords([
			{ theme_id: 'salon', label_en: 'Community salons and drop-in places', words_en: ['salon', 'chanoma'] },
			{ theme_id: 'youth_carer', label_en: 'Young carers and family carers', words_en: ['young carer'] }
		]);
		expect(themesForTerm('salon', themes)).toEqual(['salon']);
		expect(themesForTerm('salons', themes)).toEqual(['salon']);
		expect(searchTerms('young carer').map((t) => themesForTerm(t, themes))).toEqual([['youth_carer'], ['youth_carer']]);
		expect(themesForTerm('and', themes)).toEqual([]);
		expect(themesForTerm('サロン', themes)).toEqual([]);
	});
});
