import { DuckDBInstance } from '@duckdb/node-api';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, readTables, searchableText, type Rec } from './fixtures';
import { fold } from '../../src/lib/search/text';
import { pageTableSelect, sourcesIn } from '../../src/lib/db/page-table';
import { searchDocsTable, searchGramsTable } from '../../src/lib/queries/search-index';

async function expectedHits(word: string): Promise<Rec[]> {
	const { initiatives, measures } = await readTables('initiatives', 'measures');
	return initiatives.filter((i) => searchableText(i, measures).includes(word));
}

for (const word of ['サロン', '茶の間', 'ヤングケアラー']) {
	test(`search finds every ${word} initiative the Parquet holds and marks the word`, async ({ page, offsite, consoleErrors }) => {
		const hits = await expectedHits(word);
		expect(hits.length).toBeGreaterThan(0);
		await page.goto(`/search?q=${encodeURIComponent(word)}`);
		await expect(page.getByTestId('search-input')).toHaveValue(word);
		await expect(page.getByTestId('search-results')).toHaveAttribute('data-state', 'done');
		await expect(page.locator('.hits > li')).toHaveCount(hits.length);
		for (const h of hits) await expect(page.locator(`.hits > li[data-initiative="${h.initiative_id}"]`)).toHaveCount(1);
		await expect(page.locator('.hits mark').first()).toHaveText(word);
		expect(offsite).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});
}

test('a typed search and its filters go into the URL, survive the language switch, and a hit links to its initiative', async ({ page, consoleErrors }) => {
	const hits = await expectedHits('サロン');
	const muni = String(hits[0].muni_code);
	const n = hits.filter((h) => h.muni_code === muni).length;
	await page.goto('/search');
	await expect(page.getByTestId('search-results')).toHaveAttribute('data-state', 'idle');
	await expect(page.getByTestId('db-status')).toHaveAttribute('data-state', 'ready');
	await page.getByTestId('search-input').fill('サロン');
	await page.getByTestId('search-muni').selectOption(muni);
	await page.getByTestId('search-submit').click();
	await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent('サロン')}&muni=${muni}$`));
	await expect(page.locator('.hits > li')).toHaveCount(n);
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(/\/en\/search\?q=/);
	await expect(page.locator('.hits > li')).toHaveCount(n);
	await page.locator('.hits > li a.hit-name').first().click();
	await expect(page).toHaveURL(new RegExp(`/en/initiatives/${hits.find((h) => h.muni_code === muni)!.initiative_id}$`));
	expect(consoleErrors).toEqual([]);
});

test('hiragana, katakana and half-width katakana find each other, through the same folding as the index', async ({ page }) => {
	// Expected: the initiatives whose text holds サロン written in any of the three ways.
	const { initiatives, measures } = await readTables('initiatives', 'measures');
	const expected = initiatives.filter((i) => fold(searchableText(i, measures)).includes(fold('サロン'))).map((i) => String(i.initiative_id)).sort();
	expect(expected.length).toBeGreaterThan(0);
	for (const typed of ['さろん', 'サロン', 'ｻﾛﾝ']) {
		await page.goto(`/search?q=${encodeURIComponent(typed)}`);
		await expect(page.getByTestId('search-results')).toHaveAttribute('data-state', 'done');
		await expect(page.locator('.hits > li')).toHaveCount(expected.length);
		expect((await page.locator('.hits > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-initiative')))).sort()).toEqual(expected);
		// The mark covers the word as printed, whichever way it was typed.
		await expect(page.locator('.hits mark').first()).toHaveText(/^(サロン|さろん|ｻﾛﾝ)$/);
	}
});

for (const [word, theme] of [['salon', 'salon'], ['young carer', 'youth_carer']] as const) {
	test(`on the English page, "${word}" finds every initiative of the theme ${theme}`, async ({ page, consoleErrors }) => {
		const { initiative_themes } = await readTables('initiative_themes');
		const expected = [...new Set(initiative_themes.filter((t) => t.theme_id === theme).map((t) => String(t.initiative_id)))];
		expect(expected.length).toBeGreaterThan(0);
		await page.goto(`/en/search?q=${encodeURIComponent(word)}`);
		await expect(page.getByTestId('search-results')).toHaveAttribute('data-state', 'done');
		const shown = await page.locator('.hits > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-initiative')));
		for (const id of expected) expect(shown).toContain(id);
		// Each hit says why: its theme tag, with the English word marked.
		await expect(page.locator(`.hits > li[data-initiative="${expected[0]}"] a.tag[data-theme="${theme}"] mark`).first()).toBeVisible();
		expect(consoleErrors).toEqual([]);
	});
}

test('partial words and full-width letters match', async ({ page }) => {
	const hits = await expectedHits('ケアラー');
	await page.goto(`/search?q=${encodeURIComponent('ケアラ')}`);
	await expect(page.getByTestId('search-results')).toHaveAttribute('data-state', 'done');
	await expect(page.locator('.hits > li')).toHaveCount((await expectedHits('ケアラ')).length);
	expect(hits.length).toBeGreaterThan(0);
	const { initiatives } = await readTables('initiatives');
	const latin = initiatives.map((i) => String(i.name_ja).match(/[A-Za-z]{2,}/)?.[0]).find(Boolean);
	if (latin) {
		const wide = [...latin].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
		await page.goto(`/search?q=${encodeURIComponent(wide)}`);
		await expect(page.getByTestId('search-results')).toHaveAttribute('data-state', 'done');
		await expect(page.locator('.hits > li').first()).toContainText(latin);
	}
});

test('source text with <script> and <img onerror> markup is shown as text and nothing runs', async ({ page, consoleErrors }) => {
	// A copy of the published database in which one initiative carries markup, served in place of the
	// real file: the text goes through DuckDB-wasm and the same components as any other.
	const dir = mkdtempSync(join(tmpdir(), 'atlas-xss-'));
	const file = join(dir, 'atlas.duckdb');
	const evil = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">サロン';
	copyFileSync('build/data/atlas.duckdb', file);
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	const first = String((await readTables('initiatives')).initiatives[0].initiative_id);
	await conn.run(`ATTACH '${file.replace(/'/g, "''")}' AS copy`);
	await conn.run(`UPDATE copy.main.initiatives SET name_ja = $evil, description_ja = $evil WHERE initiative_id = $id`, { id: first, evil });
	// The search index and the hits' list derived again from the changed text, as the pipeline derives them.
	for (const table of [searchGramsTable, searchDocsTable]) {
		await conn.run(`DELETE FROM copy.main.${table.name}`);
		await conn.run(`INSERT INTO copy.main.${table.name} ${pageTableSelect(table, sourcesIn('copy.main'))}`);
	}
	await conn.run('DETACH copy');
	conn.closeSync();
	instance.closeSync();
	const bytes = readFileSync(file);
	await page.route('**/data/atlas.duckdb', (route) => route.fulfill({ body: bytes, contentType: 'application/octet-stream' }));
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		d.dismiss();
	});

	await page.goto(`/search?q=${encodeURIComponent('pwned')}`);
	const hit = page.locator(`.hits > li[data-initiative="${first}"]`);
	await expect(hit.locator('a.hit-name')).toContainText('<script>window.__pwned = 1</script>');
	await expect(hit.locator('img')).toHaveCount(0);
	await expect(hit.locator('script')).toHaveCount(0);

	// The initiative page replaces its prerendered data with DuckDB-wasm's answer: the same text, as text.
	await page.goto(`/initiatives/${first}`);
	await expect(page.getByTestId('initiative-name')).toHaveAttribute('data-source', 'browser');
	await expect(page.getByTestId('initiative-name')).toHaveText(evil);
	await expect(page.getByTestId('description')).toHaveText(evil);
	await expect(page.locator('main img')).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
	expect(dialogs).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

test('a data request that never answers ends in the same named error and retry as a failed one', async ({ page }) => {
	let hang = true;
	// The first request is never answered (the route is left pending); the retry goes through.
	await page.route('**/data/atlas.duckdb', (route) => (hang ? undefined : route.continue()));
	await page.goto('/search?q=%E3%82%B5%E3%83%AD%E3%83%B3');
	const status = page.getByTestId('db-status');
	await expect(status).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
	await expect(status).toContainText('/data/atlas.duckdb');
	await expect(status).toContainText('15 s');
	hang = false;
	await status.getByRole('button').click();
	await expect(status).toHaveAttribute('data-state', 'ready');
	await expect(page.getByTestId('search-results')).toHaveAttribute('data-state', 'done');
});

test('a failed data load names the file and offers a retry that recovers', async ({ page }) => {
	let fail = true;
	await page.route('**/data/atlas.duckdb', (route) => (fail ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
	await page.goto('/search?q=%E3%82%B5%E3%83%AD%E3%83%B3');
	const status = page.getByTestId('db-status');
	await expect(status).toHaveAttribute('data-state', 'error');
	await expect(status).toContainText('/data/atlas.duckdb');
	await expect(status).toContainText('503');
	fail = false;
	await status.getByRole('button').click();
	await expect(status).toHaveAttribute('data-state', 'ready');
	await expect(page.getByTestId('search-results')).toHaveAttribute('data-state', 'done');
});
