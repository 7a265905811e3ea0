import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { EXAMPLE, EXAMPLE_FILE_STEM } from '../../../src/lib/import/example';
import { searchEveryInitiative, searchGoalResults, searchInitiatives, type SearchFilters } from '../../../src/lib/queries/search';
import { goalResults } from '../../../src/lib/queries/goal-results';
import { gramsOfTextSql, termKeys } from '../../../src/lib/search/grams';
import { fold, searchTerms } from '../../../src/lib/search/text';
import { themeWords, themesForTerm } from '../../../src/lib/search/theme-words';
import { TaxonomyFile } from '../../../src/lib/themes/taxonomy';
import { readFileSync } from 'node:fs';
import { importPlan, openImportedDb, type ImportedDb } from '../../helpers/imported-db';

const words = themeWords(TaxonomyFile.parse(JSON.parse(readFileSync('data/themes/taxonomy.json', 'utf8'))).themes);

function filters(q: string, more: Partial<SearchFilters> = {}): SearchFilters {
	const terms = searchTerms(q);
	return { terms, termThemes: terms.map((t) => themesForTerm(t, words)), muni: null, theme: null, band: null, ...more };
}

/** Typed queries: partial words, one character, kana and width variants, Latin, English theme words, none found. */
const TYPED = ['サロン', 'さろん', 'ｻﾛﾝ', '茶の間', 'ヤングケアラー', 'ケアラ', 'ﾔﾝｸﾞｹｱﾗｰ', '見守り活動', '地域', '支援', '福祉', '茶', '見', 'の', '会',
	'npo', 'ＮＰＯ', 'ＮＰＯ法人', 'salon', 'young carer', 'carer', 'zzzqqq', '存在しない語句', '𠮷', '子ども食堂', '民生委員', '2020', '１', 'a', '課', '。', '地域の茶の間'];


describe('search through the index', () => {
	let db: ImportedDb;
	let queries: SearchFilters[];
	beforeAll(async () => {
		db = await openImportedDb('search-index');
		// Besides the typed ones, pieces of 1 to 5 characters cut from the text of initiatives spread over the dataset.
		const texts = (await db.query<{ t: string }>(`SELECT concat_ws(' ', name_ja, description_ja) AS t FROM initiatives ORDER BY initiative_id`)).map((r) => r.t);
		const cut: string[] = [];
		const cutFrom = (from: string[], every: number) => {
			for (let k = 0; k < from.length; k += every) {
				const chars = Array.from(from[k]);
				const len = 1 + (k % 5);
				const at = (k * 13) % Math.max(1, chars.length - len);
				cut.push(chars.slice(at, at + len).join(''));
			}
		};
		cutFrom(texts, 25);
		// And from the items reported for a goal as a whole (documents of the index too).
		cutFrom((await goalResults(db, {})).map((r) => r.raw_text), 3);
		const municipalities = await db.query<{ muni_code: string }>('SELECT muni_code FROM municipalities WHERE has_report ORDER BY muni_code');
		queries = [
			...TYPED.map((q) => filters(q)),
			...cut.filter((q) => searchTerms(q).length).map((q) => filters(q)),
			filters('サロン', { muni: municipalities[0].muni_code }),
			filters('地域', { muni: municipalities[1].muni_code }),
			filters('支援', { theme: 'salon' }),
			filters('地域', { band: 'achieved' }),
			filters('の', { band: 'not_achieved', theme: 'youth_carer' }),
			filters('', { muni: municipalities[2].muni_code }),
			filters('', { theme: 'salon' })
		].filter((f) => f.terms.length || f.muni || f.theme || f.band);
	}, 120_000);
	afterAll(() => db?.close());

	const same = async (some = queries) => {
		let hits = 0;
		for (const f of some) {
			const got = await searchInitiatives(db, f);
			expect(got, JSON.stringify(f)).toEqual(await searchEveryInitiative(db, f));
			hits += got.total;
		}
		return hits;
	};

	/** Goal-wide results through the index against the query over every goal-wide measure (goal-results.ts). */
	const sameGoalResults = async (some = queries) => {
		let found = 0;
		for (const f of some) {
			const want = f.band ? [] : await goalResults(db, { terms: f.terms, muni: f.muni, theme: f.theme });
			expect(await searchGoalResults(db, f), JSON.stringify(f)).toEqual(want);
			found += want.length;
		}
		return found;
	};

	it('finds exactly what reading every initiative finds, on the five cities', async () => {
		expect(queries.length).toBeGreaterThan(45);
		expect(await same()).toBeGreaterThan(1000);
		// Some queries find nothing, some more than a page.
		const totals = await Promise.all(queries.slice(0, TYPED.length).map(async (f) => (await searchInitiatives(db, f)).total));
		expect(totals).toContain(0);
		expect(Math.max(...totals)).toBeGreaterThan(200);
	}, 300_000);

	it('finds exactly the goal-wide results that reading every goal-wide measure finds', async () => {
		expect(await sameGoalResults()).toBeGreaterThan(20);
	}, 300_000);

	it('finds the initiatives of imported plans, through the same index run over them', async () => {
		await importPlan(db, EXAMPLE, `${EXAMPLE_FILE_STEM}.xlsx`);
		await importPlan(db, { ...EXAMPLE, plan: [{ ...EXAMPLE.plan![0], muni_code: '15107' }] }, 'second-plan-15107.xlsx', true);
		const name = String(EXAMPLE.initiatives![0].name_ja);
		const f = filters(name);
		const got = await searchInitiatives(db, f);
		expect(got.hits.filter((h) => h.imported_file !== null).map((h) => h.imported_file).sort()).toEqual([`${EXAMPLE_FILE_STEM}.xlsx`, 'second-plan-15107.xlsx']);
		// The typed queries, and those with filters.
		expect(await same([...queries.slice(0, 12), ...queries.slice(-7)])).toBeGreaterThan(500);
		expect(await sameGoalResults([...queries.slice(0, 12), ...queries.slice(-7)])).toBeGreaterThan(0);
	}, 300_000);
});

describe('index keys', () => {
	it('are the same pairs of characters in JavaScript and in SQL, one character being the range its pairs start with', async () => {
		const samples = ['サロン', fold('ｻﾛﾝ活動'), 'ab', '𠮷野家', 'x', 'npo法人', '地域の茶の間'];
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		for (const text of samples) {
			const rows = (await conn.runAndReadAll(`${gramsOfTextSql('SELECT 1 AS doc, $t AS hay')} ORDER BY gram`, { t: text })).getRowObjectsJS();
			const sqlKeys = rows.map((r) => Number(r.gram));
			// The whole text as a term: its pairs are among the text's, and every character starts one.
			const k = termKeys(text);
			if (k.kind === 'all') for (const key of k.keys) expect(sqlKeys).toContain(key);
			for (const ch of Array.from(text)) {
				const r = termKeys(ch);
				expect(r.kind).toBe('range');
				if (r.kind === 'range') expect(sqlKeys.some((g) => g >= r.from && g <= r.to)).toBe(true);
			}
		}
		conn.closeSync();
		instance.closeSync();
		expect(termKeys('サロ')).toMatchObject({ kind: 'all', exact: true });
		expect(termKeys('サロン')).toMatchObject({ kind: 'all', exact: false });
		expect(termKeys('𠮷')).toMatchObject({ kind: 'range', exact: false });
	});
});
