import { test, expect, readTables, waitForBrowserData } from './fixtures';

test('the theme page lists every salon initiative across municipalities and says who has none', async ({ page, offsite, consoleErrors }) => {
	const { initiatives, initiative_themes: links, municipalities, themes, measure_themes: goalLinks, goals, plans } = await readTables('initiatives', 'initiative_themes', 'municipalities', 'themes', 'measure_themes', 'goals', 'plans');
	const ids = new Set(links.filter((l) => l.theme_id === 'salon').map((l) => l.initiative_id));
	const withSalon = new Set(initiatives.filter((i) => ids.has(i.initiative_id)).map((i) => i.muni_code));
	// Results a report gives only for a whole goal count too (登別市).
	const planOf = new Map(goals.map((g) => [g.goal_id, g.plan_id]));
	const muniOfPlan = new Map(plans.map((p) => [p.plan_id, p.muni_code]));
	for (const l of goalLinks.filter((x) => x.theme_id === 'salon')) withSalon.add(muniOfPlan.get(planOf.get(l.goal_id)));
	await page.goto('/themes/salon');
	await expect(page.getByTestId('theme-name')).toHaveText(String(themes.find((t) => t.theme_id === 'salon')!.label_ja));
	await waitForBrowserData(page, 'theme-initiatives');
	const rows = page.getByTestId('theme-initiatives').locator('tbody tr');
	await expect(rows).toHaveCount(ids.size);
	for (const id of ids) await expect(page.locator(`tr[data-initiative="${id}"]`)).toHaveCount(1);
	const lacking = municipalities.filter((m) => m.has_report && !withSalon.has(m.muni_code));
	const callout = page.getByTestId('theme-lacking');
	if (lacking.length) for (const m of lacking) await expect(callout).toContainText(String(m.name_ja));
	else await expect(callout).toHaveText('すべての市区町村にこのテーマの取組があります。');
	await expect(page.getByTestId('chart-theme-salon-count')).toHaveAttribute('data-rendered', 'browser');
	expect(offsite).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

test('filtering the theme page by municipality keeps the filter in the URL and across the language switch', async ({ page }) => {
	const { initiatives, initiative_themes: links } = await readTables('initiatives', 'initiative_themes');
	const ids = new Set(links.filter((l) => l.theme_id === 'salon').map((l) => l.initiative_id));
	const muni = String(initiatives.find((i) => ids.has(i.initiative_id))!.muni_code);
	const n = initiatives.filter((i) => ids.has(i.initiative_id) && i.muni_code === muni).length;
	await page.goto('/themes/salon');
	await waitForBrowserData(page, 'theme-initiatives');
	await page.getByTestId('filter-muni').selectOption(muni);
	await expect(page).toHaveURL(new RegExp(`/themes/salon\\?muni=${muni}$`));
	await expect(page.getByTestId('theme-initiatives').locator('tbody tr')).toHaveCount(n);
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(new RegExp(`/en/themes/salon\\?muni=${muni}$`));
	await expect(page.getByTestId('theme-initiatives').locator('tbody tr')).toHaveCount(n);
	await expect(page.getByTestId('filter-muni')).toHaveValue(muni);
});
