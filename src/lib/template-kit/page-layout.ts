import { z } from 'zod';
import { SourceError } from './source-error';
import { fold, tidy } from '../normalize/text';
import { Pattern } from './table-spec';
import type { Block } from './wrapped-cells';

/**
 * The page furniture of a PDF's text and the lines that carry the table's own structure. General:
 * a report whose every page repeats the column header, a legend and banners (南区: the 〔評価の指標〕
 * legend, the 基本目標 / 分野別計画 banners) gets them wherever the page's content stream had them,
 * often in the middle of a table. They are read once for what they say and then taken out of the
 * stream, so that the rows around them join up again; what is left is text, blanks (a blank ends a
 * text block) and numbered headings.
 */

export const PageLayoutSpec = z.object({
	header: z.object({
		/** the first line of the column header */
		start: Pattern,
		/** what its last line ends with, as printed (the header may wrap over a few lines) */
		end: z.string().min(1),
		/** the lines a wrapped header breaks into (2021年度実績 / （見込み）) */
		part: Pattern
	}),
	legend: Pattern,
	/** groups: the banner's level name, then its title */
	banner: Pattern,
	/** groups: the heading's number (any width), then its title */
	heading: Pattern,
	/** the heading's code as the record keeps it, {n} for the number as printed: （{n}） */
	heading_code: z.string().includes('{n}')
});
export type PageLayoutSpec = z.infer<typeof PageLayoutSpec>;

export interface Banner {
	line: number;
	level: string;
	title: string;
}

/** A line of the table itself: text, a blank (which ends a text block), or a numbered heading. */
export type Item =
	| { kind: 'text'; line: number; text: string }
	| { kind: 'blank'; line: number }
	| { kind: 'heading'; line: number; code: string; number: number; title: string };

export interface Layout<H> {
	items: Item[];
	headers: H[];
	banners: Banner[];
	/** lines of the legend, for the record */
	legends: number[];
}

/** Split the source into table items, taking the page furniture out and reading what it says. */
export function readLayout<H>(file: string, lines: readonly string[], spec: PageLayoutSpec, readHeader: (file: string, line: number, text: string) => H): Layout<H> {
	const re = (s: string) => new RegExp(s, 'u');
	const [start, part, legend, banner, heading] = [spec.header.start, spec.header.part, spec.legend, spec.banner, spec.heading].map(re);
	const ends = (text: string) => text.includes(spec.header.end);
	const out: Layout<H> = { items: [], headers: [], banners: [], legends: [] };
	for (let i = 0; i < lines.length; i++) {
		const line = i + 1;
		const raw = lines[i];
		const text = tidy(raw);
		if (!text) {
			out.items.push({ kind: 'blank', line });
			continue;
		}
		if (start.test(raw)) {
			let full = text;
			let j = i;
			while (!ends(full)) {
				j++;
				if (j >= lines.length) throw new SourceError(file, line, 'header', `the column header does not end with "${spec.header.end}"`);
				const next = tidy(lines[j]);
				if (!next) continue;
				if (!part.test(next) && !ends(next)) throw new SourceError(file, j + 1, 'header', `unexpected text inside the column header: "${next}"`);
				full += next;
			}
			out.headers.push(readHeader(file, line, full));
			i = j;
			continue;
		}
		if (legend.test(text)) {
			out.legends.push(line);
			continue;
		}
		const b = text.match(banner);
		if (b) {
			out.banners.push({ line, level: b[1], title: b[2] });
			continue;
		}
		const h = text.match(heading);
		if (h) {
			out.items.push({ kind: 'heading', line, code: spec.heading_code.replace('{n}', h[1]), number: Number(fold(h[1])), title: h[2] });
			continue;
		}
		out.items.push({ kind: 'text', line, text: raw.replace(/[\s\u3000]+$/, '') });
	}
	return out;
}

/** Text blocks of a stretch of items: runs of text lines between blank lines (a cell, often). */
export function textBlocks(items: readonly Item[]): Block[] {
	const out: Block[] = [];
	let cur: Block | null = null;
	for (const it of items) {
		if (it.kind === 'text') {
			if (!cur) out.push((cur = []));
			cur.push({ line: it.line, text: it.text });
		} else cur = null;
	}
	return out;
}

/**
 * The banner of one level over a stretch of pages (a section): every page repeats it, so all its
 * printings must agree; none, or two titles, stops the run.
 */
export function bannerOf(file: string, banners: readonly Banner[], level: string, from: number, to: number): Banner {
	const found = banners.filter((b) => b.level === level && b.line >= from && b.line < to);
	if (!found.length) throw new SourceError(file, from, level, `no ${level} banner on the pages of this section`);
	const other = found.find((b) => b.title !== found[0].title);
	if (other) throw new SourceError(file, other.line, level, `two ${level} banners in one section: "${found[0].title}" and "${other.title}"`);
	return found[0];
}
