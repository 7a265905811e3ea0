import { SourceError } from '../adapter';
import { tidy } from '../../normalize/text';
import type { Spec } from './spec';

/** The column header of a 南区 section: which figure columns it has, for which years. */

/** One of the three figure columns, as its header says it. */
export interface FigureColumn {
	/** the header text as printed, e.g. 2021年度実績（見込み） */
	label: string;
	kind: 'result' | 'plan';
	fiscal_year: number;
	is_estimate: boolean;
}

export interface ColumnHeader {
	line: number;
	/** 2020年度…, 2021年度計画, 2021年度実績… in the order printed */
	figures: [FigureColumn, FigureColumn, FigureColumn];
	/** the fiscal year of the last figure column: the year the 評価 grades */
	gradedYear: number;
}

export function readHeader(spec: Spec, file: string, line: number, text: string): ColumnHeader {
	const { pattern, plan, estimate, kinds } = spec.figure_columns;
	const found = [...tidy(text).matchAll(new RegExp(pattern, 'gu'))];
	if (found.length !== kinds.length) {
		throw new SourceError(file, line, 'header', `expected three fiscal-year columns in the header, found ${found.length}: "${tidy(text)}"`);
	}
	const figures = found.map((m) => {
		const what = (m[2] ?? '') + (m[3] ?? '');
		return { label: tidy(m[0]), kind: what.includes(plan) ? 'plan' : 'result', fiscal_year: Number(m[1]), is_estimate: what.includes(estimate) } satisfies FigureColumn;
	}) as ColumnHeader['figures'];
	if (figures.map((f) => f.kind).join() !== kinds.join()) {
		throw new SourceError(file, line, 'header', `expected ${kinds.join(', ')} columns, found ${figures.map((f) => f.label).join(' / ')}`);
	}
	return { line, figures, gradedYear: figures[2].fiscal_year };
}
