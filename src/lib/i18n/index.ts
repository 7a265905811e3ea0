/**
 * Japanese first, English available. The language is part of the URL (/en/… for English) so that
 * every page is prerendered in both languages and every link shares the language it was made in.
 */
export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

export type Messages = Record<string, { ja: string; en: string }>;

export function langOf(param: string | undefined): Lang {
	return param === 'en' ? 'en' : 'ja';
}

/** The language of a site path: /en and /en/… are English. */
export function langOfPath(pathname: string): Lang {
	return /^\/en(\/|$)/.test(pathname) ? 'en' : 'ja';
}

/** A site path in the given language: href('en', '/themes/salon') → /en/themes/salon. */
export function href(lang: Lang, path: string): string {
	const clean = path.startsWith('/') ? path : `/${path}`;
	if (lang === 'ja') return clean;
	return clean === '/' ? '/en' : `/en${clean}`;
}

/** The same page in the other language: strips or adds the /en prefix, keeps the query string. */
export function switchLang(pathname: string, search: string, to: Lang): string {
	const path = pathname.replace(/^\/en(?=\/|$)/, '') || '/';
	return href(to, path) + search;
}

/** Look up a message; {name} placeholders are filled from vars. A missing key is a bug: throw. */
export function translate(messages: Messages, lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
	const m = messages[key];
	if (!m) throw new Error(`no message "${key}"`);
	return m[lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** Numbers as people in each language write them (1,337). */
export function formatNumber(lang: Lang, n: number | null | undefined, digits = 0): string {
	if (n === null || n === undefined || Number.isNaN(n)) return '—';
	return n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: digits });
}

/** How a list the page joins itself reads: 、 between items in Japanese, a comma in English (even between Japanese names). */
export function joinList(lang: Lang, items: readonly string[]): string {
	return items.join(lang === 'ja' ? '、' : ', ');
}

/** The separator alone, for lists of links drawn item by item. */
export function listSeparator(lang: Lang): string {
	return lang === 'ja' ? '、' : ', ';
}
