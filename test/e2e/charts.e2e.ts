import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { test, expect, expectNoBarriers, readTables, waitForBrowserData, type Rec } from './fixtures';

/**
 * The pair charts and the one download path, as a planner on a phone uses them: each chart fills its
 * card at 390 px with legible text, shows every pair (interim ones as interim, with both years on
 * hover and in the table), and downloads as SVG (Plot's marks, parsed), PNG (the signature) and CSV
 * (UTF-8 with BOM, the table's rows). One visit per page and language.
 */

const PHONE = { width: 390, height: 844 };

async function fileText(d: Download): Promise<string> {
	return readFileSync((await d.path())!, 'utf8');
}

async function download(page: Page, button: Locator): Promise<Download> {
	const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
	return d;
}

/** Split a CSV of the site's writer (CRLF lines, quoted fields) into rows of fields. */
function csvRows(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let k = 0; k < text.length; k++) {
		const ch = text[k];
		if (quoted) {
			if (ch === '"' && text[k + 1] === '"') (field += '"'), k++;
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') row.push(field), (field = '');
		else if (ch === '\r' && text[k + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), k++;
		else field += ch;
	}
	return rows;
}

/** Legible and inside the card: no page overflow, the chart no wider than its card, text ≥ 12 px as drawn. */
async function expectFitsPhone(page: Page, chart: Locator) {
	await expect(chart).toHaveAttribute('data-rendered', 'browser');
	const m = await chart.evaluate((fig) => {
		const svg = fig.querySelector('.plot-host svg') as SVGSVGElement;
		const drawn = svg.getBoundingClientRect().width;
		const scale = drawn / svg.viewBox.baseVal.width;
		const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
		return { overflow: document.documentElement.scrollWidth - window.innerWidth, drawn, card: (fig as HTMLElement).clientWidth, smallest: Math.min(...sizes), texts: sizes.length };
	});
	expect(m.overflow).toBeLessThanOrEqual(0);
	expect(m.drawn).toBeLessThanOrEqual(m.card);
	expect(m.drawn).toBeGreaterThan(m.card * 0.8);
	expect(m.texts).toBeGreaterThan(0);
	expect(m.smallest).toBeGreaterThanOrEqual(12);
}

/** SVG, PNG and CSV of a chart; the SVG holds `marks` Plot marks and the CSV the table's rows. */
async function expectDownloads(page: Page, testid: string, title: string, marks: number) {
	const svgText = await fileText(await download(page, page.getByTestId(`${testid}-svg`)));
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return { error: doc.querySelector('parsererror') !== null, title: doc.querySelector('svg > title')?.textContent, circles: doc.querySelectorAll('circle').length };
	}, svgText);
	expect(parsed.error).toBe(false);
	expect(parsed.title).toBe(title);
	expect(parsed.circles).toBe(marks);
	const png = readFileSync((await (await download(page, page.getByTestId(`${testid}-png`))).path())!);
	expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	const csvText = await fileText(await download(page, page.getByTestId(`${testid}-csv`)));
	expect(csvText.charCodeAt(0)).toBe(0xfeff);
	const [header, ...body] = csvRows(csvText.slice(1));
	const table = page.getByTestId(`${testid}-table`);
	await expect(table.locator('thead th')).toHaveText(header);
	const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
	expect(body.length).toBe(cells.length);
	// Text columns read the same; numbers are formatted for reading in the table and raw in the CSV.
	for (let r = 0; r < body.length; r++) for (const c of [0, 1, 3]) expect(body[r][c] || '—').toBe(cells[r][c]);
}

const interim = (a: Rec) => a.basis === 'interim';
const placeable = (a: Rec) => a.ratio !== null || a.result_status === 'not_carried_out';

for (const prefix of ['', '/en']) {
	const en = prefix === '/en';
	test(`${en ? 'English: ' : ''}per theme, target against result for every pair, legible at 390 px, downloads`, async ({ page, offsite, consoleErrors }) => {
		test.setTimeout(120_000);
		const { achievements, initiative_themes: links, themes } = await readTables('achievements', 'initiative_themes', 'themes');
		const ids = new Set(links.filter((l) => l.theme_id === 'salon').map((l) => l.initiative_id));
		const pairs = achievements.filter((a) => ids.has(a.initiative_id));
		expect(pairs.some(interim)).toBe(true);
		await page.setViewportSize(PHONE);
		await page.goto(`${prefix}/themes/salon`);
		await waitForBrowserData(page, 'theme-initiatives');
		const chart = page.getByTestId('chart-theme-salon-pairs');
		await expectFitsPhone(page, chart);
		// One dot per placeable pair, each with its years on hover.
		const dots = chart.locator('.plot-host svg circle');
		await expect(dots).toHaveCount(pairs.filter(placeable).length);
		const a = pairs.find(interim)!;
		const hover = chart.locator('.plot-host svg circle title', { hasText: en ? `FY${a.result_fiscal_year}` : `${a.result_fiscal_year}年度` });
		expect(await hover.count()).toBeGreaterThan(0);
		await expect(chart.getByRole('listitem').filter({ hasText: en ? 'Interim' : '途中経過' })).toHaveCount(1);
		// The table has every pair, the interim ones as interim (never as a band).
		await chart.locator('summary').click();
		const rows = page.getByTestId('chart-theme-salon-pairs-table').locator('tbody tr');
		await expect(rows).toHaveCount(pairs.length);
		await expect(rows.filter({ hasText: en ? 'Interim (before the target year' : '途中経過（目標年度前' })).toHaveCount(pairs.filter(interim).length);
		const theme = themes.find((t) => t.theme_id === 'salon')!;
		const title = en ? `${theme.label_en}: target against result for each initiative (the target is 100%)` : `${theme.label_ja}：取組ごとの目標と実績（目標を100%として）`;
		await expectDownloads(page, 'chart-theme-salon-pairs', title, pairs.filter(placeable).length);
		// The bar charts of the page are the same system: legible on the phone too.
		await expectFitsPhone(page, page.getByTestId('chart-theme-salon-count'));
		// axe on the theme page with its pair chart's table open (the page's fullest markup).
		await expectNoBarriers(page);
		expect(offsite).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	test(`${en ? 'English: ' : ''}per municipality, own grades in the common bands next to the achievement; on /grading, score against achievement`, async ({ page, offsite, consoleErrors }) => {
		// Two pages, six downloads and two axe scans: room for a loaded machine.
		test.setTimeout(120_000);
		const { achievements, evaluations, municipalities } = await readTables('achievements', 'evaluations', 'municipalities');
		const graded = new Map<unknown, Rec[]>();
		for (const e of evaluations) graded.set(e.initiative_id, [...(graded.get(e.initiative_id) ?? []), e]);
		const muni = '15106';
		const mine = achievements.filter((a) => a.muni_code === muni && a.initiative_id !== null);
		const withBand = mine.filter((a) => placeable(a) && (graded.get(a.initiative_id) ?? []).some((e) => e.band !== null));
		expect(withBand.length).toBeGreaterThan(0);
		await page.setViewportSize(PHONE);
		await page.goto(`${prefix}/municipalities/${muni}`);
		await waitForBrowserData(page, 'plan-tree');
		const chart = page.getByTestId(`chart-grade-achievement-${muni}`);
		await expectFitsPhone(page, chart);
		await expect(chart.locator('.plot-host svg circle')).toHaveCount(withBand.length);
		const m = municipalities.find((x) => x.muni_code === muni)!;
		const name = String(en ? m.name_en : m.name_ja);
		await chart.locator('summary').click();
		await expect(page.getByTestId(`chart-grade-achievement-${muni}-table`).locator('tbody tr')).toHaveCount(mine.length);
		await expectDownloads(page, `chart-grade-achievement-${muni}`, en ? `${name}: own grades in the common bands next to the numeric achievement` : `${name}：自己評価（共通区分）と数値の達成率`, withBand.length);
		await expectNoBarriers(page);

		const both = achievements.filter((a) => a.initiative_id !== null && placeable(a) && (graded.get(a.initiative_id) ?? []).some((e) => e.score !== null));
		await page.goto(`${prefix}/grading`);
		await waitForBrowserData(page, 'generosity');
		const gen = page.getByTestId('chart-score-achievement');
		await expectFitsPhone(page, gen);
		await expect(gen.locator('.plot-host svg circle')).toHaveCount(both.length);
		// Interim pairs are drawn hollow, never filled as if achieved.
		const hollow = await gen.locator('.plot-host svg circle').evaluateAll((cs) => cs.filter((c) => c.getAttribute('fill') === 'white').length);
		expect(hollow).toBe(both.filter(interim).length);
		await gen.locator('summary').click();
		await expectDownloads(page, 'chart-score-achievement', en ? "The self-grade's common score against the numeric achievement of the same initiative" : '自己評価の共通スコアと、同じ取組の数値の達成率', both.length);
		await expectNoBarriers(page);
		expect(offsite).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});
}
