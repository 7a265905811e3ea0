/**
 * The reports a page's citation names. Every page's data carries them (the citation is written in the
 * browser, where the reader's date and address are known), so at national scale one list of every
 * plan (~1,741) would be ~155 KB in each page, twice (HTML and __data.json). Up to CITE_ALL_UP_TO
 * plans every page carries all of them, as the five published municipalities' pages do. Beyond, a
 * page of one municipality (its page, an initiative of it) or of one prefecture carries that one's
 * reports; any other page cites "the N reports listed on /data" by their count.
 */
import { countryWide, WHOLE_PAGES_UP_TO_PLANS } from './country';

export const CITE_ALL_UP_TO = WHOLE_PAGES_UP_TO_PLANS;

export interface CitedSourceRow {
	muni_code: string;
	title: string;
	publisher: string;
	year: number;
}

/** What the page is about, from its route parameters: a municipality code (5 digits), a prefecture code (2), or nothing. */
export function citedScope(params: Partial<Record<string, string>>, routeId: string | null): string | null {
	if (routeId?.endsWith('/initiatives/[id]') && params.id) return params.id.slice(0, 5);
	if (routeId?.endsWith('/municipalities/[code]') && params.code) return params.code;
	if (routeId?.endsWith('/prefectures/[code]') && params.code) return params.code;
	return null;
}

/** The sources a page's data carries, and how many the dataset has in all (the citation names the rest by count). */
export function citedFor(all: readonly CitedSourceRow[], scope: string | null): { sources: CitedSourceRow[]; total: number } {
	if (!countryWide(all.length)) return { sources: [...all], total: all.length };
	return { sources: scope ? all.filter((s) => s.muni_code.startsWith(scope)) : [], total: all.length };
}
