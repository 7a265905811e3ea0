import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../scripts/lib/dataset';
import type { MeasureThemeRow } from '../../../src/lib/contract/common-ground';
import type { Measure } from '../../../src/lib/contract/tables';

describe('themes of results reported for a whole goal (登別市, one merged cell per 基本目標)', () => {
	const { dataset } = buildDataset({ only: ['01230'] });
	const rows = dataset.measure_themes as MeasureThemeRow[];
	const measures = dataset.measures as Measure[];
	const themesOf = (id: string) => rows.filter((r) => r.measure_id === id).map((r) => r.theme_id).sort();

	it('gives every figure of ●ふれあいいきいきサロン（45か所） 延べ2,730回、29,904人参加 the salon theme, the unlabelled ones too', () => {
		const item = measures.filter((m) => m.attached_to === 'goal' && m.raw_text.startsWith('●ふれあいいきいきサロン'));
		expect(item.map((m) => m.value)).toEqual([45, 2730, 29904]);
		expect(item.some((m) => m.label_ja === null)).toBe(true);
		for (const m of item) expect(themesOf(m.measure_id)).toEqual(['salon']);
		expect(rows.find((r) => r.measure_id === item[0].measure_id)).toMatchObject({ goal_id: item[0].goal_id, method: 'rule', evidence: 'name: サロン' });
	});

	it('reads each printed item by its own heading: the child-rearing salon is both, the 会食会 neither', () => {
		const kosodate = measures.find((m) => m.attached_to === 'goal' && m.raw_text.startsWith('●ふれあい子育てサロン'))!;
		expect(themesOf(kosodate.measure_id)).toEqual(['child_rearing', 'salon']);
		const kaishoku = measures.find((m) => m.attached_to === 'goal' && m.raw_text.startsWith('●ふれあい会食会'))!;
		expect(themesOf(kaishoku.measure_id)).toEqual([]);
	});

	it('assigns themes only to goal-wide figures (an initiative\'s own figures take its themes through initiative_themes)', () => {
		const goalWide = new Set(measures.filter((m) => m.attached_to === 'goal').map((m) => m.measure_id));
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) expect(goalWide.has(r.measure_id)).toBe(true);
	});
});
