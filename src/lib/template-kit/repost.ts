import { foldLookalikes, tidy } from '../normalize/text';
import type { Initiative } from '../contract/tables';
import type { QualityWarning } from '../contract/quality';
import type { WarningCode } from './warnings';
import { CIRCLED_CLASS, VOCABULARY, characterClass, circledNumber, escapeRegExp } from './vocabulary';

/**
 * The 再掲 mark of a row that repeats an initiative printed elsewhere (高齢者等見守りネットワーク事業
 * <再掲>, 生活困窮者の相談支援（再掲）), in brackets of any width, as data/vocabulary.json lists them.
 */
const { word, open, close } = VOCABULARY.repost;
const MARK = `\\s*[${characterClass(open)}]\\s*${escapeRegExp(word)}\\s*[${characterClass(close)}]\\s*`;

export function hasRepostMark(name: string): boolean {
	return new RegExp(MARK).test(name);
}

/** The name without its 再掲 mark, tidied. */
export function withoutRepostMark(name: string): string {
	return tidy(name.replace(new RegExp(MARK, 'g'), ' '));
}

/** A name as compared between a 再掲 row and its original: no mark, spaces, brackets, bullets or punctuation. */
export function repostKey(name: string): string {
	return foldLookalikes(withoutRepostMark(name)).replace(/[\s()（）「」『』<>＜＞・、,，。.:：]/g, '');
}

const POINTER = new RegExp(`^(.*?)[\\s\\-‐‑‒–—―−－]*(${CIRCLED_CLASS})\\s*の\\s*${escapeRegExp(word)}$`);

/**
 * A cell that only points to the original of a repeated row: 3 - I -①の再掲, 3-2-①の再掲. Gives the
 * section as printed and the goal's number (the circled sign's).
 */
export function readRepostPointer(text: string): { section: string; number: number } | null {
	const m = tidy(text).match(POINTER);
	return m ? { section: m[1], number: circledNumber(m[2])! } : null;
}

export interface Repost {
	initiative: Initiative;
	/** the goal the row's cells point to, null where they point nowhere or the goal is unknown */
	goal_id: string | null;
	line: number;
}

/**
 * 再掲 rows point to their original: the row of the same name, under the goal the cells name where
 * they name one. A pointer to another goal than the original's, or no original, is a warning.
 */
export function resolveReposts(reposts: readonly Repost[], initiatives: readonly Initiative[], warn: (line: number, code: WarningCode, message: string, raw: string | null, initiative_id: string) => void): void {
	const originals = initiatives.filter((i) => !reposts.some((r) => r.initiative === i));
	for (const r of reposts) {
		const key = repostKey(r.initiative.name_ja);
		const sameName = originals.filter((i) => repostKey(i.name_ja) === key);
		const there = r.goal_id ? sameName.filter((i) => i.goal_id === r.goal_id) : sameName;
		const original = there[0] ?? sameName[0] ?? null;
		const id = r.initiative.initiative_id;
		if (!original) warn(r.line, 'repost_original_not_found', `no row named "${r.initiative.name_ja}" to repeat${r.goal_id ? ` under ${r.goal_id}` : ''}`, r.initiative.name_ja, id);
		else {
			r.initiative.repost_of = original.initiative_id;
			if (r.goal_id && !there.length) warn(r.line, 'repost_goal_mismatch', `the cells point to ${r.goal_id}, but the row of the same name sits under ${original.goal_id}`, null, id);
		}
	}
}

/**
 * Each 再掲 row linked to the initiative whose name it repeats (without the mark); a row whose
 * original the report does not print is told. General: for reports whose repeated rows name the
 * original by its name only, exactly (南区); rows whose cells point to the original's goal are
 * resolved by resolveReposts above (北本市).
 */
export function linkRepostsByName(initiatives: Initiative[], field: string, warn: (w: QualityWarning) => void): void {
	for (const initiative of initiatives) {
		if (!hasRepostMark(initiative.name_ja)) continue;
		const base = withoutRepostMark(initiative.name_ja);
		const original = initiatives.find((o) => o !== initiative && o.name_ja === base);
		if (original) initiative.repost_of = original.initiative_id;
		else warn({ source_file: initiative.source_file, line: initiative.line_start, column: null, field, code: 'repost_original_not_found', message: `no initiative named "${base}" in the report`, raw: initiative.name_ja, initiative_id: initiative.initiative_id });
	}
}
