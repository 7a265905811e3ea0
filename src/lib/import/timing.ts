/**
 * User Timing entries for the steps of an import (read, checks, themes, ranking, insert, store), so a
 * benchmark or a browser's performance panel sees where the time goes. Named IMPORT_MEASURE, the
 * step in `detail`; outside a page (the build, unit tests) nothing is recorded.
 */
export const IMPORT_MEASURE = 'atlas-import';

/** The step of a load that took the comparables from the store (src/lib/db/imports.ts) instead of ranking them. */
export const RANKING_FROM_STORE = 'comparables: from the store';
/** The step that ranks them. */
export const RANKING = 'comparables: ranking';

export function timed<T>(step: string, run: () => T): T {
	// Only in a page: Node would keep every entry in its global buffer for nothing.
	if (typeof window === 'undefined') return run();
	const start = performance.now();
	const done = () => {
		performance.measure(IMPORT_MEASURE, { start, detail: step });
	};
	const out = run();
	if (out instanceof Promise) return out.finally(done) as T;
	done();
	return out;
}
