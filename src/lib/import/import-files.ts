import { readWorkbook, type Workbook } from './workbook';
import { readTemplate, templateSheetOf } from './read-template';
import { buildPlan, type ImportedTables, type LevelInput, type PlanInput } from './plan-builder';
import { readMapped, specSheet } from './read-mapped';
import type { TabularSpec } from './tabular-spec';
import { ImportRefused, mergeProblems, problem, type ImportProblem } from './problems';
import type { CommonGroundInputs } from '../pipeline/common-ground';
import { timed } from './timing';

export interface ChosenFile {
	name: string;
	bytes: Uint8Array;
}

export type ImportOutcome =
	| { kind: 'plan'; tables: ImportedTables; fileName: string }
	| { kind: 'problems'; problems: readonly ImportProblem[] }
	/** a sheet that is not the Atlas template: the user maps its columns */
	| { kind: 'own_sheet'; workbook: Workbook };

/** sha256 of the bytes, hex; Web Crypto is the same in Node 20 and the browser. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes.slice().buffer);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** sha256 of several files: of their hashes in name order, so the same set gives the same hash. */
async function filesHash(files: readonly ChosenFile[]): Promise<string> {
	if (files.length === 1) return sha256Hex(files[0].bytes);
	const hashes = await Promise.all([...files].sort((a, b) => a.name.localeCompare(b.name)).map((f) => sha256Hex(f.bytes)));
	return sha256Hex(new TextEncoder().encode(hashes.join('\n')));
}

export async function readChosenFiles(files: readonly ChosenFile[]): Promise<Workbook[]> {
	const books: Workbook[] = [];
	const problems: ImportProblem[] = [];
	for (const f of files) {
		try {
			books.push(await readWorkbook(f.name, f.bytes));
		} catch (e) {
			if (!(e instanceof ImportRefused)) throw e;
			problems.push(...e.problems.map((p) => ({ ...p, sheet: p.sheet ?? f.name })));
		}
	}
	if (problems.length) throw new ImportRefused(problems);
	return books;
}

/**
 * The files a user chose, read as a plan: the Atlas template (one workbook, or its sheets as CSV
 * files) gives the plan's tables or every problem; any other single sheet goes to column mapping.
 */
export async function importFiles(files: readonly ChosenFile[], common: CommonGroundInputs, besidePublished = false): Promise<ImportOutcome> {
	if (!files.length) return { kind: 'problems', problems: [problem(null, null, null, null, 'ファイルが選ばれていません', 'no file was chosen')] };
	let books: Workbook[];
	try {
		books = await timed('read workbook', () => readChosenFiles(files));
	} catch (e) {
		if (e instanceof ImportRefused) return { kind: 'problems', problems: e.problems };
		throw e;
	}
	const isTemplate = books.some((b) => b.sheets.some((s) => templateSheetOf(s)?.id === 'plan'));
	if (!isTemplate) {
		if (books.length === 1) {
			const sheets = books[0].sheets.filter((s) => s.rows.some((r) => r.some((c) => c !== null)));
			if (!sheets.length) return { kind: 'problems', problems: [problem(books[0].sheets[0]?.name ?? files[0].name, null, null, null, 'シートが空です', 'the sheet is empty')] };
			return { kind: 'own_sheet', workbook: books[0] };
		}
		return { kind: 'problems', problems: [problem(null, null, null, null, '計画シート（計画.csv）が見つかりません。テンプレートのCSVを全部選ぶか、1つの表を選んで列を対応付けてください', 'no plan sheet (plan.csv) among the files: choose all of the template\'s CSV files, or one table to map its columns')] };
	}
	const sha256 = await timed('sha256', () => filesHash(files));
	const { input, problems } = timed('template cells', () => readTemplate(books, sha256));
	if (!input) return { kind: 'problems', problems };
	input.besidePublished = besidePublished;
	const built = problems.length ? null : timed('records and common ground', () => buildPlan(input, common));
	if (!built?.tables) {
		// Cells already refused leave fields empty: build only to find the problems beyond them.
		const more = built ? built.problems : buildProblemsOnly(input, common);
		return { kind: 'problems', problems: mergeProblems(problems, more) };
	}
	return { kind: 'plan', tables: built.tables, fileName: input.fileName };
}

/** The problems the records would have, for a file whose cells already have some. */
function buildProblemsOnly(input: PlanInput, common: CommonGroundInputs): readonly ImportProblem[] {
	try {
		// Problems of derived fields (ids made from a refused municipality code) only repeat the cause.
		return buildPlan(input, common).problems.filter((p) => p.column !== null || p.row === null);
	} catch {
		// Fields left empty by a refused cell can break a later step; the cell problems already say why.
		return [];
	}
}

/**
 * Their own sheet through a column mapping: the records it gives (for the live view while the
 * user maps), or every problem. The spec must carry the plan (and the grading scheme for grades).
 */
export async function importMapped(workbook: Workbook, spec: TabularSpec, common: CommonGroundInputs, sha256: string, besidePublished = false): Promise<ImportOutcome> {
	const sheet = specSheet(workbook.sheets, spec);
	if (!sheet) return { kind: 'problems', problems: [problem(spec.sheet, null, null, null, 'シートが見つかりません', 'the sheet is not in the workbook')] };
	if (!spec.plan) return { kind: 'problems', problems: [problem(null, null, null, null, '計画の情報（市区町村コード・名称・計画名・報告年度・主体）を入力してください', 'fill in the plan (municipality code and name, plan title, report year, reported by)')] };
	const rows = readMapped(sheet, spec);
	const levels: LevelInput[] = (spec.grading_scheme ?? []).map((l) => ({ ...l, place: null }));
	const input: PlanInput = { fileName: workbook.fileName, sha256, adapter: 'tabular-spec', plan: { ...spec.plan, place: null }, levels, goals: rows.goals, initiatives: rows.initiatives, measures: rows.measures, evaluations: rows.evaluations, besidePublished };
	if (rows.problems.length) return { kind: 'problems', problems: mergeProblems(rows.problems, buildProblemsOnly(input, common)) };
	const built = buildPlan(input, common);
	if (!built.tables) return { kind: 'problems', problems: built.problems };
	return { kind: 'plan', tables: built.tables, fileName: workbook.fileName };
}
