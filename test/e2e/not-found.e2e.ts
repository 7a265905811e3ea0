import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';

/**
 * Unknown addresses of every kind get the site's not-found page with status 404, in the language of
 * the address, and a way back; the page is the build's own 404.html, so any static host can serve it.
 */
const addresses = [
	{ path: '/municipalities/99999', lang: 'ja' },
	{ path: '/themes/nonexistent', lang: 'ja' },
	{ path: '/initiatives/99999-001', lang: 'ja' },
	{ path: '/no/such/page', lang: 'ja' },
	{ path: '/en/municipalities/99999', lang: 'en' },
	{ path: '/en/themes/nonexistent', lang: 'en' },
	{ path: '/en/initiatives/99999-001', lang: 'en' },
	{ path: '/en/no-such-page', lang: 'en' }
] as const;

const heading = { ja: 'ページが見つかりません', en: 'Page not found' };
const back = { ja: '概要（市区町村の一覧）へ戻る', en: 'Back to the overview (every municipality)' };

for (const { path, lang } of addresses) {
	test(`${path} answers 404 with a not-found page in ${lang === 'ja' ? 'Japanese' : 'English'} and a way back`, async ({ page, offsite, consoleErrors }) => {
		// Console errors are not checked here: Chromium logs the 404 status of the page itself.
		void consoleErrors;
		const response = await page.goto(path);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading[lang]);
		await expect(page).toHaveTitle(new RegExp(heading[lang]));
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		// The address the user asked for is named once the page runs.
		await expect(page.getByTestId('not-found')).toContainText(path);
		// Styled like every page: the site header is there.
		await expect(page.locator('.site-header')).toBeVisible();
		await expect(page.locator('.site-header')).toHaveCSS('display', 'flex');
		await page.getByRole('link', { name: back[lang] }).click();
		await expect(page).toHaveURL(lang === 'ja' ? /\/$/ : /\/en$/);
		await expect(page.getByTestId('not-found')).toHaveCount(0);
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(heading[lang]);
		expect(offsite).toEqual([]);
	});
}

test('the build holds a not-found page per language for static hosts, readable before any script runs', async ({ browser }) => {
	for (const [file, lang] of [['build/404.html', 'ja'], ['build/en/404.html', 'en']] as const) {
		const html = readFileSync(file, 'utf8');
		expect(html).toContain(heading[lang]);
		expect(html).toContain(back[lang]);
		expect(html).not.toContain('./_app/');
	}
	// Without JavaScript the page still reads and links back.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const response = await page.goto('/en/themes/nonexistent');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading.en);
	await expect(page.getByRole('link', { name: back.en })).toHaveAttribute('href', '/en');
	await context.close();
});
