import { describe, expect, it } from 'vitest';
import { standingOf } from '../../../src/lib/themes/context';
import { normalizeJa } from '../../../src/lib/themes/normalize';

/** The standing of the first occurrence of `word` in `text`, both normalized as the classifier does. */
function standing(text: string, word: string) {
	const t = normalizeJa(text);
	const at = t.indexOf(word);
	if (at < 0) throw new Error(`${word} not in ${t}`);
	return standingOf(t, at, at + word.length);
}

describe('standingOf, on strings from the sources', () => {
	it('北本市: a centre told about a case is a partner', () => {
		const d = '○協力者の事業活動や地域の日常生活の中で高齢者などの異変が見受けられた場合に、市や地域包括支援センターへ連絡してもらい、支援につなげる活動の推進';
		expect(standing(d, '地域包括支援センター')).toBe('partner');
	});

	it('北本市: a check-up used as the occasion for a course is a means', () => {
		expect(standing('就学時健診等を活用した子育て講座を小学校', '健診')).toBe('partner');
		expect(standing('就学時健診等を活用した子育て講座を小学校', '子育て')).toBe('main');
	});

	it('山口市: a meeting someone else holds, attended, is a partner', () => {
		expect(standing('地域包括支援センターが行う地域ケア会議への参加・支援', '地域ケア会議')).toBe('partner');
		expect(standing('地域包括支援センターが行う地域ケア会議への参加・支援', '地域包括支援センター')).toBe('partner');
	});

	it('北本市: AやBなど before another noun are examples; など…を実施 is the object itself', () => {
		const d = '○子ども食堂やフードドライブのお手伝いなど、一時的なボランティア活動に携われる取組の推進';
		expect(standing(d, '子ども食堂')).toBe('example');
		expect(standing(d, 'フードドライブ')).toBe('example');
		expect(standing(d, 'ボランティア活動')).toBe('main');
		const w = '認知症サポーター養成講座や防災訓練での車いすを使用した避難などを実施します。';
		expect(standing(w, '認知症サポーター')).toBe('main');
	});

	it('北本市: a short ・ list of courses is examples; ・ bullets carrying a verb are not', () => {
		expect(standing('○地域組織で勉強する機会を設けるため、キタガク講座を実施 (開講実績)・介護講座・親子体操講座・健康ウォーキング講座', 'ウォーキング')).toBe('example');
		expect(standing('・小地区見守り訪問活動の推進 ・ふれあいいきいきサロン事業の推進 ・ふれあい型給食サービス事業の推進', 'サロン')).toBe('main');
	});

	it('brackets: a list inside is examples, a single name or a list of activities is the content', () => {
		expect(standing('子どもの居場所(こども食堂、学習支援)', '子ども食堂')).toBe('example');
		expect(standing('地域のボランティアや民生委員児童委員が乳酸菌飲料を持って訪問します（友愛訪問）。', '友愛訪問')).toBe('main');
		expect(standing('孤立しがちな高齢者への支援(見守り訪問活動の推進、お元気コールの実施等)', '見守り訪問')).toBe('main');
	});

	it('北本市: a newsletter title speaks of publishing, not of its subject', () => {
		const d = '○社協だより「やさしい手」の発行 ○支部社協だよりの発行 ○ボランティアセンターだよりの発行';
		expect(standing(d, '支部社協')).toBe('newsletter');
		expect(standing(d, 'ボランティアセンター')).toBe('newsletter');
	});
});

describe('a word that names a partner, a means or a setting', () => {
	it('北本市: every item of a list closed by …などと連携 is a partner (支部社協、ボランティア団体などと連携した体験)', () => {
		const d = normalizeJa('○担い手の活躍の場として支部社協、ボランティア団体などと連携した体験の推進');
		const at = d.indexOf('支部社協');
		expect(standingOf(d, at, at + '支部社協'.length)).toBe('partner');
	});
	it('a setting (…において) is not the work, and a main clause before a later partner stays main', () => {
		const d = normalizeJa('地域の茶の間において見守りを行う');
		expect(standingOf(d, d.indexOf('茶の間'), d.indexOf('茶の間') + 3)).toBe('partner');
		const e = normalizeJa('見守り活動を推進し、民生委員と連携する');
		expect(standingOf(e, 0, 3)).toBe('main');
	});
});
