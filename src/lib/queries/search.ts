import type { Connector, Param } from '../db/connector';
import { foldSql } from '../search/text';
import { importedFile } from './common';
import type { GoalResult } from './goal-results';
import { GOAL_RAW_TEXT, HAY_SQL, goalResultOf, haySql, hitFieldsSql, searchCandidates } from './search-index';

export interface SearchFilters {
	terms: string[];
	muni: string | null;
	theme: string | null;
	band: string | null;
	/** per term, the themes it names in English (src/lib/search/theme-words.ts); a hit in them counts as the term found */
	termThemes?: string[][];
}

export interface SearchHit {
	initiative_id: string;
	muni_code: string;
	muni_name_ja: string;
	muni_name_en: string;
	name_ja: string;
	description_ja: string | null;
	departments: string[];
	/** measure texts that contain a term (only those, to keep the result short) */
	measures: string[];
	themes: string[];
	bands: string[];
	/** the file name when this row comes from the user's own import (not published), else null */
	imported_file: string | null;
}

export interface SearchOptions {
	municipalities: { muni_code: string; name_ja: string; name_en: string }[];
	themes: { theme_id: string; label_ja: string; label_en: string }[];
}

export const SEARCH_LIMIT = 200;

export async function searchOptions(db: Connector): Promise<SearchOptions> {
	const municipalities = await db.query<SearchOptions['municipalities'][number] & Record<string, unknown>>(
		'SELECT muni_code, name_ja, name_en FROM municipalities WHERE has_report ORDER BY muni_code'
	);
	const themes = await db.query<SearchOptions['themes'][number] & Record<string, unknown>>('SELECT theme_id, label_ja, label_en FROM themes ORDER BY theme_id');
	return { municipalities, themes };
}

/**
 * How many candidates of the index are checked against their text, each fetched by its document number
 * (DuckDB's ART index answers up to 2,048 keys by fetching rows); past it (a term of three or more
 * characters found by its pairs in most of the country) every document's text is read.
 */
const MAX_CHECKED = 2000;

/**
 * Full-text search over names, descriptions, departments and measures. Each term must occur somewhere
 * (as a substring of the folded text); terms and filter values are passed as parameters, and the SQL
 * text is assembled only from fixed fragments.
 *
 * The index (search-index.ts) first names the initiatives that can be hits, and the query below reads
 * only those rows of search_docs: the answer is the one the query gives over every initiative
 * (searchEveryInitiative), without reading every measure's text.
 */
export async function searchInitiatives(db: Connector, f: SearchFilters): Promise<{ hits: SearchHit[]; total: number }> {
	if (!f.terms.length && !f.muni && !f.theme && !f.band) return { hits: [], total: 0 };
	if (!f.terms.length) return hitRows(db, f, null);
	const c = await searchCandidates(db, f.terms, f.termThemes);
	if (!c.docs.length) return { hits: [], total: 0 };
	// Every candidate a hit, and nothing to filter: the count is the index's, and only the page shown is read.
	if (c.exact && !f.muni && !f.theme && !f.band) return { hits: (await hitRows(db, f, c.docs.slice(0, SEARCH_LIMIT))).hits, total: c.docs.length };
	return hitRows(db, f, c.docs.length <= MAX_CHECKED ? c.docs : null);
}

/**
 * `docs` as a condition on the column `doc`: its range, then the list (the ART index), written as
 * numbers in the SQL text (document numbers from the index, never user input): given as parameters,
 * DuckDB neither compares them with the zone maps nor looks them up in the index, and reads every
 * vector of the table (112 MB of the national file for 200 hits instead of 7).
 */
function amongDocs(docs: readonly number[] | null): string {
	if (!docs) return '';
	if (!docs.every(Number.isSafeInteger)) throw new Error('search: a document number is not an integer');
	return ` WHERE doc BETWEEN ${Math.min(...docs)} AND ${Math.max(...docs)} AND doc IN (${docs.join(', ')})`;
}

/** The conditions of the filters on `d` (hay, muni_code, themes, bands). */
function hitConditions(f: SearchFilters): { where: string[]; params: Param[] } {
	const where: string[] = [];
	const params: Param[] = [];
	f.terms.forEach((term, k) => {
		const themes = f.termThemes?.[k] ?? [];
		if (themes.length) {
			where.push(`(contains(d.hay, ?) OR list_has_any(d.themes, [${themes.map(() => '?').join(', ')}]::VARCHAR[]))`);
			params.push(term, ...themes);
		} else {
			where.push('contains(d.hay, ?)');
			params.push(term);
		}
	});
	if (f.muni) {
		where.push('d.muni_code = ?');
		params.push(f.muni);
	}
	if (f.theme) {
		where.push('list_contains(d.themes, ?)');
		params.push(f.theme);
	}
	if (f.band) {
		where.push('list_contains(d.bands, ?)');
		params.push(f.band);
	}
	return { where, params };
}

const termList = (terms: readonly string[]) => (terms.length ? `[${terms.map(() => '?').join(', ')}]::VARCHAR[]` : '[]::VARCHAR[]');

/** The hits among `docs` (document numbers), or among every initiative, read from search_docs. */
async function hitRows(db: Connector, f: SearchFilters, docs: readonly number[] | null): Promise<{ hits: SearchHit[]; total: number }> {
	const among = amongDocs(docs);
	const { where, params } = hitConditions(f);
	const sql = `
		WITH s AS MATERIALIZED (SELECT initiative_id, muni_code, seq, plan_id, hit FROM search_docs${among}),
		d AS (
			SELECT *, ${haySql('name_ja', 'description_ja', 'departments', 'texts')} AS hay FROM (${hitFieldsSql('SELECT * FROM s')})
		), q AS (SELECT ${termList(f.terms)} AS terms)
		SELECT d.initiative_id, d.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, d.name_ja, d.description_ja, d.departments,
		       list_filter(d.texts, lambda x: len(list_filter(q.terms, lambda t: contains(${foldSql('x')}, t))) > 0) AS measures,
		       d.themes, d.bands, ${importedFile('d.plan_id')}, count(*) OVER () AS total
		FROM d JOIN municipalities m USING (muni_code) CROSS JOIN q
		${where.length ? `WHERE ${where.join(' AND ')}` : ''}
		ORDER BY d.muni_code, d.seq, d.initiative_id
		LIMIT ${SEARCH_LIMIT}`;
	const rows = await db.query<SearchHit & { total: number } & Record<string, unknown>>(sql, [...f.terms, ...params]);
	return { hits: rows.map(({ total: _, ...hit }) => hit), total: rows[0]?.total ?? 0 };
}

/**
 * The same search reading every initiative's text from the published tables, without the index or
 * its page tables: what the index must answer alike (test/unit/search).
 */
export async function searchEveryInitiative(db: Connector, f: SearchFilters): Promise<{ hits: SearchHit[]; total: number }> {
	const { where, params } = hitConditions(f);
	const measureFilter = `len(list_filter(${termList(f.terms)}, lambda t: contains(${foldSql('x.raw_text')}, t))) > 0`;
	const sql = `
		WITH ms AS (
			SELECT initiative_id, list(x.raw_text ORDER BY x.measure_id) AS texts,
			       list(x.raw_text ORDER BY x.measure_id) FILTER (WHERE ${measureFilter}) AS matching
			FROM measures x WHERE x.initiative_id IS NOT NULL GROUP BY initiative_id
		), th AS (
			SELECT initiative_id, list(DISTINCT theme_id ORDER BY theme_id) AS themes FROM initiative_themes GROUP BY initiative_id
		), bd AS (
			SELECT initiative_id, list(DISTINCT band ORDER BY band) AS bands FROM evaluations WHERE band IS NOT NULL GROUP BY initiative_id
		), d AS (
			SELECT i.initiative_id, i.muni_code, i.plan_id, i.seq, i.name_ja, i.description_ja, i.departments,
			       coalesce(ms.matching, []::VARCHAR[]) AS measures,
			       coalesce(th.themes, []::VARCHAR[]) AS themes, coalesce(bd.bands, []::VARCHAR[]) AS bands,
			       ${HAY_SQL} AS hay
			FROM initiatives i LEFT JOIN ms USING (initiative_id) LEFT JOIN th USING (initiative_id) LEFT JOIN bd USING (initiative_id)
		)
		SELECT d.initiative_id, d.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, d.name_ja, d.description_ja,
		       d.departments, d.measures, d.themes, d.bands, ${importedFile('d.plan_id')}, count(*) OVER () AS total
		FROM d JOIN municipalities m USING (muni_code)
		${where.length ? `WHERE ${where.join(' AND ')}` : ''}
		ORDER BY d.muni_code, d.seq, d.initiative_id
		LIMIT ${SEARCH_LIMIT}`;
	const rows = await db.query<SearchHit & { total: number } & Record<string, unknown>>(sql, [...f.terms, ...params]);
	return { hits: rows.map(({ total: _, ...hit }) => hit), total: rows[0]?.total ?? 0 };
}

/**
 * Results reported for a goal as a whole that match the same search: every term in the printed
 * item, and the municipality and theme filters. They carry no grade, so a band filter leaves none.
 * Read from search_goal_docs, the goal-wide documents of the index: the candidates' rows by their
 * numbers, each checked against its text when a term is longer than two characters.
 */
export async function searchGoalResults(db: Connector, f: SearchFilters): Promise<GoalResult[]> {
	if (f.band || (!f.terms.length && !f.muni && !f.theme)) return [];
	let docs: number[] | null = null;
	if (f.terms.length) {
		const c = await searchCandidates(db, f.terms, [], 'goal results');
		if (!c.docs.length) return [];
		if (c.docs.length <= MAX_CHECKED) docs = c.docs;
	}
	const among = amongDocs(docs);
	const where: string[] = [];
	const params: Param[] = [];
	for (const term of f.terms) {
		where.push(`contains(${foldSql(`item[${GOAL_RAW_TEXT}]`)}, ?)`);
		params.push(term);
	}
	if (f.muni) {
		where.push('muni_code = ?');
		params.push(f.muni);
	}
	if (f.theme) {
		where.push('list_contains(themes, ?)');
		params.push(f.theme);
	}
	const rows = await db.query<{ item: (string | null)[] }>(
		`WITH g AS MATERIALIZED (SELECT * FROM search_goal_docs${among}) SELECT item FROM g ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY muni_code, goal_seq, line, item_id`,
		params
	);
	return rows.map((r) => goalResultOf(r.item));
}
