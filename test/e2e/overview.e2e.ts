import { test, expect, expectNoBarriers, readTable, readTables, waitForBrowserData } from './fixtures';

test('the overview lists every municipality with the initiative counts the Parquet holds, read in the browser', async ({ page, offsite, consoleErrors }) => {
	const municipalities = (await readTable('municipalities')).filter((m) => m.has_report);
	const initiatives = await readTable('initiatives');
	await page.goto('/');
	// Prerendered content is there before DuckDB-wasm starts…
	await expect(page.getByTestId('municipalities')).toBeVisible();
	// …then the same query runs in DuckDB-wasm over the Parquet files.
	await expect(page.getByTestId('db-status')).toHaveAttribute('data-state', 'ready');
	await expect(page.getByTestId('municipalities')).toHaveAttribute('data-source', 'browser');
	for (const m of municipalities) {
		const row = page.locator(`tr[data-muni="${m.muni_code}"]`);
		await expect(row).toContainText(String(m.name_ja));
		const n = initiatives.filter((i) => i.muni_code === m.muni_code).length;
		await expect(row.locator('[data-col="initiatives"]')).toHaveText(n.toLocaleString('ja-JP'));
	}
	await expect(page.getByTestId('db-status')).toContainText(initiatives.length.toLocaleString('ja-JP'));
	expect(offsite).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

test('the language switch shows the same page in English and keeps the choice in the URL', async ({ page }) => {
	await page.goto('/');
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(/\/en$/);
	await expect(page.locator('h1')).toHaveText('Municipalities');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.locator('h1')).toHaveText('市区町村');
});

test('the headline figures and the first chart are in the page before any JavaScript runs', async ({ browser }) => {
	const { initiatives, measures, municipalities: listed } = await readTables('initiatives', 'measures', 'municipalities');
	const municipalities = listed.filter((m) => m.has_report);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	const figures = page.getByTestId('headline');
	await expect(figures.locator('[data-fig="initiatives"]')).toHaveText(initiatives.length.toLocaleString('ja-JP'));
	await expect(figures.locator('[data-fig="measures"]')).toHaveText(measures.length.toLocaleString('ja-JP'));
	await expect(figures.locator('[data-fig="municipalities"]')).toHaveText(municipalities.length.toLocaleString('ja-JP'));
	const chart = page.getByTestId('chart-initiatives-per-municipality');
	await expect(chart.locator('svg rect')).toHaveCount(municipalities.length);
	await expect(chart.locator('figcaption')).toHaveText('市区町村ごとの取組数');
	await context.close();
});

test('the theme × municipality matrix counts initiatives per theme, and the chosen value is kept in the URL', async ({ page, offsite, consoleErrors }) => {
	const { initiatives, initiative_themes: links, themes } = await readTables('initiatives', 'initiative_themes', 'themes');
	const muniOf = new Map(initiatives.map((i) => [i.initiative_id, i.muni_code]));
	await page.goto('/');
	await waitForBrowserData(page, 'matrix');
	const matrix = page.getByTestId('matrix');
	await expect(matrix.locator('tbody tr')).toHaveCount(themes.length);
	for (const theme of ['salon', 'youth_carer']) {
		const counts = new Map<unknown, number>();
		for (const l of links.filter((l) => l.theme_id === theme)) counts.set(muniOf.get(l.initiative_id), (counts.get(muniOf.get(l.initiative_id)) ?? 0) + 1);
		for (const [muni, n] of counts) await expect(matrix.locator(`tr[data-theme="${theme}"] td[data-muni="${muni}"]`)).toHaveText(String(n));
	}
	await page.getByTestId('metric-score').click();
	await expect(page).toHaveURL(/\?metric=score$/);
	await expect(matrix).toHaveAttribute('data-metric', 'score');
	// Each view of the matrix colours its cells differently: axe checks the contrast of each, in both languages.
	await expectNoBarriers(page);
	// The language switch carries the selection; reloading restores it.
	await expect(page.getByTestId('lang-switch')).toHaveAttribute('href', '/en?metric=score');
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(/\/en\?metric=score$/);
	await expect(page.getByTestId('matrix')).toHaveAttribute('data-metric', 'score');
	await expectNoBarriers(page);
	await page.getByTestId('metric-achievement').click();
	await expect(page.getByTestId('matrix')).toHaveAttribute('data-metric', 'achievement');
	await expectNoBarriers(page);
	await page.getByTestId('matrix').locator('tr[data-theme="salon"] th a').click();
	await expect(page).toHaveURL(/\/en\/themes\/salon$/);
	await expect(page.getByTestId('theme-name')).toHaveText(String(themes.find((t) => t.theme_id === 'salon')!.label_en));
	expect(offsite).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

test('every chart offers its data as a keyboard-reachable table and downloads as SVG and CSV', async ({ page }) => {
	const municipalities = (await readTable('municipalities')).filter((m) => m.has_report);
	await page.goto('/');
	const chart = page.getByTestId('chart-initiatives-per-municipality');
	await expect(chart).toHaveAttribute('data-rendered', 'browser');
	const summary = chart.locator('summary');
	await summary.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('chart-initiatives-per-municipality-table').locator('tbody tr')).toHaveCount(municipalities.length);
	const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-initiatives-per-municipality-svg').click()]);
	expect(svg.suggestedFilename()).toBe('initiatives-per-municipality.svg');
	const svgText = await (await import('node:fs')).promises.readFile((await svg.path())!, 'utf8');
	expect(svgText).toContain('<svg');
	expect(svgText).toContain('<title>市区町村ごとの取組数</title>');
	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-initiatives-per-municipality-csv').click()]);
	const csvText = await (await import('node:fs')).promises.readFile((await csv.path())!, 'utf8');
	expect(csvText.trim().split(/\r\n/)).toHaveLength(municipalities.length + 1);
	expect(csvText).toContain(String(municipalities[0].name_ja));
});

test('each matrix cell says how many initiatives stand behind its figure and links to them on the theme page', async ({ page }) => {
	const { initiative_themes, initiatives, evaluations } = await readTables('initiative_themes', 'initiatives', 'evaluations');
	const muniOf = new Map(initiatives.map((i) => [String(i.initiative_id), String(i.muni_code)]));
	const ids = (theme: string, muni: string) => [...new Set(initiative_themes.filter((t) => t.theme_id === theme && muniOf.get(String(t.initiative_id)) === muni).map((t) => String(t.initiative_id)))];
	const graded = new Set(evaluations.filter((e) => e.score !== null).map((e) => String(e.initiative_id)));
	await page.goto('/');
	await waitForBrowserData(page, 'matrix');
	const cell = page.getByTestId('matrix').locator('tr[data-theme="salon"] td[data-muni="15106"]');
	const expected = ids('salon', '15106');
	expect(expected.length).toBeGreaterThan(0);
	// The count is itself the number behind it; the score says how many of them are graded.
	await expect(cell.getByTestId('matrix-link')).toHaveText(String(expected.length));
	await page.getByTestId('metric-score').click();
	await expect(cell.getByTestId('matrix-behind')).toHaveText(`評価のある取組 ${expected.filter((id) => graded.has(id)).length} 件`);
	await page.getByTestId('metric-achievement').click();
	await expect(page.getByTestId('matrix')).toHaveAttribute('data-metric', 'achievement');
	await expectNoBarriers(page);
	await page.getByTestId('metric-count').click();
	await cell.getByTestId('matrix-link').click();
	await expect(page).toHaveURL(/\/themes\/salon\?muni=15106$/);
	await expect(page.getByTestId('filter-muni')).toHaveValue('15106');
	await expect(page.getByTestId('theme-initiatives').locator('tbody tr')).toHaveCount(expected.length);
});
