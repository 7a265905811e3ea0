import type { Correction } from '../../contract/manifest';
import { SourceError } from '../adapter';

/**
 * The reviewed corrections of this source, applied by line and field: the cell's `text` is replaced
 * by what it `means`. A correction whose text is no longer in its cell stops the run, so that a
 * changed source cannot be corrected by a stale entry.
 */
export class CorrectionBook {
	private readonly used = new Set<string>();

	constructor(
		private readonly file: string,
		private readonly corrections: readonly Correction[]
	) {}

	/** The cell text with every correction for this line and field applied. */
	apply(line: number, field: string, text: string): string {
		let out = text;
		for (const c of this.corrections) {
			if (c.line !== line || c.field !== field) continue;
			if (!out.includes(c.text)) {
				throw new SourceError(this.file, line, field, `correction ${c.id} expects "${c.text}" in this cell, which says "${out}"`);
			}
			out = out.split(c.text).join(c.means);
			this.used.add(c.id);
		}
		return out;
	}

	/** True when a correction for this line and field exists. */
	has(line: number, field: string): boolean {
		return this.corrections.some((c) => c.line === line && c.field === field);
	}

	/** Fails on corrections that matched nothing: their line or field no longer fits the source. */
	assertAllUsed(): void {
		const stale = this.corrections.find((c) => !this.used.has(c.id));
		if (stale) throw new SourceError(this.file, stale.line, stale.field, `correction ${stale.id} was not applied: no such cell in this source`);
	}

	usedIds(): string[] {
		return [...this.used].sort();
	}
}
