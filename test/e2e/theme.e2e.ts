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

test('a theme row shows each source text once, its measures nested under it with year, kind and the basis of each pair', async ({ page }) => {
	const { initiative_themes, measures, achievements } = await readTables('initiative_themes', 'measures', 'achievements');
	const mine = new Set(initiative_themes.filter((t) => t.theme_id === 'salon').map((t) => String(t.initiative_id)));
	// The initiative of the theme whose measures repeat one source text the most.
	const repeats = (id: string) => measures.filter((m) => m.initiative_id === id).length - new Set(measures.filter((m) => m.initiative_id === id).map((m) => `${m.line}|${m.raw_text}`)).size;
	const id = [...mine].sort((a, b) => repeats(b) - repeats(a))[0];
	expect(repeats(id)).toBeGreaterThan(0);
	const own = measures.filter((m) => m.initiative_id === id);
	const texts = new Set(own.map((m) => `${m.line}|${m.raw_text}`));
	const pairs = achievements.filter((a) => a.initiative_id === id);
	await page.goto('/themes/salon');
	await waitForBrowserData(page, 'theme-initiatives');
	const row = page.getByTestId('theme-initiatives').locator(`tbody tr[data-initiative="${id}"]`);
	await expect(row).toHaveCount(1);
	await expect(row.getByTestId('measure-text')).toHaveCount(texts.size);
	await expect(row.locator('li[data-measure]')).toHaveCount(own.length);
	const shownTexts = await row.getByTestId('measure-text').locator('span[lang="ja"]').allTextContents();
	expect(new Set(shownTexts).size).toBe(shownTexts.length);
	const m = own.find((x) => x.fiscal_year !== null)!;
	await expect(row.locator(`li[data-measure="${m.measure_id}"]`)).toContainText(`${m.fiscal_year}年度`);
	await expect(row.locator('.pair')).toHaveCount(pairs.length);
	for (const a of pairs) {
		const pair = row.locator(`.pair[data-achievement="${a.achievement_id}"]`);
		await expect(pair).toHaveAttribute('data-basis', String(a.basis));
		await expect(pair).toContainText({ same_year: '同年度', every_year: '毎年の目標', interim: '途中経過', undated_target: '年度のない目標' }[String(a.basis)]!);
	}
});

for (const width of [1280, 390]) {
	test(`the theme table's 市区町村 and 自己評価 headers read on one line at ${width} px`, async ({ page }) => {
		await page.setViewportSize({ width, height: 900 });
		await page.goto('/themes/salon');
		const table = page.getByTestId('theme-initiatives');
		for (const name of ['市区町村', '自己評価']) {
			const th = table.locator('th', { hasText: name });
			const box = await th.evaluate((el) => {
				const range = document.createRange();
				range.selectNodeContents(el);
				return { lines: range.getClientRects().length, height: range.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(el).lineHeight) };
			});
			expect(box.height, `${name} at ${width} px`).toBeLessThan(box.lineHeight * 1.5);
		}
	});
}
