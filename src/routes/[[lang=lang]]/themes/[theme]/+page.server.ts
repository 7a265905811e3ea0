import { error } from '@sveltejs/kit';
import { nativeDatabase } from '$lib/server/native-db';
import { themeIds, themePage } from '$lib/queries/theme';
import { chartPairs } from '$lib/queries/chart-pairs';
import { THEME_ROWS_PRERENDERED } from '$lib/scale/prerender';
import { firstRows } from '$lib/scale/country';
import { buildAtScale } from '$lib/server/prerender-scope';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () => {
	const ids = await themeIds(await nativeDatabase());
	return ids.flatMap((theme) => [{ lang: undefined, theme }, { lang: 'en', theme }]);
};

export const load: PageServerLoad = async ({ params }) => {
	const db = await nativeDatabase();
	// The list's first rows only (the scale rule); the browser shows the rest with the same query. At
	// national scale (src/lib/scale/country.ts) the charts of every municipality and the list of those
	// without the theme are drawn by the browser too, so the prerender does not ask for them.
	const atScale = await buildAtScale();
	const page = await themePage(db, params.theme, { initiatives: THEME_ROWS_PRERENDERED, municipalities: !atScale });
	if (!page) error(404, `no theme ${params.theme}`);
	const [{ n: planTotal }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM plans');
	return {
		themeId: params.theme,
		page: { ...page, goalResults: firstRows(page.goalResults, atScale) },
		initiativeTotal: page.initiativeTotal,
		goalResultTotal: page.goalResults.length,
		planTotal,
		atScale,
		pairs: atScale ? [] : await chartPairs(db, { theme: params.theme })
	};
};
