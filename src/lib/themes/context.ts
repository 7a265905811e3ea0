/**
 * Where a word stands inside a description or a measure label, and how much that leaves of what
 * it says about the initiative. A description's main clause says what the initiative does; the
 * words around it often name partners (市や地域包括支援センターへ連絡), means (健診等を活用した講座),
 * examples (子ども食堂やフードドライブのお手伝いなど) or a newsletter's title (支部社協だより). Such a
 * word is a mention, not the initiative's theme, and counts for less.
 *
 * The name is not read this way: a name is short and everything in it is the initiative's own
 * (地域ケア会議を活用した関係機関のネットワーク構築 is about the care meetings).
 * Text here is already normalized (normalizeJa).
 */

/** What a mention keeps of its word's weight. */
export const MENTION_FACTOR = 0.4;
/** What an example in a list keeps: an example is closer to the point than a partner. */
export const EXAMPLE_FACTOR = 0.5;

/**
 * After the word: it is the means or the partner, not the thing done. 等/など may come between
 * (地域包括支援センター等関係機関, 健診等を活用), and so may the other items of a short list the
 * marker closes: in 支部社協、ボランティア団体などと連携した体験 every item is a partner, not only the
 * last (PARTNER_LIST). A setting (…において, …を会場に, …の場で) names where the work happens, not
 * the work, and stands as a partner does.
 */
const PARTNER_LIST = /^(?:(?:、|,|・|や|及び|および)[^、,。・○●()]{1,15}){1,4}$/;
const PARTNER_AFTER_ONE = /^(?:等|など)?(?:において|を会場に|を会場として|の場で|を活用|を通じ|を通し|による|によって|と連携|との連携|と協力|との協力|へ連絡|に連絡|への参加|に参加|への出席|に出席|が行う|が実施する|関係機関|等の関係機関|に合わせ|への協力|に協力|の協力)/;

/** The word, or a list it opens, is followed by a partner or setting marker. */
function partnerAfter(after: string): boolean {
	if (PARTNER_AFTER_ONE.test(after)) return true;
	// The list ends where a marker begins: try each place a marker could start within reach.
	for (let k = 2; k <= Math.min(after.length, 64); k++) {
		if (PARTNER_AFTER_ONE.test(after.slice(k)) && PARTNER_LIST.test(after.slice(0, k))) return true;
	}
	return false;
}

/** After the word: it is the title of a newsletter (社協だより), so it speaks of publishing. */
const NEWSLETTER_AFTER = /^(?:の)?(?:だより|便り|通信)/;

/** Where a clause or an item ends: the scope an example list (…など) cannot cross. */
const CLAUSE_BREAK = /[、。,○〇●◎■□◆◇※;;]/;

/** The clause around [start, end): from the last break before to the first break after. */
function clauseAround(text: string, start: number, end: number): { before: string; after: string } {
	let from = start;
	while (from > 0 && !CLAUSE_BREAK.test(text[from - 1])) from--;
	let to = end;
	while (to < text.length && !CLAUSE_BREAK.test(text[to])) to++;
	return { before: text.slice(from, start), after: text.slice(end, to) };
}

/** What a bracketed aside says when it lists the activities themselves (…の推進、…の実施). */
const ACTIVITY = /の(?:推進|実施|開催|支援|運営)|を/;

/**
 * Inside brackets that list examples or members (子どもの居場所(こども食堂、学習支援)). Brackets that
 * spell out the activities (高齢者への支援(見守り訪問活動の推進、お元気コールの実施等)) are the content,
 * and so is a single name in brackets.
 */
function inExampleBrackets(text: string, start: number): boolean {
	let depth = 0;
	for (let i = start - 1; i >= 0; i--) {
		const c = text[i];
		if (c === ')') depth++;
		else if (c === '(') {
			if (depth > 0) {
				depth--;
				continue;
			}
			const close = text.indexOf(')', start);
			const inside = text.slice(i + 1, close < 0 ? text.length : close);
			// One name in brackets is an alias of what was just said (…を持って訪問します(友愛訪問)).
			return /[、,・]|など|等/.test(inside) && !ACTIVITY.test(inside);
		}
	}
	return false;
}

/**
 * In an example list: "AやBなど", "A・B・C" of short nouns (介護講座・親子体操講座・健康ウォーキング講座),
 * where the word is one item among several rather than the object of the clause.
 */
function inExampleList(text: string, start: number, end: number): boolean {
	const { before, after } = clauseAround(text, start, end);
	// AやBなど / <word>やBなど: an example named just before など, unless the list is itself the
	// object of the clause (認知症サポーター養成講座や…などを実施します).
	const nado = /^(?:[^・、。]{0,8}?や)?[^・、。]{0,20}?など(.?)/.exec(after);
	const listed = /や$/.test(before) || /^(?:の[^・、。や]{0,8})?や/.test(after);
	if (nado && listed && nado[1] !== 'を') return true;
	// A run of three or more short items joined by ・ (bullets carry a verb and run longer).
	const items = `${before}\u0000${after}`.split('・');
	if (items.length >= 3) {
		const lengths = items.map((s) => s.replace('\u0000', '').length);
		const own = items.findIndex((s) => s.includes('\u0000'));
		const ownLength = lengths[own] + (end - start);
		if (ownLength <= 14 && lengths.filter((n, i) => i !== own && n > 0 && n <= 14).length >= 2) return true;
	}
	return false;
}

export type Standing = 'main' | 'partner' | 'newsletter' | 'example';

/** How the word at [start, end) stands in a description or measure label. */
export function standingOf(text: string, start: number, end: number): Standing {
	const after = text.slice(end);
	if (NEWSLETTER_AFTER.test(after)) return 'newsletter';
	if (partnerAfter(after)) return 'partner';
	if (inExampleBrackets(text, start) || inExampleList(text, start, end)) return 'example';
	return 'main';
}

/** What the standing leaves of the word's weight. A newsletter's title says nothing of its subject. */
export function standingFactor(standing: Standing): number {
	switch (standing) {
		case 'main':
			return 1;
		case 'partner':
			return MENTION_FACTOR;
		case 'example':
			return EXAMPLE_FACTOR;
		case 'newsletter':
			return 0;
	}
}
