import { fold } from './text';

/**
 * Units printed after numbers in the reports. Longer units first so that 事業所 wins over 事業.
 * A number followed by none of these is not read as a quantity (it may be a year, an age, a code).
 */
const UNITS = [
	'事業所', '町内会', '自治会', '小学校', '中学校', '世帯', '団体', '施設', '時間', '講座', '種類', '地区',
	'か所', 'ヶ所', 'ケ所', 'カ所', 'ヵ所', '箇所', '日間', '地域', '法人', '企業', 'サロン', '個所', '校区', '事業', '人日', '件数', '回数', '人', '名', '回',
	'件', '校', '組', '日', '枚', '個', '円', '部', '冊', '台', '戸', '社', '園', '店', '点', '%', '％',
	'割', '倍', '箇', '人分', '食', '通', '本', '号', '班', '区', '軒', '床', '室', '会場', '教室', 'クラブ', 'チーム', 'グループ'
].sort((a, b) => b.length - a.length);

const PREFIX_QUALIFIERS = ['総累計', '延べ', '延', 'のべ', '約', '累計', '合計', '計', '年間', '月平均', '平均', '各', '毎年', '全'];
const SUFFIX_QUALIFIERS = ['以上', '以下', '未満', '超', '程度', '増', '減'];
/** Verbs printed right after a count (2回開催, 5,462枚配布): part of that quantity, not the next label. */
const TRAILING_VERBS = ['開催', '配布', '参加', '協力', '実施', '助成', '設置', '登録', '受講', '派遣', '達成'];

export interface Quantity {
	/** What is counted: the words before the number, back to the previous quantity or separator. */
	label: string | null;
	value: number;
	unit: string;
	/** Words that change the meaning of the number: 延べ, 約, 以上, 累計, … (joined with a space). */
	qualifier: string | null;
	/** Character offsets of the number and unit in the folded text. */
	start: number;
	end: number;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNIT_RE = UNITS.map(esc).join('|');
const PREFIX_RE = PREFIX_QUALIFIERS.map(esc).join('|');
const SUFFIX_RE = SUFFIX_QUALIFIERS.map(esc).join('|');
const VERB_RE = TRAILING_VERBS.map(esc).join('|');

// number: 1,337 / 91.1 / 5,406; not preceded by a letter that makes it a code (R5, H29, No.3).
// A day after a month (3月27日) is a date, not 27 days: see isDate; 7月4,500部 and 月1回 are counts.
const QUANTITY = new RegExp(
	`((?:(?:${PREFIX_RE})\\s*)*)(?<![A-Za-z\\d.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(${UNIT_RE})(?!度|末|月|歳)(?:\\s*(${SUFFIX_RE}))?((?:${VERB_RE})(?![者数率員]))?`,
	'g'
);

/** Marks that begin a new item in a cell; a label never reaches back past one of them. */
// A ・ that starts an item (at the start or after a space) is a bullet; between words (学校・地域) it is 'and'.
const ITEM_START = /(?:^|\s)・|[。\n○●◎■□◆◇※]/g;

function labelBefore(text: string, from: number, to: number): string | null {
	let slice = text.slice(from, to);
	let cut = -1;
	for (const m of slice.matchAll(ITEM_START)) cut = m.index ?? cut;
	if (cut >= 0) slice = slice.slice(cut).replace(/^\s*[・。\n○●◎■□◆◇※]/, '');
	const t = slice
		.replace(/^[\s、,，:：;；/／(（)）」】\]]+/, '')
		.replace(/[\s、,，:：;；/／(（「【\[]+$/, '')
		.replace(/\s+/g, ' ')
		.trim();
	return t.length ? t : null;
}

/** A number printed right after 月 with the unit 日 is the day of a date (3月27日, 令和6年12月8日). */
function isDate(text: string, numberAt: number, unit: string): boolean {
	return unit === '日' && text[numberAt - 1] === '月';
}

/**
 * Read every quantity in a cell: "開催数6回 参加者 延べ 81人" gives 開催数 6 回 and 参加者 81 人 (延べ).
 * Full-width digits and commas are folded first (３，５２０人 = 3520 人).
 */
export function readQuantities(text: string): Quantity[] {
	const t = fold(text);
	const out: Quantity[] = [];
	let labelFrom = 0;
	let previousHadVerb = false;
	for (const m of t.matchAll(QUANTITY)) {
		const start = m.index ?? 0;
		if (isDate(t, start + m[0].indexOf(m[2]), m[4])) continue;
		const prefix = (m[1] ?? '').replace(/\s+/g, ' ').trim();
		const value = Number(m[2].replace(/,/g, '') + (m[3] ?? ''));
		const unit = m[4] === '％' ? '%' : m[4];
		const qualifiers = [...(prefix ? prefix.split(' ') : []), ...(m[5] ? [m[5]] : [])];
		// "17団体 33件", "(1回、382人参加)": a number right after another shares its label;
		// "1回開催 6団体" does not (the verb closed the first item).
		const own = labelBefore(t, labelFrom, start);
		const adjacent = out.length > 0 && !previousHadVerb && /^[\s、,，]*$/.test(t.slice(labelFrom, start));
		const label = own ?? (adjacent ? out[out.length - 1].label : null);
		out.push({
			label,
			value,
			unit,
			qualifier: qualifiers.length ? qualifiers.join(' ') : null,
			start: start + (m[0].length - m[0].trimStart().length),
			end: start + m[0].length
		});
		labelFrom = start + m[0].length;
		previousHadVerb = Boolean(m[6]);
	}
	return out;
}

/** True for a cell that says "no value": —, ―, -, ー, 無し. Such a cell is not zero. */
export function isNoValue(text: string): boolean {
	return /^[\s\u3000]*(?:[—―‐\-−ー－–]+|なし|無し|該当なし|\/|／)[\s\u3000]*$/.test(text);
}
