import { nativeDatabase } from '$lib/server/native-db';
import { gradingPage } from '$lib/queries/grading';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];

export const load: PageServerLoad = async () => ({ page: await gradingPage(await nativeDatabase()) });
