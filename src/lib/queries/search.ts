import type { Connector, Param } from '../db/connector';
import { foldSql } from '../search/text';
import { importedFile } from './common';
import { goalResults, type GoalResult } from './goal-results';
import { HAY_SQL, searchCandidates } from './search-index';

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
 * How many candidates of the index are checked against their text; past it (a term of three or more
 * characters found by its pairs in most of the country) the text of every initiative is read, as
 * before the index, since listing that many ids would cost more than it saves.
 */
const MAX_CHECKED = 2000;

/**
 * Full-text search over names, descriptions, departments and measures. Each term must occur somewhere
 * (as a substring of the folded text); terms and filter values are passed as parameters, and the SQL
 * text is assembled only from fixed fragments.
 *
 * The index (search-index.ts) first names the initiatives that can be hits, and the query below reads
 * only those: the answer is the one the query gives over every initiative, without reading every
 * measure's text.
 */
export async function searchInitiatives(db: Connector, f: SearchFilters): Promise<{ hits: SearchHit[]; total: number }> {
	if (!f.terms.length && !f.muni && !f.theme && !f.band) return { hits: [], total: 0 };
	let only: string[] | null = null;
	let total: number | null = null;
	if (f.terms.length) {
		const c = await searchCandidates(db, f.terms, f.termThemes);
		if (!c.ids.length) return { hits: [], total: 0 };
		// Every candidate a hit, and nothing to filter: the count is the index's, and only the page shown is read.
		if (c.exact && !f.muni && !f.theme && !f.band) {
			only = c.ids.slice(0, SEARCH_LIMIT);
			total = c.ids.length;
		} else if (c.ids.length <= MAX_CHECKED) only = c.ids;
	}
	const r = await searchRows(db, f, only);
	return { hits: r.hits, total: total ?? r.total };
}

const utf8 = new TextEncoder();

/** The least and greatest of the ids in DuckDB's order of text (by UTF-8 bytes, which JavaScript's < is not beyond the BMP). */
function byteRange(ids: readonly string[]): [string, string] {
	const cmp = (a: Uint8Array, b: Uint8Array) => {
		for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k] - b[k];
		return a.length - b.length;
	};
	let lo = ids[0];
	let hi = ids[0];
	for (const id of ids) {
		const bytes = utf8.encode(id);
		if (cmp(bytes, utf8.encode(lo)) < 0) lo = id;
		if (cmp(bytes, utf8.encode(hi)) > 0) hi = id;
	}
	return [lo, hi];
}

/** The query over every initiative, or over `only` (ids) when given. */
async function searchRows(db: Connector, f: SearchFilters, only: readonly string[] | null): Promise<{ hits: SearchHit[]; total: number }> {
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
	// The ids, and their range as constants, which DuckDB's zone maps compare with each block's (a long
	// IN list is read as a join, which they do not see): the first page of a common word lies in a few
	// municipalities, whose rows are all the query reads.
	const ids = only ? `(${only.map(() => '?').join(', ')})` : '';
	const among = (col: string) => (only ? ` AND ${col} BETWEEN ? AND ? AND ${col} IN ${ids}` : '');
	const bounds = only ? byteRange(only) : [];
	const termList = f.terms.length ? `[${f.terms.map(() => '?').join(', ')}]::VARCHAR[]` : '[]::VARCHAR[]';
	const measureFilter = `len(list_filter(${termList}, lambda t: contains(${foldSql('x.raw_text')}, t))) > 0`;
	const sql = `
		WITH ms AS (
			SELECT initiative_id, list(x.raw_text ORDER BY x.measure_id) AS texts,
			       list(x.raw_text ORDER BY x.measure_id) FILTER (WHERE ${measureFilter}) AS matching
			FROM measures x WHERE x.initiative_id IS NOT NULL${among('x.initiative_id')} GROUP BY initiative_id
		), th AS (
			SELECT initiative_id, list(DISTINCT theme_id ORDER BY theme_id) AS themes FROM initiative_themes WHERE true${among('initiative_id')} GROUP BY initiative_id
		), bd AS (
			SELECT initiative_id, list(DISTINCT band ORDER BY band) AS bands FROM evaluations WHERE band IS NOT NULL${among('initiative_id')} GROUP BY initiative_id
		), d AS (
			SELECT i.initiative_id, i.muni_code, i.plan_id, i.seq, i.name_ja, i.description_ja, i.departments,
			       coalesce(ms.matching, []::VARCHAR[]) AS measures,
			       coalesce(th.themes, []::VARCHAR[]) AS themes, coalesce(bd.bands, []::VARCHAR[]) AS bands,
			       ${HAY_SQL} AS hay
			FROM initiatives i LEFT JOIN ms USING (initiative_id) LEFT JOIN th USING (initiative_id) LEFT JOIN bd USING (initiative_id)
			WHERE true${among('i.initiative_id')}
		)
		SELECT d.initiative_id, d.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, d.name_ja, d.description_ja,
		       d.departments, d.measures, d.themes, d.bands, ${importedFile('d.plan_id')}, count(*) OVER () AS total
		FROM d JOIN municipalities m USING (muni_code)
		${where.length ? `WHERE ${where.join(' AND ')}` : ''}
		ORDER BY d.muni_code, d.seq, d.initiative_id
		LIMIT ${SEARCH_LIMIT}`;
	const list = [...bounds, ...(only ?? [])];
	const rows = await db.query<SearchHit & { total: number } & Record<string, unknown>>(sql, [...f.terms, ...list, ...list, ...list, ...list, ...params]);
	return { hits: rows.map(({ total: _, ...hit }) => hit), total: rows[0]?.total ?? 0 };
}

/**
 * Results reported for a goal as a whole that match the same search: every term in the printed
 * item, and the municipality and theme filters. They carry no grade, so a band filter leaves none.
 */
export async function searchGoalResults(db: Connector, f: SearchFilters): Promise<GoalResult[]> {
	if (f.band || (!f.terms.length && !f.muni && !f.theme)) return [];
	return goalResults(db, { terms: f.terms, muni: f.muni, theme: f.theme });
}

/** The same search reading every initiative's text, without the index: what the index must answer alike (test/unit/search). */
export const searchEveryInitiative = (db: Connector, f: SearchFilters) => searchRows(db, f, null);
