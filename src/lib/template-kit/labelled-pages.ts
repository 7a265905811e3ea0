import { z } from 'zod';
import { SourceError } from './source-error';
import { Pattern } from './table-spec';
import { joinBrokenLines, tidy } from '../normalize/text';
import { CIRCLED_CLASS, circledNumber } from './vocabulary';

/**
 * Reports whose every page repeats a header of labelled lines (目標 …, 施策 …, 説明 …), then perhaps a
 * heading line (取組 ① …), the column header and one tab-separated line per row; a page that
 * continues a heading onto the next page starts straight with rows. The spec names the labels; this
 * sorts the source's lines into those kinds and stops where a line fits none of them.
 */

export const LabelledLines = z.object({
	/** page furniture: the grading legend, a rule of dashes */
	skip: z.array(Pattern).default([]),
	/** the labelled lines of a page header, by the slot each fills; a slot filled again opens the next page */
	page_header: z.array(z.object({ label: z.string().min(1), slot: z.string().min(1) })).min(1),
	/** a line inside a page header whose label the OCR damaged (岩 明, ÷H DD) fills this slot, if still empty */
	unlabelled_slot: z.string().min(1).optional(),
	/** the label of the heading line above the column header (取組) */
	heading: z.string().min(1),
	/** the first cell of the column header (事業名) */
	column_header: z.string().min(1),
	/** what a row is called, for errors (事業) */
	row_term: z.string().min(1)
});
export type LabelledLines = z.infer<typeof LabelledLines>;

export interface HeaderLine {
	line: number;
	/** the label cell as printed (OCR sometimes damages it: 5策, 岩 明) */
	label: string;
	/** the other cells, tidied and joined */
	text: string;
}

export interface PageHeader {
	/** the header's lines by slot */
	slots: Partial<Record<string, HeaderLine>>;
	/** first line of the header */
	line: number;
}

export type LayoutEvent =
	| { kind: 'page'; page: PageHeader }
	| { kind: 'heading'; line: number; cells: string[] }
	| { kind: 'columns'; line: number; cells: string[] }
	| { kind: 'row'; line: number; cells: string[] };

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
const joinCells = (cells: readonly string[]) => tidy(cells.filter((c) => tidy(c)).join(' '));

/** Sort the source's lines into page headers, heading lines, column headers and rows of `fields.length` cells. */
export function readLabelledPages(file: string, lines: readonly string[], spec: LabelledLines, fields: readonly string[]): LayoutEvent[] {
	const events: LayoutEvent[] = [];
	const skip = spec.skip.map((s) => new RegExp(s, 'u'));
	const slotOf = new Map(spec.page_header.map((h) => [h.label, h.slot]));
	const width = fields.length;
	let open: PageHeader | null = null;

	const fill = (slot: string, line: number, cells: string[]) => {
		if (!open || open.slots[slot]) {
			open = { slots: {}, line };
			events.push({ kind: 'page', page: open });
		}
		open.slots[slot] = { line, label: tidy(cells[0]), text: joinCells(cells.slice(1)) };
	};

	lines.forEach((text, i) => {
		const line = i + 1;
		if (!tidy(text) || skip.some((s) => s.test(text))) return;
		const cells = text.split('\t');
		const label = squash(cells[0]);
		const slot = slotOf.get(label);
		if (cells.length >= 2 && slot) return fill(slot, line, cells);
		if (cells.length >= 2 && label === spec.heading) {
			open = null;
			events.push({ kind: 'heading', line, cells: cells.slice(1) });
			return;
		}
		if (label === spec.column_header) {
			open = null;
			events.push({ kind: 'columns', line, cells });
			return;
		}
		if (cells.length >= width) {
			const extra = cells.slice(width).find((c) => tidy(c));
			if (extra) throw new SourceError(file, line, null, `a ${spec.row_term} row with more than ${width} filled cells ("${tidy(extra).slice(0, 30)}"): columns have shifted`);
			open = null;
			events.push({ kind: 'row', line, cells: cells.slice(0, width) });
			return;
		}
		const current = open as PageHeader | null;
		const unlabelled = spec.unlabelled_slot;
		if (cells.length >= 2 && unlabelled && current && !current.slots[unlabelled] && Object.keys(current.slots).length) {
			return fill(unlabelled, line, cells);
		}
		if (cells.length >= 2) {
			const field = fields[Math.min(cells.length, width) - 1];
			throw new SourceError(file, line, field, `a line with ${cells.length} cells where a ${spec.row_term} row has ${width}: the row seems broken across lines (it ends in ${field})`);
		}
		throw new SourceError(file, line, null, `text outside the table: "${tidy(text).slice(0, 40)}"`);
	});
	return events;
}

const CIRCLED = new RegExp(`^${CIRCLED_CLASS}`);

/**
 * A heading line numbered with a circled sign: ② 地域連携ネットワークづくりと担い | ② 地域連携ネット
 * ワークづくりと担い手育成. The PDF sometimes cut the title over two cells, sometimes printed it twice
 * (cut, then whole); a later cell that starts with the same number is the whole title.
 */
export function readNumberedHeading(file: string, line: number, cells: readonly string[], field: string): { number: string; index: number; title: string } {
	let parts = cells.map((c) => tidy(c)).filter(Boolean);
	const number = parts[0]?.match(CIRCLED)?.[0];
	if (!number) throw new SourceError(file, line, field, `a ${field} line without its circled number: "${parts.join(' ')}"`);
	const again = parts.findLastIndex((p, k) => k > 0 && p.startsWith(number));
	if (again > 0) parts = parts.slice(again);
	const title = joinBrokenLines(parts).replace(CIRCLED, '').trim();
	if (!title) throw new SourceError(file, line, field, `a ${field} line without a title`);
	return { number, index: circledNumber(number)!, title };
}
