import { readFileSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import type { Locator, Page } from '@playwright/test';
import { test, expect, waitForBrowserData } from './fixtures';
import { OWN_SHEET, OWN_SHEET_FILE_STEM } from '../../src/lib/import/example';
import { sheetCsv } from '../../src/lib/import/write-template';

/**
 * Every plain table on every page downloads as CSV, as a planner takes it to a spreadsheet: each kind
 * of page is visited once (both languages where the header differs); every table on it must sit in
 * the shared scroll box with its CSV button, and one table per page is downloaded and read: the BOM,
 * the header the user sees (plus the provenance columns), one line per visible row (per measure on a
 * theme page), a cell as the page shows it.
 */

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Tables of the page that have no CSV download of their own (chart tables have the chart's; a table nested in a cell is part of its row). */
async function tablesWithoutDownload(page: Page): Promise<{ all: number; missing: string[] }> {
	return page.evaluate(() => {
		const tables = [...document.querySelectorAll('main table')].filter((t) => !t.closest('figure') && !t.parentElement?.closest('table'));
		const missing = tables
			.filter((t) => {
				const box = t.closest('[role="region"].scroll');
				const button = box?.nextElementSibling?.querySelector('button[data-testid$="-csv"]');
				return !box || !box.getAttribute('aria-label') || box.getAttribute('tabindex') !== '0' || !button;
			})
			.map((t) => t.getAttribute('data-testid') ?? t.outerHTML.slice(0, 120));
		return { all: tables.length, missing };
	});
}

async function expectEveryTableDownloads(page: Page, atLeast: number) {
	const { all, missing } = await tablesWithoutDownload(page);
	expect(missing).toEqual([]);
	expect(all).toBeGreaterThanOrEqual(atLeast);
}

/** Click the table's CSV button and read the file: BOM first, then rows of fields. */
async function downloadCsv(page: Page, testid: string): Promise<string[][]> {
	const button = page.getByTestId(`${testid}-csv`).first();
	await expect(button).toBeEnabled();
	const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
	const text = readFileSync((await d.path())!, 'utf8');
	expect(text.charCodeAt(0), 'UTF-8 byte-order mark').toBe(0xfeff);
	expect(text.endsWith('\r\n')).toBe(true);
	return csvParseRows(text.slice(1).replace(/\r\n$/, ''));
}

const visibleHeader = async (table: Locator) => (await table.locator(':scope > thead > tr').last().locator(':scope > th').allInnerTexts()).map(norm);
const bodyRows = (table: Locator) => table.locator(':scope > tbody > tr');

/** Header = the visible header then `extra`; one line per visible row; the cell at (row, column) as shown. */
async function expectCsvIsTable(page: Page, testid: string, table: Locator, extra: string[], at: { row: number; col: number | string }) {
	const [header, ...body] = await downloadCsv(page, testid);
	const visible = await visibleHeader(table);
	expect(header).toEqual([...visible, ...extra]);
	const cell = { row: at.row, col: typeof at.col === 'number' ? at.col : visible.indexOf(at.col) };
	expect(cell.col).toBeGreaterThanOrEqual(0);
	expect(body.length).toBe(await bodyRows(table).count());
	const shown = norm(await bodyRows(table).nth(cell.row).locator(':scope > th, :scope > td').nth(cell.col).innerText());
	expect(shown.length).toBeGreaterThan(0);
	expect(body[cell.row][cell.col]).toBe(shown);
	return { header, body };
}

test('overview, both languages: every table downloads; the municipalities CSV is the table in the page language', async ({ page }) => {
	for (const [path, col] of [
		['/', '市区町村'],
		['/en/', 'Municipality']
	] as const) {
		await page.goto(path);
		await waitForBrowserData(page, 'municipalities');
		await expectEveryTableDownloads(page, 2);
		const table = page.getByTestId('municipalities');
		const { header } = await expectCsvIsTable(page, 'municipalities', table, [], { row: 1, col: 0 });
		expect(header[0]).toBe(col);
		// The matrix writes the view it shows (here the initiatives per theme and municipality).
		const matrix = page.getByTestId('matrix');
		const [mh, ...mb] = await downloadCsv(page, 'matrix');
		expect(mh).toEqual(await visibleHeader(matrix));
		expect(mb.length).toBe(await bodyRows(matrix).count());
	}
});

test('prefectures, a prefecture and municipality pages with and without a report', async ({ page }) => {
	await page.goto('/prefectures');
	await expectEveryTableDownloads(page, 1);
	await expectCsvIsTable(page, 'prefectures', page.getByTestId('prefectures'), [], { row: 14, col: 0 });

	await page.goto('/en/prefectures/15');
	await expectEveryTableDownloads(page, 1);
	const { body } = await expectCsvIsTable(page, 'prefecture-municipalities', page.getByTestId('prefecture-municipalities'), [], { row: 0, col: 0 });
	expect(body.some((r) => r[0].includes('15106'))).toBe(true);

	// A municipality with a report: its pairs and its quality warnings, with the ids and the source file as columns.
	await page.goto('/municipalities/15106');
	await waitForBrowserData(page, 'plan');
	await expectEveryTableDownloads(page, 2);
	const pairs = page.getByTestId('achievements');
	const csv = await expectCsvIsTable(page, 'achievements', pairs, ['initiative_id', 'achievement_id'], { row: 0, col: 1 });
	expect(csv.body[0].at(-1)).toBe(await bodyRows(pairs).first().getAttribute('data-achievement'));
	// The warnings are folded under their source's figures: the user opens them first.
	await page.getByTestId('quality').first().locator('details > summary').click();
	const [wh, ...wb] = await downloadCsv(page, 'warnings');
	expect(wh.at(-1)).toBe('ソースファイル');
	expect(wb.length).toBeGreaterThan(0);
	expect(new Set(wb.map((r) => r.at(-1)))).toEqual(new Set(['001_c33035deea92b73f.txt']));

	// A municipality without a report shows no table at all, so nothing is left without a download.
	await page.goto('/municipalities/15101');
	await expect(page.getByTestId('no-report')).toBeVisible();
	expect(await tablesWithoutDownload(page)).toEqual({ all: 0, missing: [] });
});

test('theme page, both languages: the nested table flattens to one line per measure and says so, with source text, file and line', async ({ page }) => {
	for (const lang of ['ja', 'en'] as const) {
		await page.goto(lang === 'ja' ? '/themes/salon' : '/en/themes/salon');
		await waitForBrowserData(page, 'theme-initiatives');
		await expectEveryTableDownloads(page, 1);
		await expect(page.getByTestId('theme-initiatives-csv-note')).toContainText(lang === 'ja' ? '1件につき1行' : 'one row per measure');
		const table = page.getByTestId('theme-initiatives');
		const [header, ...body] = await downloadCsv(page, 'theme-initiatives');
		const visible = await visibleHeader(table);
		const extra = lang === 'ja' ? ['initiative_id', 'measure_id', '原文', 'ソースファイル', '行'] : ['initiative_id', 'measure_id', 'Source text', 'Source file', 'Line'];
		expect(header).toEqual([...visible, ...extra]);
		// One line per measure, and one for an initiative without measures.
		const expected = await bodyRows(table).evaluateAll((trs) => trs.reduce((n, tr) => n + Math.max(1, tr.querySelectorAll('[data-csv-item]').length), 0));
		expect(body.length).toBe(expected);
		// The first measure of the first row: its text in the measures column, its source text and line beside it.
		const first = bodyRows(table).first();
		const li = first.locator('li[data-measure]').first();
		const measureId = await li.getAttribute('data-measure');
		const line = body.find((r) => r[header.indexOf('measure_id')] === measureId);
		expect(line).toBeDefined();
		expect(line![3]).toBe(norm(await li.innerText()));
		expect(line![0]).toBe(norm(await first.locator('td').first().innerText()));
		const group = first.getByTestId('measure-text').first();
		expect(norm(await group.innerText())).toContain(line![header.length - 3]);
		expect(norm(await group.innerText())).toContain(line![header.length - 1]);
		expect(line![header.length - 2]).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
	}
});

test('initiative page: measures, evaluations, pairs and comparables download; the measures CSV carries the source file', async ({ page }) => {
	await page.goto('/initiatives/15106-001');
	await waitForBrowserData(page, 'initiative-name');
	await expectEveryTableDownloads(page, 3);
	const measures = page.getByTestId('measures').first();
	const testid = (await page.locator('[data-testid^="measures-"][data-testid$="-csv"]').first().getAttribute('data-testid'))!.replace(/-csv$/, '');
	const { body } = await expectCsvIsTable(page, testid, measures, ['ソースファイル'], { row: 0, col: '原文' });
	expect(body[0].at(-1)).toBe(await page.getByTestId('source-file').innerText());
	const comparables = page.getByTestId('comparables');
	await expectCsvIsTable(page, 'comparables', comparables, ['initiative_id'], { row: 1, col: 0 });
});

test('grading, /data in both languages and the import preview', async ({ page }) => {
	await page.goto('/grading');
	await waitForBrowserData(page, 'generosity');
	await expectEveryTableDownloads(page, 2);
	await expectCsvIsTable(page, 'generosity', page.getByTestId('generosity'), [], { row: 0, col: 0 });
	const scheme = page.locator('table[data-testid^="scheme-"]').first();
	const schemeId = (await scheme.getAttribute('data-testid'))!;
	const { body } = await expectCsvIsTable(page, schemeId, scheme, ['行'], { row: 0, col: 1 });
	expect(body[0].at(-1)).toMatch(/^\d+$/);

	for (const [path, sha] of [
		['/data', 'SHA-256'],
		['/en/data', 'SHA-256']
	] as const) {
		await page.goto(path);
		await expectEveryTableDownloads(page, 3);
		const sources = page.getByTestId('sources');
		const { body: rows } = await expectCsvIsTable(page, 'sources', sources, [sha], { row: 0, col: 1 });
		expect(rows[0][0]).toContain(await bodyRows(sources).first().getAttribute('data-source-file'));
		expect(rows[0].at(-1)).toMatch(/^[0-9a-f]{64}$/);
		// The tables' table: the column lists folded in each row are not part of its CSV.
		const tables = page.getByTestId('tables');
		const [, ...tb] = await downloadCsv(page, 'tables');
		expect(tb.length).toBe(await bodyRows(tables).count());
		expect(tb[0][1]).toBe(norm(await bodyRows(tables).first().locator('td').nth(1).evaluate((td) => [...td.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(''))));
	}

	// The import page: the sheet a user brings is previewed as a table, downloadable like any other.
	await page.goto('/import');
	await expect(page.getByTestId('db-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	await page.getByTestId('file').setInputFiles([{ name: `${OWN_SHEET_FILE_STEM}.csv`, mimeType: 'text/csv', buffer: Buffer.from(sheetCsv({ name: 'x', rows: OWN_SHEET })) }]);
	const preview = page.getByTestId('sheet-preview');
	await expect(preview).toContainText('地域の茶の間の開設');
	await expectEveryTableDownloads(page, 1);
	const [ph, ...pb] = await downloadCsv(page, 'sheet-preview');
	expect(ph.slice(0, 3)).toEqual(['', 'A', 'B']);
	expect(pb.length).toBe(await bodyRows(preview).count());
	expect(pb.some((r) => r.includes('地域の茶の間の開設'))).toBe(true);
});

test('search results, English: the hits download as CSV, one line per hit with its id', async ({ page }) => {
	await page.goto('/en/search?q=%E3%82%B5%E3%83%AD%E3%83%B3');
	await expect(page.getByTestId('hit-count')).toBeVisible({ timeout: 60_000 });
	expect((await tablesWithoutDownload(page)).missing).toEqual([]);
	const hits = page.locator('ol.hits > li');
	const [header, ...body] = await downloadCsv(page, 'hits');
	expect(header.slice(0, 3)).toEqual(['Initiative', 'Municipality', 'initiative_id']);
	expect(body.length).toBe(await hits.count());
	expect(body[0][0]).toBe(norm(await hits.first().locator('.hit-name').innerText()));
	expect(body[0][2]).toBe(await hits.first().getAttribute('data-initiative'));
});
