import { z } from 'zod';
import type { Connector, Param } from '../db/connector';
import { column } from '../contract/column';
import { definePageTable, type PageTableSources } from '../db/page-table';
import { foldSql } from '../search/text';
import { gramsOfTextSql, termKeys } from '../search/grams';
import { goalResultsSql, type GoalResult } from './goal-results';

/**
 * The search index: page tables (src/lib/db/page-table.ts) the pipeline derives from initiatives,
 * measures and goals, so a search reads the few index rows of its words and the few rows of its hits
 * instead of every measure's text.
 *
 *   search_docs       one row per initiative: a document number, in the order search lists its hits,
 *                     and what the hit list shows of it (`hit`, one list of texts)
 *   search_goal_docs  one row per result a report gives for a goal as a whole (goal-results.ts), as the
 *                     search lists them (`item`, one list of texts), numbered below zero
 *   search_grams      one row per pair of characters of a document's folded text (src/lib/search/grams.ts)
 *                     and document number, sorted by pair: a term's rows are a few blocks of the file
 *
 * An initiative is a hit when its folded text (name, description, departments and measures, as the
 * search has always read them) holds every term; a goal-wide result when its printed item does. The
 * index gives the documents that hold every pair of each term, which for a term of one or two
 * characters is the answer and for a longer one is checked against the text of those documents only.
 *
 * Why one list of texts per document: the hits of a word lie anywhere in the country, and DuckDB,
 * fetching a row by its document number through the ART index on `doc` (`index` below), reads one
 * block per column for it where a scan reads the column's whole 2,048-row vector; one column of lists
 * is about two blocks per hit (its offsets and its texts). A list, not JSON: DuckDB-wasm has no JSON
 * functions without loading an extension from another origin.
 */

/** The folded text a search reads for one initiative, from its name, description, departments and measure texts (SQL expressions). */
export const haySql = (name: string, description: string, departments: string, texts: string) =>
	foldSql(`concat_ws(' ', ${name}, ${description}, array_to_string(${departments}, ' '), array_to_string(${texts}, ' '))`);

/** The text a search reads for each initiative, folded: `i` an initiatives table, `ms` each initiative's measure texts. */
export const HAY_SQL = haySql('i.name_ja', 'i.description_ja', 'i.departments', 'coalesce(ms.texts, []::VARCHAR[])');

/**
 * search_docs.hit: [name_ja, description_ja, n, …departments (n), m, …measure texts (m), k, …themes (k), …bands],
 * the counts as text. hitFieldsSql reads it back as the columns name_ja, description_ja, departments,
 * texts, themes and bands of a row whose `hit` it is.
 */
const hitListSql = (name: string, description: string, departments: string, texts: string, themes: string, bands: string) =>
	`list_concat([${name}, ${description}, len(${departments})::VARCHAR], ${departments}, [len(${texts})::VARCHAR], ${texts}, [len(${themes})::VARCHAR], ${themes}, ${bands})`;

/** The columns of search_docs.hit (hitListSql) from a SELECT `from` with the column hit. */
export function hitFieldsSql(from: string): string {
	return `SELECT * EXCLUDE (m0, t0), hit[t0 + 1 : t0 + hit[t0]::INTEGER] AS themes, hit[t0 + hit[t0]::INTEGER + 1 : len(hit)] AS bands
		FROM (SELECT *, hit[m0 + 1 : m0 + hit[m0]::INTEGER] AS texts, m0 + hit[m0]::INTEGER + 1 AS t0
			FROM (SELECT *, hit[1] AS name_ja, hit[2] AS description_ja, hit[4 : 3 + hit[3]::INTEGER] AS departments, 4 + hit[3]::INTEGER AS m0 FROM (${from})))`;
}

/** search_goal_docs.item: the scalar columns of a goal-wide result in this order, then each list with its count before it. */
const GOAL_SCALARS = ['item_id', 'goal_id', 'muni_code', 'muni_name_ja', 'muni_name_en', 'goal_level_ja', 'goal_code', 'goal_title_ja', 'raw_text', 'line', 'source_file', 'evidence'] as const;
const GOAL_LISTS = ['figures', 'themes', 'initiative_ids', 'initiative_names'] as const;
/** Where search_goal_docs.item holds the printed item (1-based, as DuckDB indexes lists), for the check of a term. */
export const GOAL_RAW_TEXT = GOAL_SCALARS.indexOf('raw_text') + 1;

const goalItemSql = (r: string) =>
	`list_concat([${GOAL_SCALARS.map((c) => `${r}.${c}::VARCHAR`).join(', ')}], ${GOAL_LISTS.map((c) => `[len(${r}.${c})::VARCHAR], ${r}.${c}`).join(', ')})`;

/** A goal-wide result (goal-results.ts) from its search_goal_docs.item. */
export function goalResultOf(item: readonly (string | null)[]): GoalResult {
	const r: Record<string, unknown> = {};
	GOAL_SCALARS.forEach((c, k) => (r[c] = c === 'line' ? Number(item[k]) : item[k]));
	let at = GOAL_SCALARS.length;
	for (const c of GOAL_LISTS) {
		const n = Number(item[at]);
		r[c] = item.slice(at + 1, at + 1 + n);
		at += n + 1;
	}
	return r as unknown as GoalResult;
}

/**
 * Numbers over the user's imported plans start at IMPORTED_FIRST (above zero for initiatives, below
 * for goal-wide results), past any published number, so the two never share one; in the pipeline (rows
 * and lookup name the same tables) they start at 1. A constant, not a count of the published rows:
 * counting the published measures read megabytes of the file on every search.
 */
const IMPORTED_FIRST = 2 ** 30;
const offset = (from: PageTableSources, table: string) => (from.rows(table) === from.lookup(table) ? '0' : String(IMPORTED_FIRST));

/** Each initiative of `from` with its document number, in the hits' order (municipality, seq, id) among the published initiatives. */
const docNumber = (from: PageTableSources) => `(row_number() OVER (ORDER BY i.muni_code, i.seq, i.initiative_id) + ${offset(from, 'initiatives')})::INTEGER`;

/** Each initiative's measure texts, its themes and its bands, as the hit list shows them. */
function initiativeDocsSql(from: PageTableSources): string {
	return `WITH ms AS (SELECT initiative_id, list(raw_text ORDER BY measure_id) AS texts FROM ${from.rows('measures')} WHERE initiative_id IS NOT NULL GROUP BY initiative_id),
		th AS (SELECT initiative_id, list(DISTINCT theme_id ORDER BY theme_id) AS themes FROM ${from.rows('initiative_themes')} GROUP BY initiative_id),
		bd AS (SELECT initiative_id, list(DISTINCT band ORDER BY band) AS bands FROM ${from.rows('evaluations')} WHERE band IS NOT NULL GROUP BY initiative_id)
		SELECT ${docNumber(from)} AS doc, i.initiative_id, i.muni_code, i.seq, i.plan_id, ${HAY_SQL} AS hay,
		       ${hitListSql('i.name_ja', 'i.description_ja', 'i.departments', 'coalesce(ms.texts, []::VARCHAR[])', 'coalesce(th.themes, []::VARCHAR[])', 'coalesce(bd.bands, []::VARCHAR[])')} AS hit
		FROM ${from.rows('initiatives')} i LEFT JOIN ms USING (initiative_id) LEFT JOIN th USING (initiative_id) LEFT JOIN bd USING (initiative_id)`;
}

/**
 * Each goal-wide result of `from` (the query goal-results.ts gives every page), numbered −1, −2, … in
 * the order search lists them (municipality, goal, line, item): the published ones, then the imported
 * ones after every published measure's number.
 */
function goalDocsSql(from: PageTableSources): string {
	const all = goalResultsSql({}, (t) => (t === 'municipalities' ? from.lookup(t) : from.rows(t))).sql;
	return `SELECT (-(row_number() OVER (ORDER BY r.muni_code, g.seq, r.line, r.item_id) + ${offset(from, 'measures')}))::INTEGER AS doc,
		       r.muni_code, g.seq AS goal_seq, r.line, r.item_id, r.themes, ${foldSql('r.raw_text')} AS hay, ${goalItemSql('r')} AS item
		FROM (${all}) r JOIN ${from.rows('goals')} g ON g.goal_id = r.goal_id`;
}

export const searchDocsTable = definePageTable({
	name: 'search_docs',
	rowEn: 'one initiative as the search index numbers it (search_grams), with what the hit list shows of it',
	rowJa: '検索索引（search_grams）での取組の番号と、検索結果に表示する内容',
	schema: z.object({
		doc: column(z.number().int(), 'INTEGER', 'Document number: the order in which search lists hits (municipality code, seq, initiative id)', '文書番号（検索結果の並び順：市区町村コード、順番、取組ID）'),
		initiative_id: column(z.string(), 'VARCHAR', 'The initiative', '取組ID'),
		muni_code: column(z.string(), 'VARCHAR', 'Its municipality (the first key of the hits\' order)', '市区町村コード'),
		seq: column(z.number().int(), 'INTEGER', 'Its order in the plan (the second key of the hits\' order)', '計画内の順番'),
		plan_id: column(z.string(), 'VARCHAR', 'Its plan (an imported plan is marked in the list)', '計画ID'),
		hit: column(z.array(z.string().nullable()), 'VARCHAR[]', 'What the hit list shows, as one list: name, description, the number of departments and each, the number of measures and each measure\'s text (in measure order), the number of themes and each, then the bands', '検索結果に表示する内容（名称、説明、担当課の数と各担当課、施策の数と各施策の文、テーマの数と各テーマ、評価区分）')
	}),
	orderBy: ['doc'],
	index: ['doc'],
	sql: (from: PageTableSources) => `SELECT doc, initiative_id, muni_code, seq, plan_id, hit FROM (${initiativeDocsSql(from)})`,
	parquet: 'none'
});

export const searchGoalDocsTable = definePageTable({
	name: 'search_goal_docs',
	rowEn: 'one result a report gives for a goal as a whole, as the search index numbers it (search_grams)',
	rowJa: '検索索引（search_grams）での目標単位の実績の番号と、検索結果に表示する内容',
	schema: z.object({
		doc: column(z.number().int(), 'INTEGER', 'Document number, below zero: −1, −2, … in the order search lists them', '文書番号（負の数。検索結果の並び順）'),
		muni_code: column(z.string(), 'VARCHAR', 'Its municipality (the first key of the order)', '市区町村コード'),
		goal_seq: column(z.number().int(), 'INTEGER', 'Its goal\'s order in the plan (the second key)', '目標の計画内の順番'),
		line: column(z.number().int(), 'INTEGER', 'Its line in the source (the third key)', '出典の行'),
		item_id: column(z.string(), 'VARCHAR', 'Its first measure (the fourth key)', '最初の施策ID'),
		themes: column(z.array(z.string()), 'VARCHAR[]', 'The themes its label was given', 'テーマ'),
		item: column(z.array(z.string().nullable()), 'VARCHAR[]', 'The result as search lists it, as one list: item, goal, municipality and its names, goal level, code and title, text, line, source file, evidence, then the figures, themes, initiative ids and names, each with its number first', '検索結果に表示する内容（1つのリスト）')
	}),
	orderBy: ['doc'],
	index: ['doc'],
	sql: (from: PageTableSources) => `SELECT doc, muni_code, goal_seq, line, item_id, themes, item FROM (${goalDocsSql(from)})`,
	parquet: 'none'
});

export const searchGramsTable = definePageTable({
	name: 'search_grams',
	rowEn: 'one pair of characters of a document’s folded search text (src/lib/search/grams.ts): an initiative (search_docs) or a goal-wide result (search_goal_docs)',
	rowJa: '検索用テキスト（正規化済み）に現れる2文字の組',
	schema: z.object({
		gram: column(z.number().int(), 'INTEGER', 'The two characters as one number (first × 65536 + second − 2³¹; characters outside the BMP as 65535)', '2文字を1つの数にしたもの'),
		doc: column(z.number().int(), 'INTEGER', 'Document number (search_docs, or below zero search_goal_docs)', '文書番号（search_docs、負の数は search_goal_docs）')
	}),
	orderBy: ['gram', 'doc'],
	sql: (from: PageTableSources) => gramsOfTextSql(`SELECT doc, hay FROM (${initiativeDocsSql(from)}) UNION ALL SELECT doc, hay FROM (${goalDocsSql(from)})`),
	parquet: 'none'
});

/** Which documents a lookup is for: initiatives (search_docs, above zero) or goal-wide results (search_goal_docs, below). */
export type DocKind = 'initiatives' | 'goal results';

/** The documents of `kind` holding one term's keys, as SQL over search_grams, with its parameters. */
function termDocs(term: string, kind: DocKind): { sql: string; params: Param[]; exact: boolean } {
	const k = termKeys(term);
	const of = kind === 'initiatives' ? 'doc > 0' : 'doc < 0';
	// ?::INTEGER, the column's type: DuckDB-wasm binds a JavaScript number as DOUBLE, and `gram = <DOUBLE>`
	// casts the column, which keeps DuckDB from skipping row groups by their bounds. The tab then read the
	// whole gram column (18 MB of the national file for one term) instead of the term's few blocks (0.9 MB).
	// The native client (the prerender) binds it so that the bounds serve either way.
	if (k.kind === 'range') return { sql: `SELECT DISTINCT doc FROM search_grams WHERE gram BETWEEN ?::INTEGER AND ?::INTEGER AND ${of}`, params: [k.from, k.to], exact: k.exact };
	return { sql: k.keys.map(() => `SELECT doc FROM search_grams WHERE gram = ?::INTEGER AND ${of}`).join(' INTERSECT '), params: k.keys, exact: k.exact };
}

export interface Candidates {
	/** document numbers; of initiatives in the order search lists hits (published and imported alike), of goal-wide results ascending */
	docs: number[];
	/** true when every document holds every term (each term one or two characters): nothing to check in the text */
	exact: boolean;
}

/**
 * The documents that may hold every term, from the index alone: for each term the documents with all
 * its pairs, or (termThemes, initiatives only) an initiative of a theme the term names in English; then
 * all terms. The published initiatives are numbered in the hits' order, so without an imported plan the
 * numbers are the order; with one, its initiatives (numbered after) are put in place by their keys.
 */
export async function searchCandidates(db: Connector, terms: readonly string[], termThemes: readonly (readonly string[])[] = [], kind: DocKind = 'initiatives'): Promise<Candidates> {
	const parts: string[] = [];
	const params: Param[] = [];
	let exact = true;
	terms.forEach((term, n) => {
		const t = termDocs(term, kind);
		const themes = kind === 'initiatives' ? (termThemes[n] ?? []) : [];
		exact &&= t.exact;
		params.push(...t.params);
		if (themes.length) {
			parts.push(`((${t.sql}) UNION (SELECT doc FROM search_docs JOIN initiative_themes USING (initiative_id) WHERE theme_id IN (${themes.map(() => '?').join(', ')})))`);
			params.push(...themes);
		} else parts.push(`(${t.sql})`);
	});
	const c = `WITH c AS (${parts.map((p) => `SELECT doc FROM ${p}`).join(' INTERSECT ')})`;
	const imported = kind === 'initiatives' && (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM imports'))[0].n > 0;
	const rows = await db.query<{ doc: number }>(
		imported ? `${c} SELECT doc FROM search_docs WHERE doc IN (SELECT doc FROM c) ORDER BY muni_code, seq, initiative_id` : `${c} SELECT doc FROM c ORDER BY doc`,
		params
	);
	return { docs: rows.map((r) => r.doc), exact };
}
