import { nativeDatabase } from './native-db';
import { datasetPrerenderScope } from '../scale/scope-query';
import type { PrerenderScope } from '../scale/prerender';

let cached: Promise<PrerenderScope> | null = null;

/** The build's prerender scope, computed once per build: the routes' entries and every page's layout data read it. */
export function buildPrerenderScope(): Promise<PrerenderScope> {
	cached ??= nativeDatabase().then(datasetPrerenderScope);
	return cached;
}
