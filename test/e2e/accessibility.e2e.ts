import { test, expect, barriers, expectNoBarriers } from './fixtures';

/**
 * axe (axe-core through @axe-core/playwright): no serious or critical violation on any kind of page, in
 * both languages. The scans run inside the visits the other tests already make, once the page shows what
 * that test checked (`expectNoBarriers` in fixtures.ts): a page is loaded once for both. Where each kind
 * of page, in each state that renders different markup, is scanned:
 *
 * | page and state                                              | ja | en | in                              |
 * |-------------------------------------------------------------|----|----|---------------------------------|
 * | overview, matrix as counts (DuckDB-wasm answered)           | ✓  | ✓  | csp.e2e.ts "every page type"    |
 * | overview, matrix as scores                                  | ✓  | ✓  | overview.e2e.ts matrix test     |
 * | overview, matrix as achievement                             | ✓  | ✓  | overview.e2e.ts (both tests)    |
 * | municipality with a report, grade/achievement chart table   | ✓  | ✓  | charts.e2e.ts                   |
 * | municipality without a report (the ~3,800 prerendered ones) | ✓  | ✓  | prefectures.e2e.ts 沖縄県        |
 * | designated city without a report, with its wards            | ✓  |    | prefectures.e2e.ts              |
 * | prefecture with reports / without any                       | ✓  | ✓  | prefectures.e2e.ts              |
 * | list of prefectures (390 px)                                | ✓  | ✓  | csp.e2e.ts 390 px test          |
 * | theme, pair chart's table open                              | ✓  | ✓  | charts.e2e.ts                   |
 * | /grading, score-against-achievement chart's table open      | ✓  | ✓  | charts.e2e.ts                   |
 * | initiative                                                  | ✓  | ✓  | csp.e2e.ts "every page type"    |
 * | search with results (drawn in the browser)                  | ✓  | ✓  | csp.e2e.ts "every page type"    |
 * | /sql with a result                                          | ✓  | ✓  | csp.e2e.ts "every page type"    |
 * | /sql with a result, its quick chart and table, history      | ✓  |    | sql.e2e.ts quick chart test     |
 * | /data                                                       | ✓  | ✓  | csp.e2e.ts "every page type"    |
 * | /import, empty                                              | ✓  | ✓  | csp.e2e.ts "every page type"    |
 * | /import, column mapping with its live records               | ✓  |    | import.e2e.ts (first test)      |
 * | /import, plans imported, initiatives and comparables open   | ✓  |    | import.e2e.ts (first test)      |
 * | /import, a refused file's problems beside a kept import     | ✓  |    | import.e2e.ts (beside test)     |
 * | not-found page (address named by the running page)          | ✓  | ✓  | csp.e2e.ts "every page type"    |
 * | /view, loading, then an initiative drawn in the browser      | ✓  | ✓  | view.e2e.ts                     |
 *
 * Pages of one template whose markup differs only in the data's text (other municipalities, themes,
 * initiatives, prefectures) are not each scanned: the states above are the template's fullest markup.
 * Where only the ja column is ticked, the English page is the same markup with English labels, and
 * the English page of the same template in a simpler state is scanned.
 */

test('the axe check finds a real barrier: an unnamed button and text too faint to read', async ({ page }) => {
	await page.goto('/data');
	await expect(page.locator('main h1')).toBeVisible();
	await expectNoBarriers(page);
	await page.locator('main').evaluate((main) => {
		main.insertAdjacentHTML('beforeend', '<button type="button"></button><p style="color:#ddd;background:#fff">faint</p>');
	});
	const found = await barriers(page);
	expect(found.some((v) => v.startsWith('button-name (critical)'))).toBe(true);
	expect(found.some((v) => v.startsWith('color-contrast (serious)'))).toBe(true);
	await expect(expectNoBarriers(page)).rejects.toThrow(/button-name/);
});
