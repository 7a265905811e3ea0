import { fold } from './text';

/**
 * Words in a result cell that say the work did not happen that year. 開催予定 / 実施予定 in a
 * result (or 見込み) column say it has not happened yet; 中止期間中 is a period, not an outcome, and
 * 達成できなかった is a result below target, not work left undone.
 */
const NOT_CARRIED_OUT = /中止(?!期間)|未実施|未開催|実施せず|開催なし|延期|休止|見送(?:り|っ)|(?:開催|実施)予定|(?:実施|開催)(?:すること)?が?できなかった/g;

/** Where an item of a cell ends or begins: bullets, sentence ends, commas, line breaks. */
const ITEM_EDGE = /[、，,。\n○●◎■□◆◇※;；]|(?:^|\s)・/g;

export interface NotCarriedOut {
	/** what was not carried out: the words of the item before the status word (研修会, 介護教室), null when the cell says only 未実施 */
	label: string | null;
	/** the item as printed: 研修会 中止, 講演会を3月27日に開催予定 */
	text: string;
	start: number;
	end: number;
}

/** The words that name the item, without particles, dates and brackets around them. */
function labelOf(words: string): string | null {
	const t = words
		// コロナのため中止, 日程が合わず中止: the reason is not what was left undone.
		.replace(/^.*(?:のため|により|によって|影響で|合わず)\s*/, '')
		.replace(/(?:\d{1,2}月\d{1,2}日|\d{1,2}月)(?:に|は)?$/, '')
		.replace(/[「」『』"“”\s]/g, ' ')
		.replace(/(?:を|は|が|の|も|に|で|について|については)\s*$/, '')
		.replace(/(?:\d{1,2}月\d{1,2}日|\d{1,2}月)(?:に|は)?$/, '')
		.replace(/(?:を|は|が|の|も|に|で)\s*$/, '')
		.trim();
	return t.length ? t : null;
}

/**
 * The items of a cell that say they were not carried out, outside the spans of its figures
 * (`taken`: offsets of the quantities read in the folded text). "区だより掲載 1回 … 関係機関合同研修会
 * 中止" gives 関係機関合同研修会; "未実施" gives one item with no label; "7月は中止，10月は2会場で実施"
 * gives 7月 (the 10月 screening was held: its figure is a quantity). A status inside brackets counts
 * only where the bracket holds nothing else: (延期) after an event's name.
 */
export function readNotCarriedOut(text: string, taken: readonly { start: number; end: number }[] = []): NotCarriedOut[] {
	const t = fold(text);
	const out: NotCarriedOut[] = [];
	for (const m of t.matchAll(NOT_CARRIED_OUT)) {
		const at = m.index ?? 0;
		const end = at + m[0].length;
		if (taken.some((q) => at < q.end && end > q.start)) continue;
		const openAt = Math.max(t.lastIndexOf('(', at), t.lastIndexOf('（', at));
		const closeAt = Math.max(t.lastIndexOf(')', at), t.lastIndexOf('）', at));
		const inside = openAt > closeAt;
		const bracketed = inside && /^\s*$/.test(t.slice(openAt + 1, at)) && /^\s*[)）]/.test(t.slice(end));
		if (inside && !bracketed) continue;
		const wordsEnd = bracketed ? openAt : at;
		// The item starts after the last edge or figure before the status word.
		let from = 0;
		for (const e of t.slice(0, wordsEnd).matchAll(ITEM_EDGE)) from = (e.index ?? 0) + e[0].length;
		for (const q of taken) if (q.end <= wordsEnd && q.end > from) from = q.end;
		const itemEnd = bracketed ? end + (t.slice(end).match(/^\s*[)）]/)?.[0].length ?? 0) : end;
		const words = t.slice(from, wordsEnd);
		out.push({ label: labelOf(words), text: t.slice(from, itemEnd).trim(), start: from, end: itemEnd });
	}
	return out;
}
