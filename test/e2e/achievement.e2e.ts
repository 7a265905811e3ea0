import { test, expect, readTable, readTables, waitForBrowserData, type Rec } from './fixtures';

/**
 * Interim progress (a result from before the target year, basis = interim) is no final verdict:
 * every page that shows pairs shows it as progress with both years, in a neutral colour, and
 * counts final and interim pairs apart. Expected figures come from achievements.parquet.
 */

const BAND_LABELS_JA = ['達成', 'ほぼ達成', '一部達成', '未達成'];
const BAND_COLOURS = ['rgb(0, 114, 178)', 'rgb(86, 180, 233)', 'rgb(230, 159, 0)', 'rgb(213, 94, 0)'];
const pct = (a: Rec, locale: string) => (Number(a.ratio) * 100).toLocaleString(locale, { maximumFractionDigits: 0 });
const isInterim = (a: Rec) => a.basis === 'interim';
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

test('新潟市西区 shows its interim pairs as progress towards the FY2023 target, never as 未達成 in orange', async ({ page, offsite, consoleErrors }) => {
	const { achievements } = await readTables('achievements');
	const mine = achievements.filter((a) => a.muni_code === '15107');
	const interim = mine.filter(isInterim);
	expect(interim.length).toBeGreaterThan(0);
	await page.goto('/municipalities/15107');
	await waitForBrowserData(page, 'plan-tree');
	const table = page.getByTestId('achievements');
	await expect(table.locator('tbody tr')).toHaveCount(mine.length);
	await expect(page.getByTestId('pair-counts')).toContainText(`最終の組 ${mine.length - interim.length} 件、途中経過 ${interim.length} 件`);
	for (const a of interim) {
		const row = table.locator(`tr[data-achievement="${a.achievement_id}"]`);
		const progress = row.getByTestId('pair-progress');
		if (a.ratio !== null) await expect(progress).toHaveText(`${a.result_fiscal_year}年度: ${a.target_fiscal_year}年度目標の${pct(a, 'ja-JP')} %`);
		// Neutral: not one of the band colours.
		const colour = await progress.locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
		expect(BAND_COLOURS).not.toContain(colour);
	}
	// No band at all on an interim row: in particular not 未達成.
	for (const label of BAND_LABELS_JA) await expect(table.locator('tr[data-basis="interim"] .band', { hasText: label })).toHaveCount(0);
	await expect(table.locator('tr[data-basis="interim"] [data-band]')).toHaveCount(0);
	expect(offsite).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

test('in English the same interim pair reads "FY2020: 26 % of the FY2023 target"', async ({ page }) => {
	const { achievements } = await readTables('achievements');
	const a = achievements.find((x) => x.muni_code === '15107' && isInterim(x) && x.ratio !== null)!;
	await page.goto('/en/municipalities/15107');
	const row = page.getByTestId('achievements').locator(`tr[data-achievement="${a.achievement_id}"]`);
	await expect(row.getByTestId('pair-progress')).toHaveText(`FY${a.result_fiscal_year}: ${pct(a, 'en-GB')} % of the FY${a.target_fiscal_year} target`);
	await expect(row).not.toContainText('Not achieved');
});

test("an initiative's own page shows its interim pairs as progress too", async ({ page }) => {
	const { achievements } = await readTables('achievements');
	const a = achievements.find((x) => x.muni_code === '15107' && isInterim(x) && x.ratio !== null && x.initiative_id)!;
	await page.goto(`/initiatives/${a.initiative_id}`);
	await waitForBrowserData(page, 'initiative-name');
	const row = page.getByTestId('pairs').locator(`tr[data-achievement="${a.achievement_id}"]`);
	await expect(row.getByTestId('pair-progress')).toHaveText(`${a.result_fiscal_year}年度: ${a.target_fiscal_year}年度目標の${pct(a, 'ja-JP')} %`);
	await expect(row.locator('[data-band]')).toHaveCount(0);
});

test('the grading page counts final and interim pairs apart and takes the median of the final ones only', async ({ page }) => {
	const { achievements } = await readTables('achievements');
	await page.goto('/grading');
	await waitForBrowserData(page, 'generosity');
	const rows = page.getByTestId('generosity').locator('tbody tr');
	const n = await rows.count();
	expect(n).toBeGreaterThan(0);
	for (let k = 0; k < n; k++) {
		const row = rows.nth(k);
		const code = await row.getAttribute('data-muni');
		const mine = achievements.filter((a) => a.muni_code === code);
		const final = mine.filter((a) => !isInterim(a));
		await expect(row.locator('[data-col="final-pairs"]')).toHaveText(final.length.toLocaleString('ja-JP'));
		await expect(row.locator('[data-col="interim-pairs"]')).toHaveText((mine.length - final.length).toLocaleString('ja-JP'));
		const ratios = final.filter((a) => a.ratio !== null).map((a) => Number(a.ratio));
		const expected = ratios.length ? `${(median(ratios) * 100).toLocaleString('ja-JP', { maximumFractionDigits: 0 })}%` : '—';
		await expect(row.locator('[data-col="median-ratio"]')).toHaveText(expected);
	}
	// The note stands in the table's section, above the chart and the table's scrolling card.
	await expect(page.locator('section', { has: page.getByTestId('generosity') })).toContainText('最終の組だけの中央値');
});

test("the overview's achievement view counts only final pairs and shows interim ones apart", async ({ page }) => {
	const { achievements, initiative_themes: themes } = await readTables('achievements', 'initiative_themes');
	const interim = achievements.filter(isInterim);
	await page.goto('/?metric=achievement');
	await waitForBrowserData(page, 'matrix');
	await expect(page.getByTestId('metric-note')).toContainText(`途中経過、全 ${interim.length.toLocaleString('ja-JP')} 件`);
	await expect(page.locator('[data-fig="interim-achievements"]')).toHaveText(`うち途中経過 ${interim.length.toLocaleString('ja-JP')}`);
	// 西区 has interim pairs only: its achievement cells show no median, and say how many interim pairs stand apart.
	const themed = new Map<string, Set<string>>();
	for (const t of themes) themed.set(String(t.theme_id), (themed.get(String(t.theme_id)) ?? new Set()).add(String(t.initiative_id)));
	const [themeId, ids] = [...themed].find(([, ids]) => interim.some((a) => a.muni_code === '15107' && ids.has(String(a.initiative_id))))!;
	const n = interim.filter((a) => a.muni_code === '15107' && ids.has(String(a.initiative_id))).length;
	const cell = page.getByTestId('matrix').locator(`tr[data-theme="${themeId}"] td[data-muni="15107"]`);
	await expect(cell).toHaveText(`—途中経過 ${n}`);
});

test('a theme page takes the median of final pairs only and lists interim progress with its years', async ({ page }) => {
	const { achievements, initiative_themes: themes } = await readTables('achievements', 'initiative_themes');
	const a = achievements.find((x) => x.muni_code === '15107' && isInterim(x) && x.ratio !== null && themes.some((t) => t.initiative_id === x.initiative_id))!;
	const themeId = themes.find((t) => t.initiative_id === a.initiative_id)!.theme_id;
	await page.goto(`/themes/${themeId}`);
	await waitForBrowserData(page, 'theme-initiatives');
	const row = page.getByTestId('theme-initiatives').locator(`tr[data-initiative="${a.initiative_id}"]`);
	await expect(row.locator('[data-col="measures"] [data-testid="pair-progress"]').first()).toBeVisible();
	await expect(row.locator(`[data-col="measures"] .pair[data-achievement="${a.achievement_id}"]`)).toContainText(`${a.result_fiscal_year}年度: ${a.target_fiscal_year}年度目標の${pct(a, 'ja-JP')} %`);
	// Only interim pairs: no median for the row.
	if (achievements.filter((x) => x.initiative_id === a.initiative_id).every(isInterim)) await expect(row.locator('[data-col="ratio"]')).toContainText('—');
	await expect(page.getByTestId('theme-ratio-note')).toContainText('途中経過');
});

test('a pair whose same-year result cell says the work did not happen reads as not carried out, with the words printed', async ({ page, consoleErrors }) => {
	const achievements = await readTable('achievements');
	const undone = achievements.find((a) => a.result_status === 'not_carried_out' && a.initiative_id);
	expect(undone, 'the data has a pair whose work was not carried out').toBeTruthy();
	for (const prefix of ['', '/en']) {
		await page.goto(`${prefix}/initiatives/${String(undone!.initiative_id)}`);
		await waitForBrowserData(page, 'initiative-name');
		const cell = page.getByTestId('pair-not-carried-out').first();
		await expect(cell).toContainText(String(undone!.result_status_ja));
		await expect(cell).toContainText(prefix ? 'Not carried out' : '実施されず');
	}
	expect(consoleErrors).toEqual([]);
});
