import { SourceError } from '../adapter';
import { fold, tidy } from '../../normalize/text';

/**
 * The page furniture of the 南区 report and the lines that carry the table's own structure.
 * Every page repeats the column header, the 〔評価の指標〕 legend and the 基本目標 / 分野別計画
 * banners; the PDF text puts them wherever the page's content stream had them, often in the
 * middle of a table. They are read once for what they say and then taken out of the stream, so
 * that the rows around them join up again.
 */

/** One of the three figure columns, as its header says it. */
export interface FigureColumn {
	/** the header text as printed, e.g. 2021年度実績（見込み） */
	label: string;
	kind: 'result' | 'plan';
	fiscal_year: number;
	is_estimate: boolean;
}

export interface ColumnHeader {
	line: number;
	/** 2020年度…, 2021年度計画, 2021年度実績… in the order printed */
	figures: [FigureColumn, FigureColumn, FigureColumn];
	/** the fiscal year of the last figure column: the year the 評価 grades */
	gradedYear: number;
}

export interface Banner {
	line: number;
	level: '基本目標' | '分野別計画';
	title: string;
}

/** A line of the table itself: text, a blank (which ends a text block), or a （１） 目標 heading. */
export type Item =
	| { kind: 'text'; line: number; text: string }
	| { kind: 'blank'; line: number }
	| { kind: 'heading'; line: number; code: string; number: number; title: string };

export interface Layout {
	items: Item[];
	headers: ColumnHeader[];
	banners: Banner[];
	/** lines of the legend, for the record */
	legends: number[];
}

const HEADER_START = /^[\s\u3000]*目標 具体的な取り組み・事業 概要 担当部署/;
const HEADER_END = /評価 コメント・課題等 備考/;
/** Lines a wrapped header breaks into: 2021年度実績 / （見込み）. */
const HEADER_PART = /^(?:\d{4}年度.*|（見込み）)$/;
const LEGEND = /〔評価の指標〕/;
const BANNER = /^(基本目標|分野別計画)[\s\u3000]+(.+)$/;
const HEADING = /^（([0-9０-９]+)）[\s\u3000]*(.+)$/;
const FIGURE = /(\d{4})年度[\s\u3000]*(（実績）|実績|計画|（見込み）)?(（見込み）)?/g;

export function readHeader(file: string, line: number, text: string): ColumnHeader {
	const found = [...tidy(text).matchAll(FIGURE)];
	if (found.length !== 3) {
		throw new SourceError(file, line, 'header', `expected three fiscal-year columns in the header, found ${found.length}: "${tidy(text)}"`);
	}
	const figures = found.map((m) => {
		const what = (m[2] ?? '') + (m[3] ?? '');
		return {
			label: tidy(m[0]),
			kind: what.includes('計画') ? 'plan' : 'result',
			fiscal_year: Number(m[1]),
			// 見込み: the figure was written before the year closed
			is_estimate: what.includes('見込み')
		} satisfies FigureColumn;
	}) as ColumnHeader['figures'];
	if (figures.map((f) => f.kind).join() !== 'result,plan,result') {
		throw new SourceError(file, line, 'header', `expected result, plan and result columns, found ${figures.map((f) => f.label).join(' / ')}`);
	}
	return { line, figures, gradedYear: figures[2].fiscal_year };
}

/** Split the source into table items, taking the page furniture out and reading what it says. */
export function readLayout(file: string, lines: readonly string[]): Layout {
	const out: Layout = { items: [], headers: [], banners: [], legends: [] };
	for (let i = 0; i < lines.length; i++) {
		const line = i + 1;
		const raw = lines[i];
		const text = tidy(raw);
		if (!text) {
			out.items.push({ kind: 'blank', line });
			continue;
		}
		if (HEADER_START.test(raw)) {
			// The header may wrap over a few lines (2021年度実績 / （見込み） / 評価 コメント・課題等 備考).
			let full = text;
			let j = i;
			while (!HEADER_END.test(full)) {
				j++;
				if (j >= lines.length) throw new SourceError(file, line, 'header', 'the column header does not end with "評価 コメント・課題等 備考"');
				const next = tidy(lines[j]);
				if (!next) continue;
				if (!HEADER_PART.test(next) && !HEADER_END.test(next)) {
					throw new SourceError(file, j + 1, 'header', `unexpected text inside the column header: "${next}"`);
				}
				full += next;
			}
			out.headers.push(readHeader(file, line, full));
			i = j;
			continue;
		}
		if (LEGEND.test(text)) {
			out.legends.push(line);
			continue;
		}
		const banner = text.match(BANNER);
		if (banner) {
			out.banners.push({ line, level: banner[1] as Banner['level'], title: banner[2] });
			continue;
		}
		const heading = text.match(HEADING);
		if (heading) {
			out.items.push({ kind: 'heading', line, code: `（${heading[1]}）`, number: Number(fold(heading[1])), title: heading[2] });
			continue;
		}
		out.items.push({ kind: 'text', line, text: raw.replace(/[\s\u3000]+$/, '') });
	}
	return out;
}
