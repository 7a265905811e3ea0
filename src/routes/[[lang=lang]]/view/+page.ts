import type { EntryGenerator } from './$types';

/**
 * /view?initiative=<id> and /view?municipality=<code>: one prerendered page per language that draws,
 * in the browser, the pages the build does not prerender at scale (src/lib/scale/prerender.ts). Listed
 * here because a build that prerenders everything (the five published municipalities) links to it nowhere.
 */
export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];
