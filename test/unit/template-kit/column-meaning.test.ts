import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkYear, columnYear, measureShape } from '../../../src/lib/template-kit/column-meaning';
import { TableSpec, tableTemplate } from '../../../src/lib/template-kit/table-spec';
import { parseSpec, TabularSpec } from '../../../src/lib/import/tabular-spec';
import { readMapped } from '../../../src/lib/import/read-mapped';
import { OWN_SHEET, OWN_SHEET_SPEC } from '../../../src/lib/import/example';
import nishi from '../../../src/lib/adapters/niigata-nishi-2020.json';

/** One definition of what a column means, read by report templates (columns from 0) and tabular sources (letters). */
describe('column meanings shared by template specs and tabular specs', () => {
	it('give a measure column its kind and its year, given or read from the header, never both', () => {
		const Measure = z.object(measureShape(z.number())).superRefine((m, ctx) => checkYear(m, [], ctx, true));
		expect(Measure.parse({ column: 3, kind: 'result', year_from_header: 3 })).toMatchObject({ kind: 'result', label_ja: null });
		expect(Measure.safeParse({ column: 3, kind: 'result', fiscal_year: 2023, year_from_header: 3 }).error?.issues[0].message).toMatch(/not both/);
		expect(Measure.safeParse({ column: 3, kind: 'result' }).error?.issues[0].message).toMatch(/year is needed/);
		expect(Measure.safeParse({ column: 3, kind: 'outcome', fiscal_year: 2023 }).success).toBe(false);
		expect(columnYear({ year_from_header: 'F' }, () => '令和6年度の目標')).toEqual({ year: 2024, header: '令和6年度の目標' });
		expect(columnYear({ fiscal_year: null }, () => 'unused')).toEqual({ year: null, header: null });
	});

	it('read a version 1 column mapping unchanged, and its years from the header cells where the mapping says so', () => {
		const v1 = parseSpec(structuredClone(OWN_SHEET_SPEC), 'v1');
		const byHeader = parseSpec(
			{ ...structuredClone(OWN_SHEET_SPEC), columns: { ...OWN_SHEET_SPEC.columns, measures: [{ column: 'F', kind: 'target', year_from_header: 'F' }, { column: 'G', kind: 'result', year_from_header: 'G' }], grade: { column: 'H', fiscal_year: 2023 } } },
			'by header'
		);
		const sheet = { name: '進捗', rows: OWN_SHEET.map((r) => [...r]) };
		const a = readMapped(sheet, v1);
		const b = readMapped(sheet, byHeader);
		expect(b.problems).toEqual([]);
		expect(b.measures.map((m) => [m.kind, m.fiscal_year])).toEqual(a.measures.map((m) => [m.kind, m.fiscal_year]));
		expect(a.measures[0].fiscal_year).toBe(2024);
	});

	it('say where a header gives no year the mapping reads', () => {
		const spec = parseSpec({ ...structuredClone(OWN_SHEET_SPEC), columns: { ...OWN_SHEET_SPEC.columns, measures: [{ column: 'F', kind: 'target', year_from_header: 'C' }] } }, 'x');
		const out = readMapped({ name: '進捗', rows: OWN_SHEET.map((r) => [...r]) }, spec);
		expect(out.problems).toEqual([expect.objectContaining({ sheet: '進捗', row: 3, column: 'C', found: '事業名' })]);
		expect(out.initiatives).toEqual([]);
		expect(TabularSpec.safeParse({ ...OWN_SHEET_SPEC, columns: { ...OWN_SHEET_SPEC.columns, grade: { column: 'H' } } }).error?.issues[0].path).toEqual(['columns', 'grade']);
	});

	it('let a template spec give a year outright and name a departments column', () => {
		const spec = TableSpec.parse({ ...nishi, measures: [{ ...nishi.measures[0], year_from_header: undefined, fiscal_year: 2020 }] });
		expect(spec.measures[0]).toMatchObject({ fiscal_year: 2020, label_ja: null });
		expect(() => tableTemplate({ ...nishi, measures: [{ ...nishi.measures[0], fiscal_year: 2020 }] })).toThrowError(/measures\.0: give fiscal_year or year_from_header, not both/);
		const template = tableTemplate({ ...nishi, cells: 3, measures: [], row: '^\\d+\\t', header: '^NO\\t', goals: { ...nishi.goals, count: 1 }, initiative: { ...nishi.initiative, name: { column: 1, field: '名', reading: 'tidy' }, description: undefined, departments: { column: 2, field: '担当' } } });
		const doc = { entry: { file: 'x.txt', municipality: { muni_code: '99003' }, plan: { plan_id: '99003-2023' } }, lines: ['NO\t名\t担当', '1\t見守り\t福祉課 社会福祉協議会', '2\t配食\t福祉課'] };
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const out = template.read(doc as any, { scheme: null, corrections: [], book: null as any });
		expect(out.initiatives.map((i) => [i.departments, i.actor])).toEqual([
			[['福祉課', '社会福祉協議会'], 'joint'],
			[['福祉課'], 'city']
		]);
	});
});
