import { SourceError } from '../adapter';
import { tidy } from '../../normalize/text';

/**
 * The page layout of the 北本市 report as it came out of the PDF: every page opens with a header of
 * three labelled lines (目標, 施策, 説明) and the A–C legend, then an optional 取組 line, the column
 * header (事業名 …) and one tab-separated line per 事業 row. A row that continues a 取組 onto a new
 * page comes straight after the page header. This module only sorts lines into these kinds.
 */

/** The eight columns of a 事業 row, as the column header names them. */
export const COLUMNS = ['事業名', '事業内容', '計画最終年度までの目標', '令和5年度の進捗状況', '事業評価', '評価の理由・課題', '令和6年度の目標', '事業主体'] as const;
export const COL = { name: 0, description: 1, target: 2, result: 3, grade: 4, reason: 5, nextTarget: 6, departments: 7 } as const;

export interface HeaderLine {
	line: number;
	/** the label cell as printed (OCR sometimes damages it: 5策, 岩 明) */
	label: string;
	/** the other cells, tidied and joined */
	text: string;
}

export interface PageHeader {
	goal: HeaderLine | null;
	policy: HeaderLine | null;
	explanation: HeaderLine | null;
	/** first line of the header */
	line: number;
}

export type LayoutEvent =
	| { kind: 'page'; page: PageHeader }
	| { kind: 'action'; line: number; cells: string[] }
	| { kind: 'columns'; line: number; cells: string[] }
	| { kind: 'row'; line: number; cells: string[] };

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
const LEGEND = /^\s*-\s/;
const SEPARATOR = /^\s*-{3,}(\t-*)*\s*$/;

function joinCells(cells: readonly string[]): string {
	return tidy(cells.filter((c) => tidy(c)).join(' '));
}

/** Sort the source's lines into page headers, 取組 lines, column headers and 事業 rows. */
export function readLayout(file: string, lines: readonly string[]): LayoutEvent[] {
	const events: LayoutEvent[] = [];
	let open: PageHeader | null = null;

	const headerSlot = (slot: 'goal' | 'policy' | 'explanation', line: number, cells: string[]) => {
		// A header part that is already filled starts the next page's header.
		if (!open || open[slot]) {
			open = { goal: null, policy: null, explanation: null, line };
			events.push({ kind: 'page', page: open });
		}
		open[slot] = { line, label: tidy(cells[0]), text: joinCells(cells.slice(1)) };
	};

	lines.forEach((text, i) => {
		const line = i + 1;
		if (!tidy(text) || LEGEND.test(text) || SEPARATOR.test(text)) return;
		const cells = text.split('\t');
		const label = squash(cells[0]);
		if (cells.length >= 2 && label === '目標') return headerSlot('goal', line, cells);
		if (cells.length >= 2 && label === '施策') return headerSlot('policy', line, cells);
		if (cells.length >= 2 && label === '説明') return headerSlot('explanation', line, cells);
		if (cells.length >= 2 && label === '取組') {
			open = null;
			events.push({ kind: 'action', line, cells: cells.slice(1) });
			return;
		}
		if (label === '事業名') {
			open = null;
			events.push({ kind: 'columns', line, cells });
			return;
		}
		if (cells.length >= COLUMNS.length) {
			const extra = cells.slice(COLUMNS.length).find((c) => tidy(c));
			if (extra) throw new SourceError(file, line, null, `a 事業 row with more than ${COLUMNS.length} filled cells ("${tidy(extra).slice(0, 30)}"): columns have shifted`);
			open = null;
			events.push({ kind: 'row', line, cells: cells.slice(0, COLUMNS.length) });
			return;
		}
		// The 説明 line's label is often damaged (岩 明, ÷H DD, 는, or empty): inside a page header it is the 説明.
		const current = open as PageHeader | null;
		if (cells.length >= 2 && current && !current.explanation && (current.goal || current.policy)) {
			return headerSlot('explanation', line, cells);
		}
		if (cells.length >= 2) {
			const field = COLUMNS[Math.min(cells.length, COLUMNS.length) - 1];
			throw new SourceError(file, line, field, `a line with ${cells.length} cells where a 事業 row has ${COLUMNS.length}: the row seems broken across lines (it ends in ${field})`);
		}
		throw new SourceError(file, line, null, `text outside the table: "${tidy(text).slice(0, 40)}"`);
	});
	return events;
}
