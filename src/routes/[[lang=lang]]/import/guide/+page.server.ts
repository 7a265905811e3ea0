import { Marked, type Token, type Tokens } from 'marked';
import guide from '../../../../../data/IMPORT.md?raw';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/g;
const LATIN = /[A-Za-z]/g;
const count = (text: string, chars: RegExp) => text.match(chars)?.length ?? 0;

/** A paragraph's words, without its code (paths and names in code are not the language it is written in). */
function prose(tokens: readonly Token[]): string {
	return tokens.map((t) => (t.type === 'codespan' ? ' ' : 'tokens' in t && t.tokens ? prose(t.tokens) : 'text' in t ? t.text : '')).join('');
}

/**
 * The guide is one document in both languages, paragraph by paragraph: a paragraph written in
 * Japanese only says so (lang="ja"), so that an English page, its reader and its screen reader
 * know which words are English.
 */
const markdown = new Marked({
	renderer: {
		paragraph({ tokens }: Tokens.Paragraph) {
			const words = prose(tokens);
			const ja = count(words, JAPANESE) > count(words, LATIN);
			return `<p${ja ? ' lang="ja"' : ''}>${this.parser.parseInline(tokens)}</p>\n`;
		}
	}
});

/**
 * data/IMPORT.md (Japanese and English in one file) as a page of the site, rendered at build time:
 * readable offline, on a closed network, beside the import page; no Markdown code reaches the browser.
 */
export const load: PageServerLoad = () => ({ html: markdown.parse(guide, { async: false }) });
