/**
 * The browser's figures, five-city build against the synthetic national one, in one run:
 * - each page (overview, a prefecture page, a theme page, and the others for their queries), cold:
 *   bytes transferred before the first chart and when it shows, when DuckDB-wasm has answered the
 *   page's own query, bytes of the database DuckDB read, and the duration of every query the page ran
 *   (User Timing entries the connector leaves, src/lib/db/wasm.ts) for p50 and p95;
 * - a bare page with nothing but the data layer: DuckDB start, database attached, first answer, and
 *   one prefecture's rows read (time and bytes);
 * - the workbench with the whole country loaded (its "load everything"): the tab's memory, from
 *   Chromium's own figures (CDP Performance.getMetrics, and the renderer process's resident memory
 *   for the process CDP SystemInfo names);
 * - DuckDB-wasm's first against second visit in a profile on disk (the compiled-module cache).
 *
 * Options (environment), for a shorter run: BENCH_ROUNDS=N rounds (default 3); BENCH_PARTS, a comma
 * list of pages, bare, memory, starts (default all four); BENCH_PAGES, a comma list of page names
 * (overview, prefecture, theme, municipality, initiative, grading, search; default all). For example
 * BENCH_PARTS=starts npm run bench -- pages measures only the warm ÷ cold start. BENCH_CHROMIUM_ARGS adds
 * Chromium flags (space-separated) to the profile-on-disk runs of the start part, to test a browser
 * policy: BENCH_CHROMIUM_ARGS=--js-flags=--wasm-caching-threshold=1 shows what a stored module gives.
 * `npx tsx scripts/bench/run.ts pages` runs these on the builds already there (npm run bench builds first).
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { build } from 'vite';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import type { BenchContext, Site } from './run';
import { QUERY_MEASURE } from '../../src/lib/db/connector';
import { viewHref } from '../../src/lib/scale/prerender';
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
	wasmAnswer: number | null;
	start: number | null;
	load: number | null;
	/** Bytes received before the first chart showed (the Plot one; without a chart, before the page's answer or load). */
	bytesBeforeChart: number;
	/** Bytes of the published database DuckDB read (range requests) during the visit. */
	dbBytes: number;
	dbRequests: number;
	/** Every page query's duration, ms. */
	queries: number[];
}

const ROUNDS = 3;
const PARTS = new Set((process.env.BENCH_PARTS ?? 'pages,bare,memory,starts').split(',').map((p) => p.trim()));
const PAGES = process.env.BENCH_PAGES ? new Set(process.env.BENCH_PAGES.split(',').map((p) => p.trim())) : null;

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

/** Every response body the context receives (the page's and its workers'), with the time it finished. */
function countBytes(context: BrowserContext) {
	const got: { at: number; bytes: number; db: boolean }[] = [];
	const pending: Promise<void>[] = [];
	context.on('requestfinished', (req) => {
		const at = Date.now();
		pending.push(
			req
				.sizes()
				.then(async (s) => {
					const db = req.url().endsWith('/data/atlas.duckdb');
					// A part of the database counts the bytes its Content-Range says were sent: the body size Chromium
					// reports for a worker's synchronous request was seen above and below it for one and the same answer.
					// A HEAD (DuckDB-wasm's own HTTP reads start with one) has a Content-Range and no body.
					const part = db ? (await req.response())?.headers()['content-range']?.match(/^bytes (\d+)-(\d+)\//) : null;
					const body = req.method() === 'HEAD' ? 0 : part ? Number(part[2]) - Number(part[1]) + 1 : s.responseBodySize;
					got.push({ at, bytes: body + s.responseHeadersSize, db });
				})
				.catch(() => undefined)
		);
	});
	return async () => {
		await Promise.all(pending);
		return got;
	};
}

async function timePage(page: Page, spec: PageSpec): Promise<Timing> {
	const ready = spec.ready.startsWith('[') ? spec.ready : `[data-testid="${spec.ready}"][data-source="browser"]`;
	const conditions: Record<string, string> = { answer: ready };
	if (spec.chart) Object.assign(conditions, { chart: 'figure.chart svg', plot: 'figure.chart[data-rendered="browser"]' });
	await page.addInitScript({ content: watchMarks(conditions) });
	const received = countBytes(page.context());
	await page.goto(spec.path, { waitUntil: spec.ready ? 'commit' : 'load' });
	if (spec.ready) await page.waitForSelector(ready, { timeout: 180_000 });
	if (spec.chart) await page.waitForSelector('figure.chart[data-rendered="browser"]', { timeout: 60_000 });
	// The page's own queries that follow its first answer (a chart redrawn, a count) finish too.
	await page.waitForTimeout(500);
	const marks = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
	const origin = await page.evaluate(() => performance.timeOrigin);
	const queries = await page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration), QUERY_MEASURE);
	const got = await received();
	const until = origin + (marks.plot ?? marks.answer ?? Infinity);
	const bytesBeforeChart = got.filter((g) => g.at <= until).reduce((n, g) => n + g.bytes, 0);
	const db = got.filter((g) => g.db);
	const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
	// The status line reports DuckDB's own start and load times: ms numbers in its text.
	const status = (await page.getByTestId('db-status').count()) ? ((await page.getByTestId('db-status').first().textContent()) ?? '') : '';
	const ms = [...status.matchAll(/(\d+)\s*ms/g)].map((m) => Number(m[1]));
	// The prerendered chart is in the HTML: it shows with the first paint.
	const staticChart = spec.chart ? Math.max(marks.chart ?? 0, fcp) : null;
	return {
		fcp,
		staticChart,
		plotChart: marks.plot ?? null,
		wasmAnswer: marks.answer ?? null,
		start: ms[0] ?? null,
		load: ms[1] ?? null,
		bytesBeforeChart,
		dbBytes: db.reduce((n, g) => n + g.bytes, 0),
		dbRequests: db.length,
		queries
	};
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
	// The one SvelteKit module the data layer reads (the site's version, for the imports' kept ranking), outside SvelteKit.
	writeFileSync(join(root, 'environment.ts'), "export const version = 'bare';\nexport const browser = true;\nexport const dev = false;\nexport const building = false;\n");
	writeFileSync(
		join(root, 'bare.ts'),
		`import { database } from ${JSON.stringify(join(src, 'wasm.ts'))};
(window as any).bare = async (prefecture: string) => {
	const t0 = performance.now();
	const db = await database('');
	await db.query('SELECT count(*) FROM initiatives');
	const total = performance.now() - t0;
	// One prefecture's data: its initiatives with their measures, every column, as a page would read them.
	const p0 = performance.now();
	const rows = await db.query('SELECT i.*, m.* FROM municipalities mu JOIN initiatives i USING (muni_code) LEFT JOIN measures m USING (initiative_id) WHERE mu.prefecture_code = ?', [prefecture]);
	const p1 = performance.now();
	return { total, start: db.timings.start, load: db.timings.load, prefecture: { from: p0, to: p1, rows: rows.length } };
};
`
	);
	await build({ configFile: false, root, logLevel: 'silent', base: '/__bare/', resolve: { alias: { hyparquet: resolve('node_modules/hyparquet'), '$app/environment': join(root, 'environment.ts') } }, build: { outDir: join(root, 'dist'), emptyOutDir: true } });
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
	prefecture: { from: number; to: number; rows: number };
	/** Bytes received while the prefecture's rows were read. */
	prefectureBytes: number;
}

async function timeBare(browser: Browser, dist: string, baseURL: string, prefecture: string): Promise<Bare> {
	const context = await browser.newContext({ baseURL });
	await serveBare(context, dist, baseURL);
	const received = countBytes(context);
	const page = await context.newPage();
	await page.goto('/__bare/index.html');
	await page.waitForFunction(() => typeof (window as unknown as { bare?: unknown }).bare === 'function');
	const r = (await page.evaluate((code) => (window as unknown as { bare: (p: string) => Promise<unknown> }).bare(code), prefecture)) as Omit<Bare, 'prefectureBytes'>;
	const origin = await page.evaluate(() => performance.timeOrigin);
	const got = await received();
	await context.close();
	const prefectureBytes = got.filter((g) => g.db && g.at >= origin + r.prefecture.from && g.at <= origin + r.prefecture.to + 50).reduce((n, g) => n + g.bytes, 0);
	return { ...r, prefectureBytes };
}

interface Memory {
	loadMs: number;
	fileBytes: number;
	estimate: number;
	jsHeap: number;
	rendererRss: number;
	duckdbMemory: number;
}

/** Resident memory of a process, from the kernel (Chromium names its renderer's pid through CDP). */
function rssOf(pid: number): number {
	try {
		const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
		return m ? Number(m[1]) * 1024 : NaN;
	} catch {
		return NaN;
	}
}

/** The workbench with everything loaded: its own DuckDB holds the whole published database. */
async function timeWholeLoad(browser: Browser, baseURL: string): Promise<Memory> {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await page.goto('/sql');
	await page.waitForSelector('[data-testid="load-everything"][data-state="planned"]', { timeout: 180_000 });
	const plan = page.getByTestId('load-plan');
	const fileBytes = Number(await plan.getAttribute('data-bytes'));
	const estimate = Number(await plan.getAttribute('data-memory'));
	const t0 = Date.now();
	await page.getByTestId('load-start').click();
	await page.waitForSelector('[data-testid="load-everything"][data-state="done"]', { timeout: 600_000 });
	const loadMs = Date.now() - t0;
	// A query over the big tables, so DuckDB's buffer pool holds what a researcher's first queries read.
	const editor = page.getByTestId('sql-editor');
	await editor.click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText('SELECT (SELECT count(*) FROM initiatives) AS i, (SELECT count(DISTINCT raw_text) FROM measures) AS m, (SELECT count(*) FROM evaluations) AS e, (SELECT sum(memory_usage_bytes) FROM duckdb_memory()) AS duck');
	await page.getByTestId('run').click();
	await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 600_000 });
	const duckdbMemory = Number(((await page.getByTestId('result-grid').locator('[data-row="0"] [role="gridcell"]').nth(3).textContent()) ?? '').replace(/[^\d]/g, ''));
	const cdp = await context.newCDPSession(page);
	await cdp.send('Performance.enable');
	const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
	const jsHeap = metrics.find((m) => m.name === 'JSHeapTotalSize')?.value ?? NaN;
	const browserCdp = await browser.newBrowserCDPSession();
	const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
	// The tab is the renderer holding the most: this context has no other page.
	const rendererRss = Math.max(...info.processInfo.filter((p) => p.type === 'renderer').map((p) => rssOf(p.id)).filter((n) => !Number.isNaN(n)));
	await browserCdp.detach();
	await context.close();
	return { loadMs, fileBytes, estimate, jsHeap, rendererRss, duckdbMemory };
}

/** Chromium's trace events about the WebAssembly code cache (Blink emits them; category devtools.timeline). */
const WASM_CACHE_EVENTS = ['v8.wasm.streamFromResponseCallback', 'v8.wasm.cachedModule', 'v8.wasm.moduleCacheHit', 'v8.wasm.moduleCacheInvalid', 'v8.wasm.moduleCacheInvalidDigest'] as const;
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
	const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...(process.env.BENCH_CHROMIUM_ARGS ? process.env.BENCH_CHROMIUM_ARGS.split(' ') : [])], baseURL });
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
		`Chromium's code-cache events over all rounds (trace category devtools.timeline): streamed compiles from the fetch Response ${sum('v8.wasm.streamFromResponseCallback', 'cold')}× on first visits and ${sum('v8.wasm.streamFromResponseCallback', 'warm')}× on second visits; compiled module stored ${sum('v8.wasm.cachedModule', 'cold')}× on first visits; found ${sum('v8.wasm.moduleCacheHit', 'warm')}× on second visits (rejected: ${sum('v8.wasm.moduleCacheInvalid', 'warm') + sum('v8.wasm.moduleCacheInvalidDigest', 'warm')}).`,
		''
	);
	return lines;
}


const MB = (n: number) => (Number.isNaN(n) ? '—' : `${(n / 1e6).toFixed(n < 1e7 ? 2 : 1)} MB`);
const ms = (n: number | null) => (n === null || Number.isNaN(n) ? '—' : String(Math.round(n)));
const mbn = (n: number | null) => (n === null ? '—' : MB(n));
const ratio = (a: number | null, b: number | null) => (a === null || b === null || Number.isNaN(a) || Number.isNaN(b) || b === 0 ? '—' : (a / b).toFixed(2));

function percentile(xs: number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}

interface Places {
	muni: string;
	initiative: string;
	prefecture: string;
}

interface ScaleRun {
	site: Site;
	pages: { spec: PageSpec; visits: Timing[] }[];
	bares: Bare[];
	memory: Memory | null;
}

/**
 * The initiative page to open on a site: an initiative of the same municipality in that site's own
 * data (the synthetic country's ids are not the five cities'), at its prerendered address when the
 * site has one, else at /view, as the site's own links do (src/lib/scale/prerender.ts).
 */
async function initiativePath(site: Site, muni: string): Promise<string> {
	const bytes = readFileSync(join(site.dataDir, 'initiatives.parquet'));
	const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, columns: ['initiative_id', 'muni_code'] });
	const id = String((rows.find((r) => String(r.muni_code) === muni) ?? rows[0]).initiative_id);
	const prerendered = (await fetch(`${site.baseURL}/initiatives/${encodeURIComponent(id)}`, { method: 'HEAD' })).ok;
	return prerendered ? `/initiatives/${id}` : viewHref('ja', { kind: 'initiative', id });
}

/** The municipality's page on a site: its prerendered address when the site has one, else /view, as the site's own links do. */
async function municipalityPath(site: Site, muni: string): Promise<string> {
	const prerendered = (await fetch(`${site.baseURL}/municipalities/${encodeURIComponent(muni)}`, { method: 'HEAD' })).ok;
	return prerendered ? `/municipalities/${muni}` : viewHref('ja', { kind: 'municipality', code: muni });
}

async function measureSite(browser: Browser, site: Site, dist: string, rounds: number, places: Places): Promise<ScaleRun> {
	const specs: PageSpec[] = [
		{ name: 'overview', path: '/', ready: 'matrix', chart: true },
		{ name: 'prefecture', path: `/prefectures/${places.prefecture}`, ready: '', chart: false },
		{ name: 'theme', path: '/themes/salon', ready: 'theme-initiatives', chart: true },
		{ name: 'municipality', path: await municipalityPath(site, places.muni), ready: 'plan-tree', chart: true },
		{ name: 'initiative', path: await initiativePath(site, places.muni), ready: 'initiative-name', chart: false },
		{ name: 'grading', path: '/grading', ready: 'generosity', chart: true },
		{ name: 'search', path: `/search?q=${encodeURIComponent('サロン')}`, ready: '[data-testid="search-results"][data-state="done"]', chart: false }
	];
	const pages = PARTS.has('pages') ? specs.filter((s) => !PAGES || PAGES.has(s.name)).map((spec) => ({ spec, visits: [] as Timing[] })) : [];
	const bares: Bare[] = [];
	for (let round = 0; round < rounds; round++) {
		if (PARTS.has('bare')) bares.push(await timeBare(browser, dist, site.baseURL, places.prefecture));
		for (const p of pages) {
			const context = await browser.newContext({ baseURL: site.baseURL });
			try {
				p.visits.push(await timePage(await context.newPage(), p.spec));
			} catch (e) {
				console.warn(`bench: ${site.baseURL}${p.spec.path}: ${(e as Error).message.split('\n')[0]}`);
			} finally {
				await context.close();
			}
		}
	}
	let memory: Memory | null = null;
	if (PARTS.has('memory')) {
		try {
			memory = await timeWholeLoad(browser, site.baseURL);
		} catch (e) {
			console.warn(`bench: whole load on ${site.baseURL}: ${(e as Error).message.split('\n')[0]}`);
		}
	}
	return { site, pages, bares, memory };
}

function med(visits: Timing[], pick: (t: Timing) => number | null): number | null {
	const xs = visits.map(pick).filter((x): x is number => x !== null && Number.isFinite(x));
	return xs.length ? median(xs) : null;
}

export default async function pagesBench({ browser, baseURL, dataDir, about, national }: BenchContext): Promise<string> {
	const rounds = Number(process.env.BENCH_ROUNDS ?? ROUNDS);
	const dist = PARTS.has('bare') ? await bareBundle() : '';
	const five: Site = { baseURL, dataDir, about };
	// The same places on both scales: the national data is drawn onto every municipality, the five cities' among them.
	const { muni, initiative } = await pickIds(dataDir);
	const places: Places = { muni, initiative, prefecture: muni.slice(0, 2) };
	const runs = [await measureSite(browser, five, dist, rounds, places)];
	if (national) runs.push(await measureSite(browser, national, dist, rounds, places));
	const [a, b] = runs;
	const cols = b ? ['five-city', 'national', 'national ÷ five-city'] : ['five-city'];
	const row = (name: string, x: number | null, y: number | null, fmt: (n: number | null) => string) => `| ${name} | ${fmt(x)} |${b ? ` ${fmt(y)} | ${ratio(y, x)} |` : ''}`;
	const lines: string[] = [];
	if (PARTS.has('pages')) {
		lines.push(
			"## Pages: five-city against national (first chart, DuckDB's first answer, bytes)",
			'',
			`Five-city: ${a.site.about}. National: ${b ? b.site.about : 'not built in this run (npm run build:synthetic, or the synthetic data folder)'}. Median of ${rounds} cold visits per page (a new browser context each: empty cache), one run. Bytes are the response bodies and headers the tab received (the page's and DuckDB's worker's) before the first chart showed: the chart Observable Plot drew in the browser, or for a page without one, its DuckDB answer or (prefecture page, no DuckDB) its load. DuckDB reads the published database over HTTP range requests (src/lib/db/wasm.ts): "database bytes" is what it read of the file.`,
			'',
			`| page and figure | ${cols.join(' | ')} |`,
			`|---|${cols.map(() => '---:').join('|')}|`
		);
		for (let i = 0; i < a.pages.length; i++) {
			const pa = a.pages[i];
			const pb = b?.pages[i];
			const both = (name: string, pick: (t: Timing) => number | null, fmt: (n: number | null) => string) => lines.push(row(`${pa.spec.name}: ${name}`, med(pa.visits, pick), pb ? med(pb.visits, pick) : null, fmt));
			both('bytes before the first chart', (t) => t.bytesBeforeChart, mbn);
			if (pa.spec.chart) both('first chart (prerendered, first paint), ms', (t) => t.staticChart, ms);
			if (pa.spec.chart) both('first chart drawn in the browser, ms', (t) => t.plotChart, ms);
			if (pa.spec.ready) both("DuckDB's first answer shown, ms", (t) => t.wasmAnswer, ms);
			if (pa.spec.ready) both('database bytes read', (t) => t.dbBytes, mbn);
			if (pa.spec.ready) both('database requests', (t) => t.dbRequests, ms);
		}
		lines.push(
			'',
			'## Page queries: p50 and p95',
			'',
			`Every query each page ran through the pages' connector during the visits above (User Timing entries \`${QUERY_MEASURE}\`, from the query's start to its rows), milliseconds.`,
			'',
			`| page | queries | five-city p50 | five-city p95 |${b ? ' national p50 | national p95 |' : ''}`,
			`|---|---:|---:|---:|${b ? '---:|---:|' : ''}`
		);
		const all: [number[], number[]] = [[], []];
		for (let i = 0; i < a.pages.length; i++) {
			if (!a.pages[i].spec.ready) continue;
			const qa = a.pages[i].visits.flatMap((v) => v.queries);
			const qb = b ? b.pages[i].visits.flatMap((v) => v.queries) : [];
			all[0].push(...qa);
			all[1].push(...qb);
			lines.push(`| ${a.pages[i].spec.name} | ${qa.length}${b ? ` / ${qb.length}` : ''} | ${ms(percentile(qa, 50))} | ${ms(percentile(qa, 95))} |${b ? ` ${ms(percentile(qb, 50))} | ${ms(percentile(qb, 95))} |` : ''}`);
		}
		lines.push(`| every page | ${all[0].length}${b ? ` / ${all[1].length}` : ''} | ${ms(percentile(all[0], 50))} | ${ms(percentile(all[0], 95))} |${b ? ` ${ms(percentile(all[1], 50))} | ${ms(percentile(all[1], 95))} |` : ''}`);
	}
	const bm = (r: ScaleRun | undefined, pick: (x: Bare) => number) => (r ? median(r.bares.map(pick)) : null);
	if (PARTS.has('bare'))
		lines.push(
			'',
			'## Bare data layer (no page around it)',
			'',
			`The site's own src/lib/db/wasm.ts bundled alone: start DuckDB-wasm, attach the published database over HTTP (READ_ONLY, then the settings locked), first answer (\`count(*)\` of initiatives); then one prefecture's data (prefecture ${places.prefecture}: its initiatives with their measures, every column). Median of ${rounds} cold runs, milliseconds.`,
			'',
			`| figure | ${cols.join(' | ')} |`,
			`|---|${cols.map(() => '---:').join('|')}|`,
			row('DuckDB ready for the first answer (start, attach, first query), ms', bm(a, (x) => x.total), bm(b, (x) => x.total), ms),
			row('of which DuckDB start (worker, module), ms', bm(a, (x) => x.start), bm(b, (x) => x.start), ms),
			row('of which attach and lock, ms', bm(a, (x) => x.load), bm(b, (x) => x.load), ms),
			row("one prefecture's data read, ms", bm(a, (x) => x.prefecture.to - x.prefecture.from), bm(b, (x) => x.prefecture.to - x.prefecture.from), ms),
			row("one prefecture's data: rows", bm(a, (x) => x.prefecture.rows), bm(b, (x) => x.prefecture.rows), ms),
			row("one prefecture's data: database bytes read", bm(a, (x) => x.prefectureBytes), bm(b, (x) => x.prefectureBytes), mbn)
		);
	if (PARTS.has('memory')) {
		lines.push(
			'',
			'## The workbench with everything loaded',
			'',
			"/sql, \"load everything\" (src/lib/sql-workbench/load-everything.ts): the whole published database fetched into the workbench's own DuckDB (READ_ONLY), then one query over initiatives, measures and evaluations. Memory from Chromium: the renderer process's resident memory (the pid CDP SystemInfo.getProcessInfo names, read from the kernel; the tab's dedicated workers live in it), the page's JS heap (CDP Performance.getMetrics), and DuckDB's own count (duckdb_memory()).",
			'',
			`| figure | ${cols.join(' | ')} |`,
			`|---|${cols.map(() => '---:').join('|')}|`
		);
		const mem = (name: string, pick: (m: Memory) => number, fmt: (n: number | null) => string) => lines.push(row(name, a.memory ? pick(a.memory) : null, b?.memory ? pick(b.memory) : null, fmt));
		mem('file fetched', (m) => m.fileBytes, mbn);
		mem('memory estimate shown before loading', (m) => m.estimate, mbn);
		mem('fetched and attached, ms', (m) => m.loadMs, ms);
		mem('tab (renderer process) resident memory', (m) => m.rendererRss, mbn);
		mem('page JS heap', (m) => m.jsHeap, mbn);
		mem("DuckDB's buffer memory", (m) => m.duckdbMemory, mbn);
		lines.push('');
	}
	if (PARTS.has('starts')) {
		const overview: PageSpec = { name: 'overview', path: '/', ready: 'matrix', chart: true };
		const starts = [];
		for (let round = 0; round < rounds; round++) starts.push(await timeStarts(baseURL, overview));
		lines.push('', ...startSection(starts, overview));
	}
	return lines.join('\n');
}
