/**
 * Where a build's prerender time goes, per route: pages, milliseconds per page, and how much of it is
 * database queries (the rest is the page's own rendering; writing the files is Kit's, outside).
 * Kit prerenders one page at a time, so a running total of query time read before and after each page
 * is that page's. Off unless ATLAS_PRERENDER_TIMING=1 (npm run build:synthetic sets it); the summary
 * is printed when the prerender process ends, one line per route, slowest first.
 */
const on = process.env.ATLAS_PRERENDER_TIMING === '1';

let queryMs = 0;
let queries = 0;
const routes = new Map<string, { pages: number; ms: number; queryMs: number; queries: number }>();

/** Count one query's time (the native connector calls it). */
export async function timedQuery<T>(run: () => Promise<T>): Promise<T> {
	if (!on) return run();
	const started = performance.now();
	try {
		return await run();
	} finally {
		queryMs += performance.now() - started;
		queries++;
	}
}

/** Time one page (the server hook wraps every request of the prerender in it). */
export async function timedPage(routeId: string | null, render: () => Promise<Response>): Promise<Response> {
	if (!on) return render();
	const started = performance.now();
	const q0 = queryMs;
	const n0 = queries;
	const response = await render();
	const r = routes.get(routeId ?? '(none)') ?? { pages: 0, ms: 0, queryMs: 0, queries: 0 };
	r.pages++;
	r.ms += performance.now() - started;
	r.queryMs += queryMs - q0;
	r.queries += queries - n0;
	routes.set(routeId ?? '(none)', r);
	// A long build also reports as it goes (a build stopped early still says where its time went).
	if (++pagesTimed % 500 === 0) summary();
	return response;
}

let pagesTimed = 0;

function summary() {
	const rows = [...routes].sort((a, b) => b[1].ms - a[1].ms);
	const total = rows.reduce((n, [, r]) => n + r.ms, 0);
	const queried = rows.reduce((n, [, r]) => n + r.queryMs, 0);
	console.log(`prerender timing: ${rows.reduce((n, [, r]) => n + r.pages, 0)} responses (pages and their __data.json), ${(total / 1000).toFixed(1)} s in them, of which queries ${(queried / 1000).toFixed(1)} s`);
	for (const [id, r] of rows)
		console.log(`prerender timing: ${id} ${r.pages} responses, ${(r.ms / r.pages).toFixed(1)} ms each (queries ${(r.queryMs / r.pages).toFixed(1)} ms, ${(r.queries / r.pages).toFixed(1)} each), ${(r.ms / 1000).toFixed(1)} s in all`);
}

if (on) process.on('exit', summary);
