import { nativeDatabase } from '$lib/server/native-db';
import { gradingCountry, gradingPage } from '$lib/queries/grading';
import { chartPairs } from '$lib/queries/chart-pairs';
import { buildAtScale } from '$lib/server/prerender-scope';
import { firstRows } from '$lib/scale/country';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];

// At national scale (src/lib/scale/country.ts) the page is the national picture and one prefecture's
// figures (src/lib/queries/grading.ts, GradingCut): prerendered with the first prefecture's first rows
// of the generosity table; its charts, crosswalk and list of ungraded plans are drawn by the browser's
// answer to the same queries, for the prefecture the address names.
export const load: PageServerLoad = async () => {
	const db = await nativeDatabase();
	const atScale = await buildAtScale();
	const country = await gradingCountry(db);
	const prefecture = country.prefectures[0]?.prefecture_code;
	const page = await gradingPage(db, { prefecture });
	const [{ n: planTotal }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM plans');
	const shown = atScale ? { levels: [], spread: [], ungraded: [], generosity: firstRows(page.generosity, true) } : page;
	return { page: shown, generosityTotal: page.generosity.length, planTotal, atScale, country, prefecture: prefecture ?? null, pairs: atScale ? [] : await chartPairs(db, 'all') };
};
