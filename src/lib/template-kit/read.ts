import type { Correction, GradingScheme } from '../contract/manifest';
import type { Adapter, AdapterResult, SourceDocument } from '../adapters/adapter';
import { CorrectionBook } from './corrections';

/**
 * Read one report with its template, under the one staleness rule of corrections: a correction whose
 * text is no longer on its line stops the run before the reading, and one the template did not apply
 * stops it after. The pipeline and the tests read every source through this.
 */
export function readReport(adapter: Adapter, doc: SourceDocument, input: { scheme: GradingScheme | null; corrections: readonly Correction[] }): AdapterResult {
	const corrections = input.corrections.filter((c) => c.source_file === doc.entry.file);
	const book = new CorrectionBook(doc.entry.file, doc.lines, corrections);
	const result = adapter.read(doc, { scheme: input.scheme, corrections, book });
	book.applied(result.correctionsUsed);
	return { ...result, correctionsUsed: book.finish() };
}
