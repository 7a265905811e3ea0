import type { QualityReport, SourceQuality } from '../contract/quality';

/** The quality report entries of the given source files (the report is one JSON file beside the Parquet). */
export function qualityFor(report: QualityReport | null, files: readonly string[]): SourceQuality[] {
	if (!report) return [];
	return report.sources.filter((s) => files.includes(s.source_file));
}
