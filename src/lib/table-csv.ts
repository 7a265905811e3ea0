/**
 * A page's table as the rows of its CSV, read from the table as the page shows it: the header the
 * user sees (in the page's language), one row per body row, each cell's text as it reads. Reading
 * the rendered table (not the data behind it) keeps the CSV equal to the page, whatever the page
 * formats, and works the same for prerendered rows and for rows DuckDB-wasm answered later.
 *
 * Marks the page may put on its table (data attributes, so they cost nothing to the reader):
 * - `data-csv-<key>` on a row (or on a nested item) gives the value of an extra column `key`:
 *   provenance the row only links or implies (source file, line, identifiers) becomes a column;
 * - `data-csv-item` on elements inside a row makes the row nested: it is written once per item,
 *   the cell holding the items carrying that item's text (a theme's initiative, once per measure);
 * - `data-csv-skip` on an element leaves its text out (a column list folded inside a cell).
 * Form controls are left out too: they are what the user sets, not what the table holds.
 */
import type { CsvValue } from './csv';

export interface ExtraColumn {
	/** read from the attribute data-csv-<key> of the item, else of the row */
	key: string;
	/** the header, in the page's language */
	label: string;
}

export interface TableCsv {
	header: string[];
	rows: CsvValue[][];
}

const LEFT_OUT = new Set(['SELECT', 'INPUT', 'TEXTAREA', 'BUTTON', 'SCRIPT', 'STYLE', 'TEMPLATE']);
const PRESERVED = /^pre/; // white-space: pre, pre-wrap, pre-line keep the source text's line breaks

const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'DETAILS', 'SUMMARY', 'SECTION', 'TABLE', 'TR', 'PRE']);

/** How the page lays the element out: its computed style in a browser, its tag in a server-side DOM. */
function layout(el: Element): { hidden: boolean; block: boolean; keepsBreaks: boolean } {
	const view = el.ownerDocument.defaultView;
	if (view && typeof view.getComputedStyle === 'function') {
		const style = view.getComputedStyle(el);
		return { hidden: style.display === 'none', block: !style.display.startsWith('inline') && style.display !== 'contents', keepsBreaks: PRESERVED.test(style.whiteSpace) };
	}
	return { hidden: false, block: BLOCK_TAGS.has(el.tagName), keepsBreaks: el.closest('pre, .pre') !== null };
}

/**
 * The text of a cell as it reads: template whitespace collapsed to one space, a <br> or a block (a
 * line of its own on the page) a space, line breaks kept where the page keeps them (source text
 * printed as is), what is not displayed, form controls and `data-csv-skip` parts left out.
 */
export function cellText(cell: Element): string {
	let out = '';
	const walk = (node: Node, keep: boolean) => {
		for (const child of Array.from(node.childNodes)) {
			if (child.nodeType === 3) {
				const text = child.nodeValue ?? '';
				out += keep ? text : text.replace(/\s+/g, ' ');
			} else if (child.nodeType === 1) {
				const el = child as Element;
				if (LEFT_OUT.has(el.tagName) || el.hasAttribute('data-csv-skip') || el.hasAttribute('hidden')) continue;
				if (el.tagName === 'BR') {
					out += keep ? '\n' : ' ';
					continue;
				}
				const how = layout(el);
				if (how.hidden) continue;
				if (how.block) out += ' ';
				walk(el, keep || how.keepsBreaks);
				if (how.block) out += ' ';
			}
		}
	};
	walk(cell, layout(cell).keepsBreaks);
	// Collapse the spaces template markup leaves between elements, but not the line breaks kept above.
	return out
		.split('\n')
		.map((line) => line.replace(/[ \t]+/g, ' '))
		.join('\n')
		.replace(/^\s+|\s+$/g, '');
}

// Plain child walks rather than the table API (rows, cells, tBodies): a table's own rows and cells
// only, never those of a table nested inside a cell, and the same in a server-side DOM.
const kids = (el: Element, ...tags: string[]): Element[] => Array.from(el.children).filter((c) => tags.includes(c.tagName));
const rowsOf = (table: Element, section: 'THEAD' | 'TBODY'): Element[] => kids(table, section).flatMap((s) => kids(s, 'TR'));
const cellsOf = (tr: Element): Element[] => kids(tr, 'TH', 'TD');
const spanOf = (cell: Element): number => Math.max(1, Number(cell.getAttribute('colspan')) || 1);

/** The header row: the cells of the head's last row (the row that names the columns). */
function headerOf(table: Element): string[] {
	const head = rowsOf(table, 'THEAD');
	const row = head.length ? head[head.length - 1] : null;
	if (!row) return [];
	const out: string[] = [];
	for (const cell of cellsOf(row)) {
		out.push(cellText(cell));
		for (let k = 1; k < spanOf(cell); k++) out.push('');
	}
	return out;
}

/** Body rows: those of each tbody, or the table's own rows when the markup has no tbody. */
function bodyRows(table: Element): Element[] {
	const rows = rowsOf(table, 'TBODY');
	return rows.length ? rows : kids(table, 'TR');
}

/** The CSV of a rendered table: the visible header (plus the extra columns) and one line per row or nested item. */
export function tableCsv(table: Element, extra: readonly ExtraColumn[] = []): TableCsv {
	const header = [...headerOf(table), ...extra.map((e) => e.label)];
	const rows: CsvValue[][] = [];
	for (const tr of bodyRows(table)) {
		// Items of this row only: not those of a table nested inside a cell.
		const items = Array.from(tr.querySelectorAll('[data-csv-item]')).filter((el) => el.closest('tr') === tr);
		const extraOf = (item: Element | null) =>
			extra.map((e) => {
				const attr = `data-csv-${e.key}`;
				const holder = item?.closest(`[${attr}]`);
				const v = holder && tr.contains(holder) ? holder.getAttribute(attr) : tr.getAttribute(attr);
				return v === null || v === '' ? null : v;
			});
		const line = (item: Element | null): CsvValue[] => {
			const cells: CsvValue[] = [];
			for (const cell of cellsOf(tr)) {
				const holds = item !== null && cell.contains(item);
				// The cell holding the items carries this item's text alone; what the items share (the source
				// text they were read from) is given by the item's extra columns.
				const text = holds ? cellText(item) : cellText(cell);
				cells.push(text === '' ? null : text);
				for (let k = 1; k < spanOf(cell); k++) cells.push(null);
			}
			return [...cells, ...extraOf(item)];
		};
		if (items.length === 0) rows.push(line(null));
		else for (const item of items) rows.push(line(item));
	}
	return { header, rows };
}
