import type { Measure } from '../contract/tables';
import { isNoValue, readQuantities, type Quantity } from '../normalize/quantity';
import { fold, joinBrokenLines, tidy, unwrapName } from '../normalize/text';
import { MeasureIds, measuresFromCell } from './records';
import { VOCABULARY, alternation } from './vocabulary';

/**
 * Cells of a PDF's text where the table's cells come as the lines the PDF wrapped them into. General:
 * any template whose text keeps a cell's printed lines (南区) reads them here, with its spec's
 * `Wrapping` (the phrases its reports close an item with, how short a line must stop).
 *
 * Cell text. The PDF wrapped every cell at its column's width, so most line breaks fall inside a
 * word (ネット|ワーク) and vanish when the lines are joined. A break ends an item of a list when the
 * line before it closes one (a count with its unit, a bracket, a sentence, a phrase such as
 * …の開催 or …を掲載) or stops well short of the column's width, or when the next line is indented;
 * there the items are kept apart by a space, so that each count keeps its own label. A line that
 * starts with a bare count (19人, 延べ68,410人) or an opening bracket still belongs to the item
 * above: it is that item's number or its aside, wrapped.
 *
 * The row's three figure cells list the same items, so a line that begins with a label and a count
 * (出張相談を計8回…) starts an item when the row's other cells count the same label, even where the
 * line before it looks like a wrapped one.
 */

export interface SourceText {
	line: number;
	/** the text as printed (leading indentation kept: it marks a new item in a cell) */
	text: string;
}
/** The lines of one cell, in order. */
export type Block = SourceText[];

/** How a template's cells wrap: what no rule common to every report can know. */
export interface Wrapping {
	/** phrases (patterns) that close an item of what was done (…の開催, …を掲載, 随時) */
	item_ends: readonly string[];
	/** how much shorter than the column a line must be to end an item (display width: 6 = three full-width characters) */
	item_short_by: number;
	/** the same for a comment's paragraph: any line, a line that ends a sentence, a line of full-width characters only */
	paragraph_short_by: { any: number; sentence: number; full_width: number };
}

/** A counting unit, as data/vocabulary.json lists them. */
const UNIT = `(?:${alternation(VOCABULARY.units.counting)})`;
const CONTINUES = new RegExp(`^(?:[（(）)]|(?:延べ|約|計)?[0-9０-９][0-9０-９,，.．]*[\\s\\u3000]*${UNIT})`);
const SENTENCE_END = /。(?:[（(][^（()）]*[）)])?$/;

/** Printed width: full-width characters count two, ASCII and half-width kana one. */
export function displayWidth(text: string): number {
	let w = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0)!;
		w += c < 0x80 || (c >= 0xff61 && c <= 0xff9f) ? 1 : 2;
	}
	return w;
}

/** What a cell's items are read with, besides its own lines. */
export interface ItemContext {
	/** the widest line the cell's column has, where known */
	columnWidth?: number;
	/** the labels counted in the row's other figure cells */
	rowLabels?: ReadonlySet<string>;
	/** lines a reviewed correction joins to the item above them */
	joined?: ReadonlySet<number>;
}

/** The label of the count a line begins with (出張相談を計8回開催し → 出張相談を), if it begins with one. */
function leadingLabel(text: string): string | null {
	const t = tidy(text);
	const [first] = readQuantities(t);
	return first?.label && fold(t).startsWith(first.label) ? first.label : null;
}

/**
 * A comment or 備考: sentences wrapped at the column's width. A line that stops well short of the
 * column ends a paragraph, and an indented line starts an item; both are kept apart by a space.
 * Comments mix in half-width dates and counts whose printed width varies, so a paragraph's last
 * line must be shorter than others (南区: by five full-width characters), unless the line's width is
 * certain: a line that ends a sentence (。, or 。 and an aside in brackets), or a line of full-width
 * characters only that does not stop at a comma (関係機関合同研修会：コロナ禍により中止).
 */
function endsParagraph(line: string, columnWidth: number, by: Wrapping['paragraph_short_by']): boolean {
	if (columnWidth <= 0) return false;
	const width = displayWidth(line);
	if (width <= columnWidth - by.any) return true;
	if (SENTENCE_END.test(line)) return width <= columnWidth - by.sentence;
	const fullWidth = [...line].every((ch) => displayWidth(ch) === 2);
	return fullWidth && !/[、，,]$/.test(line) && width <= columnWidth - by.full_width;
}

/** The cells of one template, read with its wrapping. */
export class WrappedCells {
	private readonly itemEnd: RegExp;

	constructor(private readonly wrapping: Wrapping) {
		this.itemEnd = new RegExp(`(?:[0-9０-９][\\s\\u3000]*${UNIT}(?:以上|以下|程度|強|弱)?|[）)。]|${wrapping.item_ends.join('|')})$`);
	}

	/** The items of a cell. */
	items(block: Block, context: ItemContext = {}): string[] {
		const { columnWidth = 0, rowLabels, joined } = context;
		const items: string[][] = [];
		block.forEach((l, n) => {
			const indented = /^[\s\u3000]/.test(l.text);
			const prev = n ? block[n - 1].text.replace(/[\s\u3000]+$/, '') : '';
			const prevEnds = this.itemEnd.test(prev) || (columnWidth > 0 && displayWidth(prev) <= columnWidth - this.wrapping.item_short_by);
			const label = rowLabels?.size ? leadingLabel(l.text) : null;
			const sameItemAsRow = label !== null && rowLabels!.has(label);
			const starts = !items.length || (!joined?.has(l.line) && (indented || sameItemAsRow || (prevEnds && !CONTINUES.test(tidy(l.text)))));
			if (starts) items.push([l.text]);
			else items[items.length - 1].push(l.text);
		});
		return items.map((lines) => joinBrokenLines(lines)).filter(Boolean);
	}

	/** The labels a cell counts, for reading the row's other cells. */
	labels(block: Block, context: ItemContext = {}): Set<string> {
		const labels = this.items(block, context).flatMap((item) => readQuantities(tidy(item)).map((q) => q.label));
		return new Set(labels.filter((l): l is string => l !== null));
	}

	/** A cell as one tidy text: its items separated by a space. */
	text(block: Block, context: ItemContext = {}): string {
		return tidy(this.items(block, context).join(' '));
	}

	note(block: Block, columnWidth = 0): string {
		const items: string[][] = [];
		block.forEach((l, n) => {
			const prev = n ? block[n - 1].text.replace(/[\s\u3000]+$/, '') : '';
			if (!items.length || /^[\s\u3000]/.test(l.text) || endsParagraph(prev, columnWidth, this.wrapping.paragraph_short_by)) items.push([l.text]);
			else items[items.length - 1].push(l.text);
		});
		return tidy(items.map((lines) => joinBrokenLines(lines)).join(' '));
	}

	/**
	 * The measures of one figure cell: one per count, each labelled from its own item, all keeping
	 * the whole cell as raw_text; a cell without counts is one statement.
	 */
	figures(ids: MeasureIds, input: FigureInput): Measure[] {
		return figureMeasures(this, ids, input);
	}

	/**
	 * The figure cells of one row, which list the same items (a plan and its results): each is read
	 * knowing what the others count, so a line that opens with a label another cell counts starts an
	 * item. `contexts` give each cell's column width and the lines a correction joins.
	 */
	rowFigures(ids: MeasureIds, initiative_id: string, cells: readonly { block: Block; column: Omit<FigureInput, 'initiative_id' | 'block' | 'context'>; context: ItemContext }[]): Measure[] {
		const labels = cells.map((c) => this.labels(c.block, c.context));
		return cells.flatMap(({ block, column, context }, k) => {
			const rowLabels = new Set(labels.filter((_, o) => o !== k).flatMap((set) => [...set]));
			return this.figures(ids, { initiative_id, ...column, block, context: { ...context, rowLabels } });
		});
	}
}

/** The printed width of a column: its widest line over the blocks printed in it. */
export const columnWidth = (blocks: readonly Block[]): number => Math.max(0, ...blocks.flatMap((b) => b.map((l) => displayWidth(l.text))));

/** A name or a 概要: wrapped lines joined, no spaces left between Japanese words. */
export function nameText(block: Block): string {
	return unwrapName(joinBrokenLines(block.map((l) => l.text)));
}

export const firstLine = (block: Block) => block[0].line;
export const lastLine = (block: Block) => block[block.length - 1].line;

/** 3月27日 is a date, not 27 days. */
function isDate(text: string, q: Quantity): boolean {
	return q.unit === '日' && /[0-9]月\s*$/.test(fold(text).slice(0, q.start));
}

/** A result written as still to come (57人の予定, １回（予定）): an estimate, like 見込み. */
const isPlanned = (kind: Measure['kind'], text: string) => kind === 'result' && /予定/.test(text);

/**
 * An item's clauses: a comma after a count closes that count's clause (10月は２会場で実施，受診者291人
 * counts 受診者, not で実施,受診者). A comma between names (1歳6か月児健診，3歳児健診各8回) stays.
 */
export function clauses(item: string): string[] {
	const out: string[] = [];
	let cur = '';
	for (const part of item.split(/(?<=[，,])/)) {
		cur += part;
		if (/[，,]$/.test(cur) && readQuantities(cur).length) {
			out.push(cur.replace(/[，,]$/, ''));
			cur = '';
		}
	}
	if (cur) out.push(cur);
	return out;
}

/** 2割強, 4割弱: a little over or under the count, printed after its unit. */
const NEAR = /^[\s\u3000]*(強|弱)/;

export interface FigureInput {
	initiative_id: string;
	kind: Measure['kind'];
	fiscal_year: number;
	is_estimate: boolean;
	block: Block;
	/** the column's width and the row's other cells, for telling the cell's items apart */
	context: ItemContext;
}

function figureMeasures(cells: WrappedCells, ids: MeasureIds, input: FigureInput): Measure[] {
	const raw = cells.text(input.block, input.context);
	const base = {
		initiative_id: input.initiative_id,
		kind: input.kind,
		fiscal_year: input.fiscal_year,
		is_estimate: input.is_estimate,
		line: firstLine(input.block),
		line_end: lastLine(input.block)
	};
	const scratch = new MeasureIds();
	const found: Measure[] = [];
	// Items not carried out follow the cell's figures, so the figures keep their order.
	const undone: Measure[] = [];
	if (!isNoValue(raw)) {
		for (const item of cells.items(input.block, input.context)) {
			const planned = isPlanned(input.kind, item);
			for (const text of clauses(tidy(item))) {
				const quantities = readQuantities(text);
				// measuresFromCell gives one measure per quantity, in the same order, then one per item
				// the cell says was not carried out (研修会 中止).
				const read = measuresFromCell(scratch, { ...base, text });
				read.forEach((m, k) => {
					const q = quantities[k];
					if (!q) {
						if (m.status) undone.push({ ...m, is_estimate: m.is_estimate || planned });
						return;
					}
					if (isDate(text, q)) return;
					const near = fold(text).slice(q.end).match(NEAR)?.[1];
					const qualifier = near ? [m.qualifier, near].filter(Boolean).join(' ') : m.qualifier;
					found.push({ ...m, qualifier, is_estimate: m.is_estimate || planned });
				});
			}
		}
	}
	found.push(...undone);
	if (!found.length) {
		const [statement] = measuresFromCell(scratch, { ...base, text: raw });
		found.push({ ...statement, is_estimate: statement.is_estimate || isPlanned(input.kind, raw), label_ja: statement.status ? statement.label_ja : null, value: null, unit: null, qualifier: null });
	}
	return found.map((m) => ({ ...m, measure_id: ids.take(input.initiative_id), raw_text: raw }));
}
