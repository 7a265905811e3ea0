import { describe, expect, it } from 'vitest';
import { normalizeJa } from '../../../src/lib/themes/normalize';

describe('normalizeJa', () => {
	it('folds kana and kanji spellings of the same word', () => {
		const forms = ['支え合い', '支えあい', 'ささえあい', 'ささえ合い'];
		for (const f of forms) expect(normalizeJa(`${f}のしくみづくり`)).toBe('支え合いのしくみづくり');
		expect(normalizeJa('支え合いの仕組みづくり')).toBe(normalizeJa('支えあいのしくみづくり'));
		expect(normalizeJa('たすけあい')).toBe(normalizeJa('助け合い'));
		expect(normalizeJa('子供食堂')).toBe(normalizeJa('こども食堂'));
		expect(normalizeJa('障害者')).toBe('障がい者');
		expect(normalizeJa('引きこもり')).toBe('ひきこもり');
		expect(normalizeJa('お元氣コール')).toBe('お元気コール');
	});

	it('applies NFKC: half-width katakana and full-width letters', () => {
		expect(normalizeJa('ｻﾛﾝ')).toBe('サロン');
		expect(normalizeJa('ＣＳＷ')).toBe('csw');
		expect(normalizeJa('（累計）')).toBe('(累計)');
	});

	it('removes the spaces PDF wrapping leaves inside Japanese words, keeps them between ASCII words', () => {
		expect(normalizeJa('災害ボランティ アセンター準備')).toBe('災害ボランティアセンター準備');
		expect(normalizeJa('高齢者等見守りネット ワーク事業')).toBe('高齢者等見守りネットワーク事業');
		expect(normalizeJa('NP program')).toBe('np program');
	});

	it('drops ・ between kana so dotted and undotted names meet', () => {
		expect(normalizeJa('ファミリー・サポート・センター')).toBe('ファミリーサポートセンター');
		expect(normalizeJa('ふれあい・いきいきサロン')).toBe('ふれあいいきいきサロン');
		// between kanji it stays: 子ども・子育て is two words
		expect(normalizeJa('子ども・子育て支援')).toBe('子ども・子育て支援');
	});

	it('repairs OCR small-kana damage in ボランティア', () => {
		expect(normalizeJa('ボランティァ')).toBe('ボランティア');
		expect(normalizeJa('ボランテイア')).toBe('ボランティア');
	});

	it('strips stray markup', () => {
		expect(normalizeJa('<ul style="x"> 見守り </ul>')).toBe('見守り');
	});
});
