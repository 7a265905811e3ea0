import type { Page } from '@playwright/test';
import { test, expect, readTables } from './fixtures';

/**
 * What a shared /sql?q= link can do to the pages: nothing. Each statement below once got past the
 * text guard the workbench used to have (or was found since); now DuckDB decides. The workbench
 * runs on a DuckDB of its own, the published tables are attached READ_ONLY there too, and the
 * configuration is locked. After each link is opened and confirmed, the same tab goes on (client-side
 * navigation, so the same JavaScript and DuckDB instances) to pages that show the rows it tried to
 * change: they must show the published values, read by DuckDB in the browser.
 */
const FAKE = 'FAKE-名前';
const BYPASSES: Record<string, string> = {
	'search_path PRAGMA with an escape string': `PRAGMA search_path = E'atl\\x61s_base'; DELETE FROM measures; UPDATE initiatives SET name_ja = '${FAKE}'`,
	"a statement behind E'\\'' that a scanner reads as a comment": `SELECT E'\\'' AS q; UPDATE initiatives SET name_ja = '${FAKE}' -- '`,
	'query_table with a computed name': `CREATE TABLE copy AS SELECT * FROM query_table('atlas'||'.main.initiatives'); UPDATE atlas.main.initiatives SET name_ja = '${FAKE}'`,
	'a view in place of a published table': `CREATE OR REPLACE VIEW initiatives AS SELECT * REPLACE ('${FAKE}' AS name_ja) FROM atlas.main.initiatives; SELECT name_ja FROM initiatives`,
	'writes by full name': `DELETE FROM atlas.main.measures; DROP TABLE atlas.main.initiatives`,
	'detach and attach an empty database under the published name': `DETACH atlas; ATTACH ':memory:' AS atlas; CREATE TABLE atlas.main.initiatives AS SELECT '${FAKE}' AS name_ja`,
	'detach and attach the same file writable': `DETACH atlas; ATTACH 'atlas.duckdb' AS atlas; DELETE FROM atlas.main.measures; UPDATE atlas.main.initiatives SET name_ja = '${FAKE}'`,
	'unlocking the configuration': `SET lock_configuration = false; SET enable_external_access = true; SET autoload_known_extensions = true`,
	'a macro shadowing a built-in function': `CREATE MACRO lower(x) AS '${FAKE}'; CREATE MACRO count_star() AS 0`
};

async function headline(page: Page): Promise<string> {
	await expect(page.getByTestId('db-status')).toHaveAttribute('data-state', 'ready');
	const h = page.getByTestId('headline');
	await expect(h).toHaveAttribute('data-source', 'browser');
	return (await h.innerText()).trim();
}

for (const [name, sql] of Object.entries(BYPASSES)) {
	test(`a shared link cannot change the pages: ${name}`, async ({ page, offsite }) => {
		const { initiatives, municipalities } = await readTables('initiatives', 'municipalities');
		const first = initiatives.find((i) => i.muni_code === municipalities.find((m) => m.has_report)!.muni_code)!;
		await page.goto('/');
		const published = await headline(page);

		// The link shows its SQL and runs nothing until asked: it is not only reads.
		await page.goto(`/sql?q=${encodeURIComponent(sql)}`);
		await expect(page.getByTestId('db-status')).toHaveAttribute('data-state', 'ready');
		await expect(page.getByTestId('shared-pending')).toBeVisible();
		await expect(page.getByTestId('sql-editor')).toContainText(sql.slice(0, 20));
		await expect(page.getByTestId('run-status')).toHaveAttribute('data-run', '0');
		await page.getByTestId('shared-run').click();
		await expect(page.getByTestId('run-status')).toHaveAttribute('data-run', '1');

		// Same tab, client-side navigation: the overview's counts, the municipality's tree, the initiative's name.
		await page.locator('nav a[href="/"]').first().click();
		await expect(page).toHaveURL(/\/$/);
		expect(await headline(page)).toBe(published);
		await page.locator(`a[href="/municipalities/${first.muni_code}"]`).first().click();
		const tree = page.getByTestId('plan-tree');
		await expect(tree).toHaveAttribute('data-source', 'browser');
		await expect(tree).toContainText(String(first.name_ja));
		await expect(tree).not.toContainText(FAKE);
		await page.locator(`a[href="/initiatives/${first.initiative_id}"]`).first().click();
		const title = page.getByTestId('initiative-name');
		await expect(title).toHaveAttribute('data-source', 'browser');
		await expect(title).toHaveText(String(first.name_ja));
		expect(offsite).toEqual([]);
	});
}

test('in the workbench DuckDB refuses writes to the published tables, the workspace takes the user’s own, and reset empties it', async ({ page }) => {
	const { initiatives, measures } = await readTables('initiatives', 'measures');
	const cell = page.getByTestId('result-grid').locator('[data-row="0"] [role="gridcell"]');
	const run = async (sql: string) => {
		const before = Number(await page.getByTestId('run-status').getAttribute('data-run'));
		const editor = page.getByTestId('sql-editor');
		await editor.click();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.press('Delete');
		await page.keyboard.insertText(sql);
		await page.getByTestId('run').click();
		await expect(page.getByTestId('run-status')).toHaveAttribute('data-run', String(before + 1));
	};
	await page.goto('/sql');
	await expect(page.getByTestId('db-status')).toHaveAttribute('data-state', 'ready');
	for (const sql of ['DELETE FROM measures', `UPDATE initiatives SET name_ja = 'x'`, 'DROP TABLE initiatives', 'CREATE OR REPLACE VIEW atlas.main.initiatives AS SELECT 1']) {
		await run(sql);
		await expect(page.getByTestId('sql-error')).toContainText('read-only');
	}
	await run('SET enable_external_access = true');
	await expect(page.getByTestId('sql-error')).toContainText('locked');
	await run('LOAD json');
	await expect(page.getByTestId('sql-error')).toContainText('disabled');
	// The user's own table shadows the published name in the workbench only; reset drops it.
	await run('CREATE TABLE initiatives AS SELECT 1 AS n; CREATE VIEW mine AS SELECT 2; SELECT count(*) FROM initiatives');
	await expect(cell).toHaveText('1');
	await page.getByTestId('reset').click();
	await expect(page.getByTestId('notice')).toBeVisible();
	await run('SELECT (SELECT count(*) FROM initiatives) || \'/\' || (SELECT count(*) FROM measures)');
	await expect(cell).toHaveText(`${initiatives.length}/${measures.length}`);
	await run('SELECT * FROM mine');
	await expect(page.getByTestId('sql-error')).toContainText('mine');
});

test('a shared link of plain reads runs on open', async ({ page }) => {
	const { initiatives } = await readTables('initiatives');
	await page.goto(`/sql?q=${encodeURIComponent('SELECT count(*) AS n FROM initiatives')}`);
	await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done');
	await expect(page.getByTestId('shared-pending')).toHaveCount(0);
	await expect(page.getByTestId('result-grid').locator('[data-row="0"] [role="gridcell"]')).toHaveText(String(initiatives.length));
});

test('pages that need JavaScript say so when it is off', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
	const page = await context.newPage();
	for (const url of ['/sql', '/search', '/en/sql', '/en/search']) {
		await page.goto(url);
		await expect(page.getByTestId('noscript')).toBeVisible();
		await expect(page.getByTestId('noscript')).toContainText('JavaScript');
	}
	await context.close();
});
