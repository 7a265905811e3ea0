import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * axe (axe-core through @axe-core/playwright) on every kind of page in both languages, after the
 * in-browser database has answered (the live content is what users read). One page load serves
 * every view of a page: the overview's matrix is checked in each of its three views.
 * Serious and critical violations fail the test, with what and where.
 */
async function violations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} in all` : ''}`);
}

async function settled(page: Page) {
	const status = page.getByTestId('db-status');
	if (await status.count()) await expect(status.first()).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
}

const PATHS = ['/', '/municipalities/01230', '/municipalities/11233', '/municipalities/15106', '/municipalities/15107', '/municipalities/35203', '/themes/salon', '/themes/small_area_network', '/initiatives/15106-001', '/grading', '/search?q=サロン', '/sql', '/data', '/no-such-page'];

for (const lang of ['ja', 'en'] as const) {
	const prefix = lang === 'ja' ? '' : '/en';
	for (const path of PATHS) {
		test(`axe: ${prefix}${path} has no serious or critical violation`, async ({ page }) => {
			await page.goto(prefix + path);
			await settled(page);
			const found: string[] = [];
			if (path === '/') {
				for (const metric of ['count', 'score', 'achievement']) {
					await page.getByTestId(`metric-${metric}`).click();
					await expect(page.getByTestId('matrix')).toHaveAttribute('data-metric', metric);
					for (const v of await violations(page)) found.push(`[${metric}] ${v}`);
				}
			} else {
				if (path === '/sql') {
					await page.getByTestId('run').click();
					await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'done');
				}
				found.push(...(await violations(page)));
			}
			expect(found).toEqual([]);
		});
	}
}
