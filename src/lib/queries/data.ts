import { ALL_TABLES } from '../contract/index';
import { PAGE_TABLES } from '../contract/page-tables';
import type { Connector } from '../db/connector';

/**
 * Rows of every published table and page table, in the contract's order (count(*) is read from the
 * tables' metadata, not their rows). Table names come from the contract only.
 */
export async function tableRowCounts(db: Connector): Promise<Record<string, number>> {
	const parts = [...ALL_TABLES, ...PAGE_TABLES].map((t) => `SELECT '${t.name}' AS name, count(*) AS n FROM main."${t.name}"`);
	const rows = await db.query<{ name: string; n: number }>(parts.join(' UNION ALL '));
	return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

export interface SourceRow {
	source_file: string;
	source_sha256: string;
	adapter: string;
	muni_code: string;
	name_ja: string;
	name_en: string;
	title_ja: string;
	report_fiscal_year: number;
}

/** Each source report with its municipality and plan, for the data page's list of sources. */
export async function sources(db: Connector): Promise<SourceRow[]> {
	return db.query<SourceRow & Record<string, unknown>>(`
		SELECT p.source_file, p.source_sha256, p.adapter, p.muni_code, m.name_ja, m.name_en, p.title_ja, p.report_fiscal_year
		FROM plans p JOIN municipalities m USING (muni_code)
		ORDER BY p.source_file`);
}

/** Each report as a citation names it: its title, who publishes it (the municipality and the actor: 市, 社協 …), its year. */
export async function citedSources(db: Connector): Promise<{ muni_code: string; title: string; publisher: string; year: number }[]> {
	return db.query<{ muni_code: string; title: string; publisher: string; year: number } & Record<string, unknown>>(`
		SELECT p.muni_code, p.title_ja AS title, concat(m.name_ja, '（', p.actor_ja, '）') AS publisher, p.report_fiscal_year AS year
		FROM plans p JOIN municipalities m USING (muni_code)
		ORDER BY p.source_file`);
}
