import { readFileSync } from 'node:fs';
import { test, expect, readTables, waitForBrowserData } from './fixtures';

test('an initiative page shows its source lines as text, with the file and line numbers', async ({ page, offsite, consoleErrors }) => {
	const { initiatives, measures } = await readTables('initiatives', 'measures');
	// One with several source lines and some measures.
	const i = initiatives.find((x) => Number(x.line_end) > Number(x.line_start) && measures.some((m) => m.initiative_id === x.initiative_id)) ?? initiatives[0];
	const lines = readFileSync(`data/sources/${i.source_file}`, 'utf8').split(/\r?\n/);
	await page.goto(`/initiatives/${i.initiative_id}`);
	await expect(page.getByTestId('initiative-name')).toHaveText(String(i.name_ja));
	await expect(page.getByTestId('source-file')).toHaveText(String(i.source_file));
	await expect(page.getByTestId('source-lines')).toHaveText(`${i.line_start}〜${i.line_end}行目`);
	const excerpt = page.getByTestId('excerpt');
	for (let n = Number(i.line_start); n <= Number(i.line_end); n++) {
		const text = lines[n - 1].trim().split('\t').find((cell) => cell.trim().length > 3);
		if (text) await expect(excerpt).toContainText(text.trim());
	}
	await waitForBrowserData(page, 'initiative-name');
	const own = measures.filter((m) => m.initiative_id === i.initiative_id);
	await expect(page.locator('[data-testid="measures"] tbody tr')).toHaveCount(
		own.length + measures.filter((m) => m.initiative_id === null && m.goal_id !== null && m.goal_id === i.goal_id).length
	);
	expect(offsite).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

test('an initiative page shows its grades with the verbatim definition, its themes with evidence, and links back', async ({ page, consoleErrors }) => {
	const { initiatives, evaluations, grading_schemes: levels, initiative_themes: links } = await readTables('initiatives', 'evaluations', 'grading_schemes', 'initiative_themes');
	const e = evaluations.find((x) => x.grade !== null && links.some((l) => l.initiative_id === x.initiative_id))!;
	const i = initiatives.find((x) => x.initiative_id === e.initiative_id)!;
	const level = levels.find((l) => l.scheme_id === e.scheme_id && l.grade === e.grade)!;
	await page.goto(`/initiatives/${i.initiative_id}`);
	await expect(page.getByTestId('evaluations')).toContainText(String(level.definition_ja));
	const mine = links.filter((l) => l.initiative_id === i.initiative_id);
	await expect(page.getByTestId('themes').locator('li')).toHaveCount(mine.length);
	await expect(page.getByTestId('themes')).toContainText(String(mine[0].evidence));
	await page.getByTestId('muni-link').click();
	await expect(page).toHaveURL(new RegExp(`/municipalities/${i.muni_code}$`));
	expect(consoleErrors).toEqual([]);
});

test('comparable initiatives come from other municipalities, with the reason and their target, result and grade', async ({ page }) => {
	const { initiatives, initiative_themes: links } = await readTables('initiatives', 'initiative_themes');
	const salon = links.find((l) => l.theme_id === 'salon')!;
	const i = initiatives.find((x) => x.initiative_id === salon.initiative_id)!;
	await page.goto(`/initiatives/${i.initiative_id}`);
	const rows = page.getByTestId('comparables').locator('tbody tr[data-initiative]');
	await expect(rows.first()).toBeVisible();
	const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-initiative')));
	for (const id of ids) expect(initiatives.find((x) => x.initiative_id === id)!.muni_code).not.toBe(i.muni_code);
	await expect(rows.first()).toContainText('共通テーマ');
	await expect(page.getByTestId('comparables').locator('tr.self')).toContainText(String(i.name_ja));
});

test('each measure shows what it counts beside its value and the source text', async ({ page }) => {
	const { measures } = await readTables('measures');
	const m = measures.find((x) => x.initiative_id && x.label_ja && x.value !== null && String(x.initiative_id).startsWith('15107'))!;
	await page.goto(`/initiatives/${m.initiative_id}`);
	const row = page.locator('[data-testid="measures"] tbody tr').filter({ has: page.locator('td[data-col="indicator"]', { hasText: String(m.label_ja) }) }).first();
	await expect(row.locator('[data-col="indicator"]')).toHaveText(String(m.label_ja));
	await expect(row).toContainText(String(m.raw_text));
});

test('a figure the source reports per department shows its department beside a label without it', async ({ page, consoleErrors }) => {
	const { measures } = await readTables('measures');
	// A 北本市 figure with a number, from a cell split by 【担当課】 headings.
	const m = measures.find((x) => x.department !== null && x.value !== null && x.label_ja && String(x.initiative_id).startsWith('11233'))!;
	expect(String(m.label_ja)).not.toContain(String(m.department));
	const own = measures.filter((x) => x.initiative_id === m.initiative_id);
	await page.goto(`/initiatives/${m.initiative_id}`);
	await waitForBrowserData(page, 'initiative-name');
	const rows = page.locator('[data-testid="measures"] tbody tr');
	const row = rows.filter({ has: page.locator('td[data-col="indicator"]', { hasText: String(m.label_ja) }) }).first();
	await expect(row.locator('[data-col="indicator"]')).toHaveText(String(m.label_ja));
	await expect(row.locator('[data-col="department"]')).toHaveText(String(m.department));
	// Every row names its department, or — where the cell's text has none.
	await expect(rows.locator('[data-col="department"]')).toHaveText(own.map((x) => (x.department === null ? '—' : String(x.department))));
	// 山口市: the figures of a row that adds a 担当課 to the city half.
	const y = measures.find((x) => x.department !== null && String(x.initiative_id).startsWith('35203'))!;
	await page.goto(`/initiatives/${y.initiative_id}`);
	await expect(page.locator('[data-testid="measures"] [data-col="department"]', { hasText: String(y.department) }).first()).toBeVisible();
	// A page without per-department figures has no department column.
	const plain = measures.find((x) => String(x.initiative_id).startsWith('15107'))!;
	await page.goto(`/initiatives/${plain.initiative_id}`);
	await expect(page.locator('[data-testid="measures"] tbody tr').first()).toBeVisible();
	await expect(page.locator('[data-testid="measures"] [data-col="department"]')).toHaveCount(0);
	expect(consoleErrors).toEqual([]);
});

test('a baseline printed beside a target reads as the starting point, not as a result (北本市 ※R3)', async ({ page, consoleErrors }) => {
	const { measures } = await readTables('measures');
	const b = measures.find((x) => x.kind === 'baseline' && String(x.raw_text).startsWith('※R3') && x.value !== null)!;
	await page.goto(`/initiatives/${b.initiative_id}`);
	await waitForBrowserData(page, 'initiative-name');
	const row = page.locator('[data-testid="measures"] tbody tr').filter({ hasText: String(b.raw_text) }).first();
	await expect(row).toContainText('基準値');
	await expect(row).not.toContainText('実績');
	expect(consoleErrors).toEqual([]);
});
