import { fold } from './text';

/**
 * Japanese fiscal years (年度) start in April; we write them as the Gregorian year they start in.
 * 平成 (Heisei) year 1 = 1989, 令和 (Reiwa) year 1 = 2019. Reports printed before the era change
 * still say H31 or H32 for 2019 and 2020, so Heisei years past 31 are read as Gregorian too.
 */
const ERA_START: Record<string, number> = { H: 1988, 平成: 1988, R: 2018, 令和: 2018 };

export type Era = 'H' | 'R';

function eraYear(era: string, n: number): number {
	return ERA_START[era] + n;
}

/**
 * Read one fiscal year from a short label: R2, 令和2年度, 令和元年度, H29, 平成30年度, H32(2020),
 * 2021年度, 30年度 (with the report's era given). Returns null when the label names no year.
 */
export function readFiscalYear(label: string, defaultEra?: Era): number | null {
	const t = fold(label).replace(/\s+/g, '');
	// An explicit Gregorian year in brackets wins: H32(2020).
	const bracket = t.match(/\((\d{4})\)/);
	if (bracket) return Number(bracket[1]);
	const era = t.match(/(平成|令和|H|R)(元|\d{1,2})(?:年度?)?/);
	if (era) return eraYear(era[1], era[2] === '元' ? 1 : Number(era[2]));
	const greg = t.match(/(?<!\d)((?:19|20)\d{2})(?:年度?)?(?!\d)/);
	if (greg) return Number(greg[1]);
	if (defaultEra) {
		const bare = t.match(/(?<![\d.])(元|\d{1,2})年度/);
		if (bare) return eraYear(defaultEra, bare[1] === '元' ? 1 : Number(bare[1]));
	}
	return null;
}

/** Every fiscal year named in a longer text, in order of appearance, without repeats. */
export function findFiscalYears(text: string, defaultEra?: Era): number[] {
	const t = fold(text);
	const found: number[] = [];
	const re = /(?:(平成|令和|H|R)(元|\d{1,2})(?:\((\d{4})\))?(?:年度|年)?|((?:19|20)\d{2})年度)/g;
	for (const m of t.matchAll(re)) {
		let year: number;
		if (m[3]) year = Number(m[3]);
		else if (m[1]) year = eraYear(m[1], m[2] === '元' ? 1 : Number(m[2]));
		else year = Number(m[4]);
		if (!found.includes(year)) found.push(year);
	}
	if (!found.length && defaultEra) {
		const y = readFiscalYear(t, defaultEra);
		if (y !== null) found.push(y);
	}
	return found;
}
