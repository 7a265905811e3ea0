import { nativeDatabase } from '$lib/server/native-db';
import { headline, municipalitySummaries, themeMatrix } from '$lib/queries/overview';
import { prefectureCoverage } from '$lib/queries/prefecture';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];

export const load: PageServerLoad = async () => {
	const db = await nativeDatabase();
	return { municipalities: await municipalitySummaries(db), headline: await headline(db), matrix: await themeMatrix(db), coverage: await prefectureCoverage(db) };
};
