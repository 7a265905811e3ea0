import { describe, expect, it } from 'vitest';
import { EXAMPLE, EXAMPLE_FILE_STEM } from '../../../src/lib/import/example';
import { csvFileName, sheetCsv, templateRowsOf, templateSheets, writeWorkbook } from '../../../src/lib/import/write-template';
import { importFiles, type ChosenFile } from '../../../src/lib/import/import-files';
import { TEMPLATE } from '../../../src/lib/import/template';
import { loadCommonGroundInputs } from '../../../scripts/lib/dataset';
import { encodeShiftJis } from '../../helpers/shift-jis';

const common = loadCommonGroundInputs();

async function exampleWorkbook(): Promise<ChosenFile> {
	return { name: `${EXAMPLE_FILE_STEM}.xlsx`, bytes: await writeWorkbook(templateSheets(EXAMPLE)) };
}

describe('the Atlas template', () => {
	it('reads the filled example workbook into the contract tables, with themes, grades on the common scale and paired targets', async () => {
		const out = await importFiles([await exampleWorkbook()], common);
		if (out.kind !== 'plan') throw new Error(JSON.stringify(out));
		const t = out.tables;
		expect(t.municipalities).toEqual([expect.objectContaining({ muni_code: '99001', name_ja: '見本町（記入例・架空の町）' })]);
		expect(t.plans[0]).toMatchObject({ plan_id: '99001-2023', scheme_id: '99001-own', adapter: 'atlas-template', source_file: 'atlas-example-mihon-town.xlsx' });
		expect(t.initiatives).toHaveLength(6);
		expect(t.initiatives[1]).toMatchObject({ initiative_id: '99001-002', code: '2', actor: 'joint', departments: ['福祉課', '見本町社会福祉協議会'], line_start: 3 });
		// The user's own placement of ◎○△× decides score and band, never a global letter mapping.
		expect(t.grading_schemes.map((l) => [l.grade, l.score, l.band])).toEqual([
			['◎', 0.95, 'achieved'],
			['○', 0.8, 'mostly_achieved'],
			['△', 0.55, 'partly_achieved'],
			['×', 0.1, 'not_achieved']
		]);
		expect(t.evaluations.find((e) => e.initiative_id === '99001-001')).toMatchObject({ grade: '○', score: 0.8, band: 'mostly_achieved', fiscal_year: 2023 });
		// A measure given only as text is read by the shared normalizer: full-width digits, 延べ.
		expect(t.measures.find((m) => m.initiative_id === '99001-003' && m.kind === 'result')).toMatchObject({ value: 435, unit: '世帯', qualifier: '延べ', label_ja: '訪問世帯数' });
		expect(t.measures.find((m) => m.initiative_id === '99001-006' && m.kind === 'target')).toMatchObject({ every_year: true, value: 1, unit: '回' });
		const themesOf = (id: string) => t.initiative_themes.filter((r) => r.initiative_id === id).map((r) => r.theme_id);
		expect(themesOf('99001-001')).toContain('salon');
		expect(themesOf('99001-006')).toContain('disaster_volunteer');
		expect(t.achievements.find((a) => a.initiative_id === '99001-001')).toMatchObject({ target_value: 20, result_value: 18, ratio: 0.9 });
		expect(t.themes).toBeUndefined();
	});

	it('reads the same plan from the template as CSV files in Shift_JIS and in UTF-8 with a BOM', async () => {
		const sheets = templateSheets(EXAMPLE);
		const sjis = sheets.map((s, i) => ({ name: csvFileName(EXAMPLE_FILE_STEM, TEMPLATE[i]), bytes: encodeShiftJis(sheetCsv(s).replace(/^\uFEFF/, '')) }));
		const utf8 = sheets.map((s, i) => ({ name: csvFileName(EXAMPLE_FILE_STEM, TEMPLATE[i]), bytes: new TextEncoder().encode(sheetCsv(s)) }));
		const a = await importFiles(sjis, common);
		const b = await importFiles(utf8, common);
		const x = await importFiles([await exampleWorkbook()], common);
		if (a.kind !== 'plan' || b.kind !== 'plan' || x.kind !== 'plan') throw new Error(JSON.stringify([a, b].map((o) => (o.kind === 'problems' ? o.problems : o.kind))));
		expect(a.tables.initiatives.map((i) => i.name_ja)).toEqual(x.tables.initiatives.map((i) => i.name_ja));
		expect(a.tables.measures).toEqual(b.tables.measures);
		expect(a.tables.evaluations.map((e) => e.band)).toEqual(x.tables.evaluations.map((e) => e.band));
	});

	it('exports an imported plan back as the template, which reads into the same records', async () => {
		const first = await importFiles([await exampleWorkbook()], common);
		if (first.kind !== 'plan') throw new Error();
		const again = await importFiles([{ name: `${EXAMPLE_FILE_STEM}.xlsx`, bytes: await writeWorkbook(templateSheets(templateRowsOf(first.tables))) }], common);
		if (again.kind !== 'plan') throw new Error(JSON.stringify(again));
		for (const t of ['initiatives', 'evaluations', 'achievements', 'initiative_themes', 'grading_schemes']) expect(again.tables[t]).toEqual(first.tables[t]);
		expect(again.tables.measures.map((m) => [m.value, m.unit, m.kind, m.fiscal_year])).toEqual(first.tables.measures.map((m) => [m.value, m.unit, m.kind, m.fiscal_year]));
	});
});

describe('the Parquet export of an imported plan', () => {
	it('writes each table in the contract shape, which the browser reader loads as it loads the published files', async () => {
		const { tableParquet } = await import('../../../src/lib/import/export-parquet');
		const { parquetToArrow } = await import('../../../src/lib/db/parquet-to-arrow');
		const { ALL_TABLES } = await import('../../../src/lib/contract/index');
		const out = await importFiles([await exampleWorkbook()], common);
		if (out.kind !== 'plan') throw new Error();
		for (const t of ALL_TABLES.filter((x) => out.tables[x.name]?.length)) {
			const arrow = await parquetToArrow(t, tableParquet(t, out.tables[t.name]));
			expect(arrow.numRows).toBe(out.tables[t.name].length);
		}
		const inits = ALL_TABLES.find((t) => t.name === 'initiatives')!;
		const back = await parquetToArrow(inits, tableParquet(inits, out.tables.initiatives));
		expect(back.get(1)!.toJSON().departments.toArray()).toEqual(['福祉課', '見本町社会福祉協議会']);
	});
});

describe('the common-ground inputs bundled into the import page', () => {
	it('are the build’s own taxonomy and crosswalk, so an import is themed and banded as the published cities are', async () => {
		const { IMPORT_COMMON_GROUND } = await import('../../../src/lib/import/common-ground-inputs');
		expect(IMPORT_COMMON_GROUND.taxonomy).toEqual(common.taxonomy);
		expect(IMPORT_COMMON_GROUND.crosswalk).toEqual(common.crosswalk);
	});
});
