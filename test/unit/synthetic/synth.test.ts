import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { generateSynthetic, SYNTHETIC_ADAPTER, SYNTHETIC_ID_MARK, SYNTHETIC_TEXT_MARK, synthMunicipalities } from '../../../src/lib/synthetic/generate';
import { Shape, SHAPE_FILE } from '../../../src/lib/synthetic/shape';
import { TABLES } from '../../../src/lib/contract/tables';
import { validateRows } from '../../../src/lib/pipeline/validate';
import { loadLocalGovernments, loadSchemes } from '../../../scripts/lib/sources';
import { loadCommonGroundInputs } from '../../../scripts/lib/dataset';
import { readRowsByObjects, readSyntheticDataset, refusePublishedPlace, SYNTHETIC_MARKER } from '../../../scripts/lib/synthetic-dataset';
import { findSynthetic } from '../../../scripts/lib/synthetic-scan';

const shape = Shape.parse(JSON.parse(readFileSync(SHAPE_FILE, 'utf8')));
const { taxonomy, crosswalk } = loadCommonGroundInputs();
const localGovernments = [...loadLocalGovernments().values()];
const draw = (municipalities: number, seed: number) => generateSynthetic({ shape, localGovernments, taxonomy, schemes: loadSchemes(), crosswalk, municipalities, seed });

describe('the synthetic national dataset', () => {
	it('is drawn onto the 1,741 市区町村 of the official list', () => {
		const all = synthMunicipalities(localGovernments, 1741);
		expect(all).toHaveLength(1741);
		expect(new Set(all.map((g) => g.prefecture_code)).size).toBe(47);
		expect(all.some((g) => g.kind === 'ward')).toBe(false);
		// A smaller country still spans every prefecture.
		expect(new Set(synthMunicipalities(localGovernments, 200).map((g) => g.prefecture_code)).size).toBe(47);
		expect(() => synthMunicipalities(localGovernments, 1742)).toThrow(/1741/);
	});

	it('is the same for the same seed, and another for another seed', () => {
		const a = JSON.stringify(draw(60, 1));
		expect(JSON.stringify(draw(60, 1))).toBe(a);
		expect(JSON.stringify(draw(60, 2))).not.toBe(a);
		// A municipality's rows do not depend on how many others are drawn.
		const small = draw(1, 7).tables.initiatives;
		const code = small[0].muni_code;
		const full = draw(30, 7).tables.initiatives.filter((i) => i.muni_code === code);
		expect(JSON.stringify(full)).toBe(JSON.stringify(small));
	});

	it('is in the contract: every row passes the schema the published rows pass', () => {
		const { tables } = draw(40, 3);
		for (const table of TABLES) {
			const rows = (tables as Record<string, unknown[]>)[table.name];
			expect(rows.length, table.name).toBeGreaterThan(0);
			expect(() => validateRows(table, rows, () => ({ file: table.name, line: null }))).not.toThrow();
		}
	});

	it('says it is synthetic in every row', () => {
		const { tables } = draw(40, 3);
		for (const [name, rows] of Object.entries(tables)) {
			for (const row of rows as Record<string, unknown>[]) {
				const text = JSON.stringify(row);
				expect(text.includes(SYNTHETIC_TEXT_MARK) || text.includes(SYNTHETIC_ID_MARK) || text.includes('（合成）'), `${name}: ${text.slice(0, 80)}`).toBe(true);
			}
		}
		expect(tables.plans.every((p) => p.adapter === SYNTHETIC_ADAPTER && p.source_file.startsWith('synthetic/'))).toBe(true);
		expect(tables.initiatives.every((i) => i.name_ja.startsWith(SYNTHETIC_TEXT_MARK))).toBe(true);
	});

	it('keeps the measured shape: initiatives per plan and measures per initiative near the published means', () => {
		const { tables } = draw(400, 1);
		const mean = (h: Record<string, number>) => Object.entries(h).reduce((s, [k, c]) => s + Number(k) * c, 0) / Object.values(h).reduce((s, c) => s + c, 0);
		const perPlan = tables.initiatives.length / tables.plans.length;
		expect(perPlan / mean(shape.plans.initiatives_per_plan)).toBeGreaterThan(0.85);
		expect(perPlan / mean(shape.plans.initiatives_per_plan)).toBeLessThan(1.15);
		const perInitiative = tables.measures.filter((m) => m.initiative_id).length / tables.initiatives.length;
		expect(perInitiative / mean(shape.measures.per_initiative)).toBeGreaterThan(0.9);
		expect(perInitiative / mean(shape.measures.per_initiative)).toBeLessThan(1.1);
	});
});

describe('synthetic data never reaches the published site', () => {
	it('npm run synth and npm run data -- --input refuse static/ and build/', () => {
		expect(() => refusePublishedPlace('static/data')).toThrow(/never written under static/);
		expect(() => refusePublishedPlace('build/data')).toThrow(/never written under build/);
		expect(() => refusePublishedPlace('synthetic-data/static/data')).not.toThrow();
		const run = spawnSync('npx', ['tsx', 'scripts/synth/synth.ts', '--municipalities', '2', '--out', 'static/data/x'], { encoding: 'utf8' });
		expect(run.status).not.toBe(0);
		expect(run.stderr).toMatch(/never written under static/);
	});

	it('the scan finds a synthetic file where one is put, and none in static/data/ or build/', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'atlas-scan-'));
		try {
			expect(await findSynthetic(dir)).toEqual([]);
			writeFileSync(join(dir, 'page.html'), `<p>${SYNTHETIC_TEXT_MARK}札幌市</p>`);
			writeFileSync(join(dir, SYNTHETIC_MARKER), '{}');
			expect(await findSynthetic(dir)).toHaveLength(2);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		expect(await findSynthetic('static/data')).toEqual([]);
		expect(await findSynthetic('build')).toEqual([]);
	}, 120_000);

	it('a synthetic dataset on disk is marked in every Parquet file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'atlas-synth-'));
		try {
			const out = join(dir, 'in');
			const run = spawnSync('npx', ['tsx', 'scripts/synth/synth.ts', '--municipalities', '5', '--seed', '4', '--out', out], { encoding: 'utf8' });
			expect(run.status, run.stderr).toBe(0);
			const files = readdirSync(out).filter((f) => f.endsWith('.parquet'));
			expect(files).toHaveLength(TABLES.length);
			const found = await findSynthetic(out);
			for (const f of files) expect(found.some((x) => x.startsWith(`${f}: Parquet metadata synthetic`)), f).toBe(true);
			// Two runs, one seed: the same bytes.
			const digest = (d: string) => readdirSync(d).sort().map((f) => createHash('sha256').update(readFileSync(join(d, f))).digest('hex')).join();
			const again = join(dir, 'again');
			expect(spawnSync('npx', ['tsx', 'scripts/synth/synth.ts', '--municipalities', '5', '--seed', '4', '--out', again]).status).toBe(0);
			expect(digest(again)).toBe(digest(out));
			// Read back as JSON texts, the rows are those of the client's row objects, value for value and in order.
			const { dataset } = await readSyntheticDataset(out);
			for (const table of TABLES) {
				const reference = await readRowsByObjects(out, table);
				expect(reference.length, table.name).toBeGreaterThan(0);
				expect(dataset[table.name], table.name).toStrictEqual(reference);
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 120_000);
});
