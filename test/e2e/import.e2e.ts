import type { Page, Request } from '@playwright/test';
import { test, expect } from './fixtures';
import { EXAMPLE, EXAMPLE_FILE_STEM, OWN_SHEET, OWN_SHEET_FILE_STEM, OWN_SHEET_SPEC } from '../../src/lib/import/example';
import { csvFileName, sheetCsv, templateSheets, writeWorkbook } from '../../src/lib/import/write-template';
import { TEMPLATE } from '../../src/lib/import/template';
import { encodeShiftJis } from '../helpers/shift-jis';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every request the page makes, with its body: the file's content must never leave the machine. */
function recordRequests(page: Page): Request[] {
	const all: Request[] = [];
	page.on('request', (r) => all.push(r));
	return all;
}

async function openImport(page: Page) {
	await page.goto('/import');
	await expect(page.getByTestId('db-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
}

async function choose(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
	await page.getByTestId('file').setInputFiles(files);
}

async function accept(page: Page, fileName: string) {
	await expect(page.getByTestId('preview')).toContainText(fileName);
	await page.getByTestId('accept').click();
	await expect(page.getByTestId('imports')).toContainText(fileName);
}

/** DuckDB-wasm started (with the kept imports) and the page shows its own answer; a shared machine can be slow to start it. */
async function browserAnswered(page: Page, testId: string) {
	await expect(page.getByTestId('db-status').first()).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	await expect(page.getByTestId(testId).first()).toHaveAttribute('data-source', 'browser', { timeout: 60_000 });
}

/** The plan on the overview, one initiative on a theme page, and among a published initiative's comparables. */
async function seeEverywhere(page: Page, o: { muni: string; file: string; theme: string; initiative: string; published: string }) {
	await page.goto('/');
	await browserAnswered(page, 'municipalities');
	const row = page.locator(`tr[data-muni="${o.muni}"]`);
	await expect(row.getByTestId('imported-mark')).toContainText(o.file);
	await expect(row.getByTestId('imported-mark')).toContainText('あなたのファイル（未公開）');
	await page.goto(`/themes/${o.theme}`);
	await browserAnswered(page, 'theme-initiatives');
	await expect(page.locator(`tr[data-initiative="${o.initiative}"]`).getByTestId('imported-mark')).toContainText(o.file);
	// Comparable initiatives are now a precomputed pipeline table (comparable_initiatives): an import brings no rows of it yet.
}

test('a user imports the example workbook, the template as Shift_JIS CSV files and their own sheet through the mapping; each is everywhere, survives a reload and goes when removed; nothing leaves the machine', async ({ page, baseURL, consoleErrors }) => {
	test.setTimeout(300_000);
	const requests = recordRequests(page);
	const example = `${EXAMPLE_FILE_STEM}.xlsx`;

	// 1. The filled example workbook.
	await openImport(page);
	await choose(page, [{ name: example, mimeType: XLSX, buffer: Buffer.from(await writeWorkbook(templateSheets(EXAMPLE))) }]);
	await expect(page.getByTestId('preview-initiative')).toHaveCount(6);
	await accept(page, example);
	await seeEverywhere(page, { muni: '99001', file: example, theme: 'disaster_volunteer', initiative: '99001-006', published: '15107-030' });
	// The imported initiative's own comparables are published ones; search and the SQL workbench see it too.
	await openImport(page);
	const own = page.locator('[data-testid="own-initiative"][data-initiative="99001-006"]');
	await page.locator('li[data-import="99001-2023"] details.own > summary').click();
	await own.locator('summary').click();
	await expect(own.getByTestId('own-comparables')).toBeVisible();
	await page.goto(`/search?q=${encodeURIComponent('災害ボランティアセンター設置訓練')}`);
	await expect(page.getByTestId('search-results')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
	await expect(page.getByTestId('search-results').getByTestId('imported-mark').first()).toContainText(example);
	await page.goto(`/sql?q=${encodeURIComponent("SELECT count(*) AS n FROM initiatives WHERE muni_code = '99001'")}`);
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
	await expect(page.getByTestId('result-grid').locator('[data-row="0"] [role="gridcell"]')).toHaveText('6');

	// 2. The same template as CSV files in Shift_JIS (another made-up town, so both can coexist).
	const csvTown = structuredClone(EXAMPLE);
	Object.assign(csvTown.plan![0], { muni_code: '99003', name_ja: '見本町CSV（記入例・架空の町）' });
	const sheets = templateSheets(csvTown);
	const csvFiles = sheets.map((s, i) => ({ name: csvFileName('sjis-town', TEMPLATE[i]), mimeType: 'text/csv', buffer: Buffer.from(encodeShiftJis(sheetCsv(s).replace(/^\uFEFF/, ''))) }));
	await openImport(page);
	await choose(page, csvFiles);
	await accept(page, 'sjis-town_計画.csv');
	await seeEverywhere(page, { muni: '99003', file: 'sjis-town_計画.csv', theme: 'salon', initiative: '99003-001', published: '15107-019' });

	// 3. Their own sheet (a Shift_JIS CSV as Excel saves it), mapped column by column.
	const ownName = `${OWN_SHEET_FILE_STEM}.csv`;
	await openImport(page);
	await choose(page, [{ name: ownName, mimeType: 'text/csv', buffer: Buffer.from(encodeShiftJis(sheetCsv({ name: 'x', rows: OWN_SHEET }).replace(/^\uFEFF/, ''))) }]);
	await expect(page.getByTestId('sheet-preview')).toContainText('地域の茶の間の開設');
	await page.getByTestId('header-rows').fill('2,3');
	const meanings: [string, string, string?][] = [['A', 'goal', '基本目標'], ['B', 'goal', '施策'], ['C', 'name'], ['D', 'description'], ['E', 'department'], ['F', 'target', '2024'], ['G', 'result', '2023'], ['H', 'grade', '2023']];
	for (const [col, meaning, extra] of meanings) {
		await page.getByTestId(`meaning-${col}`).selectOption(meaning);
		if (extra && meaning === 'goal') await page.getByTestId(`level-${col}`).fill(extra);
		else if (extra) await page.getByTestId(`year-${col}`).fill(extra);
	}
	const p = OWN_SHEET_SPEC.plan;
	for (const key of ['muni_code', 'prefecture_ja', 'name_ja', 'title_ja', 'actor_ja'] as const) await page.getByTestId(`plan-${key}`).fill(p[key]);
	await page.getByTestId('plan-report_fiscal_year').fill(String(p.report_fiscal_year));
	// Before the scheme is given, the grades cannot be read: the live view says so, and nothing is offered.
	await expect(page.getByTestId('spec-problems')).toContainText('grading scheme');
	await page.getByTestId('scheme').fill(OWN_SHEET_SPEC.grading_scheme.map((l) => `${l.grade}, ${l.score}, ${l.definition_ja}, ${l.reason_ja}`).join('\n'));
	await expect(page.getByTestId('preview-initiative')).toHaveCount(4);
	await expect(page.getByTestId('preview')).toContainText('地域の茶の間の開設');
	const specDownload = page.waitForEvent('download');
	await page.getByTestId('save-spec').click();
	expect((await specDownload).suggestedFilename()).toBe(`${OWN_SHEET_FILE_STEM}.spec.json`);
	await accept(page, ownName);
	await seeEverywhere(page, { muni: '99002', file: ownName, theme: 'youth_carer', initiative: '99002-002', published: '11233-052' });

	// Reload: still there, all three.
	await page.reload();
	await page.goto('/');
	await browserAnswered(page, 'municipalities');
	for (const m of ['99001', '99002', '99003']) await expect(page.locator(`tr[data-muni="${m}"]`).getByTestId('imported-mark')).toBeVisible();

	// Remove them: gone from the overview, the published cities untouched.
	await openImport(page);
	for (const id of ['99001-2023', '99003-2023', '99002-2023']) {
		await page.getByTestId(`remove-${id}`).click();
		await expect(page.locator(`li[data-import="${id}"]`)).toHaveCount(0);
	}
	await expect(page.getByTestId('no-imports')).toBeVisible();
	await page.goto('/');
	await browserAnswered(page, 'municipalities');
	await expect(page.getByTestId('imported-mark')).toHaveCount(0);
	await expect(page.locator('tr[data-muni="15107"]')).toBeVisible();

	// No request left the machine, and none carried the file's content.
	const origin = new URL(baseURL!).origin;
	expect(requests.filter((r) => !r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())).map((r) => r.url())).toEqual([]);
	expect(requests.filter((r) => r.method() !== 'GET' || r.postDataBuffer()).map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
	const marks = ['見本町', '試作村', '地域の茶の間の開設', 'sjis-town'].map((s) => encodeURIComponent(s));
	expect(requests.filter((r) => marks.some((m) => r.url().includes(m))).map((r) => r.url())).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

test('bad files each get their message, and nothing already imported changes', async ({ page }) => {
	test.setTimeout(120_000);
	await openImport(page);
	const example = `${EXAMPLE_FILE_STEM}.xlsx`;
	await choose(page, [{ name: example, mimeType: XLSX, buffer: Buffer.from(await writeWorkbook(templateSheets(EXAMPLE))) }]);
	await accept(page, example);

	const variant = async (change: (s: ReturnType<typeof templateSheets>) => void) => {
		const s = templateSheets(EXAMPLE);
		change(s);
		return Buffer.from(await writeWorkbook(s));
	};
	const cases: [string, Buffer, RegExp][] = [
		['wrong-header.xlsx', await variant((s) => (s[3].rows[0][2] = '事業の名前')), /知らない見出しです/],
		['missing-header.xlsx', await variant((s) => s[3].rows.forEach((r) => r.splice(2, 1))), /見出し「取組名」（initiative name）の列がありません/],
		['text-in-number.xlsx', await variant((s) => (s[4].rows[1][4] = '二十')), /値：数値を入れてください/],
		['unknown-grade.xlsx', await variant((s) => (s[5].rows[1][2] = 'S')), /評価基準シートにない評価です/],
		['level-outside.xlsx', await variant((s) => (s[1].rows[1][4] = 1.5)), /0〜1の数値/],
		['empty-sheet.xlsx', await variant((s) => (s[3].rows = [])), /シートが空です/],
		['merged-header.xlsx', await variant((s) => (s[3].rows[0][3] = null)), /結合を解除/],
		['renamed.xlsx', Buffer.from('%PDF-1.7\n1 0 obj\n'), /PDFファイルです/],
		['big.csv', Buffer.alloc(20 * 1024 * 1024, 0x41), /ファイルが大きすぎます/]
	];
	for (const [name, buffer, message] of cases) {
		await choose(page, [{ name, mimeType: name.endsWith('.csv') ? 'text/csv' : XLSX, buffer }]);
		await expect(page.getByTestId('problems'), name).toContainText(message);
		await expect(page.getByTestId('preview')).toHaveCount(0);
	}
	// The example is still the one import, on the overview as before.
	await expect(page.locator('[data-testid="imports"] > li')).toHaveCount(1);
	await page.goto('/');
	await browserAnswered(page, 'municipalities');
	await expect(page.locator('tr[data-muni="99001"]').getByTestId('imported-mark')).toContainText(example);
});
