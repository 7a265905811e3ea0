/**
 * npm run readme: writes the README's per-source table from the pipeline's quality report, so the
 * figures there are always the ones `npm run data` gives. `--check` fails when the README has
 * drifted (the unit tests check it too).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildDataset } from './lib/dataset';
import { loadManifest } from './lib/sources';
import { sourcesTable, withSourcesTable } from './lib/readme-table';

const PATH = 'README.md';
const { quality } = buildDataset();
const readme = readFileSync(PATH, 'utf8');
const text = withSourcesTable(readme, sourcesTable(loadManifest(), quality));
if (process.argv.includes('--check')) {
	if (text !== readme) {
		console.error(`readme: the per-source table in ${PATH} differs from the quality report; run "npm run readme" and commit it`);
		process.exit(1);
	}
	console.log(`readme: ${PATH} per-source table is up to date`);
} else {
	writeFileSync(PATH, text);
	console.log(`readme: wrote the per-source table of ${PATH}`);
}
