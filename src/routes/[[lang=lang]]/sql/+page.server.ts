import { nativeDatabase } from '$lib/server/native-db';
import { publishedSchema } from '$lib/sql-workbench/schema';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];

/** The schema panel and its row counts are rendered at build time; the browser refreshes the counts. */
export const load: PageServerLoad = async () => {
	const db = await nativeDatabase();
	const tables = publishedSchema();
	const rowCounts: Record<string, number> = {};
	for (const t of tables) {
		// Table names come from the contract, never from input.
		const [row] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM main."${t.name}"`);
		rowCounts[t.name] = row.n;
	}
	return { tables, rowCounts };
};
