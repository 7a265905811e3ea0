import { describe, expect, it } from 'vitest';
import { fold, highlightParts, searchTerms } from '../../../src/lib/search/text';

describe('search text', () => {
	it('folds full-width letters and digits to lower-case ASCII without changing the length', () => {
		expect(fold('ＮＰＯ法人２０２０')).toBe('npo法人2020');
		expect(fold('ＮＰＯ法人２０２０')).toHaveLength('ＮＰＯ法人２０２０'.length);
	});

	it('splits a query at word boundaries, drops lone particles and keeps katakana words whole', () => {
		expect(searchTerms('地域の茶の間')).toEqual(['地域', '茶の間']);
		expect(searchTerms('ケアラ')).toEqual(['ケアラ']);
		expect(searchTerms('ヤングケアラー　支援')).toEqual(['ヤングケアラー', '支援']);
		expect(searchTerms('   ')).toEqual([]);
	});

	it('splits text into marked and plain parts at every match, case- and width-insensitively', () => {
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
		expect(highlightParts('<script>', ['x'])).toEqual([{ text: '<script>', match: false }]);
	});
});
