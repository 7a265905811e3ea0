/**
 * What the search page's queries read from the database file, per query, natively: one cold process
 * per search (a child of this script), each of its queries timed and its bytes read from the file
 * counted (/proc/self/io rchar, Linux only), one thread, the same SQL the page runs.
 *
 *   npx tsx scripts/bench/search-native.ts [data dir] [query ...]
 *
 * The data dir defaults to synthetic-data/static/data (the national synthetic output); the queries to
 * サロン, 地域, 茶の間 and ヤングケアラー.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openNative } from '../../src/lib/server/native-db';
import { searchInitiatives, searchGoalResults } from '../../src/lib/queries/search';
import { searchTerms } from '../../src/lib/search/text';
import { themeWords, themesForTerm } from '../../src/lib/search/theme-words';
import { TaxonomyFile } from '../../src/lib/themes/taxonomy';
import type { Connector } from '../../src/lib/db/connector';

const rchar = () => Number(/rchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))![1]);

interface Step {
	step: string;
	ms: number;
	bytes: number;
	rows: number;
}

async function child(dir: string, q: string): Promise<void> {
	const words = themeWords(TaxonomyFile.parse(JSON.parse(readFileSync('data/themes/taxonomy.json', 'utf8'))).themes);
	const open0 = rchar();
	const native = await openNative(dir);
	const steps: Step[] = [{ step: 'attach', ms: 0, bytes: rchar() - open0, rows: 0 }];
	let label = '';
	const db: Connector = {
		async query(sql, params) {
			const b = rchar();
			const t = performance.now();
			const rows = await native.query(sql, params);
			steps.push({ step: label, ms: performance.now() - t, bytes: rchar() - b, rows: rows.length });
			return rows as never;
		}
	};
	const terms = searchTerms(q);
	const f = { terms, termThemes: terms.map((t) => themesForTerm(t, words)), muni: null, theme: null, band: null };
	label = 'hits';
	const r = await searchInitiatives(db, f);
	label = 'goal-wide';
	const g = await searchGoalResults(db, f);
	native.close();
	process.stdout.write(JSON.stringify({ q, total: r.total, shown: r.hits.length, goal: g.length, steps }));
}

async function main(): Promise<void> {
	const [dir = 'synthetic-data/static/data', ...qs] = process.argv.slice(2);
	const queries = qs.length ? qs : ['サロン', '地域', '茶の間', 'ヤングケアラー'];
	const mb = (b: number) => (b / 1e6).toFixed(1);
	for (const q of queries) {
		const out = JSON.parse(execFileSync(process.execPath, [...process.execArgv, process.argv[1], '--child', dir, q], { encoding: 'utf8', maxBuffer: 1 << 26 }));
		const total = out.steps.reduce((s: number, x: Step) => s + x.bytes, 0);
		console.log(`${q}: ${out.total} hits (${out.shown} shown), ${out.goal} goal-wide; ${mb(total)} MB read`);
		for (const s of out.steps as Step[]) console.log(`  ${s.step.padEnd(10)} ${mb(s.bytes).padStart(7)} MB ${s.ms.toFixed(0).padStart(6)} ms ${String(s.rows).padStart(6)} rows`);
	}
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await main();
