import type { z } from 'zod';
import { translate, type Lang } from '../i18n/index';
import { specProblemMessages } from '../i18n/spec-problems';

/**
 * A problem of a column mapping, by kind rather than by zod's (English) message, so that the
 * import page says it in the page's language and the pipeline in English, with the same words.
 */
export const SPEC_PROBLEM_KINDS = ['required', 'column_letter', 'muni_code', 'fiscal_year', 'scale_place', 'rank', 'header_rows', 'measure_kind', 'year_needed', 'year_both', 'column_twice', 'scheme_needed', 'not_a_spec', 'not_json', 'invalid'] as const;
export type SpecProblemKind = (typeof SPEC_PROBLEM_KINDS)[number];

export interface SpecProblem {
	/** the field as the spec names it (plan.name_ja, columns.measures.0.fiscal_year); '' for the spec as a whole */
	field: string;
	kind: SpecProblemKind;
	/** what the words name: the column letter (a column given twice, a measure's column) */
	column: string | null;
	/** the field was left empty (the form says "fill this in") */
	missing: boolean;
}

/** A spec refused, every problem by kind; its message is the first problem in English (the pipeline prints it). */
export class SpecRefused extends Error {
	constructor(
		readonly where: string,
		readonly problems: readonly SpecProblem[]
	) {
		const first = problems[0];
		super(`${where}: ${first ? `${first.field || '(spec)'}: ${translate(specProblemMessages, 'en', `sp_${first.kind}`, { column: first.column ?? '' })}` : ''}`);
		this.name = 'SpecRefused';
	}
}

const YEAR_FIELDS = new Set(['fiscal_year', 'report_fiscal_year']);
const COLUMN_FIELDS = new Set(['column', 'year_from_header', 'name', 'code', 'description', 'department']);

/** What a custom refinement says it is (tabular-spec.ts, template-kit/column-meaning.ts: params.kind). */
const customKind = (issue: z.core.$ZodIssue): SpecProblemKind | null => {
	const kind = issue.code === 'custom' ? (issue.params as { kind?: string } | undefined)?.kind : undefined;
	return kind && (SPEC_PROBLEM_KINDS as readonly string[]).includes(kind) ? (kind as SpecProblemKind) : null;
};

function kindOf(issue: z.core.$ZodIssue): SpecProblemKind {
	const custom = customKind(issue);
	if (custom) return custom;
	const path = issue.path.map(String);
	const last = [...path].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
	if (path[0] === 'format' || path[0] === 'version' || (issue.code === 'invalid_type' && path.length === 0)) return 'not_a_spec';
	if (path[0] === 'header_rows') return 'header_rows';
	if (YEAR_FIELDS.has(last)) return 'fiscal_year';
	if (last === 'score') return 'scale_place';
	if (last === 'rank') return 'rank';
	if (last === 'muni_code') return 'muni_code';
	if (last === 'kind') return 'measure_kind';
	if (path[0] === 'columns' && COLUMN_FIELDS.has(last)) return 'column_letter';
	if ((issue.code === 'too_small' && issue.origin === 'string') || (issue.code === 'invalid_type' && issue.expected === 'string')) return 'required';
	return 'invalid';
}

/** The value at a path of the raw spec, as far as it goes. */
const at = (raw: unknown, path: readonly PropertyKey[]) => path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), raw);

/** zod's issues over a spec, as problems by kind (raw: the spec as given, to name columns and empty fields). */
export function specProblems(issues: readonly z.core.$ZodIssue[], raw: unknown): SpecProblem[] {
	return issues.map((issue) => {
		const path = issue.path as PropertyKey[];
		const kind = kindOf(issue);
		const params = issue.code === 'custom' ? (issue.params as { column?: string } | undefined) : undefined;
		// A measure's, a goal level's or the grade's column: the letter the user chose names it.
		const own = path[0] === 'columns' && path.length >= 2 ? at(raw, [...path.slice(0, path[1] === 'grade' ? 2 : 3), 'column']) : undefined;
		const column = params?.column ?? (typeof own === 'string' && own ? own : null);
		return { field: path.join('.'), kind, column, missing: at(raw, path) === '' };
	});
}

/** The field in words: a plan field by its label, a column by its letter, a grade level by its line. */
export function specFieldText(p: SpecProblem, lang: Lang, planLabel: (key: string) => string | null = () => null): string {
	const t = (key: string, vars?: Record<string, string | number>) => translate(specProblemMessages, lang, key, vars);
	const path = p.field.split('.');
	if (!p.field) return '';
	if (path[0] === 'plan') return (path[1] && planLabel(path[1])) || (path[1] ? path[1] : t('sf_plan'));
	if (path[0] === 'header_rows') return t('sf_header_rows');
	if (path[0] === 'grading_scheme') {
		if (!/^\d+$/.test(path[1] ?? '')) return t('sf_grading_scheme');
		const line = Number(path[1]) + 1;
		return path[2] && `lp_${path[2]}` in specProblemMessages ? t('sf_level_part', { line, part: t(`lp_${path[2]}`) }) : t('sf_level', { line });
	}
	if (path[0] === 'columns' && p.kind !== 'column_twice') {
		if (path[1] === 'grade' && p.column) return t('sf_grade_column', { column: p.column });
		if (p.column && path.length > 2) return t('sf_column', { column: p.column });
		if (path.length === 1) return t('sf_columns');
	}
	if (p.kind === 'column_twice') return t('sf_columns');
	return p.field;
}

/** The problem said in one language: "field: what it needs". */
export function specProblemText(p: SpecProblem, lang: Lang, planLabel?: (key: string) => string | null): string {
	const field = specFieldText(p, lang, planLabel);
	const said = translate(specProblemMessages, lang, p.missing ? 'sp_required' : `sp_${p.kind}`, { column: p.column ?? '' });
	return `${field ? `${field}: ` : ''}${said}`;
}
