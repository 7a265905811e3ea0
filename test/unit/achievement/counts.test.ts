import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildDataset, readReviewed } from '../../../scripts/lib/dataset';
import { ReviewedPairFile, evaluatePairs, precision, recall } from '../../../src/lib/achievement/reviewed';
import type { AchievementRow } from '../../../src/lib/contract/common-ground';
import type { Initiative, Measure } from '../../../src/lib/contract/tables';

/** The figures data/COMMON-GROUND.md gives for pairing are the data's, so they cannot drift. */
const doc = readFileSync('data/COMMON-GROUND.md', 'utf8');
const { dataset, quality } = buildDataset();
const achievements = dataset.achievements as AchievementRow[];
const list = readReviewed('data/achievement/reviewed-pairs.json', ReviewedPairFile);

const tableAfter = (marker: string) => {
	const lines = doc.split('\n');
	const at = lines.findIndex((l) => l.includes(marker));
	expect(at, marker).toBeGreaterThan(-1);
	const rows: string[][] = [];
	for (const l of lines.slice(at + 3)) {
		if (!l.startsWith('|')) break;
		rows.push(l.split('|').slice(1, -1).map((c) => c.trim()));
	}
	return rows;
};

describe('the pairing figures of data/COMMON-GROUND.md', () => {
	it('give each municipality\'s pairs, by basis, as the achievements table has them', () => {
		const rows = tableAfter('<!-- pair-counts');
		expect(rows.map((r) => r[0].slice(0, 5)).sort()).toEqual(quality.sources.map((s) => s.muni_code).sort());
		for (const [name, withPair, pairs, ...byBasis] of rows) {
			const code = name.slice(0, 5);
			const mine = achievements.filter((a) => a.muni_code === code);
			const initiatives = (dataset.initiatives as Initiative[]).filter((i) => i.muni_code === code).length;
			const count = (basis: AchievementRow['basis']) => String(mine.filter((a) => a.basis === basis).length);
			expect([withPair, pairs, ...byBasis], name).toEqual([
				`${new Set(mine.map((a) => a.initiative_id).filter(Boolean)).size} of ${initiatives}`,
				String(mine.length),
				count('same_year'),
				count('every_year'),
				count('undated_target'),
				count('interim'),
				String(mine.filter((a) => a.result_status === 'not_carried_out').length)
			]);
		}
	});

	it('give the reviewed list\'s size and the rule\'s precision and recall as eval:pairs computes them', () => {
		const pairs = list.entries.filter((e) => e.result).length;
		expect(doc).toContain(`numeric target or plan of the five reports (${list.entries.length})`);
		expect(doc).toContain(`(${pairs} pairs) or none with the reason (${list.entries.length - pairs})`);
		const { scores } = evaluatePairs(list.entries, dataset.measures as Measure[], achievements);
		const pr = (k: string) => `${precision(scores.get(k)!)!.toFixed(2)} / ${recall(scores.get(k)!)!.toFixed(2)}`;
		const now = tableAfter('<!-- pair-eval').find((r) => r[0] === 'now');
		expect(now).toEqual(['now', pr('development'), pr('held-out'), pr('all')]);
	});

	it('gives interim pairs no band and keeps their ratio and both years', () => {
		const interim = achievements.filter((a) => a.basis === 'interim');
		expect(interim.length).toBeGreaterThan(0);
		expect(interim.every((a) => a.band === null && a.target_fiscal_year !== null && a.result_fiscal_year !== null && a.result_fiscal_year < a.target_fiscal_year)).toBe(true);
		expect(interim.filter((a) => a.ratio !== null).length).toBe(interim.filter((a) => a.target_value !== 0 && a.result_value !== null).length);
	});
});

describe('quality.json', () => {
	it('counts missing fields in the tables as published: evaluation scores the crosswalk filled are not missing', () => {
		for (const s of quality.sources) {
			const evaluations = (dataset.evaluations as { initiative_id: string; score: number | null; band: string | null }[]).filter((e) => e.initiative_id.startsWith(s.muni_code));
			expect(s.fields_missing['evaluations.score'] ?? 0, s.source_file).toBe(evaluations.filter((e) => e.score === null).length);
			expect(s.fields_missing['evaluations.band'] ?? 0, s.source_file).toBe(evaluations.filter((e) => e.band === null).length);
		}
	});
});

describe('achievements.parquet, for every initiative of the five reports', () => {
	const byId = new Map((dataset.measures as Measure[]).map((m) => [m.measure_id, m]));
	it('pairs a plan only with its own year, never uses a baseline or a later year, and a target at most once', () => {
		for (const a of achievements) {
			const t = byId.get(a.target_measure_id)!;
			const r = byId.get(a.result_measure_id)!;
			expect(r.kind, a.achievement_id).toBe('result');
			expect(['target', 'plan']).toContain(t.kind);
			if (t.kind === 'plan') expect(a.result_fiscal_year, a.achievement_id).toBe(a.target_fiscal_year);
			if (a.target_fiscal_year !== null && a.result_fiscal_year !== null) expect(a.result_fiscal_year).toBeLessThanOrEqual(a.target_fiscal_year);
			if (a.basis === 'interim') expect(a.band).toBeNull();
			if (a.result_status === 'not_carried_out') expect([a.result_value, a.ratio, r.status]).toEqual([null, null, 'not_carried_out']);
		}
		const targets = achievements.map((a) => a.target_measure_id);
		expect(new Set(targets).size).toBe(targets.length);
	});
});
