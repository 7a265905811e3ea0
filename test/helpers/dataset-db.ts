import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataset } from '../../scripts/lib/dataset';
import { writeParquetFiles } from '../../scripts/lib/write-parquet';
import { ALL_TABLES } from '../../src/lib/contract/index';
import { openNative } from '../../src/lib/server/native-db';

export type DatasetDb = Awaited<ReturnType<typeof openNative>>;

/**
 * The dataset built from data/sources, written to a folder of its own and opened with native DuckDB as the
 * prerender opens static/data: unit tests run before the site (and static/data) is built, and none may
 * read or write the published folder. close() closes the database and removes the folder.
 */
export async function openSourcesDataset(name: string): Promise<DatasetDb> {
	const dir = mkdtempSync(join(tmpdir(), `atlas-${name}-`));
	await writeParquetFiles(dir, ALL_TABLES, buildDataset().dataset);
	const db = await openNative(dir);
	return {
		...db,
		close() {
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
