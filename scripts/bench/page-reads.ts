/**
 * What each query of a page reads of the database file, natively: the page's own query functions
 * run over native DuckDB (src/lib/server/native-db.ts, the browser's SQL), every statement recorded,
 * then each statement run again alone in a fresh process (DuckDB's buffers empty, as a page's first
 * read of a table is), with the bytes that process read during the statement (/proc/self/io rchar)
 * and its time. The last line is the page as the browser runs it: every statement in one process.
 *
 *   npx tsx scripts/bench/page-reads.ts <data folder> <page> [<page> ...]
 *
 * Pages: theme (salon), initiative (the first initiative of the municipality with the most), grading,
 * grading:<prefecture code>. Linux only (/proc).
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openNative } from '../../src/lib/server/native-db';
import type { Connector, Param, Row } from '../../src/lib/db/connector';
import { themePage } from '../../src/lib/queries/theme';
import { chartPairs } from '../../src/lib/queries/chart-pairs';
import { initiativePage } from '../../src/lib/queries/initiative';
import { gradingCountry, gradingPage } from '../../src/lib/queries/grading';
import { THEME_ROWS_PRERENDERED } from '../../src/lib/scale/prerender';
import { headline, municipalitySummaries, themeMatrix } from '../../src/lib/queries/overview';
import { searchGoalResults, searchInitiatives } from '../../src/lib/queries/search';

interface Statement {
	sql: string;
	params: Param[];
}

const readBytes = () => Number(/rchar:\s*(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))![1]);

/** A connector that records every statement it runs. */
function recording(db: Connector, into: Statement[]): Connector {
	return {
		query<T extends Row = Row>(sql: string, params: readonly Param[] = []) {
			into.push({ sql, params: [...params] });
			return db.query<T>(sql, params);
		}
	};
}

/** A page's queries as the page runs them in the browser (wasm-reads.ts runs the same). */
export async function runPage(db: Connector, page: string): Promise<void> {
	if (page === 'theme') {
		await themePage(db, 'salon', { initiatives: THEME_ROWS_PRERENDERED });
		await chartPairs(db, { theme: 'salon' });
	} else if (page === 'initiative') {
		const [{ muni }] = await db.query<{ muni: string }>('SELECT muni_code AS muni FROM initiatives GROUP BY muni_code ORDER BY count(*) DESC, muni_code LIMIT 1');
		const [{ id }] = await db.query<{ id: string }>('SELECT min(initiative_id) AS id FROM initiatives WHERE muni_code = ?', [muni]);
		await initiativePage(db, id);
	} else if (page.startsWith('grading')) {
		// As the page asks: the whole country's for five plans, else the national bins and one prefecture (the first, or grading:<code>).
		const country = await gradingCountry(db);
		const prefecture = country.atScale ? (page.split(':')[1] ?? country.prefectures[0].prefecture_code) : undefined;
		await gradingPage(db, { prefecture });
		await chartPairs(db, prefecture ? { prefecture } : 'all');
	} else if (page === 'overview') {
		await municipalitySummaries(db);
		await headline(db);
		await themeMatrix(db);
	} else if (page === 'search') {
		const filters = { terms: ['サロン'], muni: null, theme: null, band: null };
		await searchInitiatives(db, filters);
		await searchGoalResults(db, filters);
	} else throw new Error(`no page "${page}" (overview, theme, initiative, grading, grading:<prefecture code>, search)`);
}

/** A statement alone in this process: bytes read and milliseconds. */
async function runAlone(dataDir: string, s: Statement): Promise<{ bytes: number; ms: number; rows: number }> {
	const db = await openNative(dataDir);
	const before = readBytes();
	const t = performance.now();
	const rows = await db.query(s.sql, s.params);
	const ms = performance.now() - t;
	const bytes = readBytes() - before;
	db.close();
	return { bytes, ms, rows: rows.length };
}

const mb = (b: number) => (b / 1e6).toFixed(2);
const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 110);

async function main() {
	const [dataDir, ...pages] = process.argv.slice(2);
	if (dataDir === '--alone') {
		const s = JSON.parse(readFileSync(0, 'utf8')) as { dataDir: string; statement: Statement };
		process.stdout.write(JSON.stringify(await runAlone(s.dataDir, s.statement)));
		return;
	}
	if (!dataDir || !pages.length) throw new Error('usage: page-reads.ts <data folder> <page> [<page> ...]');
	const self = fileURLToPath(import.meta.url);
	for (const page of pages) {
		const statements: Statement[] = [];
		const db = await openNative(dataDir);
		const before = readBytes();
		const t = performance.now();
		await runPage(recording(db, statements), page);
		const together = { bytes: readBytes() - before, ms: performance.now() - t };
		db.close();
		console.log(`\n${page}: ${statements.length} statements\n| MB alone | ms alone | rows | statement |\n|---:|---:|---:|---|`);
		let sum = 0;
		for (const statement of statements) {
			const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--alone'], { input: JSON.stringify({ dataDir, statement }), encoding: 'utf8', maxBuffer: 1 << 26 });
			const r = JSON.parse(out) as { bytes: number; ms: number; rows: number };
			sum += r.bytes;
			console.log(`| ${mb(r.bytes)} | ${r.ms.toFixed(0)} | ${r.rows} | ${oneLine(statement.sql)} |`);
		}
		console.log(`| ${mb(sum)} | | | sum of the statements alone |\n| ${mb(together.bytes)} | ${together.ms.toFixed(0)} | | the page's statements in one process |`);
	}
}

// Run when called as a script, not when wasm-reads.ts imports runPage.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
