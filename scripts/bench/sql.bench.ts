/**
 * The SQL workbench: time to run each example query in the browser (DuckDB-wasm, through the page,
 * as a user runs it: statement sent, result streamed into Arrow) against the same SQL on native
 * DuckDB over the same Parquet files, p50 over repeats, in the same run.
 */
import type { Page } from '@playwright/test';
import type { BenchContext } from './run';
import { EXAMPLES } from '../../src/lib/sql-workbench/examples';
import { openNative } from '../../src/lib/server/native-db';

const REPEATS = 7;
/** Beside the examples: a large result, to show what streaming 100,000 rows into the page costs. */
const CASES = [...EXAMPLES.map((e) => ({ id: e.id, sql: e.sql })), { id: 'range-100k (2 columns)', sql: "SELECT range AS n, 'row ' || range AS label FROM range(100000)" }];

function p50(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function runInPage(page: Page, sql: string): Promise<{ ms: number; rows: number }> {
	const status = page.getByTestId('run-status');
	const before = Number(await status.getAttribute('data-run'));
	await page.getByTestId('run').click();
	await page.waitForSelector(`[data-testid="run-status"][data-run="${before + 1}"]`, { timeout: 60_000 });
	const state = await status.getAttribute('data-state');
	if (state !== 'done') throw new Error(`the page answered "${state}" for: ${sql}`);
	const summary = page.getByTestId('result-summary');
	return { ms: Number(await summary.getAttribute('data-ms')), rows: Number(await summary.getAttribute('data-rows')) };
}

export default async function sqlBench({ browser, baseURL, dataDir }: BenchContext): Promise<string> {
	const page = await browser.newPage();
	const native = await openNative(dataDir);
	const lines = ['## SQL workbench: example queries, browser vs native', '', `p50 of ${REPEATS} runs after one warm-up. Browser: DuckDB-wasm in the page's worker, from sending the statement to the whole result in Arrow. Native: @duckdb/node-api over the same Parquet, result read into JavaScript rows.`, '', '| example | rows | browser p50 (ms) | native p50 (ms) | browser ÷ native |', '|---|---:|---:|---:|---:|'];
	try {
		await page.goto(`${baseURL}/sql`);
		await page.waitForSelector('[data-testid="db-status"][data-state="ready"]', { timeout: 60_000 });
		const t0 = Date.now();
		// The workbench connection opens just after the status line says ready.
		while (!(await page.getByTestId('reset').isEnabled()) && Date.now() - t0 < 30_000) await page.waitForTimeout(50);
		for (const example of CASES) {
			const editor = page.getByTestId('sql-editor');
			await editor.click();
			await page.keyboard.press('ControlOrMeta+a');
			await page.keyboard.insertText(example.sql);
			const browserMs: number[] = [];
			let rows = 0;
			for (let i = 0; i <= REPEATS; i++) {
				const r = await runInPage(page, example.sql);
				rows = r.rows;
				if (i > 0) browserMs.push(r.ms);
			}
			const nativeMs: number[] = [];
			for (let i = 0; i <= REPEATS; i++) {
				const t = performance.now();
				const result = await native.query(example.sql);
				const ms = performance.now() - t;
				if (result.length !== rows) throw new Error(`${example.id}: ${rows} rows in the browser, ${result.length} native`);
				if (i > 0) nativeMs.push(ms);
			}
			const b = p50(browserMs);
			const n = p50(nativeMs);
			lines.push(`| ${example.id} | ${rows} | ${b.toFixed(1)} | ${n.toFixed(1)} | ${(b / n).toFixed(1)}× |`);
		}
	} finally {
		native.close();
		await page.close();
	}
	return lines.join('\n') + '\n';
}
