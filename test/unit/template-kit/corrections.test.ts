import { describe, expect, it } from 'vitest';
import { loadCorrections, loadDocument, loadManifest, loadSchemes } from '../../../scripts/lib/sources';
import { ingest } from '../../../src/lib/pipeline/ingest';
import { ADAPTERS } from '../../../src/lib/adapters/registry';
import { CorrectionBook } from '../../../src/lib/template-kit/corrections';
import { SourceError } from '../../../src/lib/template-kit/source-error';
import type { Correction } from '../../../src/lib/contract/manifest';
import type { SourceDocument } from '../../../src/lib/adapters/adapter';

const lines = ['見出し', '子育て支援記\t高齢介護課', '提供で\tされる環境づくり'];
const c = (over: Partial<Correction>): Correction => ({ id: 'x-c01', source_file: 'x.txt', line: 2, field: '事業主体', text: '子育て支援記', means: '子育て支援課', why: 'OCR', ...over });

describe('the corrections book', () => {
	it('applies a correction to its cell and counts it', () => {
		const book = new CorrectionBook('x.txt', lines, [c({})]);
		expect(book.apply(2, '事業主体', '子育て支援記')).toBe('子育て支援課');
		expect(book.apply(2, '事業名', '子育て支援記')).toBe('子育て支援記');
		expect(book.finish()).toEqual(['x-c01']);
	});

	it('finds the text of a correction on its line across the cell breaks of the PDF (white space aside)', () => {
		const book = new CorrectionBook('x.txt', lines, [c({ line: 3, field: '取組', text: '提供でされる', means: '提供される' })]);
		expect(book.take(3, '取組')?.means).toBe('提供される');
		expect(book.finish()).toEqual(['x-c01']);
	});

	it('stops when the text is no longer on its line, naming the file, line and correction', () => {
		expect(() => new CorrectionBook('x.txt', lines, [c({ line: 1 })])).toThrowError(/^x\.txt:1 \(事業主体\): correction x-c01 expects "子育て支援記" on line 1, which reads "見出し"/);
		expect(() => new CorrectionBook('x.txt', lines, [c({ line: 9 })])).toThrowError(/^x\.txt:9 .*the source has 3 lines/);
	});

	it('stops when a correction is not applied, or applied to a cell without its text', () => {
		expect(() => new CorrectionBook('x.txt', lines, [c({})]).finish()).toThrowError(/^x\.txt:2 \(事業主体\): correction x-c01 was not applied/);
		expect(() => new CorrectionBook('x.txt', lines, [c({})]).apply(2, '事業主体', '高齢介護課')).toThrowError(SourceError);
		expect(() => new CorrectionBook('x.txt', lines, [c({})]).applied(['x-c99'])).toThrowError(/no such correction/);
	});

	it('reads a cell as a correction says only when the cell holds its text', () => {
		const book = new CorrectionBook('x.txt', lines, [c({})]);
		expect(book.reading(2, '事業主体', '高齢介護課')).toBeNull();
		expect(book.reading(2, '事業主体', '子育て支援記 高齢介護課')).toBe('子育て支援課 高齢介護課');
	});
});

/**
 * The staleness rule in every template, through the pipeline: a damaged copy with one line deleted
 * above a correction stops the run, naming the source and the line where the correction's text was
 * expected. Templates whose source has no correction get one written for a line of their source.
 */
describe('a correction that no longer applies stops the run, in every template', () => {
	const manifest = loadManifest();
	const schemes = loadSchemes();
	const all = loadCorrections();
	const run = (entry: (typeof manifest.sources)[number], doc: SourceDocument, corrections: Correction[]) =>
		ingest({ manifest: { sources: [entry] }, documents: [doc], schemes, corrections, adapters: ADAPTERS });

	for (const entry of manifest.sources) {
		it(`${entry.adapter} (${entry.file})`, () => {
			const doc = loadDocument(entry);
			const own = all.filter((x) => x.source_file === entry.file);
			// A line with text of its own, for a source that has no correction yet.
			const at = doc.lines.findIndex((l, i) => i > 5 && l.trim().length > 8 && !doc.lines.slice(0, i).includes(l));
			const corrections = own.length ? own : [c({ id: `${entry.adapter}-c01`, source_file: entry.file, line: at + 1, field: 'any', text: doc.lines[at].trim().slice(0, 6), means: doc.lines[at].trim().slice(0, 6) })];
			const target = corrections[0];
			const damaged: SourceDocument = { ...doc, lines: doc.lines.filter((_, i) => i !== target.line - 2) };
			expect(() => run(entry, damaged, corrections)).toThrowError(new RegExp(`^${entry.file.replace('.', '\\.')}:${target.line} \\(${target.field}\\): correction ${target.id} expects`));
			if (!own.length) {
				// The undamaged source passes the line check; a template that does not apply the correction stops the run.
				expect(() => run(entry, doc, corrections)).toThrowError(new RegExp(`^${entry.file.replace('.', '\\.')}:${target.line} \\(any\\): correction ${target.id} was not applied`));
			} else {
				expect(run(entry, doc, corrections).quality.sources[0].corrections_used).toEqual(own.map((x) => x.id).sort());
			}
		});
	}
});
