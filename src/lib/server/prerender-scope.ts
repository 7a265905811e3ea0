import { nativeDatabase } from './native-db';
import { datasetPrerenderScope } from '../scale/scope-query';
import { PRERENDER_BUDGET, type PrerenderScope } from '../scale/prerender';

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
