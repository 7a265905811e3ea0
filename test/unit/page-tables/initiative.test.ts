import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataset } from '../../../scripts/lib/dataset';
import { writeParquetFiles } from '../../../scripts/lib/write-parquet';
import { ALL_TABLES } from '../../../src/lib/contract/index';
import { addComparables } from '../../../src/lib/pipeline/comparable';
import { openNative } from '../../../src/lib/server/native-db';
import type { Connector, Row } from '../../../src/lib/db/connector';
import { importedFile, presentTables } from '../../../src/lib/queries/common';
import { comparableInitiatives, initiativeIds, initiativePage, type Comparable } from '../../../src/lib/queries/initiative';

/** The queries an initiative page's comparables and own figures were read with before the page table. */
const SUMMARY_CTE = `
	summary_m AS (
		SELECT x.initiative_id, x.kind, x.raw_text,
		       row_number() OVER (PARTITION BY x.initiative_id, x.kind ORDER BY x.fiscal_year DESC NULLS LAST, x.measure_id) AS r
		FROM measures x WHERE x.kind IN ('target', 'result') AND x.initiative_id IN (SELECT initiative_id FROM picked)
	),
	summary_e AS (
		SELECT e.initiative_id, string_agg(e.grade_raw, ' / ' ORDER BY e.evaluation_id) AS grade, min_by(e.band, e.score) FILTER (WHERE e.band IS NOT NULL) AS band
		FROM evaluations e WHERE e.initiative_id IN (SELECT initiative_id FROM picked) GROUP BY e.initiative_id
	),
	summary AS (
		SELECT i.initiative_id, t.raw_text AS target, r.raw_text AS result, se.grade, se.band
		FROM initiatives i
		LEFT JOIN summary_m t ON t.initiative_id = i.initiative_id AND t.kind = 'target' AND t.r = 1
		LEFT JOIN summary_m r ON r.initiative_id = i.initiative_id AND r.kind = 'result' AND r.r = 1
		LEFT JOIN summary_e se ON se.initiative_id = i.initiative_id
		WHERE i.initiative_id IN (SELECT initiative_id FROM picked)
	)`;

function byInitiative<T>(rows: Row[]): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const { for_id, ...row } of rows) out.set(String(for_id), [...(out.get(String(for_id)) ?? []), row as T]);
	return out;
}

async function comparablesBefore(db: Connector, picked: string, param: string, tables: ReadonlySet<string>): Promise<Map<string, Comparable[]>> {
	if (!tables.has('comparable_initiatives')) return new Map();
	return byInitiative<Comparable>(
		await db.query(
			`WITH ${picked}, ranked AS (
				SELECT c.initiative_id AS for_id, c.comparable_id AS initiative_id, c.rank, c.shared_themes, c.similarity
				FROM comparable_initiatives c WHERE c.initiative_id IN (SELECT initiative_id FROM picked_i)
			),
			picked AS (SELECT DISTINCT initiative_id FROM ranked),
			${SUMMARY_CTE}
			SELECT p.for_id, p.initiative_id, o.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, o.name_ja,
			       p.shared_themes, p.similarity, s.target, s.result, s.grade, s.band,
			       ${importedFile('o.plan_id')}
			FROM ranked p JOIN initiatives o USING (initiative_id) JOIN summary s USING (initiative_id) JOIN municipalities m ON m.muni_code = o.muni_code
			ORDER BY p.for_id, p.rank`,
			[param]
		)
	);
}

describe('an initiative page from its page table (initiative_summaries)', () => {
	// The five-city dataset with its comparable initiatives, as the pipeline writes it (scripts/build-data.ts).
	const dir = mkdtempSync(join(tmpdir(), 'atlas-initiative-page-'));
	let db: Awaited<ReturnType<typeof openNative>>;
	beforeAll(async () => {
		await writeParquetFiles(dir, ALL_TABLES, addComparables(buildDataset().dataset));
		db = await openNative(dir);
	}, 120_000);
	afterAll(() => {
		db.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('shows every initiative its comparables and own figures as the joins over every table did, on the five published municipalities', async () => {
		const tables = await presentTables(db);
		const ids = await initiativeIds(db);
		expect(ids.length).toBeGreaterThan(200);
		let compared = 0;
		// Every sixth initiative: each old query joins every table (seconds of a CI run for all 275).
		for (const id of ids.filter((_, k) => k % 6 === 0)) {
			const picked = ['picked_i AS (SELECT initiative_id, goal_id, muni_code FROM initiatives WHERE initiative_id = ?)', id] as const;
			const before = (await comparablesBefore(db, picked[0], picked[1], tables)).get(id) ?? [];
			expect(await comparableInitiatives(db, id, tables)).toEqual(before);
			compared += before.length;
		}
		expect(compared).toBeGreaterThan(200);
		for (const id of ids.filter((_, k) => k % 18 === 0)) {
			const [own] = await db.query(`WITH picked AS (SELECT ? AS initiative_id), ${SUMMARY_CTE} SELECT target, result, grade, band FROM summary`, [id]);
			expect((await initiativePage(db, id))!.own).toEqual(own);
		}
	}, 120_000);
});
