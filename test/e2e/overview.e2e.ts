import { test, expect, readTable } from './fixtures';

test('the overview lists every municipality with the initiative counts the Parquet holds, read in the browser', async ({ page, offsite, consoleErrors }) => {
	const municipalities = await readTable('municipalities');
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
