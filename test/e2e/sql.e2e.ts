import { readFileSync, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parquetReadObjects } from 'hyparquet';
import { test, expect, expectNoBarriers, readTable } from './fixtures';

/** Replace the editor's text as a user would: focus, select all, type. */
async function typeQuery(page: Page, sql: string) {
	const editor = page.getByTestId('sql-editor');
	await editor.click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText(sql);
}

async function runQuery(page: Page, sql: string) {
	await typeQuery(page, sql);
	await page.getByTestId('run').click();
	await expect(page.getByTestId('run-status')).not.toHaveAttribute('data-state', /running|idle/);
}

async function ready(page: Page, url = '/sql') {
	await page.goto(url);
	await expect(page.getByTestId('db-status')).toHaveAttribute('data-state', 'ready');
}

/** A small RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(field), (field = '');
		else if (c === '\r') continue;
		else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
		else field += c;
	}
	if (field || row.length) row.push(field), rows.push(row);
	return rows;
}

test('a query in the URL opens and runs, and counts the same initiatives the Parquet holds', async ({ page, offsite, consoleErrors }) => {
	const initiatives = await readTable('initiatives');
	await ready(page, `/sql?q=${encodeURIComponent('SELECT count(*) AS n FROM initiatives')}`);
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done');
	const grid = page.getByTestId('result-grid');
	await expect(grid.getByRole('columnheader', { name: /^n/ })).toContainText('BIGINT');
	await expect(grid.locator('[data-row="0"] [role="gridcell"]')).toHaveText(String(initiatives.length));
	// The schema panel lists every table with its row count and the meaning of each column.
	await expect(page.locator('[data-table="initiatives"] [data-testid="row-count"]')).toContainText(initiatives.length.toLocaleString('ja-JP'));
	await page.locator('[data-table="initiatives"] summary').click();
	await expect(page.locator('[data-table="initiatives"]')).toContainText('取組名（原文）');
	// The page tables the pages read are listed apart, with their rows (the headline is one row).
	const headline = page.getByTestId('page-tables').locator('[data-table="headline"]');
	await expect(headline.getByTestId('row-count')).toHaveText('1 行');
	await headline.locator('summary').click();
	await expect(headline).toContainText('データセットの主な数字');
	expect(offsite).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

test('an example query for planners runs from the list and lists every disaster-volunteer initiative', async ({ page, consoleErrors }) => {
	const themes = (await readTable('initiative_themes')).filter((t) => t.theme_id === 'disaster_volunteer');
	const measures = await readTable('measures');
	// The example left-joins the measures: one row per measure, or one row for an initiative without any.
	const expected = themes.reduce((n, t) => n + Math.max(1, measures.filter((m) => m.initiative_id === t.initiative_id).length), 0);
	await ready(page);
	await page.locator('[data-example="disaster-volunteer-measures"] [data-testid="open-example"]').click();
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done');
	await expect(page.getByTestId('result-summary')).toHaveAttribute('data-rows', String(expected));
	await expect(page.getByTestId('sql-editor')).toContainText('disaster_volunteer');
	expect(consoleErrors).toEqual([]);
});

test('a syntax error shows DuckDB’s message and where it is, and the next query still works', async ({ page }) => {
	await ready(page);
	await runQuery(page, 'SELECT 1;\nSELECT *\nFROMM initiatives');
	const error = page.getByTestId('sql-error');
	await expect(error).toContainText('syntax error');
	await expect(page.getByTestId('sql-error-where')).toContainText('2');
	await expect(page.locator('.cm-sql-error-line')).toContainText('FROMM initiatives');
	await runQuery(page, 'SELECT 42 AS answer');
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done');
	await expect(error).toHaveCount(0);
	await expect(page.getByTestId('result-grid').locator('[data-row="0"] [role="gridcell"]')).toHaveText('42');
});

test('a long query can be cancelled while the page keeps answering', async ({ page }) => {
	await ready(page);
	await typeQuery(page, 'SELECT sum(a.range * b.range) FROM range(3000000) a, range(3000000) b');
	await page.getByTestId('run').click();
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'running');
	// The page still responds while DuckDB works in its worker: a panel opens while the query is still
	// running (a cross product of 9 × 10^12 rows does not end on its own), checked by state, not by a clock.
	await page.locator('[data-table="measures"] summary').click();
	await expect(page.locator('[data-table="measures"] details')).toHaveAttribute('open', '');
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'running');
	await page.getByTestId('cancel').click();
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'cancelled');
	await expect(page.getByTestId('run-status')).toContainText('中止');
	await runQuery(page, 'SELECT 7 AS after_cancel');
	await expect(page.getByTestId('result-grid').locator('[data-row="0"] [role="gridcell"]')).toHaveText('7');
});

test('the CSV download re-reads to the same rows with Japanese intact', async ({ page }) => {
	const initiatives = (await readTable('initiatives')).map((r) => [String(r.initiative_id), String(r.name_ja)]).sort((a, b) => a[0].localeCompare(b[0]));
	await ready(page);
	await runQuery(page, 'SELECT initiative_id, name_ja FROM initiatives ORDER BY initiative_id');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
	const bytes = readFileSync((await download.path())!);
	// UTF-8 byte-order mark, so that Excel reads Japanese correctly.
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const rows = parseCsv(bytes.toString('utf8').slice(1));
	expect(rows[0]).toEqual(['initiative_id', 'name_ja']);
	expect(rows.slice(1)).toEqual(initiatives);
});

test('the grid scrolls a 100,000-row result to its last rows while rendering only what is in view', async ({ page }) => {
	await ready(page);
	await runQuery(page, "SELECT range AS n, 'row ' || range AS label FROM range(100000)");
	await expect(page.getByTestId('result-summary')).toHaveAttribute('data-rows', '100000');
	const grid = page.getByTestId('result-grid');
	expect(await grid.locator('[role="row"]').count()).toBeLessThan(200);
	await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
	const last = grid.locator('[data-row="99999"]');
	await expect(last).toBeVisible();
	await expect(last).toContainText('row 99999');
	expect(await grid.locator('[role="row"]').count()).toBeLessThan(200);
});

test('the Parquet and JSON downloads re-read to the same rows, types and Japanese intact', async ({ page }) => {
	const source = (await readTable('initiatives')).sort((a, b) => String(a.initiative_id).localeCompare(String(b.initiative_id)));
	await ready(page);
	await runQuery(page, 'SELECT initiative_id, name_ja, line_start, departments FROM initiatives ORDER BY initiative_id');
	const [parquet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-parquet').click()]);
	expect(parquet.suggestedFilename()).toMatch(/\.parquet$/);
	const bytes = readFileSync((await parquet.path())!);
	const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
	expect(rows.length).toBe(source.length);
	expect(rows.map((r) => [r.initiative_id, r.name_ja, r.line_start, r.departments])).toEqual(source.map((r) => [r.initiative_id, r.name_ja, r.line_start, r.departments]));
	const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
	const parsed = JSON.parse(readFileSync((await json.path())!, 'utf8')) as Record<string, unknown>[];
	expect(parsed.map((r) => [r.initiative_id, r.name_ja, r.line_start, r.departments])).toEqual(source.map((r) => [r.initiative_id, r.name_ja, r.line_start, r.departments]));
});

test('a result is charted from its column types, the chart kind can be changed, and the chart downloads as SVG and PNG', async ({ page, consoleErrors }) => {
	await ready(page);
	await runQuery(page, 'SELECT muni_code, count(*) AS initiatives FROM initiatives GROUP BY muni_code ORDER BY muni_code');
	const chart = page.getByTestId('quick-chart');
	await expect(chart.locator('.plot svg').first()).toBeVisible();
	await expect(page.getByTestId('chart-title')).toContainText('initiatives');
	await page.getByTestId('chart-kind').selectOption('dot');
	await expect(chart.locator('.plot')).toHaveAttribute('data-kind', 'dot');
	await page.getByTestId('chart-kind').selectOption('bar');
	const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-svg').click()]);
	expect(readFileSync((await svg.path())!, 'utf8')).toContain('<svg');
	const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-png').click()]);
	expect([...readFileSync((await png.path())!).subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
	// The charted data is also there as a table.
	await chart.locator('details summary').click();
	await expect(chart.locator('details table tbody tr').first()).toBeVisible();
	// The workbench's fullest state: a result grid, its chart with the table open, the history.
	await expectNoBarriers(page);
	expect(consoleErrors).toEqual([]);
});

test('queries are kept in the browser history, reopen into the editor, and the history can be cleared', async ({ page }) => {
	await ready(page);
	await runQuery(page, 'SELECT 1 AS first_query');
	await runQuery(page, 'SELECT 2 AS second_query');
	const history = page.getByTestId('history');
	await expect(history.locator('li')).toHaveCount(2);
	await expect(history.locator('li').first()).toContainText('second_query');
	await page.reload();
	await expect(history.locator('li')).toHaveCount(2);
	await history.locator('li').nth(1).getByRole('button').click();
	await expect(page.getByTestId('sql-editor')).toContainText('first_query');
	await page.getByTestId('history-clear').click();
	await expect(history.locator('li')).toHaveCount(0);
	await page.reload();
	await expect(history.locator('li')).toHaveCount(0);
});

test('the English page explains the tables in English and shares a link that opens the query', async ({ page }) => {
	await ready(page, '/en/sql');
	await expect(page.locator('h1')).toHaveText('SQL workbench');
	await page.locator('[data-table="measures"] summary').click();
	await expect(page.locator('[data-table="measures"]')).toContainText('the source cell text');
	await runQuery(page, "SELECT 'テスト' AS label");
	await page.getByTestId('copy-link').click();
	const link = await page.getByTestId('share-link').inputValue();
	expect(new URL(link).pathname).toBe('/en/sql');
	await page.goto(link);
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done');
	await expect(page.getByTestId('result-grid').locator('[data-row="0"] [role="gridcell"]')).toHaveText('テスト');
});

test('the editor runs with Ctrl+Enter, completes table and column names, takes names from the schema panel, and undoes', async ({ page }) => {
	await ready(page);
	await typeQuery(page, 'SELECT 5 AS by_keyboard');
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(page.getByTestId('result-grid').locator('[data-row="0"] [role="gridcell"]')).toHaveText('5');
	await typeQuery(page, 'SELECT * FROM initiative_th');
	await page.keyboard.press('Control+Space');
	await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('initiative_themes');
	await page.keyboard.press('Escape');
	await typeQuery(page, 'SELECT count(*) FROM ');
	await page.locator('[data-table="goals"] [data-testid="insert-table"]').click();
	await expect(page.getByTestId('sql-editor')).toHaveText('SELECT count(*) FROM goals');
	await page.getByTestId('sql-editor').click();
	await page.keyboard.press('ControlOrMeta+z');
	await expect(page.getByTestId('sql-editor')).toHaveText('SELECT count(*) FROM ');
});

test('a result over the display limit is cut with a note while the CSV holds every row', async ({ page }) => {
	await ready(page);
	await runQuery(page, 'SELECT range AS n FROM range(250000)');
	await expect(page.getByTestId('result-summary')).toHaveAttribute('data-rows', '250000');
	await expect(page.getByTestId('result-truncated')).toContainText('250,000');
	const grid = page.getByTestId('result-grid');
	expect(await grid.getAttribute('aria-rowcount')).toBe(String(200_000 + 1));
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
	const lines = readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
	expect(lines.length).toBe(250_001);
	expect(lines.at(-1)).toBe('249999');
});

test('queries that would reach another origin are stopped and nothing leaves the machine', async ({ page, offsite }) => {
	await ready(page);
	// A JSON cast would make DuckDB download its json extension; read_csv of a URL would fetch it.
	await runQuery(page, `SELECT '{"a":1}'::JSON AS j`);
	await expect(page.getByTestId('sql-error')).toContainText('json');
	await runQuery(page, "SELECT * FROM read_csv('https://example.com/a.csv')");
	await expect(page.getByTestId('sql-error')).toContainText('disabled');
	await runQuery(page, 'LOAD json');
	await expect(page.getByTestId('sql-error')).toContainText('disabled');
	await runQuery(page, 'SELECT count(*) AS n FROM measures');
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done');
	expect(offsite).toEqual([]);
});

test('several statements run in order and the last one’s result is shown, with NULL told apart from empty text', async ({ page }) => {
	await ready(page);
	await runQuery(page, "CREATE TABLE my_notes AS SELECT initiative_id FROM initiatives LIMIT 3;\nINSERT INTO my_notes VALUES (NULL), ('');\nSELECT initiative_id FROM my_notes ORDER BY initiative_id NULLS LAST");
	await expect(page.getByTestId('run-status')).toContainText('3番目');
	await expect(page.getByTestId('result-summary')).toHaveAttribute('data-rows', '5');
	const grid = page.getByTestId('result-grid');
	await expect(grid.locator('[data-row="0"] [role="gridcell"]')).toHaveText('');
	await expect(grid.locator('[data-row="4"] [role="gridcell"]')).toHaveAttribute('data-null', 'true');
	await expect(grid.locator('[data-row="0"] [role="gridcell"]')).not.toHaveAttribute('data-null', 'true');
	// A table made by the user is offered by completion like the published ones.
	await typeQuery(page, 'SELECT * FROM my_no');
	await page.keyboard.press('Control+Space');
	await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('my_notes');
});

test('two columns of one name are both shown under unique names, the exports keep them, and the next query runs', async ({ page, consoleErrors }) => {
	await ready(page);
	await runQuery(page, 'SELECT 1 AS first_run');
	await runQuery(page, 'SELECT 10 AS x, 20 AS x');
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done');
	await expect(page.getByTestId('run')).toHaveText('実行');
	const grid = page.getByTestId('result-grid');
	await expect(grid.getByRole('columnheader')).toHaveCount(3);
	await expect(grid.locator('[data-column="x"] .name')).toHaveText('x');
	await expect(grid.locator('[data-column="x_1"] .name')).toHaveText('x_1');
	await expect(grid.locator('[data-row="0"] [role="gridcell"]')).toHaveText(['10', '20']);
	await expect(grid.locator('[data-row="1"]')).toHaveCount(0);
	// CSV keeps the names as DuckDB gives them; JSON needs one key per value.
	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
	expect(readFileSync((await csv.path())!, 'utf8')).toBe('\uFEFFx,x\r\n10,20\r\n');
	const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
	expect(JSON.parse(readFileSync((await json.path())!, 'utf8'))).toEqual([{ x: 10, x_1: 20 }]);
	const [parquet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-parquet').click()]);
	const pbytes = readFileSync((await parquet.path())!);
	expect(await parquetReadObjects({ file: pbytes.buffer.slice(pbytes.byteOffset, pbytes.byteOffset + pbytes.byteLength) })).toEqual([{ x: 10, x_1: 20 }]);

	// A join that repeats every column of both sides, as researchers write it.
	const ids = new Set((await readTable('initiatives')).map((i) => i.initiative_id));
	const joined = (await readTable('measures')).filter((m) => ids.has(m.initiative_id)).length;
	await runQuery(page, 'SELECT i.*, m.* FROM initiatives i JOIN measures m USING (initiative_id)');
	await expect(page.getByTestId('result-summary')).toHaveAttribute('data-rows', String(joined));
	await expect(grid.locator('[data-column="initiative_id_1"]')).toHaveCount(1);
	await expect(grid.locator('[data-column="initiative_id"]')).toHaveCount(1);
	await expect(page.getByTestId('run')).toBeEnabled();
	await runQuery(page, 'SELECT 2 AS after');
	await expect(grid.locator('[data-row="0"] [role="gridcell"]')).toHaveText(['2']);
	expect(consoleErrors).toEqual([]);
});

test('a new version of the data published while the tab is open stops the reads and asks for a reload, never mixing the two', async ({ page }) => {
	// The server answers with another version of the file (a later date) from its second read on: the
	// page has read the file's start, then the file changes under it. Flipped by count, not by time:
	// the five-city file is small enough that DuckDB's read-ahead may have read all of it by the time a
	// query runs, and then no read would come after a flip at "ready".
	let reads = 0;
	await page.route('**/data/atlas.duckdb', async (route) => {
		if (++reads === 1) return route.continue();
		const res = await route.fetch();
		await route.fulfill({ response: res, headers: { ...res.headers(), 'last-modified': new Date(Date.UTC(2100, 0, 1)).toUTCString() } });
	});
	await page.goto('/sql');
	const status = page.getByTestId('db-status');
	await expect(status).toHaveAttribute('data-state', 'changed');
	await expect(status).toContainText('新しい版');
	expect(reads).toBeGreaterThan(1);
	// A reload reads the new version from its start, whole and consistent.
	await status.getByRole('button', { name: '再読み込み' }).click();
	await expect(status).toHaveAttribute('data-state', 'ready');
	await runQuery(page, 'SELECT count(*) AS n FROM measures');
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done');
});

test('loading everything shows the size and a memory estimate first, then progress, and the workbench answers from its own whole copy', async ({ page }) => {
	const size = statSync('build/data/atlas.duckdb').size;
	const reads: string[] = [];
	page.on('request', (req) => req.url().endsWith('/data/atlas.duckdb') && reads.push(req.method()));
	await ready(page);
	const panel = page.getByTestId('load-everything');
	await expect(panel).toHaveAttribute('data-state', 'planned');
	const plan = page.getByTestId('load-plan');
	await expect(plan).toHaveAttribute('data-bytes', String(size));
	await expect(plan).toContainText(`${(size / 1e6).toFixed(1)} MB`);
	await expect(plan).toContainText('メモリ');
	await page.getByTestId('load-start').click();
	await expect(panel).toHaveAttribute('data-state', 'done');
	await expect(page.getByTestId('load-progress')).toHaveAttribute('value', String(size));
	await expect(page.getByTestId('load-done')).toContainText(`${(size / 1e6).toFixed(1)} MB`);

	// The published tables now come from the whole copy, still read-only, and a query over all of them needs no request.
	const before = reads.length;
	await runQuery(page, `SELECT (SELECT path FROM duckdb_databases() WHERE database_name = 'atlas') AS path, (SELECT readonly FROM duckdb_databases() WHERE database_name = 'atlas') AS ro, (SELECT count(*) FROM measures) AS n`);
	const cells = page.getByTestId('result-grid').locator('[data-row="0"] [role="gridcell"]');
	await expect(cells.nth(0)).toHaveText(/^atlas-whole-[\w-]+\.duckdb$/);
	await expect(cells.nth(1)).toHaveText('true');
	await expect(cells.nth(2)).toHaveText(String((await readTable('measures')).length));
	await runQuery(page, 'SELECT * FROM measures');
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done');
	expect(reads.length).toBe(before);
	await runQuery(page, 'DELETE FROM measures');
	await expect(page.getByTestId('sql-error')).toContainText(/read-only|read only/i);
});
