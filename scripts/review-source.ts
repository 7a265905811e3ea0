/**
 * npm run source:review -- --reviewed "<who, date, read against what>" [FILE|muni_code …]
 *
 * Records what a reading of each source finds (data/sources/readings/<source>.json): initiatives
 * per goal, the counts of records, the fingerprint of every line and of the cells of every row
 * that starts an initiative. `npm run data` refuses a source that differs from its reading. Run it
 * after reading a new or changed source against its report; it prints what changed since the
 * previous reading, which is what the review has to confirm.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ADAPTERS } from '../src/lib/adapters/registry';
import { readReport } from '../src/lib/template-kit/read';
import { readingOf, recordDifferences, textDamage, SourceReading } from '../src/lib/pipeline/reading';
import { loadCorrections, loadDocument, loadManifest, loadSchemes, readingPath } from './lib/sources';
import { readFileSync } from 'node:fs';

function main(): void {
	const args = process.argv.slice(2);
	const at = args.indexOf('--reviewed');
	const reviewed = at >= 0 ? args[at + 1] : undefined;
	if (!reviewed) throw new Error('say who read the source against its report, and when: --reviewed "name, YYYY-MM-DD, …"');
	const wanted = args.filter((_, i) => i !== at && i !== at + 1);
	const manifest = loadManifest();
	const entries = wanted.length ? manifest.sources.filter((s) => wanted.includes(s.file) || wanted.includes(s.municipality.muni_code)) : manifest.sources;
	if (!entries.length) throw new Error(`${wanted.join(', ')}: no such source in the manifest`);
	const schemes = loadSchemes();
	const corrections = loadCorrections();
	for (const entry of entries) {
		const doc = loadDocument(entry);
		const adapter = ADAPTERS.get(entry.adapter);
		if (!adapter) throw new Error(`${entry.file}: no adapter "${entry.adapter}"`);
		const scheme = schemes.find((s) => s.scheme_id === entry.scheme_id) ?? null;
		const result = readReport(adapter, doc, { scheme, corrections });
		const reading = readingOf(doc, result, reviewed);
		const path = readingPath(entry.file);
		if (existsSync(path)) {
			const before = SourceReading.parse(JSON.parse(readFileSync(path, 'utf8')));
			const damage = textDamage(doc, before);
			const changed = recordDifferences(doc, result, before, true);
			console.log(`${entry.file}: ${damage ? `text differs from the previous reading: ${damage.message}` : 'text as previously read'}; ${changed.length ? `records: ${changed.join('; ')}` : 'records as previously read'}`);
		} else {
			console.log(`${entry.file}: first reading: ${reading.initiatives} initiatives, ${reading.measures} measures, ${reading.evaluations} evaluations`);
		}
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, format(reading));
	}
}

/** Stable, diffable JSON: one goal, row or chunk of line fingerprints a line. */
function format(r: SourceReading): string {
	const list = (xs: unknown[]) => (xs.length ? `[\n${xs.map((x) => `\t\t${JSON.stringify(x)}`).join(',\n')}\n\t]` : '[]');
	const head = (['source_file', 'reviewed', 'lines', 'initiatives', 'measures', 'evaluations'] as const).map((k) => `\t${JSON.stringify(k)}: ${JSON.stringify(r[k])}`);
	return `{\n${head.join(',\n')},\n\t"goals": ${list(r.goals)},\n\t"rows": ${list(r.rows)},\n\t"line_prints": ${list(r.line_prints)}\n}\n`;
}

try {
	main();
} catch (e) {
	console.error(`source:review: ${(e as Error).message}`);
	process.exit(1);
}
