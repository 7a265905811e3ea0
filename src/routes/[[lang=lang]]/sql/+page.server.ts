import { nativeDatabase } from '$lib/server/native-db';
import { pageTableSchema, publishedSchema } from '$lib/sql-workbench/schema';
import { tableRowCounts } from '$lib/queries/data';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];

/** The schema panel and its row counts are rendered at build time; the browser refreshes the counts. */
export const load: PageServerLoad = async () => {
	return { tables: publishedSchema(), pageTables: pageTableSchema(), rowCounts: await tableRowCounts(await nativeDatabase()) };
};
