/**
 * The partitioned Parquet layout (data/PARTITIONS.md): the large tables split by prefecture, the
 * small ones whole, a small national summary, and manifest.json listing every file with its bytes
 * and rows. Written beside atlas.duckdb and the downloads, for the published data and the synthetic
 * national data alike, so a page (or a researcher) fetches only the prefectures it needs.
 *
 * Snappy, as the downloads: hyparquet reads it without a codec package. Each partition is sorted by its table's key (which starts with the municipality code), so the
 * row groups' min/max statistics let a reader skip to one municipality; row groups are small enough
 * (ROW_GROUP_SIZE) for a range request to fetch one without the rest.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableDef } from '../../src/lib/contract/column';
import { columnsOf } from '../../src/lib/contract/column';
import type { PageTable } from '../../src/lib/db/page-table';

export const PARTITIONS_DIR = 'parquet';
export const PARTITION_MANIFEST = 'manifest.json';
/** Rows per row group: a municipality's initiatives (about 60) and measures (about 250) sit in one or two. */
export const ROW_GROUP_SIZE = 8192;

/**
 * The column whose first two digits give a row's prefecture, per partitioned table: every id of the
 * contract starts with the municipality code (initiative 15107-017, goal 15107-2020-G1, measure 15107-017-m01).
 */
export const PREFECTURE_OF: Readonly<Record<string, string>> = {
	goals: 'plan_id',
	initiatives: 'muni_code',
	measures: 'coalesce(initiative_id, goal_id)',
	evaluations: 'initiative_id',
	initiative_notes: 'coalesce(initiative_id, goal_id)',
	initiative_themes: 'initiative_id',
	measure_themes: 'measure_id',
	achievements: 'muni_code',
	comparable_initiatives: 'initiative_id'
};

/**
 * The national summary: the figures the overview and the prefecture pages need, nothing per
 * initiative. The page tables declared 'summary' (municipality_summaries, headline, theme_matrix…)
 * are written there as they are, and this one per prefecture beside them.
 */
const SUMMARIES: Record<string, string> = {
	prefectures: `SELECT prefecture_code, any_value(prefecture_ja ORDER BY muni_code) AS prefecture_ja,
	                     any_value(prefecture_en ORDER BY muni_code) AS prefecture_en, count(DISTINCT muni_code)::INTEGER AS municipalities_with_report,
	                     sum(initiatives)::INTEGER AS initiatives, sum(measures)::INTEGER AS measures, sum(evaluations)::INTEGER AS evaluations
	              FROM municipality_summaries GROUP BY 1 ORDER BY 1`
};

export interface PartitionFile {
	/** path relative to the manifest */
	path: string;
	/** two-digit prefecture code, null for a whole table or a summary */
	prefecture_code: string | null;
	rows: number;
	bytes: number;
	row_groups: number;
}

export interface PartitionManifest {
	about: string;
	synthetic: boolean;
	dataset_version: string;
	row_group_size: number;
	tables: { name: string; partitioned_by: 'prefecture_code' | null; sorted_by: string[]; columns: string[]; files: PartitionFile[] }[];
	summary: { name: string; files: PartitionFile[] }[];
}

const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;

async function copyTo(conn: DuckDBConnection, sql: string, dir: string, path: string, synthetic: boolean, prefecture: string | null): Promise<PartitionFile> {
	const abs = join(dir, path);
	mkdirSync(join(abs, '..'), { recursive: true });
	const metadata = synthetic ? `, KV_METADATA {synthetic: 'true'}` : '';
	await conn.run(`COPY (${sql}) TO ${quote(abs)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${ROW_GROUP_SIZE}${metadata})`);
	const reader = await conn.runAndReadAll(`SELECT coalesce(sum(num_rows), 0)::BIGINT AS rows, count(*)::INTEGER AS groups FROM (SELECT DISTINCT row_group_id, row_group_num_rows AS num_rows FROM parquet_metadata(${quote(abs)}))`);
	const [meta] = reader.getRowObjectsJson() as { rows: string; groups: number }[];
	return { path, prefecture_code: prefecture, rows: Number(meta.rows), bytes: statSync(abs).size, row_groups: Number(meta.groups) };
}

/** Writes `${dir}/parquet/` from the tables and page tables loaded in `conn` (memory.main), and its manifest. */
export async function writePartitions(
	conn: DuckDBConnection,
	dir: string,
	tables: readonly TableDef[],
	pages: readonly PageTable[],
	options: { synthetic: boolean; datasetVersion: string }
): Promise<PartitionManifest> {
	const root = join(dir, PARTITIONS_DIR);
	const manifest: PartitionManifest = {
		about: `${options.synthetic ? 'SYNTHETIC data (合成データ), for measurement only. ' : ''}The dataset as Parquet: the large tables split by prefecture (<table>/prefecture_code=NN/data.parquet, hive layout), the small ones whole, and a national summary. See data/PARTITIONS.md.`,
		synthetic: options.synthetic,
		dataset_version: options.datasetVersion,
		row_group_size: ROW_GROUP_SIZE,
		tables: [],
		summary: []
	};
	const prefectureOf = (t: TableDef): string | undefined => {
		const split = pages.find((p) => p.name === t.name)?.parquet;
		return PREFECTURE_OF[t.name] ?? (typeof split === 'object' ? split.prefectureOf : undefined);
	};
	for (const table of [...tables, ...pages.filter((p) => p.parquet !== 'summary' && p.parquet !== 'none')]) {
		const columns = columnsOf(table).map((c) => c.name);
		const order = table.orderBy.map((c) => `"${c}"`).join(', ');
		const select = `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM memory.main."${table.name}"`;
		const key = prefectureOf(table);
		const files: PartitionFile[] = [];
		if (key) {
			const reader = await conn.runAndReadAll(`SELECT DISTINCT substr(${key}, 1, 2) AS p FROM memory.main."${table.name}" ORDER BY p`);
			for (const { p } of reader.getRowObjectsJson() as { p: string }[]) {
				files.push(await copyTo(conn, `${select} WHERE substr(${key}, 1, 2) = '${p}' ORDER BY ${order}`, root, `${table.name}/prefecture_code=${p}/data.parquet`, options.synthetic, p));
			}
		} else {
			files.push(await copyTo(conn, `${select}${order ? ` ORDER BY ${order}` : ''}`, root, `${table.name}.parquet`, options.synthetic, null));
		}
		manifest.tables.push({ name: table.name, partitioned_by: key ? 'prefecture_code' : null, sorted_by: table.orderBy, columns, files });
	}
	await conn.run('USE memory');
	const summaries = pages.filter((p) => p.parquet === 'summary').map((p) => [p.name, `SELECT * FROM memory.main."${p.name}"${p.orderBy.length ? ` ORDER BY ${p.orderBy.map((c) => `"${c}"`).join(', ')}` : ''}`]);
	for (const [name, sql] of [...summaries, ...Object.entries(SUMMARIES)]) {
		manifest.summary.push({ name, files: [await copyTo(conn, sql, root, `summary/${name}.parquet`, options.synthetic, null)] });
	}
	writeFileSync(join(root, PARTITION_MANIFEST), JSON.stringify(manifest, null, '\t') + '\n');
	return manifest;
}
