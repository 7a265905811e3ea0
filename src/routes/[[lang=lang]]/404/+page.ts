import type { EntryGenerator } from './$types';

/**
 * build/404.html and build/en/404.html: what a static server answers for a path the build has no
 * page for (scripts/serve.js sends them with status 404, and most static hosts look for 404.html).
 */
export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];
