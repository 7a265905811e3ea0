import type { Page } from '@playwright/test';
import { test, expect, expectNoBarriers, readTables, waitForBrowserData, type Rec } from './fixtures';

/**
 * /view draws in the browser the pages a national build does not prerender. On the five-city build every
 * page is also prerendered, so what /view draws can be held against the prerendered page of the same id.
 */

/** The database the pages read, aborted while `failing`, held until `release()` after that. */
function controlData(page: Page) {
	let failing = false;
	let release!: () => void;
	const released = new Promise<void>((r) => (release = r));
	const ready = page.route('**/data/atlas.duckdb*', async (route) => {
		if (failing) return route.abort();
		await released;
		await route.continue();
	});
	return { ready, release, fail: (on: boolean) => (failing = on) };
}

async function keyContent(page: Page) {
	return {
		name: await page.getByTestId('initiative-name').textContent(),
		measures: await page.getByTestId('measures').allInnerTexts(),
		file: await page.getByTestId('source-file').textContent(),
		lines: await page.getByTestId('source-lines').textContent()
	};
}

function withMeasures(initiatives: Rec[], measures: Rec[]): Rec {
	return initiatives.find((i) => measures.filter((m) => m.initiative_id === i.initiative_id).length > 2 && String(i.initiative_id).startsWith('11233'))!;
}

for (const lang of ['ja', 'en'] as const) {
	const prefix = lang === 'ja' ? '' : '/en';
	test(`/view (${lang}) draws an initiative as its prerendered page shows it, after a loading state, and says when an id is unknown`, async ({ page, offsite, consoleErrors }) => {
		const { initiatives, measures } = await readTables('initiatives', 'measures');
		const i = withMeasures(initiatives, measures);
		const data = controlData(page);
		await data.ready;
		await page.goto(`${prefix}/view?initiative=${i.initiative_id}`);
		// Held: the page says what it is reading, and shows nothing of the initiative yet.
		await expect(page.getByTestId('view-loading')).toContainText(String(i.initiative_id));
		await expect(page.getByTestId('initiative-name')).toHaveCount(0);
		await expectNoBarriers(page);
		data.release();
		await expect(page.getByTestId('initiative-name')).toHaveText(String(i.name_ja));
		await expect(page.getByTestId('initiative-name')).toHaveAttribute('data-source', 'browser');
		await expect(page.getByTestId('view-loading')).toHaveCount(0);
		await expect(page.getByTestId('excerpt-elsewhere')).toBeVisible();
		const drawn = await keyContent(page);
		expect(drawn.measures.length).toBeGreaterThan(0);
		// The page drawn in the browser (test/e2e/accessibility.e2e.ts).
		await expectNoBarriers(page);

		await page.goto(`${prefix}/initiatives/${i.initiative_id}`);
		await waitForBrowserData(page, 'initiative-name');
		expect(drawn).toEqual(await keyContent(page));

		await page.goto(`${prefix}/view?initiative=99999-999`);
		await expect(page.getByTestId('view-not-found')).toContainText('99999-999');
		await expect(page.getByTestId('initiative-name')).toHaveCount(0);
		expect(offsite).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});
}

test('/view draws a municipality with its plan tree, and offers a retry when the data cannot load', async ({ page, consoleErrors }) => {
	const { municipalities, initiatives } = await readTables('municipalities', 'initiatives');
	const m = municipalities.find((x) => x.muni_code === '15106')!;
	const data = controlData(page);
	await data.ready;
	data.fail(true);
	await page.goto(`/view?municipality=${m.muni_code}`);
	await expect(page.getByTestId('db-status')).toHaveAttribute('data-state', 'error');
	await expect(page.getByTestId('view-loading')).toHaveCount(0);
	data.fail(false);
	await page.getByTestId('db-status').getByRole('button').click();
	await expect(page.getByTestId('view-loading')).toContainText(String(m.muni_code));
	data.release();
	await expect(page.getByTestId('muni-name')).toContainText(String(m.name_ja));
	await expect(page.getByTestId('plan-tree').locator('li.initiative')).toHaveCount(initiatives.filter((i) => i.muni_code === m.muni_code).length);
	await expect(page.getByTestId('quality')).toHaveCount(1);
	// Its initiatives are prerendered on this build: the tree links to their pages.
	const first = page.getByTestId('plan-tree').locator('li.initiative a').first();
	await expect(first).toHaveAttribute('href', /^\/initiatives\/15106-/);
	// The aborted load is reported by the browser and by DuckDB's worker (with the named failure the page
	// shows); any other console error is a fault.
	expect(consoleErrors.filter((e) => !/Failed to load resource|ERR_FAILED|⟦atlas-data \{"kind":"network","file":"\/data\/atlas\.duckdb"/.test(e))).toEqual([]);
});
