import type { Goal, Initiative, InitiativeNote, Measure, Evaluation } from '../contract/tables';
import type { Correction, GradingScheme, SourceEntry } from '../contract/manifest';
import type { QualityWarning } from '../contract/quality';
import { SourceError } from '../template-kit/source-error';
import type { CorrectionBook } from '../template-kit/corrections';

/** A source report as an adapter sees it: its manifest entry and its text, line by line. */
export interface SourceDocument {
	entry: SourceEntry;
	text: string;
	/** lines[0] is line 1 of the file. */
	lines: readonly string[];
	/** the parsed JSON of the column mapping the manifest names for a tabular source */
	spec?: unknown;
	/** what reading the bytes as text found and removed (src/lib/pipeline/decode.ts), for the quality report */
	textWarnings?: readonly QualityWarning[];
}

export interface AdapterContext {
	/** The report's grading scheme, or null where it gives no grades. */
	scheme: GradingScheme | null;
	/** Corrections for this source file only. */
	corrections: readonly Correction[];
	/**
	 * The same corrections as a book, already checked against the source: apply them through it. The
	 * pipeline stops the run on a correction no template applied (ids not in `correctionsUsed`).
	 */
	book: CorrectionBook;
}

/** Everything an adapter reads from one report. Records are checked against the contract afterwards. */
export interface AdapterResult {
	goals: Goal[];
	initiatives: Initiative[];
	measures: Measure[];
	evaluations: Evaluation[];
	notes: InitiativeNote[];
	warnings: QualityWarning[];
	/** ids of the corrections the adapter applied */
	correctionsUsed: string[];
}

/** One adapter per report template. It must not throw on damaged text it can flag instead. */
export interface Adapter {
	id: string;
	/** The template it reads, in a sentence. */
	describes: string;
	read(doc: SourceDocument, ctx: AdapterContext): AdapterResult;
}

export { SourceError };

export function emptyResult(): AdapterResult {
	return { goals: [], initiatives: [], measures: [], evaluations: [], notes: [], warnings: [], correctionsUsed: [] };
}

/** The grading scheme of a report whose template grades every row; a manifest without one is refused here. */
export function requireScheme(doc: SourceDocument, ctx: AdapterContext, field: string | null = null): GradingScheme {
	if (!ctx.scheme) throw new SourceError(doc.entry.file, 1, field, 'this report grades its rows: the manifest must name its grading scheme');
	return ctx.scheme;
}
