import type { Correction } from '../../contract/manifest';
import { SourceError } from '../adapter';
import { tidy } from '../../normalize/text';

/**
 * The reviewed corrections for this source, looked up by line and field. Each one must still fit
 * the text it was written for: when the source changes under it (a line moved, a page header
 * dropped), the adapter stops with the correction's place instead of applying it to another row.
 */
export class CorrectionBook {
	private used = new Set<string>();

	constructor(
		private readonly file: string,
		private readonly lines: readonly string[],
		private readonly list: readonly Correction[],
		private readonly fields: readonly string[]
	) {
		for (const c of list) {
			if (!fields.includes(c.field)) {
				throw new SourceError(file, c.line, c.field, `correction ${c.id}: this adapter applies no correction to the field "${c.field}"`);
			}
			const actual = tidy(lines[c.line - 1] ?? '');
			if (actual !== tidy(c.text)) {
				throw new SourceError(file, c.line, c.field, `correction ${c.id} was written for "${tidy(c.text)}" but the line reads "${actual}"`);
			}
		}
	}

	/** The correction for this line and one of these fields, marked as applied. */
	take(line: number, ...fields: string[]): Correction | undefined {
		const c = this.list.find((x) => x.line === line && fields.includes(x.field));
		if (c) this.used.add(c.id);
		return c;
	}

	/** Whether a correction exists here, without applying it. */
	has(line: number, ...fields: string[]): boolean {
		return this.list.some((x) => x.line === line && fields.includes(x.field));
	}

	/** Ids applied, in file order; a correction the reading never reached is an error, not a silent no-op. */
	applied(): string[] {
		const missed = this.list.find((c) => !this.used.has(c.id));
		if (missed) throw new SourceError(this.file, missed.line, missed.field, `correction ${missed.id} was not applied: the rows around it no longer read as it expects`);
		return this.list.map((c) => c.id);
	}
}
