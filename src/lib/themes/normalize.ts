/**
 * Text folding for theme matching. Cities spell the same word several ways (支え合い, 支えあい,
 * ささえあい; 子供, 子ども; 障害, 障がい) and the PDF extraction adds spaces inside words, so both the
 * keywords and the initiative text go through the same fold before they are compared.
 * Pure: no Node APIs, so the browser can classify a report a user brings.
 */

/** Spelling variants, folded to one written form. Order matters: longer forms first. */
const VARIANTS: readonly (readonly [RegExp, string])[] = [
	[/(?:ささえ|支え|支)(?:あい|合い)/g, '支え合い'],
	[/(?:たすけ|助け|助)(?:あい|合い)/g, '助け合い'],
	[/仕組(?:み)?/g, 'しくみ'],
	[/(?:見まもり|みまもり)/g, '見守り'],
	[/(?:ひとり|独り)(?:暮らし|ぐらし)/g, '一人暮らし'],
	[/一人ぐらし/g, '一人暮らし'],
	[/(?:子供|こども)/g, '子ども'],
	[/(?:障害|障碍)/g, '障がい'],
	[/(?:引きこもり|引き籠もり|引籠り)/g, 'ひきこもり'],
	[/ボランテ(?:イ|ィ)?(?:ア|ァ)/g, 'ボランティア'],
	[/コミュニティー/g, 'コミュニティ'],
	[/お?ちゃのま/g, '茶の間'],
	[/元氣/g, '元気'],
	[/立上げ/g, '立ち上げ'],
	[/痴呆/g, '認知症'],
	// 小・中学校, 小・中学生: the ・ between kanji stays elsewhere (子ども・子育て), but this pair is one word
	[/小・中学/g, '小中学']
];

const ASCII_WORD = /[0-9a-z]/;
const KANA = /[\u3041-\u309f\u30a0-\u30ff]/;

/**
 * NFKC, lower-case ASCII, no markup, no spaces inside Japanese text, no ・ between kana
 * (ファミリー・サポート → ファミリーサポート, ふれあい・いきいき → ふれあいいきいき), then the variants.
 */
export function normalizeJa(text: string): string {
	let s = text.normalize('NFKC').toLowerCase();
	s = s.replace(/<[^>]*>/g, ' ');
	// A space survives only between two ASCII words ("np プログラム" loses it, "bp program" keeps it).
	s = s.replace(/\s+/g, (_m, offset: number, all: string) => {
		const before = all[offset - 1] ?? '';
		const after = all[offset + _m.length] ?? '';
		return ASCII_WORD.test(before) && ASCII_WORD.test(after) ? ' ' : '';
	});
	s = s.replace(/・/g, (_m, offset: number, all: string) =>
		KANA.test(all[offset - 1] ?? '') && KANA.test(all[offset + 1] ?? '') ? '' : '・'
	);
	for (const [pattern, canonical] of VARIANTS) s = s.replace(pattern, canonical);
	return s.trim();
}
