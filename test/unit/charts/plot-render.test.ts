import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { barSpec } from '../../../src/lib/components/charts/bar-spec';
import { categoryMargin, fitLabel, labelWidth, renderPlot, renderPlotMarkup, CHART_FONT_SIZE } from '../../../src/lib/components/charts/plot-render';
import { standaloneSvg } from '../../../src/lib/download';
import { CHART_KINDS, quickChartSpec } from '../../../src/lib/sql-workbench/chart';

// The server's document, as the prerender has it (src/hooks.server.ts).
const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

const rows = [
	{ municipality: '新潟市南区', band: 'achieved', n: 3 },
	{ municipality: '新潟市南区', band: 'not_achieved', n: 1 },
	{ municipality: '北本市', band: 'achieved', n: 5 }
];

describe('Plot drawing with a server document', () => {
	it('draws the bars of a spec as Plot SVG, stacked by a category in the given order and colours', () => {
		const spec = barSpec({ title: 'T', rows, y: 'municipality', x: 'n', xLabel: '件数', yLabel: '市区町村', fill: 'band', fillDomain: ['achieved', 'not_achieved'], fillColours: ['#0072B2', '#D55E00'] });
		const svg = renderPlot(spec(640), doc());
		expect(svg.tagName.toLowerCase()).toBe('svg');
		expect(svg.getAttribute('width')).toBe('640');
		const bars = [...svg.querySelectorAll('rect')];
		expect(bars).toHaveLength(3);
		expect(bars.map((b) => b.getAttribute('fill')).sort()).toEqual(['#0072B2', '#0072B2', '#D55E00']);
		// Text is legible: the chart's font size is set on the SVG, and marks carry no aria-label of their own.
		expect(svg.getAttribute('style')).toMatch(new RegExp(`font-size:\\s*${CHART_FONT_SIZE}px`));
		expect(svg.querySelector('g[aria-label]')).toBeNull();
		expect(svg.getAttribute('aria-label')).toBe('T');
	});

	it('draws at the width it is given, with category labels cut to fit a phone-wide card', () => {
		const long = [{ name: '避難行動要支援者名簿の作成と更新と活用の推進', n: 2 }];
		const spec = barSpec({ title: 'T', rows: long, y: 'name', x: 'n', xLabel: 'n', yLabel: 'name' });
		const svg = renderPlot(spec(330), doc());
		expect(svg.getAttribute('width')).toBe('330');
		const label = [...svg.querySelectorAll('text')].map((t) => t.textContent).find((t) => t?.startsWith('避難'));
		expect(label).toMatch(/…$/);
		expect(labelWidth(label!)).toBeLessThanOrEqual(categoryMargin([long[0].name], 330).margin);
	});

	it('escapes source text: the markup is the DOM serializer’s, never the text itself', () => {
		const markup = renderPlotMarkup(barSpec({ title: 'T', rows: [{ m: '<script>x</script>', n: 1 }], y: 'm', x: 'n', xLabel: 'n', yLabel: 'm' })(640), doc());
		expect(markup).not.toContain('<script>');
		expect(markup).toContain('&lt;script&gt;');
	});

	it('cuts labels by their width, CJK glyphs being about one em', () => {
		expect(fitLabel('北本市', 200)).toBe('北本市');
		expect(fitLabel('あいうえおかきくけこ', 5 * CHART_FONT_SIZE)).toBe('あいうえ…');
		expect(labelWidth('abc')).toBeLessThan(labelWidth('あいう'));
	});
});

describe('standalone SVG file', () => {
	it('puts the title and the legend above Plot’s drawing, on a white ground', () => {
		const spec = barSpec({ title: 'T', rows, y: 'municipality', x: 'n', xLabel: 'n', yLabel: 'm' });
		const chart = renderPlot(spec(640), doc());
		const file = standaloneSvg(chart, '市区町村ごとの評価', [
			{ label: '達成', colour: '#0072B2' },
			{ label: '途中経過', colour: '#6f7f8c', hollow: true }
		]);
		expect(file.querySelector('title')?.textContent).toBe('市区町村ごとの評価');
		const texts = [...file.querySelectorAll('text')].map((t) => t.textContent);
		expect(texts).toContain('達成');
		expect(texts).toContain('途中経過');
		expect(Number(file.getAttribute('height'))).toBeGreaterThan(Number(chart.getAttribute('height')));
		// Plot's bars are all there, below the head.
		expect(file.querySelectorAll('g[transform^="translate(0,"] rect')).toHaveLength(3);
	});
});

describe('the SQL workbench chart is a spec of the same system', () => {
	const data = [
		{ muni: '15106', year: 2023, n: 3, m: 1 },
		{ muni: '11233', year: 2024, n: 5, m: 2 }
	];
	it.each(CHART_KINDS)('draws a %s chart', (kind) => {
		const s = kind === 'heatmap' ? { kind, x: 'muni', y: 'year', color: 'n' } : kind === 'bar' ? { kind, x: 'muni', y: 'n', color: null } : { kind, x: kind === 'line' ? 'year' : 'n', y: 'm', color: 'muni' };
		const svg = renderPlot(quickChartSpec(s, data, { title: 'T', count: 'count' })(500), doc());
		const marks = { bar: 'rect', dot: 'circle', line: 'path', heatmap: 'rect' }[kind];
		expect(svg.querySelectorAll(marks).length).toBeGreaterThanOrEqual(2);
	});
});
