import type { QualityReport } from '../../src/lib/contract/quality';
import type { Manifest } from '../../src/lib/contract/manifest';

/** Markers around the README's per-source table, which `npm run readme` writes from quality.json's figures. */
export const START = '<!-- sources table: written by `npm run readme` from the quality report; do not edit by hand -->';
export const END = '<!-- end of sources table -->';

/** The README's per-source table: one row per source, with the figures of its quality report. */
export function sourcesTable(manifest: Manifest, quality: QualityReport): string {
	const rows = quality.sources.map((q) => {
		const entry = manifest.sources.find((s) => s.file === q.source_file);
		if (!entry) throw new Error(`${q.source_file}: in the quality report but not in the manifest`);
		const m = entry.municipality;
		const warnings = q.unreadable ? `${q.warnings.length} (${q.unreadable})` : String(q.warnings.length);
		const grades = q.rows_found.evaluations ? String(q.rows_found.evaluations) : '—';
		return `| ${q.source_file} | ${m.prefecture_ja} ${m.name_ja} (${m.name_en}) | ${m.muni_code} | \`${q.adapter}\` | ${q.rows_found.initiatives} | ${q.rows_found.measures} | ${grades} | ${warnings} | ${q.corrections_used.length} |`;
	});
	return [
		START,
		'| source | municipality | code | adapter | initiatives | measures | grades | warnings (unreadable) | corrections |',
		'|---|---|---|---|---:|---:|---:|---:|---:|',
		...rows,
		END
	].join('\n');
}

/** The README with its per-source table replaced; the markers must be there. */
export function withSourcesTable(readme: string, table: string): string {
	const a = readme.indexOf(START);
	const b = readme.indexOf(END);
	if (a < 0 || b < a) throw new Error(`README.md: the per-source table's markers are missing (${START} … ${END})`);
	return readme.slice(0, a) + table + readme.slice(b + END.length);
}
