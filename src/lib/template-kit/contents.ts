import { nameSimilarity } from './names';

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
