import { z } from 'zod';
import type { Connector, Param } from '../db/connector';
import { column } from '../contract/column';
import { definePageTable, type PageTableSources } from '../db/page-table';
import { foldSql } from '../search/text';
import { gramsOfTextSql, termKeys } from '../search/grams';

/**
 * The search index: two page tables (src/lib/db/page-table.ts) the pipeline derives from initiatives
 * and measures, so a search reads the few index rows of its words instead of every measure's text.
 *
 *   search_docs   one row per initiative: a document number, in the order search lists its hits
 *   search_grams  one row per pair of characters of an initiative's folded text (src/lib/search/grams.ts)
 *                 and document number, sorted by pair: a term's rows are a few blocks of the file
 *
 * A hit is an initiative whose folded text (name, description, departments and measures, as the
 * search has always read them) holds every term; the index gives the initiatives that hold every
 * pair of each term, which for a term of one or two characters is the answer and for a longer one
 * is checked against the text of those initiatives only (searchInitiatives).
 */

/** The text a search reads for each initiative, folded: `i` an initiatives table, `ms` each initiative's measure texts. */
export const HAY_SQL = foldSql(`concat_ws(' ', i.name_ja, i.description_ja, array_to_string(i.departments, ' '), array_to_string(coalesce(ms.texts, []::VARCHAR[]), ' '))`);

/**
 * Each initiative of `from` with its document number. Numbers follow the hits' order (municipality,
 * seq, id) among the published initiatives; over the user's imported plans they continue after the
 * published ones (lookup holds published and imported initiatives, rows the imported only; in the
 * pipeline the two are the same table and the offset is 0), so the two never share a number.
 */
function docNumber(from: PageTableSources): string {
	const offset = `((SELECT count(*) FROM ${from.lookup('initiatives')}) - (SELECT count(*) FROM ${from.rows('initiatives')}))`;
	return `(row_number() OVER (ORDER BY i.muni_code, i.seq, i.initiative_id) + ${offset})::INTEGER`;
}

const numberedSql = (from: PageTableSources) => `SELECT ${docNumber(from)} AS doc, i.initiative_id, i.muni_code, i.seq FROM ${from.rows('initiatives')} i`;

/** Each numbered initiative with its folded text. */
function docsSql(from: PageTableSources): string {
	return `WITH ms AS (SELECT initiative_id, list(raw_text ORDER BY measure_id) AS texts FROM ${from.rows('measures')} WHERE initiative_id IS NOT NULL GROUP BY initiative_id)
		SELECT ${docNumber(from)} AS doc, ${HAY_SQL} AS hay FROM ${from.rows('initiatives')} i LEFT JOIN ms USING (initiative_id)`;
}

export const searchDocsTable = definePageTable({
	name: 'search_docs',
	rowEn: 'one initiative as the search index numbers it (search_grams)',
	rowJa: '検索索引（search_grams）での取組の番号',
	schema: z.object({
		doc: column(z.number().int(), 'INTEGER', 'Document number: the order in which search lists hits (municipality code, seq, initiative id)', '文書番号（検索結果の並び順：市区町村コード、順番、取組ID）'),
		initiative_id: column(z.string(), 'VARCHAR', 'The initiative', '取組ID'),
		muni_code: column(z.string(), 'VARCHAR', 'Its municipality (the first key of the hits\' order)', '市区町村コード'),
		seq: column(z.number().int(), 'INTEGER', 'Its order in the plan (the second key of the hits\' order)', '計画内の順番')
	}),
	orderBy: ['doc'],
	sql: numberedSql,
	parquet: 'none'
});

export const searchGramsTable = definePageTable({
	name: 'search_grams',
	rowEn: 'one pair of characters of an initiative’s folded search text (src/lib/search/grams.ts)',
	rowJa: '取組の検索用テキスト（正規化済み）に現れる2文字の組',
	schema: z.object({
		gram: column(z.number().int(), 'INTEGER', 'The two characters as one number (first × 65536 + second − 2³¹; characters outside the BMP as 65535)', '2文字を1つの数にしたもの'),
		doc: column(z.number().int(), 'INTEGER', 'Document number (search_docs)', '文書番号（search_docs）')
	}),
	orderBy: ['gram', 'doc'],
	sql: (from: PageTableSources) => gramsOfTextSql(docsSql(from)),
	parquet: 'none'
});

/** The documents holding one term's keys, as SQL over search_grams, with its parameters. */
function termDocs(term: string): { sql: string; params: Param[]; exact: boolean } {
	const k = termKeys(term);
	if (k.kind === 'range') return { sql: 'SELECT DISTINCT doc FROM search_grams WHERE gram BETWEEN ? AND ?', params: [k.from, k.to], exact: k.exact };
	return { sql: k.keys.map(() => 'SELECT doc FROM search_grams WHERE gram = ?').join(' INTERSECT '), params: k.keys, exact: k.exact };
}

export interface Candidates {
	/** initiative ids in the order search lists hits (published and imported alike) */
	ids: string[];
	/** true when every id holds every term (each term one or two characters): nothing to check in the text */
	exact: boolean;
}

/**
 * The initiatives that may hold every term, from the index alone: for each term the documents with all
 * its pairs, or (termThemes) an initiative of a theme the term names in English; then all terms.
 */
export async function searchCandidates(db: Connector, terms: readonly string[], termThemes: readonly (readonly string[])[] = []): Promise<Candidates> {
	const parts: string[] = [];
	const params: Param[] = [];
	let exact = true;
	terms.forEach((term, n) => {
		const t = termDocs(term);
		const themes = termThemes[n] ?? [];
		exact &&= t.exact;
		params.push(...t.params);
		if (themes.length) {
			parts.push(`((${t.sql}) UNION (SELECT doc FROM search_docs JOIN initiative_themes USING (initiative_id) WHERE theme_id IN (${themes.map(() => '?').join(', ')})))`);
			params.push(...themes);
		} else parts.push(`(${t.sql})`);
	});
	const rows = await db.query<{ initiative_id: string }>(
		`WITH c AS (${parts.map((p) => `SELECT doc FROM ${p}`).join(' INTERSECT ')}) SELECT initiative_id FROM search_docs WHERE doc IN (SELECT doc FROM c) ORDER BY muni_code, seq, initiative_id`,
		params
	);
	return { ids: rows.map((r) => r.initiative_id), exact };
}
