import { test, expect, expectNoBarriers, readTables, type Rec } from './fixtures';

/** Every entry of the municipalities table in a prefecture, and the initiatives each reports. */
async function prefectureOf(code: string) {
	const { municipalities, initiatives } = await readTables('municipalities', 'initiatives');
	const here = municipalities.filter((m) => m.prefecture_code === code);
	const count = (m: Rec) => initiatives.filter((i) => i.muni_code === m.muni_code).length;
	return { here, count };
}

for (const [code, lang] of [['15', 'ja'], ['15', 'en'], ['11', 'ja'], ['11', 'en']] as const) {
	test(`the ${lang} page of prefecture ${code} lists every municipality, with figures and themes where there is a report`, async ({ page, offsite, consoleErrors }) => {
		const { here, count } = await prefectureOf(code);
		await page.goto(`${lang === 'en' ? '/en' : ''}/prefectures/${code}`);
		const table = page.getByTestId('prefecture-municipalities');
		await expect(table.locator('tbody tr')).toHaveCount(here.length);
		const reporting = here.filter((m) => m.has_report);
		expect(reporting.length).toBeGreaterThan(0);
		for (const m of reporting) {
			const row = table.locator(`tr[data-muni="${m.muni_code}"]`);
			await expect(row).toHaveAttribute('data-report', 'yes');
			await expect(row.locator('a').first()).toHaveText(String(lang === 'ja' ? m.name_ja : m.name_en));
			await expect(row.locator('[data-col="initiatives"]')).toHaveText(count(m).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB'));
			await expect(row.locator('a[data-theme]').first()).toBeVisible();
		}
		await expect(table.locator('tr[data-report="no"]')).toHaveCount(here.length - reporting.length);
		await expect(page.getByTestId('prefecture-none')).toHaveCount(0);
		await expectNoBarriers(page);
		expect(offsite).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});
}

for (const lang of ['ja', 'en'] as const) {
	test(`沖縄県 has no report (${lang}): its page says so, lists every municipality, and a municipality page says so plainly`, async ({ page, offsite, consoleErrors }) => {
		const { here } = await prefectureOf('47');
		const prefix = lang === 'en' ? '/en' : '';
		await page.goto(`${prefix}/prefectures/47`);
		await expect(page.getByTestId('prefecture-none')).toContainText(lang === 'ja' ? 'まだデータセットに収録されていません' : 'holds no report');
		const table = page.getByTestId('prefecture-municipalities');
		await expect(table.locator('tbody tr')).toHaveCount(here.length);
		await expect(table.locator('tr[data-report="yes"]')).toHaveCount(0);
		await expectNoBarriers(page);
		// From the list to a municipality without a report (那覇市), as a reader would go.
		const naha = here.find((m) => m.muni_code === '47201')!;
		await table.locator('tr[data-muni="47201"] a').first().click();
		await expect(page).toHaveURL(new RegExp(`${prefix}/municipalities/47201$`));
		await expect(page.getByTestId('muni-name')).toContainText(String(lang === 'ja' ? naha.name_ja : naha.name_en));
		await expect(page.getByTestId('no-report')).toContainText(lang === 'ja' ? '報告書は収録されていません' : 'No report of this municipality');
		// No empty charts, tree or tables, and no in-browser database started for nothing.
		await expect(page.locator('figure.chart')).toHaveCount(0);
		await expect(page.getByTestId('plan-tree')).toHaveCount(0);
		await expect(page.getByTestId('db-status')).toHaveCount(0);
		// The template of the ~3,800 prerendered pages of municipalities without a report.
		await expectNoBarriers(page);
		await page.getByTestId('no-report-prefecture').click();
		await expect(page).toHaveURL(new RegExp(`${prefix}/prefectures/47$`));
		expect(offsite).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});
}

test('a designated city without a report of its own links to its wards, and the wards that report', async ({ page }) => {
	await page.goto('/municipalities/15100');
	await expect(page.getByTestId('no-report')).toBeVisible();
	const wards = page.getByTestId('wards');
	await expect(wards.locator('a')).toHaveCount(8);
	await expectNoBarriers(page);
	await wards.locator('a[data-report="yes"]', { hasText: '南区' }).click();
	await expect(page).toHaveURL(/\/municipalities\/15106$/);
	await expect(page.getByTestId('plan-tree')).toBeVisible();
	await expect(page.getByTestId('prefecture-link')).toHaveAttribute('href', '/prefectures/15');
});

test('the overview shows coverage as a 47-tile map drawn with Plot, with its table, and a tile leads to its prefecture', async ({ page, offsite, consoleErrors }) => {
	const { municipalities } = await readTables('municipalities');
	const reportsOf = (code: string) => municipalities.filter((m) => m.prefecture_code === code && m.has_report).length;
	await page.goto('/');
	const map = page.getByTestId('chart-coverage-map');
	await expect(map).toHaveAttribute('data-rendered', 'browser');
	await expect(map.locator('svg a rect')).toHaveCount(47);
	await map.getByText('データを表で見る').click();
	const rows = page.getByTestId('chart-coverage-map-table').locator('tbody tr');
	await expect(rows).toHaveCount(47);
	// Columns: code, prefecture, municipalities, covered, share, reports, initiatives.
	for (const code of ['15', '11', '47']) await expect(rows.nth(Number(code) - 1).locator('td').nth(5)).toHaveText(String(reportsOf(code)));
	// Plot writes each tile's link as xlink:href: find the tile by its title, as a pointer shows it.
	await map.locator('svg a', { has: page.locator('title', { hasText: '新潟県' }) }).click();
	await expect(page).toHaveURL(/\/prefectures\/15$/);
	await expect(page.getByTestId('prefecture-name')).toContainText('新潟県');
	expect(offsite).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

test('the coverage map and every prefecture link are in the page before any JavaScript runs', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/en/prefectures');
	const map = page.getByTestId('chart-coverage-map');
	await expect(map).toHaveAttribute('data-rendered', 'prerender');
	await expect(map.locator('svg a rect')).toHaveCount(47);
	await expect(page.getByTestId('prefectures').locator('tbody tr')).toHaveCount(47);
	await expect(page.getByTestId('prefectures').locator('tr[data-prefecture="47"] a')).toHaveText('Okinawa');
	await context.close();
});
