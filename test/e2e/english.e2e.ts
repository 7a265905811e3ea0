import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, readTable } from './fixtures';

/**
 * English pages speak English outside the source text. Source text (names, cells, lines as printed)
 * is marked lang="ja"; everything else is the page's own words and must not be Japanese, must not
 * join a list with the Japanese comma, and a field label must stand apart from the column name shown
 * beside it ("Number (code)", never "Numbercode"). Every prerendered English page is read as it
 * arrives (JavaScript off: what shows before DuckDB-wasm starts).
 */
const JAPANESE = /[\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u9fff\uff01-\uff60\uff61-\uff9f]/;

function englishPages(): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const file = join(dir, name);
			if (statSync(file).isDirectory()) walk(file);
			else if (name.endsWith('.html')) out.push('/' + relative('build', file).replace(/(index)?\.html$/, '').replace(/\/$/, ''));
		}
	};
	walk('build/en');
	return out.sort();
}

/** What a page says in its own words: text outside lang="ja", with where it stands. */
async function chromeProblems(page: Page): Promise<string[]> {
	return page.evaluate((pattern) => {
		const japanese = new RegExp(pattern);
		// A level name used as a label, with its number (基本目標2, 施策（１）), or standing alone.
		const levels = /^\s*(基本目標|基本施策|施策|活動目標|分野別計画)\s*$|(基本目標|基本施策|施策|活動目標|分野別計画)\s*[0-9０-９（(]/;
		const problems: string[] = [];
		const where = (el: Element) => {
			const parts: string[] = [];
			for (let e: Element | null = el; e && e !== document.body && parts.length < 3; e = e.parentElement) parts.unshift(e.tagName.toLowerCase() + (e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''));
			return parts.join(' > ');
		};
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement!;
			// A chart's tick labels are the data's own names (Plot draws them; its table beside marks them as source text).
			if (el.closest('[lang]')?.getAttribute('lang') !== 'en' || el.closest('script, style, noscript, svg')) continue;
			const text = n.textContent ?? '';
			// An English sentence may gloss a Japanese term ("a repeated (再掲) row"); a text with no English
			// word in it is an untranslated label, and a plan's level names are never left in Japanese.
			if (japanese.test(text) && (!/[A-Za-z]{3,}/.test(text) || levels.test(text))) problems.push(`Japanese outside source text: "${text.trim().slice(0, 60)}" in ${where(el)}`);
		}
		// Lists the page joins itself (departments, municipalities) use the page's separator even around Japanese names.
		for (const el of document.querySelectorAll('[data-list]')) if ((el.textContent ?? '').includes('、')) problems.push(`Japanese comma in a list: "${el.textContent!.slice(0, 60)}" in ${where(el)}`);
		for (const dt of document.querySelectorAll('dt:has(.field-name)')) {
			const text = (dt as HTMLElement).innerText.trim();
			if (!/\S \(\S+\)$/.test(text)) problems.push(`field label run together with its column name: "${text}"`);
		}
		if (!document.title.trim()) problems.push('no page title');
		return problems;
	}, JAPANESE.source);
}

test.describe('every prerendered English page, before JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('speaks English outside the source text, lists with commas, labels apart from column names', async ({ page }) => {
		test.setTimeout(240_000);
		// The ~1,900 pages of municipalities without a report are one template with a name and a prefecture
		// in it: one of them per prefecture is read, every other prerendered page is read whole.
		const reporting = new Set((await readTable('municipalities')).filter((m) => m.has_report).map((m) => String(m.muni_code)));
		const seen = new Set<string>();
		const pages = englishPages().filter((path) => {
			const code = /^\/en\/municipalities\/(\d{5})$/.exec(path)?.[1];
			if (!code || reporting.has(code)) return true;
			if (seen.has(code.slice(0, 2))) return false;
			seen.add(code.slice(0, 2));
			return true;
		});
		expect(pages.length).toBeGreaterThan(100);
		expect(seen.size, 'a page without a report from every prefecture').toBe(47);
		const found: string[] = [];
		for (const path of pages) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			for (const p of await chromeProblems(page)) found.push(`${path}: ${p}`);
		}
		expect(found).toEqual([]);
	});
});

// The same once DuckDB-wasm has answered (search hits, SQL results and page refreshes are drawn in the browser).
const LIVE = ['/en', '/en/municipalities/15106', '/en/themes/salon', '/en/initiatives/15106-001', '/en/grading', '/en/search?q=%E3%82%B5%E3%83%AD%E3%83%B3', '/en/sql', '/en/data'];
test('English pages speak English once the in-browser database has answered', async ({ page }) => {
	test.setTimeout(180_000);
	const found: string[] = [];
	for (const path of LIVE) {
		await page.goto(path);
		const status = page.getByTestId('db-status');
		if (await status.count()) await expect(status.first()).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
		if (path === '/en/sql') {
			await page.getByTestId('run').click();
			await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done');
		}
		for (const p of await chromeProblems(page)) found.push(`${path}: ${p}`);
	}
	expect(found).toEqual([]);
	await page.goto('/en/sql');
	await expect(page).toHaveTitle(/SQL/);
});
