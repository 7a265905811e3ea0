import { nativeDatabase } from './native-db';
import { datasetPrerenderScope } from '../scale/scope-query';
import { PRERENDER_BUDGET, type PrerenderScope } from '../scale/prerender';
import { countryWide } from '../scale/country';

let cached: Promise<PrerenderScope> | null = null;

/**
 * The build's prerender scope, computed once per build: the routes' entries and every page's layout data
 * read it. ATLAS_PRERENDER_BUDGET changes the budget (npm run build:synthetic -- --prerender-budget N,
 * to measure or try the route on a small draw); the published build uses PRERENDER_BUDGET.
 */
export function buildPrerenderScope(): Promise<PrerenderScope> {
	cached ??= nativeDatabase().then((db) => datasetPrerenderScope(db, budget()));
	return cached;
}

function budget(): number {
	const text = process.env.ATLAS_PRERENDER_BUDGET;
	if (text === undefined || text === '') return PRERENDER_BUDGET;
	const n = Number(text);
	if (!Number.isInteger(n) || n < 0) throw new Error(`ATLAS_PRERENDER_BUDGET=${text}: a whole number of initiatives, 0 or more`);
	return n;
}

let atScale: Promise<boolean> | null = null;

/** Whether this build's pages of the whole country are cut to a bounded prerendered part (src/lib/scale/country.ts), decided once. */
export function buildAtScale(): Promise<boolean> {
	atScale ??= nativeDatabase()
		.then((db) => db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM plans'))
		.then(([row]) => countryWide(row.n));
	return atScale;
}
