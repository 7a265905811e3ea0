import { test, expect, readTables, waitForBrowserData } from './fixtures';

/**
 * 登別市 prints its results in one merged cell per 基本目標: its ふれあいいきいきサロン (45か所, 延べ2,730回,
 * 29,904人参加) sit in 基本目標2's cell. A 社協 member from 登別 must find their salon on the theme page,
 * by search and among comparable work, marked as reported for the goal as a whole, next to the
 * initiatives of that goal. Expected values come from the Parquet files.
 */

async function salonItem() {
	const { measures, measure_themes: links, initiatives } = await readTables('measures', 'measure_themes', 'initiatives');
	const salon = new Set(links.filter((l) => l.theme_id === 'salon').map((l) => l.measure_id));
	const figures = measures.filter((m) => salon.has(m.measure_id) && String(m.raw_text).startsWith('●ふれあいいきいきサロン'));
	expect(figures.map((m) => m.value)).toEqual([45, 2730, 29904]);
	const first = [...figures].sort((a, b) => String(a.measure_id).localeCompare(String(b.measure_id)))[0];
	const goalInitiatives = initiatives.filter((i) => i.goal_id === first.goal_id);
	expect(goalInitiatives.length).toBeGreaterThan(0);
	return { first, goalInitiatives, links, initiatives };
}

test('/themes/salon lists 登別市 with its salon figures reported for 基本目標2 as a whole, beside that goal\'s initiatives', async ({ page, offsite, consoleErrors }) => {
	const { first, goalInitiatives } = await salonItem();
	await page.goto('/themes/salon');
	await waitForBrowserData(page, 'theme-initiatives');
	await expect(page.getByTestId('theme-goal-results-section')).toHaveAttribute('data-source', 'browser');
	await expect(page.getByTestId('theme-lacking')).not.toContainText('登別市');
	const item = page.getByTestId('theme-goal-results').locator(`li[data-goal-result="${first.measure_id}"]`);
	await expect(item).toContainText('登別市');
	await expect(item.getByTestId('goal-wide-mark')).toHaveText('基本目標2全体として報告');
	await expect(item).toContainText('●ふれあいいきいきサロン（45か所） 延べ2,730回、29,904人参加');
	await expect(item.getByTestId('goal-result-figures')).toHaveText('読み取った数値: 45か所 · 延べ2,730回 · 29,904人');
	await expect(item).toContainText(`${first.line}行目`);
	for (const i of goalInitiatives) await expect(item.getByTestId('goal-initiatives').locator(`a[href="/initiatives/${i.initiative_id}"]`)).toHaveText(String(i.name_ja));
	// Filtering by municipality keeps them.
	await page.getByTestId('filter-muni').selectOption('01230');
	await expect(item).toBeVisible();
	await page.goto('/en/themes/salon');
	await expect(page.getByTestId('theme-goal-results').locator(`li[data-goal-result="${first.measure_id}"] [data-testid="goal-wide-mark"]`)).toHaveText('reported for Basic goal 2 as a whole');
	expect(offsite).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

test("search for サロン finds 登別市's salon results reported for the goal as a whole", async ({ page, consoleErrors }) => {
	const { first } = await salonItem();
	const { measures } = await readTables('measures');
	const items = new Set(measures.filter((m) => m.attached_to === 'goal' && String(m.raw_text).includes('サロン')).map((m) => `${m.goal_id}|${m.line}|${m.raw_text}`));
	await page.goto(`/search?q=${encodeURIComponent('サロン')}`);
	await expect(page.getByTestId('search-results')).toHaveAttribute('data-state', 'done');
	const list = page.getByTestId('search-goal-results');
	await expect(list.locator('> li')).toHaveCount(items.size);
	const item = list.locator(`li[data-goal-result="${first.measure_id}"]`);
	await expect(item).toContainText('登別市');
	await expect(item.getByTestId('goal-wide-mark')).toHaveText('基本目標2全体として報告');
	await expect(item.locator('mark').first()).toHaveText('サロン');
	await expect(page.getByTestId('goal-hit-count')).toHaveText(`目標全体として報告された実績 ${items.size} 件`);
	// The municipality filter keeps them; a band filter (they carry no grade) leaves none.
	await page.goto(`/search?q=${encodeURIComponent('サロン')}&muni=01230`);
	await expect(page.getByTestId('search-results')).toHaveAttribute('data-state', 'done');
	await expect(page.getByTestId('search-goal-results').locator(`li[data-goal-result="${first.measure_id}"]`)).toBeVisible();
	expect(consoleErrors).toEqual([]);
});

test("a salon initiative elsewhere shows 登別市's goal-wide salon results among comparable work", async ({ page }) => {
	const { first, links, initiatives } = await salonItem();
	void links;
	const { initiative_themes: themes } = await readTables('initiative_themes');
	const other = initiatives.find((i) => i.muni_code !== '01230' && themes.some((t) => t.initiative_id === i.initiative_id && t.theme_id === 'salon'))!;
	await page.goto(`/initiatives/${other.initiative_id}`);
	await waitForBrowserData(page, 'initiative-name');
	const item = page.getByTestId('comparable-goal-results').locator(`li[data-goal-result="${first.measure_id}"]`);
	await expect(item.getByTestId('goal-wide-mark')).toHaveText('基本目標2全体として報告');
	await expect(item).toContainText('29,904人');
});
