import { error } from '@sveltejs/kit';
import { nativeDatabase } from '$lib/server/native-db';
import { themeIds, themePage } from '$lib/queries/theme';
import { chartPairs } from '$lib/queries/chart-pairs';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () => {
	const ids = await themeIds(await nativeDatabase());
	return ids.flatMap((theme) => [{ lang: undefined, theme }, { lang: 'en', theme }]);
};

export const load: PageServerLoad = async ({ params }) => {
	const page = await themePage(await nativeDatabase(), params.theme);
	if (!page) error(404, `no theme ${params.theme}`);
	return { themeId: params.theme, page, pairs: await chartPairs(await nativeDatabase(), { theme: params.theme }) };
};
