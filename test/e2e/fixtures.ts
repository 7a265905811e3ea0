import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parquetReadObjects } from 'hyparquet';

/**
 * Every page test gets a page that records requests to other origins and console errors:
 * the site must work offline and quietly. Expected values come from the Parquet files themselves.
 */
export const test = base.extend<{ offsite: string[]; consoleErrors: string[] }>({
	offsite: async ({ page, baseURL }, use) => {
		const origin = new URL(baseURL!).origin;
		const list: string[] = [];
		page.on('request', (req) => {
			const url = req.url();
			if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) list.push(url);
		});
		await use(list);
	},
	consoleErrors: async ({ page }, use) => {
		const list: string[] = [];
		page.on('console', (msg) => {
			if (msg.type() === 'error') list.push(msg.text());
		});
		page.on('pageerror', (err) => list.push(err.message));
		await use(list);
	}
});

export { expect };

export async function readTable(name: string): Promise<Record<string, unknown>[]> {
	const bytes = readFileSync(`build/data/${name}.parquet`);
	return parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
}

export type Rec = Record<string, unknown>;

/** The dataset's tables at once, read from the Parquet files the site serves. */
export async function readTables<K extends string>(...names: K[]): Promise<Record<K, Rec[]>> {
	const out = {} as Record<K, Rec[]>;
	for (const n of names) out[n] = await readTable(n);
	return out;
}

/** Text of every searchable field of an initiative: name, description, departments and its measures. */
export function searchableText(initiative: Rec, measures: readonly Rec[]): string {
	const own = measures.filter((m) => m.initiative_id === initiative.initiative_id).map((m) => String(m.raw_text));
	return [initiative.name_ja, initiative.description_ja ?? '', ...((initiative.departments as string[]) ?? []), ...own].join(' ');
}

/** Waits until DuckDB-wasm is up and the page shows the answer of its own query. */
export async function waitForBrowserData(page: import('@playwright/test').Page, testId: string): Promise<void> {
	await expect(page.getByTestId('db-status').first()).toHaveAttribute('data-state', 'ready');
	await expect(page.getByTestId(testId).first()).toHaveAttribute('data-source', 'browser');
}

/** axe's serious and critical findings on the page as it stands, each with what and where. */
export async function barriers(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} in all` : ''}`);
}

/**
 * No serious or critical axe violation on the page as the user sees it now. Called inside the visits the
 * tests already make, once the page shows what the test checked (a second visit only for axe would double
 * the suite's page loads); test/e2e/accessibility.e2e.ts lists which visit scans which kind of page.
 */
export async function expectNoBarriers(page: Page, where = new URL(page.url()).pathname + new URL(page.url()).search): Promise<void> {
	expect(await barriers(page), `axe on ${where}`).toEqual([]);
}
