/**
 * Whether a target's label and a result's label name one indicator. Labels are compared as keys:
 * NFKC, without spaces, and without the words that only date or frame a count (R5年度末, 令和5年度,
 * H32(2020), 毎年, 年間, 累計, 合計, 延べ, 見込み, 目標, 実績, brackets and punctuation).
 *
 * How close two keys are (`labelMatch`):
 * - same: the keys are equal, with or without what the labels print in brackets (BP(親子の絆づくり) = BP);
 * - near: one character added or left out in keys of 4 or more characters (地区社協連絡研修会 /
 *   地区社協連絡会研修会), or the shorter key stands whole words long inside the longer one and
 *   covers at least half of it (福祉体験学習開催支援学校数 in …学校数小・中学校), or closes it with
 *   two words or more (活動報告会 closing 支援リーダー活動報告会: the head comes last);
 * - weak: one character changed in keys of 4 or more (就職実績率 / 就職実積率), a contained key covering
 *   less than half, or the two end in the same head word (相談件数 / 対応件数: 件数; 市民公開講座の実施 /
 *   市民講座: 講座, the words of doing set aside). A weak match
 *   pairs only where the target and the result are each the only figure of their unit left on their
 *   side: a short label merely contained in a longer one (中学校 in 小中学校) never decides alone;
 * - none: nothing in common.
 * Words are those of Intl.Segmenter('ja'); 中学校 is not a word of 小中学校, so it is not contained.
 */

export function indicatorKey(label: string | null): string | null {
	if (label === null) return null;
	const k = label
		.normalize('NFKC')
		.replace(/\s+/g, '')
		.replace(/(?:令和|平成|[RH])\s*(?:\d+|元)\s*(?:\(\d{4}\))?\s*(?:年度末|年度|年)?/g, '')
		.replace(/\d{4}年度?/g, '')
		.replace(/毎年度?|年間|累計|合計|延べ|見込み?|目標|実績/g, '')
		.replace(/[()（）[\]【】「」『』〈〉<>・、,.。:：]/g, '');
	// "で実施", "を開催": a particle and a verb name nothing that is counted.
	if (/^[ぁ-ん]{0,2}(?:実施|開催)?$/.test(k) && !/^[ぁ-ん]{2}$/.test(k)) return null;
	return k.length ? k : null;
}

/** The key without what the label prints in brackets: 屋外交流会(いもほり) → 屋外交流会. */
function coreKey(label: string | null): string | null {
	if (label === null) return null;
	return indicatorKey(label.normalize('NFKC').replace(/\([^()]*\)|（[^（）]*）/g, ''));
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const words = (s: string) => [...segmenter.segment(s)].map((x) => x.segment);
/** Words that carry meaning: two characters or more, not kana particles. */
const contentWords = (s: string) => new Set(words(s).filter((w) => w.length >= 2 && !/^[ぁ-ん]+$/.test(w)));

/** Where the shorter key stands as whole words inside the longer one: 'end' when it closes it. */
function wordContained(short: string, long: string): 'end' | 'inside' | null {
	const at = long.indexOf(short);
	if (at < 0) return null;
	const edges = new Set<number>([0]);
	let pos = 0;
	for (const w of words(long)) edges.add((pos += w.length));
	let found: 'end' | 'inside' | null = null;
	for (let i = at; i >= 0; i = long.indexOf(short, i + 1)) {
		if (edges.has(i) && edges.has(i + short.length)) found = i + short.length === long.length ? 'end' : (found ?? 'inside');
	}
	return found;
}

/**
 * The head of a label: in Japanese it closes the noun phrase (…登録者数 counts 数 of 登録者). The
 * words that only say what was done (…の実施, …を配置) and the city's name after a rate (自殺率
 * 北本市) are not the head.
 */
function headWord(key: string): string | null {
	const t = key
		.replace(/(?<=[率数])[一-龥]{1,3}[市町村]$/, '')
		.replace(/(?:の|を|に|へ)?(?:実施|開催|配置|設置|発行|推進|充実)$/, '')
		.replace(/[ぁ-ん]+$/, '');
	const ws = words(t).filter((w) => !/^[ぁ-ん]+$/.test(w));
	return ws.length ? ws[ws.length - 1] : null;
}

/** Levenshtein distance, stopping early above 2 (only 0, 1, 2 and "more" matter here). */
function editDistance(a: string, b: string): { distance: number; substitution: boolean } {
	if (Math.abs(a.length - b.length) > 2) return { distance: 3, substitution: false };
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		prev = cur;
	}
	const distance = prev[b.length];
	return { distance, substitution: distance === 1 && a.length === b.length };
}

export type LabelMatch = 'same' | 'near' | 'weak' | 'none';
export const MATCH_STRENGTH: Record<LabelMatch, number> = { same: 3, near: 2, weak: 1, none: 0 };

function keyMatch(a: string, b: string): LabelMatch {
	if (a === b) return 'same';
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	const { distance, substitution } = editDistance(a, b);
	if (distance === 1 && short.length >= 4 && !substitution) return 'near';
	const contained = short.length >= 2 ? wordContained(short, long) : null;
	// 地域ケア会議 closing 地域ケア会議開催回数地域ケア会議: the longer label only adds words in front of the head.
	if (contained === 'end' && words(short).length >= 2) return 'near';
	if (contained) return short.length / long.length >= 0.5 ? 'near' : 'weak';
	if (substitution && short.length >= 4) return 'weak';
	// 相談件数 / 対応件数: one indicator worded two ways shares its head word, and some other word.
	// 自殺死亡率 / 自殺率: a head word may close the other (死亡率 ends in 率).
	const [ha, hb] = [headWord(a), headWord(b)];
	return ha !== null && hb !== null && (ha.endsWith(hb) || hb.endsWith(ha)) ? 'weak' : 'none';
}

/** How closely two labels name one indicator; null when either has no label. */
export function labelMatch(a: string | null, b: string | null): LabelMatch | null {
	const [ka, kb] = [indicatorKey(a), indicatorKey(b)];
	if (ka === null || kb === null) return null;
	const [ca, cb] = [coreKey(a) ?? ka, coreKey(b) ?? kb];
	const found = [keyMatch(ka, kb), keyMatch(ca, cb)];
	return found.reduce((best, m) => (MATCH_STRENGTH[m] > MATCH_STRENGTH[best] ? m : best), 'none' as LabelMatch);
}
