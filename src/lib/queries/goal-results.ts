import type { Connector, Param } from '../db/connector';
import { foldSql } from '../search/text';

/**
 * Results a report gives for a goal as a whole (measures attached to a goal, such as 登別市's one
 * merged cell per 基本目標), one row per printed item (●ふれあいいきいきサロン（45か所） 延べ2,730回、
 * 29,904人参加) with its figures, the themes its label was given (measure_themes), and the
 * initiatives of that goal, which pages show beside it: the result belongs to the goal, not to any
 * one of them. Theme pages, search and comparable initiatives read them through this one query.
 */
export interface GoalResult {
	/** the item's first measure: a stable key for the row */
	item_id: string;
	goal_id: string;
	muni_code: string;
	muni_name_ja: string;
	muni_name_en: string;
	goal_level_ja: string;
	goal_code: string | null;
	goal_title_ja: string;
	raw_text: string;
	line: number;
	source_file: string;
	/** each figure as read: qualifier, value and unit (延べ2,730回) */
	figures: string[];
	themes: string[];
	evidence: string | null;
	initiative_ids: string[];
	initiative_names: string[];
}

export interface GoalResultFilter {
	theme?: string | null;
	/** every term must occur in the item's folded text */
	terms?: readonly string[];
	muni?: string | null;
	/** results of other municipalities only (comparable work elsewhere) */
	notMuni?: string | null;
	/** any of these themes */
	anyTheme?: readonly string[];
}

/**
 * The query text and its parameters, assembled from fixed fragments; values go in as parameters only.
 * `table` names each table read (the plain name on a page; the search index's builder,
 * search-index.ts, passes a page table's sources so the same query makes its goal-wide documents).
 */
export function goalResultsSql(f: GoalResultFilter, table: (name: string) => string = (name) => name): { sql: string; params: Param[] } {
	const where: string[] = [];
	const params: Param[] = [];
	// With a theme filter only goals with a measure of the theme can match (measure_themes, a small
	// table, names them): the scan of measures starts from those goals instead of the whole country.
	const themeOf = f.theme ? [f.theme] : f.anyTheme;
	const themedParams: Param[] = themeOf?.length ? [...themeOf] : [];
	const themed = themeOf
		? themeOf.length
			? `SELECT DISTINCT goal_id FROM ${table('measure_themes')} WHERE theme_id IN (${themeOf.map(() => '?').join(', ')})`
			: 'SELECT NULL::VARCHAR AS goal_id WHERE false'
		: null;
	if (f.theme) {
		where.push('list_contains(coalesce(th.themes, []::VARCHAR[]), ?)');
		params.push(f.theme);
	}
	for (const term of f.terms ?? []) {
		where.push(`contains(${foldSql('items.raw_text')}, ?)`);
		params.push(term);
	}
	if (f.muni) {
		where.push('p.muni_code = ?');
		params.push(f.muni);
	}
	if (f.notMuni) {
		where.push('p.muni_code <> ?');
		params.push(f.notMuni);
	}
	if (f.anyTheme) {
		if (!f.anyTheme.length) where.push('false');
		else {
			where.push(`len(list_intersect(coalesce(th.themes, []::VARCHAR[]), [${f.anyTheme.map(() => '?').join(', ')}]::VARCHAR[])) > 0`);
			params.push(...f.anyTheme);
		}
	}
	const sql = `
		WITH ${themed ? `themed AS (${themed}), ` : ''}items AS (
			SELECT x.goal_id, x.raw_text, x.line, min(x.measure_id) AS item_id,
			       list(concat(coalesce(x.qualifier, ''), CASE WHEN x.value = trunc(x.value) THEN format('{:,}', x.value::BIGINT) ELSE format('{:,}', x.value) END, coalesce(x.unit, '')) ORDER BY x.measure_id)
			         FILTER (WHERE x.value IS NOT NULL) AS figures
			FROM ${table('measures')} x WHERE x.attached_to = 'goal' AND x.initiative_id IS NULL AND x.goal_id IS NOT NULL${themed ? ' AND x.goal_id IN (SELECT goal_id FROM themed)' : ''}
			GROUP BY x.goal_id, x.raw_text, x.line
		), th AS (
			SELECT x.goal_id, x.raw_text, x.line, list(DISTINCT t.theme_id ORDER BY t.theme_id) AS themes,
			       string_agg(DISTINCT t.theme_id || ' (' || t.evidence || ')', '; ' ORDER BY t.theme_id || ' (' || t.evidence || ')') AS evidence
			FROM ${table('measure_themes')} t JOIN ${table('measures')} x USING (measure_id)${themed ? ' WHERE t.goal_id IN (SELECT goal_id FROM themed)' : ''} GROUP BY x.goal_id, x.raw_text, x.line
		), gi AS (
			SELECT goal_id, list(initiative_id ORDER BY seq, initiative_id) AS initiative_ids, list(name_ja ORDER BY seq, initiative_id) AS initiative_names
			FROM ${table('initiatives')} WHERE goal_id IN (SELECT goal_id FROM items) GROUP BY goal_id
		)
		SELECT items.item_id, items.goal_id, p.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en,
		       g.level_name_ja AS goal_level_ja, g.code AS goal_code, g.title_ja AS goal_title_ja,
		       items.raw_text, items.line, p.source_file, coalesce(items.figures, []::VARCHAR[]) AS figures,
		       coalesce(th.themes, []::VARCHAR[]) AS themes, th.evidence,
		       coalesce(gi.initiative_ids, []::VARCHAR[]) AS initiative_ids, coalesce(gi.initiative_names, []::VARCHAR[]) AS initiative_names
		FROM items JOIN ${table('goals')} g ON g.goal_id = items.goal_id JOIN ${table('plans')} p ON p.plan_id = g.plan_id JOIN ${table('municipalities')} m ON m.muni_code = p.muni_code
		LEFT JOIN th ON th.goal_id = items.goal_id AND th.raw_text = items.raw_text AND th.line = items.line
		LEFT JOIN gi ON gi.goal_id = items.goal_id
		${where.length ? `WHERE ${where.join(' AND ')}` : ''}
		ORDER BY p.muni_code, g.seq, items.line, items.item_id`;
	return { sql, params: [...themedParams, ...params] };
}

export async function goalResults(db: Connector, f: GoalResultFilter): Promise<GoalResult[]> {
	// No goal with a measure of the theme (most themes of a country, and every theme of many plans): no
	// result, without the query, whose join from an empty list of goals still read the filter columns
	// of every row group of measures (1.5 MB of the national file natively, for no row).
	const themeOf = f.theme ? [f.theme] : f.anyTheme;
	if (themeOf) {
		if (!themeOf.length) return [];
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM measure_themes WHERE theme_id IN (${themeOf.map(() => '?').join(', ')})`, [...themeOf]);
		if (!n) return [];
	}
	const { sql, params } = goalResultsSql(f);
	return db.query<GoalResult & Record<string, unknown>>(sql, params);
}
