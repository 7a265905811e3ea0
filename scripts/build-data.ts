/**
 * npm run data: sources → adapters → zod validation → Parquet in static/data/.
 * Writes into a fresh temporary folder and swaps it in only when everything succeeded, so a
 * failing run leaves the previous dataset as it was.
 */
import { mkdirSync, rmSync, renameSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildDataset } from './lib/dataset';
import { writeParquetFiles } from './lib/write-parquet';
import { ALL_TABLES } from '../src/lib/contract/index';

const OUT = process.env.ATLAS_DATA_OUT ?? 'static/data';

async function main(): Promise<void> {
	const started = performance.now();
	const onlyAt = process.argv.indexOf('--only');
	const only = onlyAt > 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : undefined;
	const dataDir = process.env.ATLAS_DATA_DIR;
	const { dataset, quality } = buildDataset({ only, ...(dataDir ? { dataDir, sourcesDir: join(dataDir, 'sources') } : {}) });
	const parent = dirname(OUT);
	mkdirSync(parent, { recursive: true });
	const tmp = join(parent, `.data-tmp-${process.pid}`);
	rmSync(tmp, { recursive: true, force: true });
	mkdirSync(tmp);
	try {
		await writeParquetFiles(tmp, ALL_TABLES, dataset);
		writeFileSync(join(tmp, 'quality.json'), JSON.stringify(quality, null, '\t') + '\n');
		const old = `${tmp}-old`;
		if (existsSync(OUT)) renameSync(OUT, old);
		renameSync(tmp, OUT);
		rmSync(old, { recursive: true, force: true });
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
