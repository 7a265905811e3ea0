/**
 * The whole published dataset in one file (static/data/atlas-dataset.zip, offered on /data): every
 * table as Parquet (the very files the site serves) and as CSV, the data dictionary, the quality
 * report, the licence and a README naming the dataset version the pages show.
 *
 * The same dataset gives the same bytes, so that two builds of one commit are identical
 * (`npm run check:reproducible`): entries in name order, one fixed time stamp (fflate would write the
 * clock's), and deflate at a fixed level (fflate's output depends only on its input and level).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8, type Zippable } from 'fflate';
import { columnsOf, type TableDef } from '../../src/lib/contract/column';
import type { QualityReport } from '../../src/lib/contract/quality';
import type { Manifest } from '../../src/lib/contract/manifest';
import { toCsvDocument } from '../../src/lib/csv';
import { csvValue } from '../../src/lib/sql-workbench/export';
import type { Plain } from '../../src/lib/sql-workbench/cells';

export const ARCHIVE_FILE = 'atlas-dataset.zip';
/** The folder every entry sits in, so that unpacking makes one folder. */
export const ARCHIVE_ROOT = 'atlas-dataset';
/**
 * The first day a ZIP entry can carry (the DOS epoch): it says "no date" rather than a date that
 * would change between builds. fflate writes a date's local fields, so the date is made from local
 * fields at each call (noon, clear of any daylight-saving gap): the bytes do not depend on the
 * machine's time zone.
 */
const fixedTime = () => new Date(1980, 0, 1, 12, 0, 0);

export interface ArchiveInput {
	/** the folder holding <table>.parquet as written by the run */
	dir: string;
	tables: readonly TableDef[];
	data: Record<string, readonly Record<string, unknown>[]>;
	quality: QualityReport;
	manifest: Manifest;
	/** data/DICTIONARY.md and data/LICENSE.md as they are in the repository */
	dictionary: string;
	licence: string;
}

/**
 * A table as CSV, as the SQL workbench exports `SELECT * FROM <table>`: the contract's column names,
 * numbers as numbers, lists as JSON arrays, NULL as an empty field, written by the site's one CSV
 * writer (UTF-8 with BOM, formulas neutralised).
 */
export function tableCsv(table: TableDef, rows: readonly Record<string, unknown>[]): string {
	const cols = columnsOf(table);
	return toCsvDocument(
		cols.map((c) => c.name),
		rows.map((r) => cols.map((c) => csvValue((r[c.name] ?? null) as Plain)))
	);
}

/** The README at the archive's top: version, licence, sources, what each file is. */
export function archiveReadme(input: Pick<ArchiveInput, 'tables' | 'data' | 'quality' | 'manifest'>): string {
	const { tables, data, quality, manifest } = input;
	// The sources of this run (one with --only reads fewer than the manifest lists).
	const read = new Set(quality.sources.map((q) => q.source_file));
	const sources = manifest.sources.filter((s) => read.has(s.file)).map((s) => {
		const m = s.municipality;
		return `- ${s.file}: ${m.prefecture_ja} ${m.name_ja}「${s.plan.title_ja}」（${s.plan.actor_ja}、${s.plan.report_fiscal_year}年度） / ${m.name_en}, "${s.plan.title_en}" (FY${s.plan.report_fiscal_year}), sha256 ${s.sha256}`;
	});
	const rows = tables.map((t) => `| ${t.name} | ${(data[t.name] ?? []).length} | ${t.rowJa} / ${t.rowEn} |`);
	return [
		'# 地域福祉計画アトラス データセット / Welfare Plan Atlas dataset',
		'',
		`データセットの版 / Dataset version: ${quality.dataset_version}`,
		'',
		'サイトの各ページ（印刷・引用欄）が示す版と同じ値で、元にした報告書ファイルの sha256 の先頭8桁を順に並べたものです。',
		'It is the version every page of the site shows (print header, citation): the first 8 hex digits of the sha256 of each source report, in order.',
		'',
		'## ライセンス / Licence',
		'',
		'収録・正規化・テーマ分類・評価の対応表・目標と実績の組み合わせ（編集物）は CC BY 4.0。報告書の本文と数値は各自治体・社会福祉協議会の著作物で、出典を示して引用しています。利用の前に各自治体の利用規約を確認してください。詳しくは LICENSE.md。',
		'The compilation (records, normalization, themes, crosswalk, pairs) is under CC BY 4.0. The reports’ own text and figures remain the works of the municipalities and councils that published them, quoted with attribution: check each one’s own terms of use. Details in LICENSE.md.',
		'',
		'## 出典 / Sources',
		'',
		...sources,
		'',
		'## ファイル / Files',
		'',
		'- `parquet/<表>.parquet`: サイトが配信するファイルそのもの / the files the site serves, as they are',
		'- `csv/<表>.csv`: 同じ表の CSV（UTF-8・BOM付き、リストは JSON 配列、空欄は NULL、= + - @ で始まる文字列は先頭に \' を付けて数式にならないようにしています）/ the same tables as CSV (UTF-8 with BOM, lists as JSON arrays, an empty field is NULL, text starting with = + - @ gets a leading \' so that no spreadsheet runs it as a formula)',
		'- `DICTIONARY.md`: 列の意味 / what every column means',
		'- `quality.json`: ソースごとの品質報告（警告と行番号）/ the quality report of each source (warnings with their lines)',
		'- `LICENSE.md`: ライセンス / licence',
		'',
		'| 表 / table | 行数 / rows | 1行は / one row is |',
		'|---|---:|---|',
		...rows,
		''
	].join('\n');
}

/** The archive's bytes. */
export function datasetArchive(input: ArchiveInput): Uint8Array {
	const entries: Record<string, Uint8Array> = {
		'README.md': strToU8(archiveReadme(input)),
		'LICENSE.md': strToU8(input.licence),
		'DICTIONARY.md': strToU8(input.dictionary),
		'quality.json': strToU8(JSON.stringify(input.quality, null, '\t') + '\n')
	};
	for (const t of input.tables) {
		entries[`parquet/${t.name}.parquet`] = new Uint8Array(readFileSync(join(input.dir, `${t.name}.parquet`)));
		entries[`csv/${t.name}.csv`] = strToU8(tableCsv(t, input.data[t.name] ?? []));
	}
	const mtime = fixedTime();
	const zippable: Zippable = {};
	for (const name of Object.keys(entries).sort()) {
		// Parquet is compressed already (snappy): stored, it unpacks at once and loses nothing.
		const level = name.endsWith('.parquet') ? 0 : 9;
		zippable[`${ARCHIVE_ROOT}/${name}`] = [entries[name], { level, mtime }];
	}
	return zipSync(zippable, { mtime });
}
