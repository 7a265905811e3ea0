import { error } from '@sveltejs/kit';
import { nativeDatabase } from '$lib/server/native-db';
import { themeIds, themePage } from '$lib/queries/theme';
import { chartPairs } from '$lib/queries/chart-pairs';
import { THEME_ROWS_PRERENDERED } from '$lib/scale/prerender';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () => {
	const ids = await themeIds(await nativeDatabase());
	return ids.flatMap((theme) => [{ lang: undefined, theme }, { lang: 'en', theme }]);
};

export const load: PageServerLoad = async ({ params }) => {
	const page = await themePage(await nativeDatabase(), params.theme);
	if (!page) error(404, `no theme ${params.theme}`);
	// The list's first rows only (the scale rule); the browser shows the rest with the same query.
	const initiativeTotal = page.initiatives.length;
	const shown = { ...page, initiatives: page.initiatives.slice(0, THEME_ROWS_PRERENDERED) };
	return { themeId: params.theme, page: shown, initiativeTotal, pairs: await chartPairs(await nativeDatabase(), { theme: params.theme }) };
};
