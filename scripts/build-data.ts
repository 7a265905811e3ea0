/**
 * npm run data: sources → adapters → zod validation → Parquet in static/data/.
 * Writes into a fresh temporary folder and swaps it in only when everything succeeded, so a
 * failing run leaves the previous dataset as it was, and a killed run leaves a complete one
 * (scripts/lib/swap-dir.ts; the next run finishes a swap that was cut short).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { buildDataset } from './lib/dataset';
import { writeParquetFiles } from './lib/write-parquet';
import { ARCHIVE_FILE, datasetArchive } from './lib/write-archive';
import { loadManifest } from './lib/sources';
import { recoverDir, replaceDir } from './lib/swap-dir';
import { ALL_TABLES } from '../src/lib/contract/index';

import { parseArgs } from 'node:util';
import { addComparables } from '../src/lib/pipeline/comparable';
import { buildSyntheticDataset, stepClock } from './lib/synthetic-input';
import { isSyntheticDir, refusePublishedPlace } from './lib/synthetic-dataset';

/**
 * --input DIR: a contract-shaped dataset written by `npm run synth` instead of data/sources (the same
 * validation, common ground and writing); --out DIR: where to write (default static/data, or
 * ATLAS_DATA_OUT). --only CODE[,FILE]: one source of data/sources.
 */
const { values: args } = parseArgs({ options: { input: { type: 'string' }, out: { type: 'string' }, only: { type: 'string' } } });
const OUT = args.out ?? process.env.ATLAS_DATA_OUT ?? 'static/data';

/**
 * Fault injection for the kill test (test/unit/pipeline/kill.test.ts): ATLAS_KILL_AT=<step> makes
 * the run kill itself with SIGKILL right after that step, as a power cut or `kill -9` would.
 */
function step(name: string): void {
	if (process.env.ATLAS_KILL_AT === name) process.kill(process.pid, 'SIGKILL');
}

async function main(): Promise<void> {
	const started = performance.now();
	const stagedPrefix = `.${basename(OUT)}-tmp-`;
	for (const what of recoverDir(OUT, stagedPrefix)) console.log(`data: a previous run was cut short: ${what}`);
	step('recovered');
	const only = args.only?.split(',').filter(Boolean);
	const dataDir = process.env.ATLAS_DATA_DIR;
	if (args.input && !isSyntheticDir(args.input)) throw new Error(`--input ${args.input}: not a folder written by npm run synth (no SYNTHETIC.json)`);
	// Synthetic rows never reach the published data or the site built from it.
	if (args.input) refusePublishedPlace(OUT);
	const { dataset: ingested, quality } = args.input
		? await buildSyntheticDataset(args.input)
		: buildDataset({ only, ...(dataDir ? { dataDir, sourcesDir: join(dataDir, 'sources') } : {}) });
	// The national build is measured by step (scripts/bench/build.bench.ts reads these lines).
	const clock = args.input ? stepClock('data(synthetic)') : () => {};
	// Comparable initiatives once for the whole dataset, not once per page at prerender.
	const dataset = addComparables(ingested);
	clock('comparable initiatives');
	step('dataset-built');
	const parent = dirname(OUT);
	mkdirSync(parent, { recursive: true });
	const tmp = join(parent, `${stagedPrefix}${process.pid}`);
	rmSync(tmp, { recursive: true, force: true });
	mkdirSync(tmp);
	step('staging-created');
	try {
		await writeParquetFiles(tmp, ALL_TABLES, dataset, (table) => step(`wrote-${table}`), { synthetic: Boolean(args.input), datasetVersion: quality.dataset_version });
		clock('written (Parquet, partitions, database)');
		writeFileSync(join(tmp, 'quality.json'), JSON.stringify(quality, null, '\t') + '\n');
		step('wrote-quality');
		// The whole dataset in one archive for /data; synthetic data are for measurement, never published.
		if (!args.input) {
			const manifest = loadManifest(dataDir ? join(dataDir, 'sources') : undefined);
			const archive = datasetArchive({ dir: tmp, tables: ALL_TABLES, data: dataset, quality, manifest, dictionary: readFileSync('data/DICTIONARY.md', 'utf8'), licence: readFileSync('data/LICENSE.md', 'utf8') });
			writeFileSync(join(tmp, ARCHIVE_FILE), archive);
			step('wrote-archive');
		}
		replaceDir(OUT, tmp, step);
	} catch (e) {
		rmSync(tmp, { recursive: true, force: true });
		throw e;
	}
	const counts = quality.sources.map((s) => `${s.muni_code} ${s.rows_found.initiatives}`).join(', ');
	console.log(`data: wrote ${ALL_TABLES.length} tables to ${OUT} in ${Math.round(performance.now() - started)} ms (initiatives: ${counts}; warnings: ${quality.totals.warnings})`);
}

main().catch((e: Error) => {
	console.error(`data: ${e.message}`);
	process.exit(1);
});
