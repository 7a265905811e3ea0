import { page } from '$app/state';
import type { Lang } from '../i18n';
import { initiativeHref, municipalityHref, type PrerenderScope } from './prerender';

/**
 * The links every page draws to initiative and municipality pages: the prerendered page when the
 * build has one, else /view (src/lib/scale/prerender.ts decides). The build's scope comes with every
 * page's layout data. Called while a component renders, where the page's data is known.
 */
function scope(): PrerenderScope {
	const s = (page.data as { prerendered?: PrerenderScope }).prerendered;
	if (!s) throw new Error('no prerender scope in the page data (src/routes/[[lang=lang]]/+layout.server.ts)');
	return s;
}

export function initiativeLink(lang: Lang, id: string): string {
	return initiativeHref(scope(), lang, id);
}

export function municipalityLink(lang: Lang, code: string, hasReport = true): string {
	return municipalityHref(scope(), lang, code, hasReport);
}
