import { test as base, expect } from '@playwright/test';
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
