import { readReport } from '../../../src/lib/template-kit/read';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../src/lib/adapters/registry';
// The template is a spec (src/lib/adapters/noboribetsu-kizuna-2017.json) read by the kit's table template.
const noboribetsuKizuna2017 = ADAPTERS.get('noboribetsu-kizuna-2017')!;
import { loadDocument, loadManifest, loadSchemes } from '../../../scripts/lib/sources';
import type { SourceDocument } from '../../../src/lib/adapters/adapter';

const entry = loadManifest().sources.find((s) => s.adapter === 'noboribetsu-kizuna-2017')!;
const doc = loadDocument(entry);
const scheme = loadSchemes().find((s) => s.scheme_id === entry.scheme_id)!;
const read = (d: SourceDocument = doc) => readReport(noboribetsuKizuna2017, d, { scheme, corrections: [] });
const result = read();

describe('the 登別市 adapter', () => {
	it('finds the 18 基本計画 under the 5 基本目標', () => {
		// Counted by hand: rows numbered 1–18 under 【基本目標1】…【基本目標5】 (4 + 4 + 3 + 3 + 4).
		expect(result.initiatives).toHaveLength(18);
		expect(result.goals.map((g) => [g.code, result.initiatives.filter((i) => i.goal_id === g.goal_id).length])).toEqual([
			['1', 4],
			['2', 4],
			['3', 3],
			['4', 3],
			['5', 4]
		]);
		expect(result.goals[0].title_ja).toBe('きずなを育て確かめる ～福祉の意識と関心を高める取り組み～');
	});

	it('reads the 1–5 評価 as FY2017 evaluations: three 2s… counted by grade', () => {
		const counts: Record<string, number> = {};
		for (const e of result.evaluations) counts[e.grade!] = (counts[e.grade!] ?? 0) + 1;
		// By hand from the 評価 column: 4,3,4,4 | 3,4,2,2 | 3,3,3 | 3,4,4 | 3,4,3,3
		expect(counts).toEqual({ '2': 2, '3': 9, '4': 7 });
		expect(result.evaluations.every((e) => e.fiscal_year === 2017 && e.scheme_id === '01230-1-5')).toBe(true);
		expect(result.evaluations.find((e) => e.initiative_id === '01230-007')).toMatchObject({ grade_raw: '2', line: 16 });
	});

	it('attaches a result bullet to the 基本計画 it names, and the rest to the 基本目標', () => {
		const own = result.measures.filter((m) => m.initiative_id === '01230-001');
		expect(own.map((m) => [m.label_ja, m.value, m.unit])).toEqual([
			['きずな活動の推進 きずな推進委員会', 2, '回'],
			['きずなリーダー会議', 2, '回'],
			['校区きずな推進委員会', 13, '回'],
			['住民座談会', 9, '回']
		]);
		expect(own.find((m) => m.value === 13)?.qualifier).toBe('延べ');
		const salon = result.measures.find((m) => m.value === 29904)!;
		expect(salon).toMatchObject({ attached_to: 'goal', goal_id: '01230-2017-G2', initiative_id: null, unit: '人', line: 14 });
		expect(result.measures.find((m) => m.value === 70)).toMatchObject({ initiative_id: '01230-005', unit: '町内会' });
	});

	it('keeps the 今後の推進強化項目 as notes on the 基本目標', () => {
		const g5 = result.notes.filter((n) => n.goal_id === '01230-2017-G5');
		expect(g5.map((n) => n.text_ja)).toContain('共同募金運動への協力');
		expect(g5.every((n) => n.field === 'priority' && n.line === 28)).toBe(true);
	});

	it('keeps the text the PDF shifted past the last column, with a warning, on the 基本目標', () => {
		expect(result.warnings).toEqual([expect.objectContaining({ line: 21, code: 'shifted_columns', initiative_id: '01230-010' })]);
		expect(result.measures.find((m) => m.value === 330)).toMatchObject({ goal_id: '01230-2017-G3', line: 21 });
	});

	it('flags a grade outside the 1–5 scale and keeps the raw mark', () => {
		const lines = [...doc.lines];
		lines[15] = lines[15].replace('\t2\t', '\t6\t');
		const damaged = read({ ...doc, lines });
		expect(damaged.evaluations.find((e) => e.initiative_id === '01230-007')).toMatchObject({ grade_raw: '6', grade: null });
		expect(damaged.warnings).toContainEqual(expect.objectContaining({ line: 16, code: 'grade_outside_scheme' }));
	});

	it('stops with a clear error when a row comes before any 基本目標 banner', () => {
		const lines = doc.lines.filter((l) => !l.startsWith('【基本目標1】'));
		expect(() => read({ ...doc, lines })).toThrow(/002_db65a073836b6cce\.txt:\d+ \(基本目標\)/);
	});
});
