import { readReport } from '../../../src/lib/template-kit/read';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../src/lib/adapters/registry';
// The template is a spec (src/lib/adapters/niigata-nishi-2020.json) read by the kit's table template.
const niigataNishi2020 = ADAPTERS.get('niigata-nishi-2020')!;
import { loadDocument, loadManifest } from '../../../scripts/lib/sources';
import type { SourceDocument } from '../../../src/lib/adapters/adapter';

const entry = loadManifest().sources.find((s) => s.adapter === 'niigata-nishi-2020')!;
const doc = loadDocument(entry);
const read = (d: SourceDocument = doc) => readReport(niigataNishi2020, d, { scheme: null, corrections: [] });
const result = read();
const byId = (id: string) => result.initiatives.find((i) => i.initiative_id === id)!;
const measuresOf = (id: string) => result.measures.filter((m) => m.initiative_id === id);

describe('the 新潟市西区 adapter', () => {
	it('finds every numbered initiative: NO 1 to 32, each once', () => {
		// Counted by hand: the NO column runs 1–32 over six pages with no gaps; row 1 has a second sub-row without NO.
		expect(result.initiatives.map((i) => i.code)).toEqual(Array.from({ length: 32 }, (_, i) => String(i + 1)));
	});

	it('links the ○ marks to 基本目標 1–4', () => {
		expect(byId('15107-001').goal_ids).toEqual(['15107-2020-G1', '15107-2020-G2', '15107-2020-G3', '15107-2020-G4']);
		expect(byId('15107-031').goal_ids).toEqual(['15107-2020-G3', '15107-2020-G4']);
		expect(result.goals.map((g) => g.code)).toEqual(['1', '2', '3', '4']);
	});

	it('keeps row 1 and its sub-row as one initiative with both descriptions and both sets of figures', () => {
		const first = byId('15107-001');
		expect([first.line_start, first.line_end]).toEqual([9, 10]);
		expect(first.description_ja).toContain('研修会を行います');
		const m = measuresOf('15107-001');
		expect(m.filter((x) => x.line === 10).map((x) => [x.kind, x.value, x.unit])).toEqual([
			['result', 2, '回'],
			['target', 2, '回']
		]);
	});

	it('reads R2 results as FY2020 and R5 targets as FY2023, one measure per quantity (row 17)', () => {
		const m = measuresOf('15107-017');
		expect(m.map((x) => [x.kind, x.fiscal_year, x.label_ja, x.value, x.unit, x.line])).toEqual([
			['result', 2020, '実施団体', 116, '団体', 32],
			['result', 2020, '訪問世帯', 1337, '世帯', 32],
			['target', 2023, '実施団体', 118, '団体', 32],
			['target', 2023, '訪問世帯', 1340, '世帯', 32]
		]);
	});

	it('keeps "—" as no value, never zero (row 3 target, row 22 both)', () => {
		const target = measuresOf('15107-003').find((x) => x.kind === 'target')!;
		expect(target).toMatchObject({ raw_text: '—', value: null, unit: null });
		expect(measuresOf('15107-022').every((x) => x.value === null)).toBe(true);
		expect(measuresOf('15107-006').find((x) => x.kind === 'result')).toMatchObject({ value: 0, unit: '人' });
	});

	it('unwraps names broken by the PDF and reads the stray HTML list of row 25 as text', () => {
		expect(byId('15107-027').name_ja).toBe('おもいやりのひとかき運動');
		expect(byId('15107-030').name_ja).toBe('災害ボランティアセンター準備');
		const r25 = measuresOf('15107-025').filter((x) => x.kind === 'result');
		expect(r25.map((x) => [x.label_ja, x.value, x.unit])).toEqual([
			['小学校', 6, '校'],
			['中学校', 1, '校'],
			['大学', 1, '校']
		]);
		expect(r25.every((x) => !x.raw_text.includes('<'))).toBe(true);
	});

	it('reads the last row with its line (row 32: target 30団体, no result)', () => {
		const last = byId('15107-032');
		expect(last.line_start).toBe(56);
		expect(last.name_ja).toBe('住民同士の生活支援サービスの推進');
		expect(measuresOf('15107-032').find((x) => x.kind === 'target')).toMatchObject({ value: 30, unit: '団体', fiscal_year: 2023 });
	});

	it('gives the same records when a repeated page header is dropped', () => {
		const lines = doc.lines.filter((l, i) => !(i > 20 && l.startsWith('NO\t基本目標')));
		const damaged = read({ ...doc, lines });
		expect(damaged.initiatives.map((i) => [i.initiative_id, i.name_ja])).toEqual(result.initiatives.map((i) => [i.initiative_id, i.name_ja]));
		expect(damaged.measures.map((m) => m.value)).toEqual(result.measures.map((m) => m.value));
	});

	it('stops with the file, line and field when a continuation row carries a name', () => {
		const lines = [...doc.lines];
		lines[9] = lines[9].replace(/^\t\t\t\t\t\t/, '\t\t\t\t\t名前\t');
		expect(() => read({ ...doc, lines })).toThrow(/000_9fd46558e44b486b\.txt:10 \(取組名\)/);
	});

	it('flags a row whose cells are shifted instead of guessing', () => {
		const lines = [...doc.lines];
		lines[31] = lines[31].replace('\t', '\t\t');
		const damaged = read({ ...doc, lines });
		expect(damaged.initiatives.find((i) => i.code === '17')).toBeUndefined();
		expect(damaged.warnings).toContainEqual(expect.objectContaining({ line: 32, code: 'shifted_columns' }));
	});
});

describe('the 新潟市西区 adapter: work that did not happen', () => {
	it('reads 事業休止 (line 29) as the FY2020 result not carried out, and 受け入れ人数 0人 (line 18) as a result of 0', async () => {
		const { loadDocument, loadManifest } = await import('../../../scripts/lib/sources');
		const entry = loadManifest().sources.find((s) => s.adapter === 'niigata-nishi-2020')!;
		const { measures } = readReport(niigataNishi2020, loadDocument(entry), { scheme: null, corrections: [] });
		expect(measures.find((m) => m.initiative_id === '15107-014' && m.kind === 'result')).toMatchObject({ fiscal_year: 2020, value: null, status: 'not_carried_out', status_ja: '事業休止' });
		expect(measures.find((m) => m.initiative_id === '15107-006' && m.kind === 'result')).toMatchObject({ value: 0, unit: '人', status: null });
	});
});
