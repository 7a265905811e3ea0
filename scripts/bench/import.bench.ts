/**
 * Bring your own plan: the time from choosing a 2,000-row workbook on /import to the plan on the
 * overview (read, validated, themes/crosswalk/pairing, into DuckDB-wasm, stored, shown), and the
 * bytes the import code adds to pages that do not use it (JavaScript each page loads, compared with
 * /import). Measured, never asserted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { largeExample } from '../../src/lib/import/example';
import { templateSheets, writeWorkbook } from '../../src/lib/import/write-template';
import type { BenchContext } from './run';

const ROUNDS = 3;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bytes of the JavaScript a page requests. */
async function scriptBytes(ctx: BenchContext, path: string): Promise<{ total: number; files: Set<string> }> {
	const context = await ctx.browser.newContext();
	const page = await context.newPage();
	const files = new Set<string>();
	page.on('response', (r) => {
		if (r.url().endsWith('.js')) files.add(new URL(r.url()).pathname);
	});
	await page.goto(`${ctx.baseURL}${path}`);
	await page.getByTestId('db-status').first().waitFor();
	await page.waitForFunction(() => document.querySelector('[data-testid="db-status"]')?.getAttribute('data-state') === 'ready');
	await context.close();
	let total = 0;
	for (const f of files) total += statSync(join('build', f)).size;
	return { total, files };
}

export default async function importBench(ctx: BenchContext): Promise<string> {
	const n = 2000;
	const bytes = Buffer.from(await writeWorkbook(templateSheets(largeExample(n))));
	const times: number[] = [];
	for (let r = 0; r < ROUNDS; r++) {
		const context = await ctx.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${ctx.baseURL}/import`);
		await page.waitForFunction(() => document.querySelector('[data-testid="db-status"]')?.getAttribute('data-state') === 'ready');
		const t0 = Date.now();
		await page.getByTestId('file').setInputFiles({ name: 'bench-2000.xlsx', mimeType: XLSX, buffer: bytes });
		await page.getByTestId('accept').click();
		await page.getByTestId('imports').waitFor();
		const stored = Date.now();
		// The page's own link: a client-side navigation, as a user goes, keeping the running DuckDB-wasm.
		await page.getByTestId('see-overview').first().click();
		await page.locator('tr[data-muni="99001"] [data-testid="imported-mark"]').waitFor({ timeout: 60_000 });
		const shown = Date.now();
		times.push(shown - t0);
		console.log(`import: round ${r + 1}: accepted and stored in ${stored - t0} ms, on the overview after ${shown - t0} ms`);
		await context.close();
	}
	const overview = await scriptBytes(ctx, '/');
	const importPage = await scriptBytes(ctx, '/import');
	const onlyImport = [...importPage.files].filter((f) => !overview.files.has(f));
	const onlyImportBytes = onlyImport.reduce((s, f) => s + statSync(join('build', f)).size, 0);
	// The code every page carries for imports: the IndexedDB store and the loader in the DuckDB chunk.
	const storeInWasmChunk = readdirSync('build/_app/immutable/chunks').filter((f) => readFileSync(join('build/_app/immutable/chunks', f), 'utf8').includes('atlas-imports')).map((f) => statSync(join('build/_app/immutable/chunks', f)).size);
	const sorted = [...times].sort((a, b) => a - b);
	return [
		'## Bring your own plan (import.bench.ts)',
		'',
		`A ${n}-initiative workbook (${(bytes.length / 1024).toFixed(0)} KB; ${n} initiatives, ${2 * n} measures, ${n} grades), chosen on /import, accepted, then the overview opened by the page's link until the plan's row shows (a new browser context each round; DuckDB-wasm already up on /import when the file is chosen).`,
		'',
		`| | ms |`,
		`|---|---:|`,
		`| choose → plan on the overview, median of ${ROUNDS} | ${sorted[Math.floor(ROUNDS / 2)]} |`,
		`| fastest / slowest | ${sorted[0]} / ${sorted[ROUNDS - 1]} |`,
		'',
		`JavaScript the overview loads: ${(overview.total / 1024).toFixed(1)} KB; /import loads ${(importPage.total / 1024).toFixed(1)} KB, of which ${(onlyImportBytes / 1024).toFixed(1)} KB in ${onlyImport.length} files no other page loads (the readers, writers and the import page). The chunk holding the IndexedDB store and the loader of kept imports (shared by every page, in the DuckDB start-up): ${storeInWasmChunk.map((b) => `${(b / 1024).toFixed(1)} KB`).join(', ') || 'not found'}.`,
		''
	].join('\n');
}
