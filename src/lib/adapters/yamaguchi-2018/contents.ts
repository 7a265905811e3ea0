import { SourceError } from '../adapter';
import { tidy } from '../../normalize/text';
import { cellText } from '../../template-kit/cells';
import { VOCABULARY } from '../../template-kit/vocabulary';
import type { Spec } from './spec';

/**
 * The 目次 (table of contents) of the 山口市 report: one row per 活動目標, with the 基本目標 in a merged
 * cell on its first row and every activity (① ② …) of the 活動目標 in one cell, followed by their page
 * numbers. It names every level, including 活動目標 whose heading the body leaves out, so the goal
 * tree is built from it and the body's rows are placed against it.
 */

/** ① … ⑳, as data/vocabulary.json lists them. */
export const CIRCLED = VOCABULARY.numerals.circled;

export interface ContentsActivity {
	/** ①, ② … as printed */
	code: string;
	name: string;
}

export interface ContentsAim {
	/** 活動目標 number within its 基本目標 */
	no: number;
	title: string;
	line: number;
	activities: ContentsActivity[];
}

export interface ContentsGoal {
	/** 基本目標 number */
	no: number;
	title: string;
	line: number;
	aims: ContentsAim[];
}

export interface Contents {
	goals: ContentsGoal[];
	/** line of the 目次 heading and the last line of the table */
	firstLine: number;
	lastLine: number;
}

/** "① a ② b 1 1" → [{①, a}, {②, b}] and the trailing page numbers ["1", "1"]. */
export function splitActivities(text: string): { activities: ContentsActivity[]; pages: string[] } {
	const parts = text.split(new RegExp(`(?=[${CIRCLED}])`)).map((s) => s.trim()).filter(Boolean);
	const activities: ContentsActivity[] = [];
	let pages: string[] = [];
	parts.forEach((part, i) => {
		let name = part.slice(1).trim();
		if (i === parts.length - 1) {
			const tail = name.match(/(?:\s+\d+)+$/);
			if (tail) {
				pages = tail[0].trim().split(/\s+/);
				name = name.slice(0, tail.index).trim();
			}
		}
		activities.push({ code: part[0], name });
	});
	return { activities, pages };
}

/**
 * Read the 目次 from "目 次" down to the first body heading. The columns of its rows drift (the
 * 基本目標 of row 2 sits one column to the right), so cells are read from the right: the activity
 * list, then the 活動目標, then, where present, the 基本目標 (and the 理念 before it).
 */
export function readContents(spec: Spec, file: string, lines: readonly string[]): Contents {
	const [goalLevel, aimLevel] = spec.goals.map((g) => g.level_name_ja);
	const numbered = new RegExp(spec.contents.numbered, 'u');
	const start = lines.findIndex((l) => new RegExp(spec.contents.start, 'u').test(tidy(l)));
	if (start < 0) throw new SourceError(file, 1, '目次', `no table of contents ("目 次") found: is this the ${spec.id} template?`);
	const goals: ContentsGoal[] = [];
	let i = start + 1;
	for (; i < lines.length; i++) {
		const raw = lines[i];
		if (new RegExp(spec.contents.end, 'u').test(tidy(raw))) break;
		if (!raw.includes('\t')) continue;
		const cells = raw.split('\t').map(cellText).filter(Boolean);
		const line = i + 1;
		// The column heading row: 理 念 / 基本目標 / 活動目標 / 取 組 み.
		if (cells.some((c) => c.replace(/\s/g, '') === spec.contents.header_word)) continue;
		const activityCell = cells[cells.length - 1];
		if (!activityCell || !new RegExp(`^[${CIRCLED}]`).test(activityCell)) {
			throw new SourceError(file, line, '取組み', 'a 目次 row without its list of activities (① …)');
		}
		const aimMatch = (cells[cells.length - 2] ?? '').match(numbered);
		if (!aimMatch) throw new SourceError(file, line, aimLevel, `cannot read the ${aimLevel} number and title from "${cells[cells.length - 2] ?? ''}"`);
		const goalMatch = (cells[cells.length - 3] ?? '').match(numbered);
		if (goalMatch) goals.push({ no: Number(goalMatch[1]), title: goalMatch[2], line, aims: [] });
		const goal = goals[goals.length - 1];
		if (!goal) throw new SourceError(file, line, goalLevel, `a ${aimLevel} before any ${goalLevel} in the 目次`);
		goal.aims.push({ no: Number(aimMatch[1]), title: aimMatch[2], line, activities: splitActivities(activityCell).activities });
	}
	if (!goals.length) throw new SourceError(file, start + 1, '目次', `the table of contents names no ${goalLevel}`);
	return { goals, firstLine: start + 1, lastLine: i };
}
