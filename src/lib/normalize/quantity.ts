import { fold } from './text';
import { VOCABULARY, alternation } from '../template-kit/vocabulary';

/**
 * Units, qualifiers and verbs come from data/vocabulary.json. A number followed by no unit is not
 * read as a quantity (it may be a year, an age, a code).
 */
const { units } = VOCABULARY;

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

// Longest first, so that 事業所 wins over 事業 and 総累計 over 累計.
const UNIT_RE = alternation(units.counting);
const PREFIX_RE = alternation(units.qualifiers_before);
const SUFFIX_RE = alternation(units.qualifiers_after);
const VERB_RE = alternation(units.verbs_after);

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
