import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CrosswalkFile, bandOf, crosswalkProblems, mapEvaluations, mapSchemeLevels } from '../../../src/lib/grading/crosswalk';
import type { Evaluation, GradingSchemeLevel } from '../../../src/lib/contract/tables';
import { loadSchemes } from '../../../scripts/lib/sources';

const raw = JSON.parse(readFileSync('data/crosswalk.json', 'utf8'));
const cw = CrosswalkFile.parse(raw);
const levels: GradingSchemeLevel[] = loadSchemes().flatMap((s) =>
	s.levels.map((l) => ({ scheme_id: s.scheme_id, muni_code: s.muni_code, grade: l.grade, rank: l.rank, definition_ja: l.definition_ja, definition_en: l.definition_en, score: null, band: null, mapping_reason_en: null, mapping_reason_ja: null, source_line: s.source_line }))
);
const mapped = mapSchemeLevels(levels, cw);
const level = (scheme: string, grade: string) => mapped.find((l) => l.scheme_id === scheme && l.grade === grade)!;

describe('grading crosswalk', () => {
	it('maps every level of every scheme, and nothing else', () => {
		expect(crosswalkProblems(cw, levels)).toEqual([]);
		expect(mapped.every((l) => l.score !== null && l.band !== null && l.mapping_reason_en && l.mapping_reason_ja)).toBe(true);
	});

	it('南区 A–D: thresholds of attainment, scored at the middle of each range', () => {
		expect([level('15106-a-d', 'A').band, level('15106-a-d', 'B').band, level('15106-a-d', 'C').band, level('15106-a-d', 'D').band]).toEqual([
			'achieved',
			'mostly_achieved',
			'partly_achieved',
			'not_achieved'
		]);
		expect(level('15106-a-d', 'A').score).toBe(0.95);
		expect(level('15106-a-d', 'D').score).toBe(0.25);
	});

	it('北本市 A–C: progress of work, so even A is not "achieved"', () => {
		expect(level('11233-a-c', 'A').band).toBe('mostly_achieved');
		expect(level('11233-a-c', 'B').band).toBe('partly_achieved');
		expect(level('11233-a-c', 'C').band).toBe('not_achieved');
		expect(level('11233-a-c', 'A').mapping_reason_en).toMatch(/does not claim the target is reached/);
	});

	it('登別市 1–5: "as planned", spread evenly', () => {
		expect(['5', '4', '3', '2', '1'].map((g) => level('01230-1-5', g).score)).toEqual([1, 0.75, 0.5, 0.25, 0]);
		expect(level('01230-1-5', '4').band).toBe('mostly_achieved');
	});

	it('keeps unreadable grades null and fills readable ones', () => {
		const base: Evaluation = { evaluation_id: 'e1', initiative_id: '11233-001', fiscal_year: 2023, scheme_id: '11233-a-c', grade_raw: 'Α', grade: 'A', evaluator: null, score: null, band: null, line: 10 };
		const [a, b] = mapEvaluations([base, { ...base, evaluation_id: 'e2', grade_raw: '?', grade: null }], cw);
		expect([a.score, a.band]).toEqual([0.8, 'mostly_achieved']);
		expect([b.score, b.band]).toEqual([null, null]);
	});

	it('refuses a band that does not follow from the score', () => {
		const bad = structuredClone(raw);
		bad.schemes[0].levels[0].band = 'mostly_achieved';
		expect(CrosswalkFile.safeParse(bad).success).toBe(false);
	});

	it('bands ratios by the 90/75/50% thresholds', () => {
		expect([1.2, 0.9, 0.89, 0.75, 0.5, 0.49].map((r) => bandOf(r, cw.bands))).toEqual([
			'achieved',
			'achieved',
			'mostly_achieved',
			'mostly_achieved',
			'partly_achieved',
			'not_achieved'
		]);
	});
});
