import { describe, expect, it } from 'vitest';
import { OWN_SHEET, OWN_SHEET_FILE_STEM, OWN_SHEET_SPEC } from '../../../src/lib/import/example';
import { sheetCsv, writeWorkbook } from '../../../src/lib/import/write-template';
import { importFiles, importMapped, sha256Hex } from '../../../src/lib/import/import-files';
import { parseSpec, TabularSpec } from '../../../src/lib/import/tabular-spec';
import { previewRows } from '../../../src/lib/import/read-mapped';
import { emptyForm, formOf, specOf } from '../../../src/lib/import/mapping-form';
import { SpecRefused, specProblemText } from '../../../src/lib/import/spec-problems';
import { loadCommonGroundInputs } from '../../../scripts/lib/dataset';
import { encodeShiftJis } from '../../helpers/shift-jis';

const common = loadCommonGroundInputs();
const spec = parseSpec(structuredClone(OWN_SHEET_SPEC), 'example spec');

describe('their own sheet through a column mapping', () => {
	it('a workbook that is not the template goes to mapping, with its first rows to show', async () => {
		const bytes = await writeWorkbook([{ name: '進捗', rows: OWN_SHEET }]);
		const out = await importFiles([{ name: `${OWN_SHEET_FILE_STEM}.xlsx`, bytes }], common);
		if (out.kind !== 'own_sheet') throw new Error(out.kind);
		const preview = previewRows(out.workbook.sheets[0], 4);
		expect(preview.letters).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
		expect(preview.rows[1].cells[2]).toBe('事業名');
	});

	it('gives goals from merged cells, initiatives, measures read by the normalizers and grades placed by the author', async () => {
		const bytes = await writeWorkbook([{ name: '進捗', rows: OWN_SHEET }]);
		const out = await importFiles([{ name: `${OWN_SHEET_FILE_STEM}.xlsx`, bytes }], common);
		if (out.kind !== 'own_sheet') throw new Error(out.kind);
		const res = await importMapped(out.workbook, spec, common, await sha256Hex(bytes));
		if (res.kind !== 'plan') throw new Error(JSON.stringify(res));
		const t = res.tables;
		expect(t.goals.map((g) => [g.level, g.title_ja])).toEqual([
			[1, 'みんなで支える村'],
			[2, '居場所づくり'],
			[2, '見守り'],
			[1, 'いざという時に備える村'],
			[2, '防災']
		]);
		expect(t.initiatives.map((i) => i.name_ja)).toEqual(['地域の茶の間の開設', 'ヤングケアラー相談窓口', '配食サービスによる安否確認', '個別避難計画の作成']);
		expect(t.initiatives[1]).toMatchObject({ goal_id: t.goals[1].goal_id, line_start: 5, departments: ['子ども課'] });
		expect(t.measures.filter((m) => m.initiative_id === '99002-001').map((m) => [m.kind, m.fiscal_year, m.value, m.unit])).toEqual([
			['target', 2024, 6, 'か所'],
			['result', 2023, 4, 'か所']
		]);
		// C is this village's best level: its own placement, never a letter mapped for every city.
		expect(t.evaluations.find((e) => e.initiative_id === '99002-003')).toMatchObject({ grade: 'C', score: 0.95, band: 'achieved' });
		expect(t.initiative_themes.filter((r) => r.initiative_id === '99002-002').map((r) => r.theme_id)).toContain('youth_carer');
		expect(t.achievements.some((a) => a.initiative_id === '99002-003' && a.basis === 'interim')).toBe(true);
	});

	it('reads the same sheet saved as a Shift_JIS CSV', async () => {
		const bytes = encodeShiftJis(sheetCsv({ name: 'x', rows: OWN_SHEET }).replace(/^\uFEFF/, ''));
		const out = await importFiles([{ name: `${OWN_SHEET_FILE_STEM}.csv`, bytes }], common);
		if (out.kind !== 'own_sheet') throw new Error(out.kind);
		expect(out.workbook.encoding).toBe('shift_jis');
		const res = await importMapped(out.workbook, spec, common, await sha256Hex(bytes));
		if (res.kind !== 'plan') throw new Error(JSON.stringify(res));
		expect(res.tables.initiatives).toHaveLength(4);
	});

	it('refuses a grade the mapping does not define and a spec that gives a column two meanings', async () => {
		const rows = structuredClone(OWN_SHEET);
		rows[4][7] = 'S';
		const bytes = await writeWorkbook([{ name: '進捗', rows }]);
		const out = await importFiles([{ name: 'x.xlsx', bytes }], common);
		if (out.kind !== 'own_sheet') throw new Error(out.kind);
		const res = await importMapped(out.workbook, spec, common, await sha256Hex(bytes));
		expect(res.kind === 'problems' && res.problems).toEqual([expect.objectContaining({ sheet: '進捗', row: 5, column: 'H', found: 'S' })]);
		const twice = TabularSpec.safeParse({ ...OWN_SHEET_SPEC, columns: { ...OWN_SHEET_SPEC.columns, description: 'C' } });
		expect(twice.success).toBe(false);
	});
});

describe("the mapping form's problems, in the page's language", () => {
	it('says each problem by kind in Japanese and in English, the field by its label, a column by its letter', () => {
		const form = emptyForm(['A', 'B', 'C', 'D']);
		Object.assign(form.columns[0], { meaning: 'name' });
		Object.assign(form.columns[1], { meaning: 'grade', year: '2023' });
		Object.assign(form.columns[3], { meaning: 'result', year: '20x' });
		Object.assign(form.plan, { muni_code: '123', prefecture_ja: '新潟県', name_ja: '試作村', title_ja: '計画', report_fiscal_year: '2023', actor_ja: '' });
		form.scheme = 'C, 1.5, 目標を達成した';
		const { spec, problems } = specOf(form);
		expect(spec).toBeNull();
		const label = (key: string) => ({ muni_code: '市区町村コード（5桁）', actor_ja: '報告の主体' })[key] ?? null;
		expect(problems.map((p) => specProblemText(p, 'ja', label))).toEqual([
			'D列: 1989〜2100の年度を入れてください（2023、令和5年度、R5）',
			'市区町村コード（5桁）: 5桁の市区町村コードを入れてください',
			'報告の主体: 入力してください',
			'評価の段階の1行目（位置）: 共通尺度上の位置は0から1の数で入れてください',
			'評価の段階の1行目（理由）: 入力してください'
		]);
		expect(problems.map((p) => specProblemText(p, 'en'))).toEqual([
			'Column D: a fiscal year from 1989 to 2100 (2023, 令和5年度 or R5)',
			'muni_code: a 5-digit municipality code',
			'actor_ja: fill this in',
			'Grade level on line 1 (place): a place on the common scale from 0 to 1',
			'Grade level on line 1 (reason): fill this in'
		]);
	});

	it('refuses a spec file with every problem by kind, and tells the pipeline the first in English with its field', () => {
		const bad = { ...structuredClone(OWN_SHEET_SPEC), columns: { ...OWN_SHEET_SPEC.columns, description: 'C' }, grading_scheme: null };
		let refused: unknown;
		try {
			parseSpec(bad, 'x.spec.json');
		} catch (e) {
			refused = e;
		}
		expect(refused).toBeInstanceOf(SpecRefused);
		const r = refused as SpecRefused;
		expect(r.message).toBe('x.spec.json: columns: column C is given two meanings');
		expect(r.problems.map((p) => specProblemText(p, 'ja'))).toEqual(['列の対応付け: C列に2つの意味が選ばれています', '評価の段階: 評価の列には評価の段階が要ります：各段階と共通尺度上の位置を入れてください']);
		expect(() => parseSpec([1], 'y.json')).toThrowError(/^y\.json: \(spec\): not a column mapping/);
	});
});

describe('the mapping form reads years as the template does', () => {
	it('takes 2023, 2023年度, 令和5年度 and R5 for the report year and a column year', () => {
		for (const typed of ['2023', '2023年度', '令和5年度', 'R5']) {
			const form = formOf(spec, previewRows({ name: 'x', rows: OWN_SHEET.map((r) => [...r]) } as never).letters);
			form.plan.report_fiscal_year = typed;
			form.columns.find((c) => c.meaning === 'result')!.year = typed;
			const out = specOf(form);
			expect(out.problems).toEqual([]);
			expect(out.spec?.plan?.report_fiscal_year).toBe(2023);
			expect(out.spec?.columns.measures.find((m) => m.kind === 'result')?.fiscal_year).toBe(2023);
		}
	});
});
