import { TabularSpec, type TabularSpecInput } from './tabular-spec';
import { MEASURE_KINDS } from '../contract/tables';
import { readFiscalYear } from '../normalize/fiscal-year';
import { specProblems, type SpecProblem } from './spec-problems';

/**
 * The column-mapping form's state and the spec it stands for, both ways, so that a saved spec
 * fills the form again next year. Pure: the page only binds inputs to it.
 */
export const MEANINGS = ['ignore', 'name', 'code', 'description', 'department', 'target', 'result', 'plan', 'grade', 'goal'] as const;
export type Meaning = (typeof MEANINGS)[number];

export interface ColumnChoice {
	letter: string;
	meaning: Meaning;
	/** fiscal year for target/result/plan/grade columns, as typed (2023) */
	year: string;
	/** level name for a goal column (基本目標, 施策) */
	level: string;
}

export interface MappingForm {
	headerRows: string;
	columns: ColumnChoice[];
	plan: { muni_code: string; prefecture_ja: string; name_ja: string; title_ja: string; report_fiscal_year: string; actor_ja: string };
	/** one level a line: mark, place on [0, 1], definition, reason (best first) */
	scheme: string;
}

export function emptyForm(letters: readonly string[]): MappingForm {
	return {
		headerRows: '1',
		columns: letters.map((letter) => ({ letter, meaning: 'ignore', year: '', level: '' })),
		plan: { muni_code: '', prefecture_ja: '', name_ja: '', title_ja: '', report_fiscal_year: '', actor_ja: '' },
		scheme: ''
	};
}

/** A year as typed: 2023, 2023年度, 令和5年度 or R5 (the normalizer the template's cells go through), else left to the spec to refuse. */
const yearOf = (s: string) => (s.trim() ? (readFiscalYear(s.trim()) ?? Number(s.trim())) : null);

/** What the form still lacks: the field (as the spec names it: plan.name_ja, columns.name) and what it needs, by kind; `missing` for an empty field. */
export type FormProblem = SpecProblem;

export function specOf(form: MappingForm): { spec: TabularSpec | null; problems: FormProblem[] } {
	const by = (m: Meaning) => form.columns.filter((c) => c.meaning === m);
	const one = (m: Meaning) => by(m)[0]?.letter ?? null;
	const levels = form.scheme
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean)
		.map((l, i) => {
			const [grade, score, definition, ...reason] = l.split(/\s*[,，、]\s*/);
			return { grade, rank: i + 1, definition_ja: definition ?? '', score: Number(score), reason_ja: reason.join('、') || '' };
		});
	const p = form.plan;
	const raw: TabularSpecInput = {
		format: 'atlas-tabular-spec',
		version: 1,
		sheet: null,
		header_rows: form.headerRows.split(/[^\d]+/).filter(Boolean).map(Number),
		columns: {
			name: one('name') ?? '',
			code: one('code'),
			description: one('description'),
			department: one('department'),
			goal_levels: by('goal').map((c) => ({ column: c.letter, level_name_ja: c.level || '目標' })),
			measures: form.columns
				.filter((c) => (MEASURE_KINDS as readonly string[]).includes(c.meaning))
				.map((c) => ({ column: c.letter, kind: c.meaning as 'target' | 'result' | 'plan', fiscal_year: yearOf(c.year) })),
			grade: one('grade') ? { column: one('grade')!, fiscal_year: yearOf(by('grade')[0].year) ?? yearOf(p.report_fiscal_year) ?? Number.NaN } : null
		},
		plan: { ...p, report_fiscal_year: yearOf(p.report_fiscal_year) ?? Number.NaN },
		grading_scheme: levels.length ? levels : null
	};
	const parsed = TabularSpec.safeParse(raw);
	if (!parsed.success) return { spec: null, problems: specProblems(parsed.error.issues, raw) };
	return { spec: parsed.data, problems: [] };
}

/** A saved spec back into the form, for the sheet's columns. */
export function formOf(spec: TabularSpec, letters: readonly string[]): MappingForm {
	const form = emptyForm(letters);
	const set = (letter: string | null, meaning: Meaning, year: number | null = null, level = '') => {
		const c = form.columns.find((x) => x.letter === letter);
		if (c) Object.assign(c, { meaning, year: year === null ? '' : String(year), level });
	};
	const c = spec.columns;
	set(c.name, 'name');
	set(c.code, 'code');
	set(c.description, 'description');
	set(c.department, 'department');
	for (const g of c.goal_levels) set(g.column, 'goal', null, g.level_name_ja);
	for (const m of c.measures) set(m.column, m.kind === 'baseline' ? 'ignore' : m.kind, m.fiscal_year);
	if (c.grade) set(c.grade.column, 'grade', c.grade.fiscal_year);
	form.headerRows = spec.header_rows.join(',');
	if (spec.plan) form.plan = { muni_code: spec.plan.muni_code, prefecture_ja: spec.plan.prefecture_ja, name_ja: spec.plan.name_ja, title_ja: spec.plan.title_ja, report_fiscal_year: String(spec.plan.report_fiscal_year), actor_ja: spec.plan.actor_ja };
	form.scheme = (spec.grading_scheme ?? []).map((l) => [l.grade, l.score, l.definition_ja, l.reason_ja].join(', ')).join('\n');
	return form;
}
