import { href, type Lang } from '../i18n';

/**
 * What the build prerenders, decided by the size of the dataset (the one rule; the entries of the
 * municipality and initiative routes and every link to those pages read it).
 *
 * A municipality with a report is prerendered in full (its page and one page per initiative, both
 * languages) while, in municipality code order, the running total of initiatives stays within
 * PRERENDER_BUDGET. The five published municipalities (275 initiatives) are all within it. Beyond it
 * (a national dataset: ~100,000 initiatives would be ~200,000 pages, hours of build) the pages go to
 * one prerendered route, /view, that draws them in the browser from DuckDB-wasm with the same
 * components and queries. A municipality without a report is always prerendered: its page says so in
 * a few kilobytes, with no database to start.
 */
export const PRERENDER_BUDGET = 1000;

/**
 * A theme page lists every initiative of its theme: ~10,000 at national scale, megabytes of HTML in
 * each of 42 pages. It is prerendered with its first THEME_ROWS_PRERENDERED initiatives (the charts
 * and counts with all of them); the browser's answer to the same query shows the whole list. No theme
 * of the five published municipalities reaches it, so their pages are prerendered whole.
 */
export const THEME_ROWS_PRERENDERED = 200;

/** The reporting municipalities whose pages are prerendered (sorted codes): travels in every page's layout data. */
export interface PrerenderScope {
	municipalities: string[];
}

export function prerenderScope(counts: readonly { muni_code: string; initiatives: number }[], budget = PRERENDER_BUDGET): PrerenderScope {
	const sorted = [...counts].sort((a, b) => (a.muni_code < b.muni_code ? -1 : a.muni_code > b.muni_code ? 1 : 0));
	const municipalities: string[] = [];
	let total = 0;
	for (const c of sorted) {
		total += c.initiatives;
		if (total > budget) break;
		municipalities.push(c.muni_code);
	}
	return { municipalities };
}

/** The municipality an initiative belongs to: its id starts with the municipality code (the contract's pattern). */
export function initiativeMunicipality(id: string): string {
	return id.slice(0, 5);
}

export function municipalityPrerendered(scope: PrerenderScope, code: string, hasReport: boolean): boolean {
	return !hasReport || scope.municipalities.includes(code);
}

export function initiativePrerendered(scope: PrerenderScope, id: string): boolean {
	return scope.municipalities.includes(initiativeMunicipality(id));
}

/** The route that draws in the browser the pages the build does not prerender (the id is in the address, so it can be shared). */
export const VIEW_PATH = '/view';
export type ViewTarget = { kind: 'initiative'; id: string } | { kind: 'municipality'; code: string };

export function viewHref(lang: Lang, target: ViewTarget): string {
	const q = target.kind === 'initiative' ? `initiative=${encodeURIComponent(target.id)}` : `municipality=${encodeURIComponent(target.code)}`;
	return `${href(lang, VIEW_PATH)}?${q}`;
}

/** What /view was asked to show, from its query string (null when it names nothing it can show). */
export function viewTarget(params: URLSearchParams): ViewTarget | null {
	const id = params.get('initiative');
	if (id) return { kind: 'initiative', id };
	const code = params.get('municipality');
	if (code) return { kind: 'municipality', code };
	return null;
}

/** The address of an initiative's page: its prerendered page, or /view when the build has none. */
export function initiativeHref(scope: PrerenderScope, lang: Lang, id: string): string {
	return initiativePrerendered(scope, id) ? href(lang, `/initiatives/${id}`) : viewHref(lang, { kind: 'initiative', id });
}

/** The address of a municipality's page: its prerendered page, or /view when the build has none. */
export function municipalityHref(scope: PrerenderScope, lang: Lang, code: string, hasReport: boolean): string {
	return municipalityPrerendered(scope, code, hasReport) ? href(lang, `/municipalities/${code}`) : viewHref(lang, { kind: 'municipality', code });
}
