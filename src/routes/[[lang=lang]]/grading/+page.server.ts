import { nativeDatabase } from '$lib/server/native-db';
import { gradingPage } from '$lib/queries/grading';
import { chartPairs } from '$lib/queries/chart-pairs';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];

export const load: PageServerLoad = async () => ({ page: await gradingPage(await nativeDatabase()), pairs: await chartPairs(await nativeDatabase(), 'all') });
