/**
 * Bring your own plan: the time from choosing a 2,000-row workbook on /import to the plan on the
 * overview (read, validated, themes/crosswalk/pairing, into DuckDB-wasm, stored, shown), and the
 * bytes the import code adds to pages that do not use it (JavaScript each page loads, compared with
 * /import). Measured, never asserted.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { largeExample } from '../../src/lib/import/example';
import { templateSheets, writeWorkbook } from '../../src/lib/import/write-template';
import type { BenchContext } from './run';
import { IMPORT_MEASURE } from '../../src/lib/import/timing';
import { QUERY_MEASURE } from '../../src/lib/db/connector';

const ROUNDS = 3;
/** The steps of the page's User Timing (src/lib/import/timing.ts) printed per round, in the order they run. */
const STEPS = ['read workbook', 'template cells', 'records (contract checks)', 'common ground (crosswalk, themes, pairing)', 'comparables', 'into DuckDB', 'IndexedDB write'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Pages that do not use the import code (one of each kind), as a visitor who never imported opens them. */
const OTHER_PAGES = ['/', '/prefectures', '/prefectures/15', '/municipalities/15107', '/themes/salon', '/initiatives/15107-019', '/grading', '/search?q=%E3%82%B5%E3%83%AD%E3%83%B3', '/sql', '/data', '/import/guide'];
const CLIENT = '.svelte-kit/output/client';

/** The JavaScript files a page requests until DuckDB-wasm has answered (where the page starts it). */
async function scriptFiles(ctx: BenchContext, path: string): Promise<Set<string>> {
	const context = await ctx.browser.newContext();
	const page = await context.newPage();
	const files = new Set<string>();
	page.on('response', (r) => {
		if (r.url().endsWith('.js')) files.add(new URL(r.url()).pathname.slice(1));
	});
	await page.goto(`${ctx.baseURL}${path}`);
	if (await page.getByTestId('db-status').count()) await page.waitForFunction(() => document.querySelector('[data-testid="db-status"]')?.getAttribute('data-state') === 'ready', null, { timeout: 120_000 });
	else await page.waitForLoadState('networkidle');
	await context.close();
	return files;
}

type Manifest = Record<string, { file: string; src?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }>;

/**
 * The import code, from Vite's manifest of the build: what the /import page's node reaches by static
 * imports and no other page's node reaches, and the chunks a page fetches only to load kept imports
 * (the dynamic imports of the IndexedDB store and of the loader, src/lib/db/wasm.ts).
 */
function importFiles(): Set<string> {
	const manifest = JSON.parse(readFileSync(join(CLIENT, '.vite/manifest.json'), 'utf8')) as Manifest;
	// Static imports, and for other pages dynamic ones too: the DuckDB start-up chunk is imported
	// statically by /import and dynamically by every other page, and is not import code.
	const reach = (key: string, seen = new Set<string>(), dynamic = false) => {
		if (seen.has(key) || !manifest[key]) return seen;
		seen.add(key);
		for (const k of [...(manifest[key].imports ?? []), ...(dynamic ? (manifest[key].dynamicImports ?? []) : [])]) reach(k, seen, dynamic);
		return seen;
	};
	const nodes = Object.keys(manifest).filter((k) => /client-optimized\/nodes\/\d+\.js$/.test(k));
	const nodeSource = (k: string) => readFileSync(k, 'utf8');
	const importNode = nodes.find((k) => /routes\/\[\[lang=lang\]\]\/import\/\+page\.svelte/.test(nodeSource(k)));
	if (!importNode) throw new Error('no node for the /import page in the manifest');
	const others = new Set(nodes.filter((k) => k !== importNode).flatMap((k) => [...reach(k, new Set(), true)]));
	const only = [...reach(importNode)].filter((k) => !others.has(k));
	const loaders = Object.values(manifest).flatMap((m) => m.dynamicImports ?? []).filter((k) => manifest[k] && readFileSync(join(CLIENT, manifest[k].file), 'utf8').match(/createObjectStore|atlas_import_stage/));
	return new Set([...only, ...loaders].map((k) => manifest[k].file));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const size = (files: Iterable<string>) => [...files].reduce((s, f) => s + statSync(join('build', f)).size, 0);

export default async function importBench(ctx: BenchContext): Promise<string> {
	const n = 2000;
	const bytes = Buffer.from(await writeWorkbook(templateSheets(largeExample(n))));
	const imports = importFiles();
	const pages: { path: string; files: Set<string>; carried: string[] }[] = [];
	for (const path of OTHER_PAGES) {
		const files = await scriptFiles(ctx, path);
		pages.push({ path, files, carried: [...files].filter((f) => imports.has(f)) });
	}
	const importPage = await scriptFiles(ctx, '/import');
	// Printed at once: the timing rounds below can take long on a loaded machine.
	for (const p of pages) console.log(`import: ${p.path}: ${p.files.size} JS files, ${kb(size(p.files))}, import files among them: ${p.carried.join(', ') || 'none'}`);
	console.log(`import: /import: ${importPage.size} JS files, ${kb(size(importPage))}; import code ${imports.size} files, ${kb(size(imports))}`);
	const times: number[] = [];
	for (let r = 0; r < ROUNDS; r++) {
		const context = await ctx.browser.newContext();
		const page = await context.newPage();
		await page.goto(`${ctx.baseURL}/import`);
		await page.waitForFunction(() => document.querySelector('[data-testid="db-status"]')?.getAttribute('data-state') === 'ready', null, { timeout: 120_000 });
		const t0 = Date.now();
		await page.getByTestId('file').setInputFiles({ name: 'bench-2000.xlsx', mimeType: XLSX, buffer: bytes });
		// Generous waits: this measures, it does not judge; a loaded machine can take long.
		await page.getByTestId('accept').click({ timeout: 180_000 });
		await page.getByTestId('imports').waitFor({ timeout: 180_000 });
		const stored = Date.now();
		// The page's own link: a client-side navigation, as a user goes, keeping the running DuckDB-wasm.
		await page.getByTestId('see-overview').first().click();
		await page.locator('tr[data-muni="99001"] [data-testid="imported-mark"]').waitFor({ timeout: 180_000 });
		const shown = Date.now();
		times.push(shown - t0);
		// Where the round's time went: each step's User Timing entry, and the overview's queries (those after the link was followed).
		const steps = await page.evaluate(([importName, queryName]) => ({
			steps: performance.getEntriesByName(importName).map((e) => [String((e as PerformanceMeasure).detail), e.duration] as const),
			queries: performance.getEntriesByName(queryName).map((e) => [e.startTime, e.duration] as const),
			accepted: performance.getEntriesByName(importName).at(-1)?.startTime ?? 0
		}), [IMPORT_MEASURE, QUERY_MEASURE]);
		const ms = (name: string) => Math.round(steps.steps.filter(([d]) => d === name).reduce((a, [, d]) => a + d, 0));
		const overviewQueries = Math.round(steps.queries.filter(([start]) => start > steps.accepted).reduce((a, [, d]) => a + d, 0));
		console.log(`import: round ${r + 1}: accepted and stored in ${stored - t0} ms, on the overview after ${shown - t0} ms; steps (ms): ${STEPS.map((n) => `${n} ${ms(n)}`).join(', ')}, the overview's queries ${overviewQueries}`);
		await context.close();
	}
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
		`The import code (${imports.size} files, ${kb(size(imports))}: the /import page's own chunks and the two chunks a page fetches only when this browser keeps imports; found in Vite's manifest of the build), and the JavaScript each other page loads, in a fresh browser that never imported, until DuckDB-wasm answers:`,
		'',
		'| page | JS files | JS loaded | import files among them | bytes the import code adds |',
		'|---|---:|---:|---|---:|',
		...pages.map((p) => `| ${decodeURIComponent(p.path)} | ${p.files.size} | ${kb(size(p.files))} | ${p.carried.join(', ') || 'none'} | ${size(p.carried)} |`),
		`| /import (for comparison) | ${importPage.size} | ${kb(size(importPage))} | ${[...importPage].filter((f) => imports.has(f)).length} of ${imports.size} | ${kb(size([...importPage].filter((f) => imports.has(f))))} |`,
		'',
		'What every page still carries for imports is inside shared code, not an import module: the check whether the browser keeps an IndexedDB store named atlas-imports, and the statements creating the empty imported database and its views (src/lib/db/imported.ts).',
		''
	].join('\n');
}
