import * as Plot from '@observablehq/plot';
import { quietMarks } from './plot-aria';

/**
 * One way to draw a chart: Observable Plot, given a spec (Plot's own options) and a document. In the
 * browser the document is the page's; at prerender the server provides one (src/hooks.server.ts gives
 * linkedom's), so the prerendered SVG is Plot's own drawing of the same spec, not a copy of it.
 */
export type PlotOptions = Plot.PlotOptions;

/** A chart spec: Plot's options for a drawing of the given width (the card's, measured in the browser). */
export type ChartSpec = (width: number) => PlotOptions;

/** Width of the prerendered drawing; the browser redraws at the card's width once it knows it. */
export const PRERENDER_WIDTH = 640;

/** Text of every chart, in px: legible at 390 px wide, where the card is about 330 px. */
export const CHART_FONT_SIZE = 13;

let serverDocument: (() => Document) | null = null;

/** Called once by the server hooks: where prerendering finds a document for Plot. */
export function provideServerDocument(make: () => Document): void {
	serverDocument = make;
}

function chartDocument(): Document {
	if (typeof document !== 'undefined') return document;
	if (serverDocument) return serverDocument();
	throw new Error('no document to draw the chart with: the server hooks provide one at prerender');
}

/**
 * Plot's drawing of a spec as an SVG element. Legends are not Plot's (they would wrap the SVG in an
 * HTML figure): the chart component lists them and the downloads draw them into the file.
 */
export function renderPlot(options: PlotOptions, doc: Document = chartDocument()): SVGSVGElement {
	const chart = Plot.plot({
		...options,
		color: options.color ? { ...options.color, legend: false } : undefined,
		style: { fontSize: `${CHART_FONT_SIZE}px`, ...(typeof options.style === 'object' ? options.style : {}) },
		document: doc
	});
	quietMarks(chart);
	return chart as SVGSVGElement;
}

/** The same drawing as markup, for the page (prerendered and redrawn alike). */
export function renderPlotMarkup(options: PlotOptions, doc?: Document): string {
	return renderPlot(options, doc).outerHTML;
}

/** Approximate width in px of a label: CJK glyphs are about one em wide, Latin ones about 0.6 em. */
export function labelWidth(text: string, fontSize = CHART_FONT_SIZE): number {
	let w = 0;
	for (const ch of text) w += glyphEm(ch);
	return Math.ceil(w * fontSize);
}

function glyphEm(ch: string): number {
	return /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.62;
}

/** A label cut with an ellipsis to fit px (the chart's table and hover text have it whole). */
export function fitLabel(text: string, px: number, fontSize = CHART_FONT_SIZE): string {
	if (labelWidth(text, fontSize) <= px) return text;
	let w = 1; // the ellipsis
	let out = '';
	for (const ch of text) {
		w += glyphEm(ch);
		if (w * fontSize > px) break;
		out += ch;
	}
	return `${out}…`;
}

/**
 * The left margin for category labels: as wide as the longest label needs, but never more than
 * about 40% of the drawing, so that the marks keep room on a phone. `fit` cuts a label to it.
 */
export function categoryMargin(labels: readonly string[], width: number): { margin: number; fit: (label: unknown) => string } {
	const cap = Math.max(80, Math.round(width * 0.4));
	const margin = Math.min(cap, Math.max(40, ...labels.map((l) => labelWidth(l))) + 14);
	return { margin, fit: (label: unknown) => fitLabel(String(label ?? ''), margin - 14) };
}
