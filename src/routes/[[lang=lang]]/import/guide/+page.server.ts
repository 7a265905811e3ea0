import { marked } from 'marked';
import guide from '../../../../../data/IMPORT.md?raw';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];

/**
 * data/IMPORT.md (Japanese and English in one file) as a page of the site, rendered at build time:
 * readable offline, on a closed network, beside the import page; no Markdown code reaches the browser.
 */
export const load: PageServerLoad = () => ({ html: marked.parse(guide, { async: false }) });
