import writeXlsxFile from 'write-excel-file/universal';
import { TEMPLATE, type TemplateSheet } from './template';
import type { TemplateRows } from './example';
import type { Cell, Sheet } from './workbook';
import { toCsvDocument } from '../csv';
import type { ImportedTables } from './plan-builder';
import type { Evaluation, Goal, GradingSchemeLevel, Initiative, Measure, Municipality, Plan } from '../contract/tables';

/** Template rows laid out as sheets: Japanese headers in row 1, one record a row. */
export function templateSheets(rows: TemplateRows): Sheet[] {
	return TEMPLATE.map((def) => ({
		name: def.ja,
		rows: [def.fields.map((f) => f.ja), ...(rows[def.id] ?? []).map((r) => def.fields.map((f) => r[f.key] ?? null))]
	}));
}

/** An .xlsx workbook of the sheets (headers bold, columns wide enough to read). */
export async function writeWorkbook(sheets: readonly Sheet[]): Promise<Uint8Array<ArrayBuffer>> {
	const blob = await writeXlsxFile(
		sheets.map((s) => ({
			sheet: s.name,
			data: s.rows.map((r, i) => r.map((c: Cell) => (c === null ? null : { value: c, fontWeight: i === 0 ? ('bold' as const) : undefined }))),
			columns: (s.rows[0] ?? []).map(() => ({ width: 22 })),
			stickyRowsCount: 1
		}))
	).toBlob();
	return new Uint8Array(await blob.arrayBuffer());
}

/** One sheet as CSV text, by the site's one CSV writer (UTF-8 with a byte-order mark, formulas neutralised). */
export function sheetCsv(sheet: Sheet): string {
	const [header = [], ...rows] = sheet.rows;
	return toCsvDocument(
		header.map((c) => (c === null ? '' : String(c))),
		rows
	);
}

/** CSV file name of a template sheet: <stem>_<sheet>.csv, which the reader recognises by its name. */
export const csvFileName = (stem: string, def: TemplateSheet) => `${stem}_${def.ja}.csv`;

/**
 * An imported plan back as template rows, ready to be filled in further or contributed: the
 * export of "their own sheet" gives the same workbook as if it had been typed into the template.
 */
export function templateRowsOf(tables: ImportedTables): TemplateRows {
	const m = tables.municipalities[0] as Municipality;
	const p = tables.plans[0] as Plan;
	const goals = tables.goals as Goal[];
	const goalCode = new Map(goals.map((g) => [g.goal_id, g.code ?? g.goal_id]));
	const inits = tables.initiatives as Initiative[];
	const initCode = new Map(inits.map((i) => [i.initiative_id, i.code ?? i.initiative_id]));
	return {
		plan: [{ muni_code: m.muni_code, prefecture_ja: m.prefecture_ja, prefecture_en: m.prefecture_en, name_ja: m.name_ja, name_en: m.name_en, title_ja: p.title_ja, title_en: p.title_en, report_fiscal_year: p.report_fiscal_year, actor_ja: p.actor_ja }],
		grading_scheme: (tables.grading_schemes as GradingSchemeLevel[]).map((l) => ({ grade: l.grade, rank: l.rank, definition_ja: l.definition_ja, definition_en: l.definition_en, score: l.score, reason_ja: l.mapping_reason_ja, reason_en: l.mapping_reason_en })),
		goals: goals.map((g) => ({ code: g.code ?? g.goal_id, parent_code: g.parent_goal_id ? (goalCode.get(g.parent_goal_id) ?? null) : null, level_name_ja: g.level_name_ja, title_ja: g.title_ja, description_ja: g.description_ja })),
		initiatives: inits.map((i) => ({ code: i.code ?? i.initiative_id, goal_codes: i.goal_ids.map((g) => goalCode.get(g) ?? g).join('、') || null, name_ja: i.name_ja, description_ja: i.description_ja, departments: i.departments.join('、') || null })),
		measures: (tables.measures as Measure[]).map((x) => ({ initiative_code: initCode.get(x.initiative_id ?? '') ?? null, kind: { result: '実績', target: '目標', plan: '計画', baseline: '基準値' }[x.kind], fiscal_year: x.fiscal_year, label_ja: x.label_ja, value: x.value, unit: x.unit, raw_text: x.raw_text, department: x.department, is_estimate: x.is_estimate ? '○' : null })),
		evaluations: (tables.evaluations as Evaluation[]).map((e) => ({ initiative_code: initCode.get(e.initiative_id) ?? null, fiscal_year: e.fiscal_year, grade: e.grade_raw, evaluator: e.evaluator }))
	};
}
