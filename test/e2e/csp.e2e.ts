import { test, expect, expectNoBarriers, readTable, waitForBrowserData } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * Every page type carries the Content-Security-Policy in its prerendered HTML, hydrates and gets
 * DuckDB-wasm's answer under it, and the browser reports no violation. Violations are collected from
 * the page itself (securitypolicyviolation events), so a blocked script, style, worker or request
 * is counted even when nothing logs it.
 */
async function recordViolations(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const list: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = list;
		document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
	});
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

async function policyOf(page: Page): Promise<string> {
	return (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
}

test('the policy forbids inline script and every other origin, and allows only what DuckDB-wasm needs', async ({ page }) => {
	await page.goto('/');
	const policy = await policyOf(page);
	expect(policy).toContain("default-src 'self'");
	expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/);
	expect(policy).not.toContain("'unsafe-eval'");
	expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
	expect(policy).toContain("worker-src 'self'");
	expect(policy).toContain("connect-src 'self'");
	expect(policy).toContain("object-src 'none'");
	expect(policy).not.toMatch(/https?:/);
});

test('an inline script injected into a page is refused by the policy', async ({ page }) => {
	await recordViolations(page);
	await page.goto('/');
	await waitForBrowserData(page, 'matrix');
	const ran = await page.evaluate(() => {
		const s = document.createElement('script');
		s.textContent = 'window.__injected = true';
		document.body.append(s);
		return (window as unknown as { __injected?: boolean }).__injected === true;
	});
	expect(ran).toBe(false);
	expect((await violations(page)).some((v) => v.startsWith('script-src'))).toBe(true);
});

for (const prefix of ['', '/en']) {
	test(`every page type${prefix ? ' in English' : ''} hydrates and DuckDB answers with 0 violations of the policy, and axe finds no barrier`, async ({ page, offsite, consoleErrors }) => {
		// Ten pages, each waiting for DuckDB-wasm: room for a loaded machine.
		test.setTimeout(180_000);
		const initiatives = await readTable('initiatives');
		const initiative = String(initiatives[0].initiative_id);
		await recordViolations(page);
		// axe: false where another test scans the same page in a fuller state (charts.e2e.ts opens the chart tables).
		const visits: [string, () => Promise<void>, { axe: boolean }][] = [
			[`${prefix}/`, () => waitForBrowserData(page, 'matrix'), { axe: true }],
			[`${prefix}/municipalities/15106`, () => waitForBrowserData(page, 'plan-tree'), { axe: false }],
			[`${prefix}/themes/salon`, () => waitForBrowserData(page, 'theme-initiatives'), { axe: false }],
			[`${prefix}/initiatives/${initiative}`, () => waitForBrowserData(page, 'initiative-name'), { axe: true }],
			[`${prefix}/grading`, () => waitForBrowserData(page, 'generosity'), { axe: false }],
			[`${prefix}/search?q=${encodeURIComponent('サロン')}`, () => expect(page.getByTestId('search-results')).toHaveAttribute('data-state', 'done'), { axe: true }],
			[`${prefix}/sql?q=${encodeURIComponent('SELECT count(*) AS n FROM initiatives')}`, () => expect(page.getByTestId('result-summary')).toHaveAttribute('data-rows', '1'), { axe: true }],
			[`${prefix}/data`, () => expect(page.locator('main h1')).toBeVisible(), { axe: true }],
			[`${prefix}/import`, () => expect(page.getByTestId('db-status')).toHaveAttribute('data-state', 'ready'), { axe: true }],
			[`${prefix}/themes/nonexistent`, () => expect(page.getByTestId('not-found')).toContainText('/themes/nonexistent'), { axe: true }]
		];
		for (const [path, answered, { axe }] of visits) {
			await page.goto(path);
			expect(await policyOf(page), path).toContain("default-src 'self'");
			await answered();
			expect(await violations(page), path).toEqual([]);
			if (axe) await expectNoBarriers(page, path);
		}
		expect(offsite).toEqual([]);
		// The not-found visit logs its own 404 status; nothing else may complain.
		expect(consoleErrors.filter((e) => !/404/.test(e))).toEqual([]);
	});
}

test('the pages with wide tables fit a 390 px phone: their tables scroll in their own box', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 800 });
	for (const path of ['/', '/en/', '/data', '/en/data', '/prefectures', '/en/prefectures', '/prefectures/15']) {
		await page.goto(path);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, path).toBeLessThanOrEqual(390);
		// The list of prefectures is scanned here, on a phone (the other pages of this list are scanned elsewhere).
		if (path.endsWith('/prefectures')) await expectNoBarriers(page);
	}
});

test('a 10,000-character name wraps instead of widening the page', async ({ page }) => {
	const initiatives = await readTable('initiatives');
	await page.setViewportSize({ width: 390, height: 800 });
	await page.goto(`/initiatives/${String(initiatives[0].initiative_id)}`);
	await waitForBrowserData(page, 'initiative-name');
	await page.getByTestId('initiative-name').first().evaluate((el) => {
		el.textContent = 'A'.repeat(10_000);
	});
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(390);
});
