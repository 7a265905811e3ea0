/**
 * Page timings: for each page, cold (new browser context, empty cache) and warm (the same context
 * loading the page again): when the first chart shows (the prerendered one at first paint, and the
 * Observable Plot one once JavaScript ran), and when DuckDB-wasm has answered the page's first own
 * query. In the same run, a bare page with nothing but the data layer measures starting DuckDB-wasm and
 * loading the Parquet files, and how long hyparquet takes to decode each file.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { build } from 'vite';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import type { BenchContext } from './run';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

interface PageSpec {
	name: string;
	path: string;
	/** element whose data-source turns to "browser" once DuckDB-wasm answered (or a selector that appears then) */
	ready: string;
	chart: boolean;
}

interface Timing {
	fcp: number;
	staticChart: number | null;
	plotChart: number | null;
	wasmAnswer: number;
	start: number | null;
	load: number | null;
}

const ROUNDS = 3;

async function pickIds(dataDir: string): Promise<{ muni: string; initiative: string }> {
	const read = async (name: string) => {
		const bytes = readFileSync(join(dataDir, `${name}.parquet`));
		return parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
	};
	const initiatives = await read('initiatives');
	const counts = new Map<string, number>();
	for (const i of initiatives) counts.set(String(i.muni_code), (counts.get(String(i.muni_code)) ?? 0) + 1);
	const muni = [...counts].sort((a, b) => b[1] - a[1])[0][0];
	return { muni, initiative: String(initiatives[0].initiative_id) };
}

/**
 * Installed before any page script: notes the first moment each condition holds, from DOM mutations,
 * so one condition waiting does not delay the measurement of another.
 */
function watchMarks(conditions: Record<string, string>): string {
	// A string, not a function: the page must get the code exactly as written (no transpiler helpers).
	return `(() => {
		const conditions = ${JSON.stringify(conditions)};
		const marks = {};
		window.__marks = marks;
		const check = () => {
			for (const [name, selector] of Object.entries(conditions)) if (!(name in marks) && document.querySelector(selector)) marks[name] = performance.now();
		};
		new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
		document.addEventListener('DOMContentLoaded', check);
	})();`;
}

async function timePage(page: Page, spec: PageSpec): Promise<Timing> {
	const ready = spec.ready.startsWith('[') ? spec.ready : `[data-testid="${spec.ready}"][data-source="browser"]`;
	const conditions: Record<string, string> = { answer: ready };
	if (spec.chart) Object.assign(conditions, { chart: 'figure.chart svg', plot: 'figure.chart[data-rendered="browser"]' });
	await page.addInitScript({ content: watchMarks(conditions) });
	await page.goto(spec.path, { waitUntil: 'commit' });
	await page.waitForSelector(ready, { timeout: 120_000 });
	if (spec.chart) await page.waitForSelector('figure.chart[data-rendered="browser"]', { timeout: 60_000 });
	const marks = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
	const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
	// The status line reports DuckDB's own start and load times: ms numbers in its text.
	const status = (await page.getByTestId('db-status').first().textContent()) ?? '';
	const ms = [...status.matchAll(/(\d+)\s*ms/g)].map((m) => Number(m[1]));
	// The prerendered chart is in the HTML: it shows with the first paint.
	const staticChart = spec.chart ? Math.max(marks.chart ?? 0, fcp) : null;
	return { fcp, staticChart, plotChart: marks.plot ?? null, wasmAnswer: marks.answer, start: ms[0] ?? null, load: ms[1] ?? null };
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

/** A page with nothing but the data layer, bundled by Vite from the site's own modules into a temporary folder. */
async function bareBundle(): Promise<string> {
	const root = mkdtempSync(join(tmpdir(), 'atlas-bare-'));
	const src = resolve('src/lib/db');
	writeFileSync(join(root, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bare</title><script type="module" src="./bare.ts"></script>\n');
	writeFileSync(
		join(root, 'bare.ts'),
		`import { database } from ${JSON.stringify(join(src, 'wasm.ts'))};
import { parquetToArrow } from ${JSON.stringify(join(src, 'parquet-to-arrow.ts'))};
import { ALL_TABLES } from ${JSON.stringify(resolve('src/lib/contract/index.ts'))};
import { parquetReadObjects } from 'hyparquet';
(window as any).bare = async () => {
	const t0 = performance.now();
	const db = await database('');
	await db.query('SELECT count(*) FROM initiatives');
	const total = performance.now() - t0;
	const files = [];
	for (const table of ALL_TABLES) {
		const bytes = await (await fetch('/data/' + table.name + '.parquet')).arrayBuffer();
		const a = performance.now();
		const rows = await parquetReadObjects({ file: bytes });
		const b = performance.now();
		await parquetToArrow(table, bytes);
		const c = performance.now();
		files.push({ name: table.name, bytes: bytes.byteLength, rows: rows.length, decode: b - a, toArrow: c - a });
	}
	return { total, start: db.timings.start, load: db.timings.load, files };
};
`
	);
	await build({ configFile: false, root, logLevel: 'silent', base: '/__bare/', resolve: { alias: { hyparquet: resolve('node_modules/hyparquet') } }, build: { outDir: join(root, 'dist'), emptyOutDir: true } });
	return join(root, 'dist');
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

async function serveBare(context: BrowserContext, dist: string, baseURL: string): Promise<void> {
	await context.route(`${baseURL}/__bare/**`, (route) => {
		const rel = new URL(route.request().url()).pathname.replace(/^\/__bare\//, '') || 'index.html';
		const file = join(dist, rel);
		if (!existsSync(file) || !statSync(file).isFile()) return route.fulfill({ status: 404, body: 'not found' });
		return route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
	});
}

interface Bare {
	total: number;
	start: number;
	load: number;
	files: { name: string; bytes: number; rows: number; decode: number; toArrow: number }[];
}

async function timeBare(browser: Browser, dist: string, baseURL: string): Promise<Bare> {
	const context = await browser.newContext({ baseURL });
	await serveBare(context, dist, baseURL);
	const page = await context.newPage();
	await page.goto('/__bare/index.html');
	await page.waitForFunction(() => typeof (window as unknown as { bare?: unknown }).bare === 'function');
	const r = (await page.evaluate(() => (window as unknown as { bare: () => Promise<unknown> }).bare())) as Bare;
	await context.close();
	return r;
}

/** Chromium's trace events about the WebAssembly code cache (Blink emits them; category devtools.timeline). */
const WASM_CACHE_EVENTS = ['v8.wasm.cachedModule', 'v8.wasm.moduleCacheHit', 'v8.wasm.moduleCacheInvalid', 'v8.wasm.moduleCacheInvalidDigest'] as const;
type CacheEvents = Record<(typeof WASM_CACHE_EVENTS)[number], number>;

async function traceWasmCache(cdp: CDPSession): Promise<() => Promise<CacheEvents>> {
	const counts = Object.fromEntries(WASM_CACHE_EVENTS.map((e) => [e, 0])) as CacheEvents;
	cdp.on('Tracing.dataCollected', (e: { value: { name?: string }[] }) => {
		for (const ev of e.value) if (ev.name && ev.name in counts) counts[ev.name as keyof CacheEvents]++;
	});
	await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
	return async () => {
		const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
		await cdp.send('Tracing.end');
		await done;
		return counts;
	};
}

interface StartVisit {
	timing: Timing;
	events: CacheEvents;
}

/** V8 writes its cache only after no new optimized code for 2 s: the first visit stays open this long. */
const CACHE_QUIET_MS = 4000;

/**
 * Cold and warm start as a returning visitor gets them: a browser profile on disk (Chromium keeps
 * compiled WebAssembly only there: Playwright's ordinary contexts are off the record and have no
 * code cache), first visit with an empty profile, then a second visit in a new tab of the same
 * profile. Chromium's own trace events say whether the compiled module was stored and found.
 */
async function timeStarts(baseURL: string, spec: PageSpec): Promise<{ cold: StartVisit; warm: StartVisit }> {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-profile-'));
	const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, baseURL });
	try {
		const visit = async (stayMs: number): Promise<StartVisit> => {
			const page = await context.newPage();
			const stop = await traceWasmCache(await context.newCDPSession(page));
			const timing = await timePage(page, spec);
			if (stayMs) await page.waitForTimeout(stayMs);
			const events = await stop();
			await page.close();
			return { timing, events };
		};
		const cold = await visit(CACHE_QUIET_MS);
		const warm = await visit(0);
		return { cold, warm };
	} finally {
		await context.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

function startSection(runs: { cold: StartVisit; warm: StartVisit }[], spec: PageSpec): string[] {
	const m = (pick: (r: { cold: StartVisit; warm: StartVisit }) => number | null) => median(runs.map(pick).filter((x): x is number => x !== null && !Number.isNaN(x)));
	const f = (n: number) => (Number.isNaN(n) ? '—' : String(Math.round(n)));
	const sum = (key: keyof CacheEvents, which: 'cold' | 'warm') => runs.reduce((n, r) => n + r[which].events[key], 0);
	const rows: [string, (v: StartVisit) => number | null][] = [
		['DuckDB start (worker, module, database file)', (v) => v.timing.start],
		['database attached and locked', (v) => v.timing.load],
		["page's first DuckDB answer shown", (v) => v.timing.wasmAnswer]
	];
	const lines = [
		'## DuckDB-wasm start: first visit against second visit',
		'',
		`Median of ${runs.length} rounds on \`${spec.path}\`, milliseconds. Each round: a new browser profile on disk, a first visit (kept open ${CACHE_QUIET_MS / 1000} s, for the compiled module to be stored), then a second visit in a new tab. Chromium stores compiled WebAssembly only in a profile on disk, so this is what a returning visitor gets; the table above uses ordinary (off-the-record) contexts, which have no code cache.`,
		'',
		'| | first visit | second visit | second ÷ first |',
		'|---|---:|---:|---:|'
	];
	for (const [name, pick] of rows) {
		const cold = m((r) => pick(r.cold));
		const warm = m((r) => pick(r.warm));
		lines.push(`| ${name} | ${f(cold)} | ${f(warm)} | ${(warm / cold).toFixed(2)} |`);
	}
	lines.push(
		'',
		`Chromium's code-cache events over all rounds (trace category devtools.timeline): compiled module stored ${sum('v8.wasm.cachedModule', 'cold')}× on first visits; found ${sum('v8.wasm.moduleCacheHit', 'warm')}× on second visits (rejected: ${sum('v8.wasm.moduleCacheInvalid', 'warm') + sum('v8.wasm.moduleCacheInvalidDigest', 'warm')}).`,
		''
	);
	return lines;
}

export default async function pagesBench({ browser, baseURL, dataDir }: BenchContext): Promise<string> {
	const { muni, initiative } = await pickIds(dataDir);
	const pages: PageSpec[] = [
		{ name: 'overview', path: '/', ready: 'matrix', chart: true },
		{ name: 'municipality', path: `/municipalities/${muni}`, ready: 'plan-tree', chart: true },
		{ name: 'theme', path: '/themes/salon', ready: 'theme-initiatives', chart: true },
		{ name: 'initiative', path: `/initiatives/${initiative}`, ready: 'initiative-name', chart: false },
		{ name: 'grading', path: '/grading', ready: 'generosity', chart: true },
		{ name: 'search', path: `/search?q=${encodeURIComponent('サロン')}`, ready: '[data-testid="search-results"][data-state="done"]', chart: false }
	];
	const dist = await bareBundle();
	const bares: Bare[] = [];
	const results: { spec: PageSpec; cold: Timing[]; warm: Timing[] }[] = pages.map((spec) => ({ spec, cold: [], warm: [] }));
	for (let round = 0; round < ROUNDS; round++) {
		bares.push(await timeBare(browser, dist, baseURL));
		for (const r of results) {
			const context = await browser.newContext({ baseURL });
			const page = await context.newPage();
			r.cold.push(await timePage(page, r.spec));
			r.warm.push(await timePage(page, r.spec));
			await context.close();
		}
	}
	const bareTotal = median(bares.map((b) => b.total));
	const f = (n: number | null) => (n === null || Number.isNaN(n) ? '—' : String(Math.round(n)));
	const lines = [
		'## Pages (first chart, DuckDB-wasm\'s first answer)',
		'',
		`Median of ${ROUNDS} rounds, milliseconds from navigation start. "Prerendered chart": the chart in the prerendered HTML, shown at first contentful paint (before any JavaScript). "Plot chart": Observable Plot has redrawn it in the browser. "Wasm answer": DuckDB-wasm has answered the page's own query and the page shows that answer. Ratio: wasm answer ÷ bare start-and-load (${f(bareTotal)} ms) measured in the same run.`,
		'',
		'| page | cache | first paint | prerendered chart | Plot chart | wasm answer | DuckDB start | Parquet load | wasm answer ÷ bare |',
		'|---|---|---:|---:|---:|---:|---:|---:|---:|'
	];
	for (const r of results) {
		for (const [cache, ts] of [['cold', r.cold], ['warm', r.warm]] as const) {
			const m = (k: keyof Timing) => {
				const xs = ts.map((t) => t[k]).filter((x): x is number => x !== null && !Number.isNaN(x));
				return xs.length ? median(xs) : null;
			};
			const answer = m('wasmAnswer');
			lines.push(`| ${r.spec.name} (\`${r.spec.path}\`) | ${cache} | ${f(m('fcp'))} | ${f(m('staticChart'))} | ${f(m('plotChart'))} | ${f(answer)} | ${f(m('start'))} | ${f(m('load'))} | ${answer === null ? '—' : (answer / bareTotal).toFixed(2)} |`);
		}
	}
	const last = bares[bares.length - 1];
	lines.push(
		'',
		'## Bare data layer (no page around it)',
		'',
		`Start DuckDB-wasm, fetch and decode every Parquet file (hyparquet → Arrow), insert, first query: median ${f(bareTotal)} ms (DuckDB start incl. fetch ${f(median(bares.map((b) => b.start)))} ms, decode and insert ${f(median(bares.map((b) => b.load)))} ms).`,
		'',
		'| file | bytes | rows | hyparquet decode ms | decode + Arrow ms | share of bare total |',
		'|---|---:|---:|---:|---:|---:|'
	);
	let decodeSum = 0;
	for (const file of last.files) {
		const decode = median(bares.map((b) => b.files.find((x) => x.name === file.name)!.decode));
		const arrow = median(bares.map((b) => b.files.find((x) => x.name === file.name)!.toArrow));
		decodeSum += arrow;
		lines.push(`| ${file.name} | ${file.bytes} | ${file.rows} | ${decode.toFixed(1)} | ${arrow.toFixed(1)} | ${((arrow / bareTotal) * 100).toFixed(1)}% |`);
	}
	lines.push(`| all | | | | ${decodeSum.toFixed(1)} | ${((decodeSum / bareTotal) * 100).toFixed(1)}% |`, '');
	lines.push('parquet-wasm (the other candidate reader) is not a dependency; it was measured once against this path: see PARQUET-READERS.md.', '');
	const starts = [];
	for (let round = 0; round < ROUNDS; round++) starts.push(await timeStarts(baseURL, pages[0]));
	lines.push(...startSection(starts, pages[0]));
	return lines.join('\n');
}
