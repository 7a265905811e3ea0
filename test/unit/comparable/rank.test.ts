import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildDataset, loadCommonGroundInputs } from '../../../scripts/lib/dataset';
import { loadLocalGovernments, loadSchemes } from '../../../scripts/lib/sources';
import { comparableTable, nameBigrams, nameSimilarity, rankComparables, type ComparableCandidate } from '../../../src/lib/comparable/rank';
import { addComparables, comparableCandidates } from '../../../src/lib/pipeline/comparable';
import type { Initiative } from '../../../src/lib/contract/tables';
import type { InitiativeThemeRow } from '../../../src/lib/contract/common-ground';
import { addCommonGround } from '../../../src/lib/pipeline/common-ground';
import { generateSynthetic } from '../../../src/lib/synthetic/generate';
import { Shape, SHAPE_FILE } from '../../../src/lib/synthetic/shape';

const { dataset } = buildDataset();
const published = comparableCandidates(dataset.initiatives as Initiative[], dataset.initiative_themes as InitiativeThemeRow[]);
const byTarget = (rows: ReturnType<typeof comparableTable>) => {
	const out = new Map<string, typeof rows>();
	for (const r of rows) out.set(r.initiative_id, [...(out.get(r.initiative_id) ?? []), r]);
	return out;
};

describe('comparable initiatives', () => {
	it('name similarity is Jaccard over distinct character bigrams, two decimals', () => {
		expect(nameBigrams('サロン活動')).toEqual(['サロ', 'ロン', 'ン活', '活動']);
		expect(nameBigrams('ああああ')).toEqual(['ああ']);
		expect(nameSimilarity(nameBigrams('ふれあいサロン'), nameBigrams('いきいきサロン'))).toBe(0.22);
		expect(nameSimilarity([], [])).toBe(0);
	});

	it('ranks by shared themes, then similarity, then id; never the same municipality or a 再掲 row', () => {
		const c = (id: string, muni: string, name: string, themes: string[], repost: string | null = null): ComparableCandidate => ({ initiative_id: id, muni_code: muni, name_ja: name, repost_of: repost, themes });
		const target = c('10000-001', '10000', 'ふれあいサロン', ['salon']);
		const all = [
			target,
			c('10000-002', '10000', 'ふれあいサロン', ['salon']),
			c('20000-001', '20000', '見守り', ['salon', 'watching']),
			c('20000-002', '20000', 'ふれあいサロン', ['salon']),
			c('30000-001', '30000', 'ふれあいサロン事業', []),
			c('30000-002', '30000', 'ふれあいサロン', ['salon'], '30000-009'),
			c('40000-001', '40000', '防災訓練', [])
		];
		const got = rankComparables(target, all);
		expect(got.map((m) => [m.comparable_id, m.rank, m.reason])).toEqual([
			['20000-002', 1, 'shared_themes'],
			['20000-001', 2, 'shared_themes'],
			['30000-001', 3, 'similar_name']
		]);
		expect(comparableTable(all).filter((m) => m.initiative_id === target.initiative_id)).toEqual(got);
	});

	it('the table computed once equals ranking each published initiative on its own', () => {
		const table = byTarget(comparableTable(published));
		for (const target of published) expect(table.get(target.initiative_id) ?? [], target.initiative_id).toEqual(rankComparables(target, published));
		// Most initiatives have some comparable work elsewhere.
		expect(table.size).toBeGreaterThan(published.length * 0.8);
	});

	it('part of the table (some targets, among some candidates) equals ranking those targets among those candidates', () => {
		const someTargets = (c: ComparableCandidate) => c.initiative_id.endsWith('3') || c.initiative_id.endsWith('7');
		const someCandidates = (c: ComparableCandidate) => c.muni_code !== published[0].muni_code && !c.initiative_id.endsWith('1');
		const table = byTarget(comparableTable(published, 10, { target: someTargets, candidate: someCandidates }));
		expect([...table.keys()].every((id) => someTargets(published.find((c) => c.initiative_id === id)!))).toBe(true);
		const pool = published.filter(someCandidates);
		for (const target of published.filter(someTargets)) expect(table.get(target.initiative_id) ?? [], target.initiative_id).toEqual(rankComparables(target, pool));
	});

	it('and on a synthetic country, where blocking and pruning do the work', () => {
		const shape = Shape.parse(JSON.parse(readFileSync(SHAPE_FILE, 'utf8')));
		const inputs = loadCommonGroundInputs();
		const synth = generateSynthetic({ shape, localGovernments: [...loadLocalGovernments().values()], taxonomy: inputs.taxonomy, schemes: loadSchemes(), crosswalk: inputs.crosswalk, municipalities: 30, seed: 5 });
		const computed = addCommonGround(synth.tables as unknown as Record<string, Record<string, unknown>[]>, { ...inputs, overrides: [], crosswalk: synth.crosswalk });
		const all = comparableCandidates(computed.initiatives as Initiative[], computed.initiative_themes as InitiativeThemeRow[]);
		const table = byTarget(comparableTable(all));
		for (const target of all.filter((_, i) => i % 7 === 0)) expect(table.get(target.initiative_id) ?? [], target.initiative_id).toEqual(rankComparables(target, all));
	});

	it('is a table of the dataset, validated and in key order', () => {
		const rows = addComparables(dataset).comparable_initiatives;
		expect(rows.length).toBeGreaterThan(0);
		const keys = rows.map((r) => `${r.initiative_id} ${String(r.rank).padStart(2, '0')}`);
		expect(keys).toEqual([...keys].sort());
	});
});
