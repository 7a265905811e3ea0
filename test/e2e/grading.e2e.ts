import { test, expect, readTables, waitForBrowserData } from './fixtures';

test('the grading page places every level of every scheme on the common scale with its verbatim definition', async ({ page, offsite, consoleErrors }) => {
	const { grading_schemes: levels } = await readTables('grading_schemes');
	await page.goto('/grading');
	await waitForBrowserData(page, 'generosity');
	for (const l of levels) {
		const row = page.getByTestId(`scheme-${l.scheme_id}`).locator(`tr[data-grade="${l.grade}"]`);
		await expect(row).toContainText(String(l.definition_ja));
		if (l.score !== null) await expect(row.locator('td').nth(1)).toHaveText(Number(l.score).toLocaleString('ja-JP', { maximumFractionDigits: 2 }));
	}
	expect(offsite).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

test('the grading page shows how many grades each municipality gave and lists those that give none', async ({ page }) => {
	const { initiatives, evaluations, municipalities } = await readTables('initiatives', 'evaluations', 'municipalities');
	const muniOf = new Map(initiatives.map((i) => [i.initiative_id, i.muni_code]));
	await page.goto('/en/grading');
	for (const m of municipalities.filter((x) => x.has_report)) {
		const n = evaluations.filter((e) => muniOf.get(e.initiative_id) === m.muni_code).length;
		if (n) await expect(page.locator(`[data-testid="generosity"] tr[data-muni="${m.muni_code}"] [data-col="evaluations"]`)).toHaveText(n.toLocaleString('en-GB'));
		else await expect(page.getByTestId('ungraded')).toContainText(String(m.name_en));
	}
	await expect(page.getByTestId('chart-grade-spread')).toHaveAttribute('data-rendered', 'browser');
});
