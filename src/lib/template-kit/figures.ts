import { fold, tidy } from '../normalize/text';

/**
 * Figures the shared quantity reader (a number needs its unit) leaves to the template: rates printed
 * without a unit, and the value a target cell gives for the time the plan was drafted.
 */

export interface Rate {
	/** the rate's name, with the year and the place it is given for where printed */
	label: string;
	value: number;
}

const RATE = /((?:令和\s*\d{1,2}\s*年度?\s*)?人口\s*\d+\s*万対[^\d\s:：]*率)((?:\s*(?:[^\s\d:：・○〇◎]{1,4}\s*[:：])?\s*\d+(?:\.\d+)?(?![\d.]))+)/g;
const RATE_ITEM = /(?:([^\s\d:：]{1,4})\s*[:：])?\s*(\d+(?:\.\d+)?)/g;

/**
 * Rates per population: 人口10万対自殺死亡率15.5, or ◎令和5年 人口10万対自殺率 北本市:25.86 埼玉県:17.84
 * 国:17.27 (one rate per place, labelled with it).
 */
export function readRates(text: string): Rate[] {
	const out: Rate[] = [];
	for (const m of fold(text).matchAll(RATE)) {
		const name = m[1].replace(/\s+/g, ' ').trim();
		for (const item of m[2].matchAll(RATE_ITEM)) {
			out.push({ label: item[1] ? `${name} ${item[1]}` : name, value: Number(item[2]) });
		}
	}
	return out;
}

/**
 * A target cell that ends with the value at the time of drafting: 開催箇所数 68箇所 ※R3 62箇所, or
 * ※計画策定時点 R 3: I 校. Splits the cell into the target and that baseline with its year label.
 */
export function splitBaseline(text: string): { target: string; baseline: { text: string; yearLabel: string; value: string } | null } {
	const t = tidy(text);
	const m = t.match(/※\s*(?:計画策定時点\s*)?(R\s*\d{1,2}|令和\s*\d{1,2}\s*年度?)\s*[:：]?\s*/);
	if (!m || m.index === undefined) return { target: t, baseline: null };
	return {
		target: t.slice(0, m.index).trim(),
		baseline: { text: t.slice(m.index).trim(), yearLabel: m[1], value: t.slice(m.index + m[0].length).trim() }
	};
}
