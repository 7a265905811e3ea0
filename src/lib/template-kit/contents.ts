import { z } from 'zod';
import type { Goal } from '../contract/tables';
import { nameSimilarity } from './names';
import { Pattern } from './table-spec';
import { SourceError } from './source-error';
import { VOCABULARY } from './vocabulary';
import { cellText } from './cells';
import { tidy } from '../normalize/text';

/**
 * Rows placed against a table of contents. General: a report whose 目次 lists every entry in order
 * (山口市 lists its activities under each 活動目標) is read by walking the list while reading the
 * body, so that a body row is only ever matched to the entry the contents expect there, or, where
 * the body lost rows, to a later entry of the same group whose name is clearly the row's; every
 * entry passed over is told to the reader (the template words the warning).
 */

export interface ContentsEntry {
	code: string;
	name: string;
}

export interface PlacerOptions<E> {
	/** how alike the expected entry's name must be to the row's (nameSimilarity) */
	here: number;
	/** how alike a later entry's name must be, when the expected one does not fit */
	later: number;
	/** whether two entries belong to one group, within which rows may be lost */
	sameGroup: (a: E, b: E) => boolean;
	/** an entry of the contents the body has no row for */
	passed: (entry: E, why: string, line: number) => void;
}

export class ContentsPlacer<E extends ContentsEntry> {
	private next = 0;

	constructor(
		readonly entries: readonly E[],
		private readonly options: PlacerOptions<E>
	) {}

	/** The entry the contents expect next, if any. */
	get expected(): E | undefined {
		return this.entries[this.next];
	}

	/** Move on to `to`, telling of every entry passed over. */
	private skipTo(to: number, line: number, why: string): void {
		for (; this.next < to; this.next++) this.options.passed(this.entries[this.next], why, line);
	}

	/** A heading: move to the first entry from here on that it opens; false when none does. */
	heading(opens: (entry: E) => boolean, line: number, why: string): boolean {
		const first = this.entries.findIndex((e, k) => k >= this.next && opens(e));
		if (first < 0) return false;
		this.skipTo(first, line, why);
		return true;
	}

	/** The entry of a body row (its code and name), or null when the contents expect another here. */
	place(code: string, name: string, line: number, why: string): E | null {
		const { here, later, sameGroup } = this.options;
		const expected = this.entries[this.next];
		const found =
			expected && expected.code === code && nameSimilarity(expected.name, name) >= here
				? this.next
				: this.entries.findIndex((e, k) => k > this.next && expected !== undefined && sameGroup(e, expected) && e.code === code && nameSimilarity(e.name, name) >= later);
		if (found < 0) return null;
		this.skipTo(found, line, why);
		return this.entries[this.next++];
	}

	/** The end of the body: every entry left is passed over. */
	finish(line: number, why: string): void {
		this.skipTo(this.entries.length, line, why);
	}
}

/**
 * A table of contents printed as a table (山口市's 目次): one row per goal of the second level, with
 * its entries (① ② …, then their page numbers) in one cell and, on the first row of each goal of the
 * first level, that goal in a merged cell. General: the merged cells drift between columns from row
 * to row, so a row is read from the right: the entries, the second-level goal, then, where present,
 * the first-level goal. It names every goal, including those whose heading the body leaves out, so
 * the goal tree is built from it (ContentsGoals) and the body's rows are placed against it.
 */
export const ContentsTableSpec = z.object({
	/** the line that opens the contents, and the first line after it (the body's first heading) */
	start: Pattern,
	end: Pattern,
	/** a word in the table's own heading row (活動目標), which is skipped */
	header_word: z.string().min(1),
	/** a goal cell: groups the number, then the title */
	numbered: Pattern,
	/** how alike names must be to place a row (ContentsPlacer) */
	here: z.number(),
	later: z.number()
});
export type ContentsTableSpec = z.infer<typeof ContentsTableSpec>;

export interface ContentsGoal {
	no: number;
	title: string;
	line: number;
}
export interface ContentsAim extends ContentsGoal {
	entries: ContentsEntry[];
}
export interface ContentsTop extends ContentsGoal {
	aims: ContentsAim[];
}
export interface Contents {
	goals: ContentsTop[];
	/** the line after the table (0-based index of the body's first line) */
	lastLine: number;
}

const CIRCLED = VOCABULARY.numerals.circled;

/** "① a ② b 1 1" → [{①, a}, {②, b}] and the trailing page numbers ["1", "1"]. */
export function splitEntries(text: string): { entries: ContentsEntry[]; pages: string[] } {
	const parts = text.split(new RegExp(`(?=[${CIRCLED}])`)).map((s) => s.trim()).filter(Boolean);
	let pages: string[] = [];
	const entries = parts.map((part, i) => {
		let name = part.slice(1).trim();
		const tail = i === parts.length - 1 ? name.match(/(?:\s+\d+)+$/) : null;
		if (tail) {
			pages = tail[0].trim().split(/\s+/);
			name = name.slice(0, tail.index).trim();
		}
		return { code: part[0], name };
	});
	return { entries, pages };
}

/** Read the contents table; `levels` are the two goal levels' names (基本目標, 活動目標). */
export function readContentsTable(file: string, lines: readonly string[], spec: ContentsTableSpec, [top, aim]: readonly [string, string]): Contents {
	const numbered = new RegExp(spec.numbered, 'u');
	const end = new RegExp(spec.end, 'u');
	const start = lines.findIndex((l) => new RegExp(spec.start, 'u').test(tidy(l)));
	if (start < 0) throw new SourceError(file, 1, '目次', 'no table of contents ("目 次") found: is this the right template?');
	const goals: ContentsTop[] = [];
	let i = start + 1;
	for (; i < lines.length && !end.test(tidy(lines[i])); i++) {
		if (!lines[i].includes('\t')) continue;
		const cells = lines[i].split('\t').map(cellText).filter(Boolean);
		const line = i + 1;
		if (cells.some((c) => c.replace(/\s/g, '') === spec.header_word)) continue;
		const [entryCell, aimCell = '', topCell = ''] = cells.slice(-3).reverse();
		if (!entryCell || !new RegExp(`^[${CIRCLED}]`).test(entryCell)) throw new SourceError(file, line, '取組み', 'a 目次 row without its list of entries (① …)');
		const a = aimCell.match(numbered);
		if (!a) throw new SourceError(file, line, aim, `cannot read the ${aim} number and title from "${aimCell}"`);
		const g = topCell.match(numbered);
		if (g) goals.push({ no: Number(g[1]), title: g[2], line, aims: [] });
		const goal = goals[goals.length - 1];
		if (!goal) throw new SourceError(file, line, top, `a ${aim} before any ${top} in the 目次`);
		goal.aims.push({ no: Number(a[1]), title: a[2], line, entries: splitEntries(entryCell).entries });
	}
	if (!goals.length) throw new SourceError(file, start + 1, '目次', `the table of contents names no ${top}`);
	return { goals, lastLine: i };
}

/**
 * The goal tree of a report whose contents name every goal: each goal starts with the contents'
 * title and line, and takes the body's heading where the body prints one (the heading is the text
 * the reader sees on the page); a heading worded unlike the contents is told.
 */
export class ContentsGoals {
	private readonly place = new Map<string, { line: number; title: string }>();

	constructor(
		private readonly planId: string,
		private readonly contents: Contents,
		private readonly levels: readonly [string, string]
	) {
		for (const g of contents.goals) {
			this.place.set(this.id(g.no), g);
			for (const a of g.aims) this.place.set(this.id(g.no, a.no), a);
		}
	}

	id(top: number, aim?: number): string {
		return `${this.planId}-G${top}${aim === undefined ? '' : `-${aim}`}`;
	}

	/** A body heading; false when the contents do not name its goal. */
	heading(id: string, title: string, line: number, warn: (contentsTitle: string) => void): boolean {
		const place = this.place.get(id);
		if (!place) return false;
		if (nameSimilarity(place.title, title) < 1) warn(place.title);
		this.place.set(id, { line, title });
		return true;
	}

	records(): Goal[] {
		const out: Goal[] = [];
		const add = (goal_id: string, parent_goal_id: string | null, level: 1 | 2, no: number) => {
			const p = this.place.get(goal_id)!;
			out.push({ goal_id, plan_id: this.planId, parent_goal_id, level, level_name_ja: this.levels[level - 1], code: String(no), title_ja: p.title, description_ja: null, seq: out.length, line: p.line });
		};
		for (const g of this.contents.goals) {
			add(this.id(g.no), null, 1, g.no);
			for (const a of g.aims) add(this.id(g.no, a.no), this.id(g.no), 2, a.no);
		}
		return out;
	}
}
