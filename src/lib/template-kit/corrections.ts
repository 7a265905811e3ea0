import type { Correction } from '../contract/manifest';
import { SourceError } from './source-error';

/**
 * The reviewed corrections of one source, with one meaning in every template:
 *
 *   on source line `line`, the text `text` (as printed there) is read, in the field `field`, as `means`.
 *
 * A template applies a correction either to a cell's text (`apply`: the printed text replaced by what
 * it means) or to the reading of the line itself (`take`: the line belongs to `field`, e.g. a cell
 * boundary the PDF lost). And one staleness rule, in every template: a correction that no longer fits
 * the source stops the run, naming the source file and the line where its text was expected, so that a
 * changed source is never corrected by an entry written for another text.
 *
 * - on construction: every correction's text must still stand on its line (white space aside, since
 *   the PDF's text breaks cells and lines at other places than the reviewer's copy);
 * - at `finish`: every correction must have been applied by the template.
 */
export class CorrectionBook {
	private readonly used = new Set<string>();

	constructor(
		readonly file: string,
		lines: readonly string[],
		readonly list: readonly Correction[]
	) {
		for (const c of list) {
			if (c.source_file !== file) throw new SourceError(file, c.line, c.field, `correction ${c.id} belongs to ${c.source_file}`);
			const printed = lines[c.line - 1];
			if (printed === undefined) throw new SourceError(file, c.line, c.field, `correction ${c.id} expects "${c.text}" on line ${c.line}, but the source has ${lines.length} lines`);
			if (!squeeze(printed).includes(squeeze(c.text))) {
				throw new SourceError(file, c.line, c.field, `correction ${c.id} expects "${c.text}" on line ${c.line}, which reads "${printed.trim().slice(0, 80)}": the source changed under it; review the correction`);
			}
		}
	}

	/** Whether a correction names this line and one of these fields (without applying it). */
	has(line: number, ...fields: string[]): boolean {
		return this.list.some((c) => c.line === line && fields.includes(c.field));
	}

	/** The correction for this line and one of these fields, marked as applied. */
	take(line: number, ...fields: string[]): Correction | undefined {
		const c = this.list.find((x) => x.line === line && fields.includes(x.field));
		if (c) this.used.add(c.id);
		return c;
	}

	/**
	 * The cell text with every correction of this line and field applied (the printed text replaced
	 * by what it means). A correction whose text is not in this cell stops the run: it was written for
	 * another cell of the line.
	 */
	apply(line: number, field: string, text: string): string {
		let out = text;
		for (const c of this.list) {
			if (c.line !== line || c.field !== field) continue;
			if (!out.includes(c.text)) throw new SourceError(this.file, line, field, `correction ${c.id} expects "${c.text}" in this cell, which says "${out}"`);
			out = out.split(c.text).join(c.means);
			this.used.add(c.id);
		}
		return out;
	}

	/**
	 * The text as a correction of this line and field says to read it, or null when none names this
	 * text (for templates whose cells span several lines, where the text may sit in another cell).
	 */
	reading(line: number, field: string, text: string): string | null {
		let out: string | null = null;
		for (const c of this.list) {
			if (c.line !== line || c.field !== field || !(out ?? text).includes(c.text)) continue;
			out = (out ?? text).split(c.text).join(c.means);
			this.used.add(c.id);
		}
		return out;
	}

	/** Marks corrections as applied by a template that keeps its own list of ids. */
	applied(ids: readonly string[]): void {
		for (const id of ids) {
			if (!this.list.some((c) => c.id === id)) throw new SourceError(this.file, 1, null, `the template reports correction ${id} as applied, but this source has no such correction`);
			this.used.add(id);
		}
	}

	/** Ids applied, sorted; a correction the template never applied stops the run. */
	finish(): string[] {
		const missed = this.list.find((c) => !this.used.has(c.id));
		if (missed) throw new SourceError(this.file, missed.line, missed.field, `correction ${missed.id} was not applied: the rows around line ${missed.line} no longer read as it expects`);
		return [...this.used].sort();
	}
}

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');
