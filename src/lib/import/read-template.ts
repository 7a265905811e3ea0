import { TEMPLATE, type TemplateField, type TemplateSheet } from './template';
import { cellString, headerKey, isEmpty, readCode, readFlag, readInteger, readKind, readList, readNumber, readScore, readYear, type Read } from './cells';
import { columnLetter, problem, type ImportProblem } from './problems';
import type { Cell, Sheet, Workbook } from './workbook';
import type { EvaluationInput, GoalInput, InitiativeInput, LevelInput, MeasureInput, PlanInfo, PlanInput, Place } from './plan-builder';

/** One data row of a template sheet: each field's value (already typed) and where it was. */
interface TableRow {
	values: Record<string, unknown>;
	place: Place;
}

const sheetKeys = (s: TemplateSheet) => [headerKey(s.ja), headerKey(s.en), headerKey(s.id)];
const fieldKeys = (f: TemplateField) => [headerKey(f.ja), headerKey(f.en), headerKey(f.key)];

/** The template sheet a workbook sheet (or a CSV file) is: by its name, else by its headers. */
export function templateSheetOf(sheet: Sheet): TemplateSheet | null {
	const name = headerKey(sheet.name);
	const byName = TEMPLATE.find((s) => sheetKeys(s).some((k) => name === k || name.endsWith(k)));
	if (byName) return byName;
	const headers = new Set((sheet.rows[0] ?? []).map((c) => headerKey(cellString(c))));
	const fits = TEMPLATE.filter((s) => s.fields.filter((f) => f.required).every((f) => fieldKeys(f).some((k) => headers.has(k))));
	// The most specific fit: the sheet with the most required fields found.
	return fits.sort((a, b) => b.fields.filter((f) => f.required).length - a.fields.filter((f) => f.required).length)[0] ?? null;
}

function readField(f: TemplateField, c: Cell): Read<unknown> {
	switch (f.type) {
		case 'text':
			return { ok: true, value: isEmpty(c) ? null : cellString(c) };
		case 'integer':
			return readInteger(c);
		case 'number':
			return readNumber(c);
		case 'score':
			return readScore(c);
		case 'fiscal_year':
			return readYear(c);
		case 'code':
			return readCode(c);
		case 'list':
			return { ok: true, value: readList(c) };
		case 'flag':
			return readFlag(c);
		case 'kind':
			return readKind(c);
	}
}

/**
 * Read a sheet laid out as the template says: headers in row 1, one record per row below. Every
 * problem is collected (unknown or missing headers, a merged header, a wrong value), none is fixed.
 */
export function readTemplateSheet(sheet: Sheet, def: TemplateSheet): { rows: TableRow[]; problems: ImportProblem[] } {
	const problems: ImportProblem[] = [];
	const header = sheet.rows[0] ?? [];
	if (!sheet.rows.length || header.every(isEmpty)) {
		return { rows: [], problems: [problem(sheet.name, null, null, null, `シートが空です。1行目に見出し（${def.fields.map((f) => f.ja).join('・')}）が必要です`, `the sheet is empty: row 1 must hold the headers (${def.fields.map((f) => f.en).join(', ')})`)] };
	}
	const columnOf = new Map<string, number>();
	const lastHeader = header.reduce<number>((last, c, i) => (isEmpty(c) ? last : i), -1);
	header.forEach((c, i) => {
		if (i > lastHeader) return;
		const letter = columnLetter(i);
		if (isEmpty(c)) {
			problems.push(problem(sheet.name, 1, letter, '', '見出しが空です。セルが結合されている場合は結合を解除し、列ごとに見出しを書いてください', 'the header is empty; if header cells are merged, unmerge them and give each column its own header'));
			return;
		}
		const key = headerKey(cellString(c));
		const f = def.fields.find((x) => fieldKeys(x).includes(key));
		if (!f) problems.push(problem(sheet.name, 1, letter, cellString(c), `知らない見出しです。${def.ja}シートの見出しは ${def.fields.map((x) => x.ja).join('・')}`, `an unknown header; the ${def.en} sheet's headers are ${def.fields.map((x) => x.en).join(', ')}`));
		else if (columnOf.has(f.key)) problems.push(problem(sheet.name, 1, letter, cellString(c), `見出し「${f.ja}」が2回あります`, `the header "${f.en}" appears twice`));
		else columnOf.set(f.key, i);
	});
	for (const f of def.fields) {
		if (f.required && !columnOf.has(f.key)) problems.push(problem(sheet.name, 1, null, null, `見出し「${f.ja}」（${f.en}）の列がありません`, `the column "${f.en}" (${f.ja}) is missing`));
	}
	const letters = Object.fromEntries([...columnOf].map(([k, i]) => [k, columnLetter(i)]));
	const rows: TableRow[] = [];
	sheet.rows.slice(1).forEach((cells, r) => {
		const rowNo = r + 2;
		if (cells.every(isEmpty)) return;
		const values: Record<string, unknown> = {};
		for (const f of def.fields) {
			const i = columnOf.get(f.key);
			const cell = i === undefined ? null : (cells[i] ?? null);
			const read = readField(f, cell);
			if (!read.ok) {
				problems.push(problem(sheet.name, rowNo, letters[f.key], cellString(cell), `${f.ja}：${read.ja}`, `${f.en}: ${read.en}`));
				continue;
			}
			const empty = read.value === null || (Array.isArray(read.value) && !read.value.length);
			if (f.required && empty && i !== undefined) problems.push(problem(sheet.name, rowNo, letters[f.key], '', `${f.ja}が空です`, `${f.en} is empty`));
			values[f.key] = read.value;
		}
		rows.push({ values, place: { sheet: sheet.name, row: rowNo, columns: letters } });
	});
	return { rows, problems };
}

const s = (v: unknown) => v as string;
const sn = (v: unknown) => (v ?? null) as string | null;

/** The Atlas template (a workbook, or its sheets as several CSV files) read into one plan's rows. */
export function readTemplate(books: readonly Workbook[], sha256: string): { input: PlanInput | null; problems: ImportProblem[] } {
	const problems: ImportProblem[] = [];
	const found = new Map<TemplateSheet['id'], TableRow[]>();
	for (const book of books) {
		for (const sheet of book.sheets) {
			const def = templateSheetOf(sheet);
			if (!def) {
				// An extra sheet in a workbook (notes, a cover) is left alone; a CSV file must be one of the sheets.
				if (book.format === 'csv') problems.push(problem(sheet.name, 1, null, null, `どのシートか分かりません。ファイル名か見出しを${TEMPLATE.map((t) => t.ja).join('・')}のいずれかに合わせてください`, `which sheet this is cannot be told: name the file, or give it the headers, of one of ${TEMPLATE.map((t) => t.en).join(', ')}`));
				continue;
			}
			if (found.has(def.id)) {
				problems.push(problem(sheet.name, null, null, null, `${def.ja}シートが2つあります`, `there are two ${def.en} sheets`));
				continue;
			}
			const read = readTemplateSheet(sheet, def);
			problems.push(...read.problems);
			found.set(def.id, read.rows);
		}
	}
	for (const def of TEMPLATE) {
		if (def.required && !found.has(def.id)) problems.push(problem(def.ja, null, null, null, `${def.ja}シート（${def.en}）がありません`, `the ${def.en} sheet (${def.ja}) is missing`));
	}
	const planRows = found.get('plan') ?? [];
	if (found.has('plan') && planRows.length !== 1) problems.push(problem('計画', null, null, null, `計画シートには見出しの下に1行だけ書いてください（${planRows.length}行あります）`, `the plan sheet must hold exactly one row under its headers (it has ${planRows.length})`));
	// Headers and sheets wrong: the rows cannot be read at all. A wrong cell alone does not stop the
	// reading: the rest is still checked, so that the user sees every problem in one go.
	const structural = problems.some((p) => p.row === null || p.row === 1);
	if (structural || planRows.length !== 1) return { input: null, problems };

	const pv = planRows[0].values;
	const plan: PlanInfo = { muni_code: s(pv.muni_code), prefecture_ja: s(pv.prefecture_ja), prefecture_en: sn(pv.prefecture_en), name_ja: s(pv.name_ja), name_en: sn(pv.name_en), title_ja: s(pv.title_ja), title_en: sn(pv.title_en), report_fiscal_year: pv.report_fiscal_year as number, actor_ja: s(pv.actor_ja), place: planRows[0].place };
	const levelRows = found.get('grading_scheme') ?? [];
	const levels: LevelInput[] = levelRows.map((r) => ({ grade: s(r.values.grade), rank: r.values.rank as number, definition_ja: s(r.values.definition_ja), definition_en: sn(r.values.definition_en), score: r.values.score as number, reason_ja: s(r.values.reason_ja), reason_en: sn(r.values.reason_en), place: r.place }));
	const goals: GoalInput[] = (found.get('goals') ?? []).map((r) => ({ code: s(r.values.code), parent_code: sn(r.values.parent_code), level_name_ja: s(r.values.level_name_ja), title_ja: s(r.values.title_ja), description_ja: sn(r.values.description_ja), place: r.place }));
	const initiatives: InitiativeInput[] = (found.get('initiatives') ?? []).map((r) => ({ code: s(r.values.code), goal_codes: r.values.goal_codes as string[], name_ja: s(r.values.name_ja), description_ja: sn(r.values.description_ja), departments: r.values.departments as string[], place: r.place }));
	const measures: MeasureInput[] = (found.get('measures') ?? []).map((r) => ({ initiative_code: s(r.values.initiative_code), kind: r.values.kind as MeasureInput['kind'], fiscal_year: (r.values.fiscal_year ?? null) as number | null, label_ja: sn(r.values.label_ja), value: (r.values.value ?? null) as number | null, unit: sn(r.values.unit), raw_text: sn(r.values.raw_text), department: sn(r.values.department), is_estimate: r.values.is_estimate as boolean, place: r.place }));
	const evaluations: EvaluationInput[] = (found.get('evaluations') ?? []).map((r) => ({ initiative_code: s(r.values.initiative_code), fiscal_year: r.values.fiscal_year as number, grade_raw: s(r.values.grade), evaluator: sn(r.values.evaluator), place: r.place }));
	return { input: { fileName: books.map((b) => b.fileName).join(' + '), sha256, adapter: 'atlas-template', plan, levels, goals, initiatives, measures, evaluations }, problems };
}
