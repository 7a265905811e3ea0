import { nativeDatabase } from '$lib/server/native-db';
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
		version: report.dataset_version
	};
};
