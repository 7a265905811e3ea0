/**
 * A citation of one page of the Atlas that a researcher can paste: the site's title, the dataset version,
 * the date it was read, the page's address, and the sources the page draws on (each report's title and
 * its publisher), as plain text and as BibTeX. Pure: the page gives the facts, the date is the reader's.
 */
export interface CitedSource {
	title: string;
	publisher: string;
	year: number;
}

export interface CitationFacts {
	siteTitle: string;
	pageTitle: string;
	version: string;
	/** the date the page was read, YYYY-MM-DD */
	accessed: string;
	url: string;
	sources: readonly CitedSource[];
	/** a page of the whole country at national scale names its reports by count and where they are listed (src/lib/scale/cited.ts) */
	listed?: { count: number; url: string } | null;
}

function sourceText(f: CitationFacts, each: (s: CitedSource) => string): string {
	if (!f.sources.length && f.listed) return `the ${f.listed.count} reports listed at ${f.listed.url}`;
	return f.sources.map(each).join('; ');
}

export function plainCitation(f: CitationFacts): string {
	const sources = sourceText(f, (s) => `${s.publisher}「${s.title}」(${s.year})`);
	return `${f.siteTitle}: ${f.pageTitle}. Dataset version ${f.version}. ${f.url} (accessed ${f.accessed}). Sources: ${sources}.`;
}

/** BibTeX needs its special characters escaped; braces keep the capitals and the Japanese as written. */
function bib(text: string): string {
	return text.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/([&%$#_])/g, '\\$1');
}

export function bibtexCitation(f: CitationFacts): string {
	const key = `atlas-${f.version.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}-${f.accessed.replace(/-/g, '')}`;
	const sources = sourceText(f, (s) => `${s.publisher}, ${s.title} (${s.year})`);
	return [
		`@misc{${key},`,
		`  title = {{${bib(f.pageTitle)}}},`,
		`  howpublished = {{${bib(f.siteTitle)}}},`,
		`  version = {${bib(f.version)}},`,
		`  year = {${f.accessed.slice(0, 4)}},`,
		`  url = {${f.url}},`,
		`  urldate = {${f.accessed}},`,
		`  note = {Sources: ${bib(sources)}}`,
		`}`
	].join('\n');
}
