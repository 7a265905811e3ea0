import { readFileSync } from 'node:fs';
import { test, expect, readTables, waitForBrowserData } from './fixtures';

test('a municipality page shows its plan as a tree with every initiative under its goals, read in the browser', async ({ page, offsite, consoleErrors }) => {
	const { municipalities, initiatives, goals, plans } = await readTables('municipalities', 'initiatives', 'goals', 'plans');
	// The municipality with the most initiatives: the biggest tree.
	const counts = municipalities.map((m) => ({ m, n: initiatives.filter((i) => i.muni_code === m.muni_code).length })).sort((a, b) => b.n - a.n);
	const { m, n } = counts[0];
	await page.goto(`/municipalities/${m.muni_code}`);
	await expect(page.getByTestId('muni-name')).toContainText(String(m.name_ja));
	await waitForBrowserData(page, 'plan-tree');
	const tree = page.getByTestId('plan-tree');
	await expect(tree.locator('li.initiative')).toHaveCount(n);
	const planIds = plans.filter((p) => p.muni_code === m.muni_code).map((p) => p.plan_id);
	await expect(tree.locator('li[data-goal]')).toHaveCount(goals.filter((g) => planIds.includes(g.plan_id)).length);
	// An initiative sits under its own goal.
	const placed = initiatives.find((i) => i.muni_code === m.muni_code && i.goal_id)!;
	await expect(tree.locator(`li[data-goal="${placed.goal_id}"] > ul > li[data-initiative="${placed.initiative_id}"]`)).toHaveCount(1);
	// Links lead to the initiative page.
	await tree.locator(`li[data-initiative="${placed.initiative_id}"] a`).click();
	await expect(page).toHaveURL(new RegExp(`/initiatives/${placed.initiative_id}$`));
	await expect(page.getByTestId('initiative-name')).toHaveText(String(placed.name_ja));
	expect(offsite).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

test('a graded municipality shows its grades in its own scheme and in the common bands', async ({ page, consoleErrors }) => {
	const { initiatives, evaluations } = await readTables('initiatives', 'evaluations');
	const muniOf = new Map(initiatives.map((i) => [i.initiative_id, i.muni_code]));
	const graded = [...new Set(evaluations.map((e) => muniOf.get(e.initiative_id)))].sort()[0];
	const mine = evaluations.filter((e) => muniOf.get(e.initiative_id) === graded);
	await page.goto(`/municipalities/${graded}`);
	const own = page.getByTestId(`chart-grades-${graded}`);
	await expect(own).toBeVisible();
	await own.locator('summary').click();
	const table = page.getByTestId(`chart-grades-${graded}-table`);
	const byGrade = new Map<string, number>();
	for (const e of mine) byGrade.set(String(e.grade_raw), (byGrade.get(String(e.grade_raw)) ?? 0) + 1);
	for (const [grade, n] of byGrade) await expect(table.locator('tr', { has: page.locator(`td:nth-child(2):text-is("${grade}")`) }).locator('td:nth-child(3)')).toHaveText(String(n));
	await expect(page.getByTestId(`chart-bands-${graded}`)).toBeVisible();
	expect(consoleErrors).toEqual([]);
});

test('the municipality page states the quality report of its source, and English keeps the page', async ({ page }) => {
	const { plans } = await readTables('plans');
	const report = JSON.parse(readFileSync('build/data/quality.json', 'utf8')) as { sources: { source_file: string; warnings: unknown[] }[] };
	const plan = plans[0];
	const q = report.sources.find((s) => s.source_file === plan.source_file)!;
	await page.goto(`/municipalities/${plan.muni_code}`);
	const box = page.locator(`[data-testid="quality"][data-file="${plan.source_file}"]`);
	await expect(box.getByTestId('warning-count')).toHaveText(q.warnings.length.toLocaleString('ja-JP'));
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(new RegExp(`/en/municipalities/${plan.muni_code}$`));
	await expect(page.locator('#quality-h')).toHaveText('Data quality (how the source was read)');
});

test('北本市\'s plan tree shows each 施策 with its description under the title', async ({ page, consoleErrors }) => {
	const { goals, plans } = await readTables('goals', 'plans');
	const plan = plans.find((p) => p.muni_code === '11233')!;
	const described = goals.filter((g) => g.plan_id === plan.plan_id && g.description_ja !== null);
	expect(described.length).toBeGreaterThan(0);
	const g = described[0];
	await page.goto('/municipalities/11233');
	await waitForBrowserData(page, 'plan-tree');
	const tree = page.getByTestId('plan-tree');
	await expect(tree.locator(`li[data-goal="${g.goal_id}"] > .goal`)).toContainText(String(g.title_ja));
	await expect(tree.locator(`li[data-goal="${g.goal_id}"] > [data-testid="goal-description"]`)).toHaveText(String(g.description_ja));
	await expect(tree.getByTestId('goal-description')).toHaveCount(described.length);
	expect(consoleErrors).toEqual([]);
});
