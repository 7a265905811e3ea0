import { nativeDatabase } from '$lib/server/native-db';
import { searchOptions } from '$lib/queries/search';
import { taxonomy } from '$lib/server/taxonomy';
import { themeWords } from '$lib/search/theme-words';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];

// Prerendered empty (with the filter choices and the English words of each theme); the query in the URL runs in the browser.
export const load: PageServerLoad = async () => ({ options: await searchOptions(await nativeDatabase()), themeWords: themeWords(taxonomy().themes) });
