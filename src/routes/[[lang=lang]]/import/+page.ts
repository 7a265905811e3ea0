import type { EntryGenerator } from './$types';

// A prerendered shell in both languages; the import code runs only in the browser, on this page.
export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];
