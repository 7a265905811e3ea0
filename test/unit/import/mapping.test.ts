import { describe, expect, it } from 'vitest';
import { OWN_SHEET, OWN_SHEET_FILE_STEM, OWN_SHEET_SPEC } from '../../../src/lib/import/example';
import { sheetCsv, writeWorkbook } from '../../../src/lib/import/write-template';
import { importFiles, importMapped, sha256Hex } from '../../../src/lib/import/import-files';
import { parseSpec, TabularSpec } from '../../../src/lib/import/tabular-spec';
import { previewRows } from '../../../src/lib/import/read-mapped';
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
