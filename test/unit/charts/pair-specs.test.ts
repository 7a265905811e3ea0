import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderPlot } from '../../../src/lib/components/charts/plot-render';
import { achievementOf, gradeAchievementSpec, outcomeOf, scoreAchievementSpec, targetResultSpec, type PairWords } from '../../../src/lib/components/charts/pair-specs';
import { BAND_COLOURS, PROGRESS_COLOUR } from '../../../src/lib/components/charts/palette';
import type { ChartPair } from '../../../src/lib/queries/chart-pairs';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

function pair(over: Partial<ChartPair>): ChartPair {
	return {
		achievement_id: 'a',
		indicator_label: '参加者数',
		basis: 'same_year',
		target_fiscal_year: 2023,
		result_fiscal_year: 2023,
		target_value: 100,
		result_value: 80,
		unit: '人',
		ratio: 0.8,
		band: 'partly_achieved',
		result_status: 'reported',
		result_status_ja: null,
		muni_code: '15106',
		muni_name_ja: '新潟市南区',
		muni_name_en: 'Minami-ku, Niigata',
		initiative_id: 'i1',
		initiative_name_ja: 'ふれあいサロンの開催',
		grade_raw: 'A',
		grade_score: 1,
		grade_band: 'achieved',
		...over
	};
}

const pairs = [
	pair({ achievement_id: 'final' }),
	pair({ achievement_id: 'interim', basis: 'interim', band: null, ratio: 0.4, target_fiscal_year: 2025, result_fiscal_year: 2022 }),
	pair({ achievement_id: 'stopped', band: 'not_achieved', ratio: null, result_value: null, result_status: 'not_carried_out', result_status_ja: '中止' }),
	pair({ achievement_id: 'zero', ratio: null, band: null, target_value: 0, grade_score: null, grade_band: null })
];

const words: PairWords = {
	title: 'T',
	achievement: '達成率',
	hover: (p) => `目標 ${p.target_fiscal_year}年度 → 実績 ${p.result_fiscal_year}年度`,
	rowLabel: (p) => `${p.initiative_name_ja}｜${p.achievement_id}`,
	bandLabel: (b) => b,
	gradeAxis: 'grade',
	parity: '='
};

describe('pair outcomes', () => {
	it('keeps interim pairs apart from the bands, and places a pair not carried out at 0', () => {
		expect(pairs.map(outcomeOf)).toEqual(['partly_achieved', 'interim', 'not_carried_out', 'no_ratio']);
		expect(pairs.map(achievementOf)).toEqual([0.8, 0.4, 0, null]);
	});
});

describe('pair chart specs', () => {
	it('target against result: one dot and one arrow per placeable pair, interim hollow and dashed, years on hover', () => {
		const svg = renderPlot(targetResultSpec(pairs, words)(600), doc());
		const dots = [...svg.querySelectorAll('circle')];
		expect(dots).toHaveLength(3);
		const interim = dots.find((c) => c.querySelector('title')?.textContent?.includes('2022年度'))!;
		expect(interim.getAttribute('fill')).toBe('white');
		expect(interim.getAttribute('stroke')).toBe(PROGRESS_COLOUR);
		expect(dots.filter((c) => c.getAttribute('fill') === BAND_COLOURS.partly_achieved)).toHaveLength(1);
		expect(svg.querySelector('g[stroke-dasharray="4,3"]')).not.toBeNull();
		expect(svg.querySelector('title')?.textContent).toContain('目標 2023年度');
	});

	it('own grade next to achievement: only pairs of graded initiatives, one row per band of the grade', () => {
		const svg = renderPlot(gradeAchievementSpec(pairs, words)(400), doc());
		expect(svg.querySelectorAll('circle')).toHaveLength(3);
		expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).toContain('achieved');
	});

	it('score against achievement: pairs with both a score and a place, interim hollow in the municipality colour', () => {
		const svg = renderPlot(scoreAchievementSpec(pairs, words)(400), doc());
		const dots = [...svg.querySelectorAll('circle')];
		expect(dots).toHaveLength(3);
		expect(dots.filter((c) => c.getAttribute('fill') === 'white')).toHaveLength(1);
	});
});
