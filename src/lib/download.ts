/**
 * The one download path of the site: every chart (SVG, PNG), every table (CSV, through the one CSV
 * writer in csv.ts) and every SQL result leave the page through here, as a blob: URL made in the page
 * itself. Nothing is sent anywhere, and nothing needs a policy exception beyond blob: images.
 */
import { toCsvDocument, type CsvValue } from './csv';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Offer bytes or text as a file download. */
export function download(name: string, data: BlobPart, type: string): void {
	const url = URL.createObjectURL(new Blob([data], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	// The browser has read the blob by the time the click's download starts; free it a little later.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A table as a CSV file (UTF-8 with BOM, formulas neutralised: see csv.ts). */
export function downloadCsv(name: string, header: readonly string[], rows: Iterable<readonly CsvValue[]>): void {
	download(name, toCsvDocument(header, rows), 'text/csv;charset=utf-8');
}

export interface LegendEntry {
	label: string;
	colour: string;
	/** drawn as an outline: interim progress, which is no verdict */
	hollow?: boolean;
}

const TITLE_SIZE = 15;
const LEGEND_SIZE = 13;

/**
 * A chart as a file that stands on its own: its title and legend drawn above Plot's SVG on a white
 * ground (a slide or a printed handout has no page around it), the title also as the SVG's <title>.
 * Built with the chart's own document, so it works the same in the browser and in tests.
 */
export function standaloneSvg(chart: SVGSVGElement, title: string, legend: readonly LegendEntry[] = []): SVGSVGElement {
	const doc = chart.ownerDocument;
	const width = Number(chart.getAttribute('width')) || 640;
	const chartHeight = Number(chart.getAttribute('height')) || 400;
	const el = (name: string, attrs: Record<string, string | number>): SVGElement => {
		const e = doc.createElementNS(SVG_NS, name) as SVGElement;
		for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
		return e;
	};
	const text = (content: string, attrs: Record<string, string | number>) => {
		const t = el('text', attrs);
		t.textContent = content;
		return t;
	};
	const parts: SVGElement[] = [];
	parts.push(text(title, { x: 0, y: TITLE_SIZE, 'font-size': TITLE_SIZE, 'font-weight': 'bold' }));
	// Legend entries flow left to right and wrap at the chart's width.
	let x = 0;
	let y = TITLE_SIZE + 10;
	for (const entry of legend) {
		const w = 18 + Math.ceil([...entry.label].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.62), 0) * LEGEND_SIZE) + 16;
		if (x > 0 && x + w > width) {
			x = 0;
			y += LEGEND_SIZE + 8;
		}
		parts.push(
			el('rect', {
				x: x + 0.75,
				y: y + 0.75,
				width: 11.5,
				height: 11.5,
				fill: entry.hollow ? 'white' : entry.colour,
				stroke: entry.colour,
				'stroke-width': 1.5
			})
		);
		parts.push(text(entry.label, { x: x + 18, y: y + 11, 'font-size': LEGEND_SIZE }));
		x += w;
	}
	const top = y + (legend.length ? LEGEND_SIZE + 12 : 4);
	const height = top + chartHeight;
	const root = el('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'system-ui, sans-serif' }) as SVGSVGElement;
	const titleEl = el('title', {});
	titleEl.textContent = title;
	root.append(titleEl, el('rect', { width, height, fill: 'white' }));
	const head = el('g', { fill: 'black' });
	head.append(...parts);
	root.append(head);
	// Plot's drawing moves into a group below the title: its presentation attributes (font, fill,
	// anchor, class for Plot's own stylesheet) go along; its size and the page's styling stay behind.
	const body = el('g', { transform: `translate(0,${top})` });
	for (const attr of Array.from(chart.attributes)) {
		if (!['width', 'height', 'viewBox', 'style', 'role', 'aria-label', 'xmlns'].includes(attr.name)) body.setAttribute(attr.name, attr.value);
	}
	body.setAttribute('font-size', String(LEGEND_SIZE));
	body.setAttribute('color', 'black');
	for (const child of Array.from(chart.childNodes)) body.append(child.cloneNode(true));
	root.append(body);
	return root;
}

/** Markup of a standalone SVG file. */
export function svgFileText(svg: SVGSVGElement): string {
	const text = svg.outerHTML;
	return text.startsWith('<?xml') ? text : `<?xml version="1.0" encoding="UTF-8"?>\n${text}`;
}

/**
 * A PNG of an SVG file, drawn by the browser itself: the SVG becomes an image from a blob: URL (the
 * policy allows blob: images, nothing else is fetched) and a canvas paints it at twice its size for
 * print. The canvas stays clean: a blob: of the page's own origin does not taint it.
 */
export async function pngOfSvg(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.ceil(width * scale);
		canvas.height = Math.ceil(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('no 2d canvas');
		ctx.fillStyle = 'white';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) throw new Error('the canvas gave no PNG');
		return blob;
	} finally {
		URL.revokeObjectURL(url);
	}
}
