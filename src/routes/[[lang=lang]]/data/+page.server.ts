import { existsSync, statSync } from 'node:fs';
import { nativeDatabase } from '$lib/server/native-db';
import { SITE_DATA_DIR } from '../../../../scripts/lib/site-dirs.js';
import { ARCHIVE_FILE } from '../../../../scripts/lib/write-archive';
import { qualityReport } from '$lib/server/quality-report';
import { publishedSchema } from '$lib/sql-workbench/schema';
import { sources, tableRowCounts } from '$lib/queries/data';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];

export const load: PageServerLoad = async () => {
	const db = await nativeDatabase();
	const report = qualityReport();
	return {
		tables: publishedSchema(),
		rowCounts: await tableRowCounts(db),
		sources: await sources(db),
		quality: report.sources,
		warningCodes: report.warning_codes,
		version: report.dataset_version,
		// The archive `npm run data` writes beside the tables (not for synthetic data, which is never published).
		archive: existsSync(`${SITE_DATA_DIR}/${ARCHIVE_FILE}`) ? { file: ARCHIVE_FILE, bytes: statSync(`${SITE_DATA_DIR}/${ARCHIVE_FILE}`).size } : null
	};
};
