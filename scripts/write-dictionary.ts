/**
 * npm run dictionary: writes data/DICTIONARY.md from the contract (the zod tables and their
 * declared SQL types and meanings), so the dictionary can never drift from the data.
 * `--check` fails when the committed file is out of date (CI runs it).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { ALL_TABLES, columnsOf, type TableDef } from '../src/lib/contract/index';
import { PAGE_TABLES } from '../src/lib/contract/page-tables';
import { warningCatalogue } from '../src/lib/template-kit/warnings';

const PATH = 'data/DICTIONARY.md';

export function dictionary(): string {
	const out: string[] = [
		'# Data dictionary / データ辞書',
		'',
		'Generated from the data contract (`src/lib/contract/`) by `npm run dictionary`; do not edit by hand.',
		'Every table is published as `/data/<table>.parquet` and is a view of the same name in the SQL workbench.',
		'Fiscal years are integers: the Gregorian year the 年度 starts in (令和2年度 = 2020).',
		'',
		'データ契約（`src/lib/contract/`）から `npm run dictionary` で生成しています。手で編集しないでください。',
		''
	];
	const describe = (table: TableDef, heading: string) => {
		out.push(`${heading} ${table.name}`, '', `One row: ${table.rowEn}.  `, `1行：${table.rowJa}。`, '');
		out.push('| column | type | null | meaning | 意味 |', '|---|---|---|---|---|');
		for (const c of columnsOf(table)) {
			const esc = (s: string) => s.replace(/\|/g, '\\|');
			out.push(`| \`${c.name}\` | ${c.sql} | ${c.nullable ? 'yes' : 'no'} | ${esc(c.en)} | ${esc(c.ja)} |`);
		}
		out.push('');
	};
	for (const table of ALL_TABLES) describe(table, '##');
	out.push(
		'## Page tables / ページ用の表',
		'',
		'Derived by the pipeline from the tables above with one SQL query each (`src/lib/db/page-table.ts`), for the pages to read by key:',
		'in `atlas.duckdb` (sorted by their key) and in `parquet/` (data/PARTITIONS.md), not as downloads. In the browser they include the plans you imported.  ',
		'上の表からパイプラインがSQLで導出する、ページが読むための表です。`atlas.duckdb` と `parquet/` にあり、ダウンロードにはありません。ブラウザでは取り込んだ計画も含みます。',
		''
	);
	for (const table of PAGE_TABLES) describe(table, '###');
	out.push(
		'## Warning codes / 警告コード',
		'',
		'`quality.json` lists every warning with its source line and one of these codes (`src/lib/template-kit/warnings.ts`).',
		'A notice: the text was read and the record is right. A warning: part of the record is missing or uncertain.',
		'Unreadable: the text could not be read and is kept as printed (counted in `unreadable`).  ',
		'`quality.json` の警告には次のいずれかのコードが付きます（注意＝読み取れて記録は正しい、警告＝記録の一部が欠けるか不確か、判読不能＝原文のまま保持）。',
		'',
		'| code | severity | unreadable | meaning | 意味 |',
		'|---|---|---|---|---|'
	);
	for (const w of warningCatalogue()) out.push(`| \`${w.code}\` | ${w.severity} | ${w.unreadable ? 'yes' : 'no'} | ${w.en} | ${w.ja} |`);
	out.push('');
	return out.join('\n');
}

const text = dictionary();
if (process.argv.includes('--check')) {
	if (!existsSync(PATH) || readFileSync(PATH, 'utf8') !== text) {
		console.error(`dictionary: ${PATH} is out of date with the contract; run "npm run dictionary" and commit it`);
		process.exit(1);
	}
	console.log(`dictionary: ${PATH} is up to date`);
} else {
	writeFileSync(PATH, text);
	console.log(`dictionary: wrote ${PATH}`);
}
