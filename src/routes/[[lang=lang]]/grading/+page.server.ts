import { nativeDatabase } from '$lib/server/native-db';
import { gradingPage } from '$lib/queries/grading';
import { chartPairs } from '$lib/queries/chart-pairs';
import { buildAtScale } from '$lib/server/prerender-scope';
import { firstRows } from '$lib/scale/country';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];

// At national scale (src/lib/scale/country.ts) the page is prerendered with the first rows of the
// generosity table; the charts, the crosswalk of every scheme and the list of ungraded plans are drawn
// by the browser's answer to the same queries.
export const load: PageServerLoad = async () => {
	const db = await nativeDatabase();
	const atScale = await buildAtScale();
	const page = await gradingPage(db);
	const [{ n: planTotal }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM plans');
	const shown = atScale ? { levels: [], spread: [], ungraded: [], generosity: firstRows(page.generosity, true) } : page;
	return { page: shown, generosityTotal: page.generosity.length, planTotal, atScale, pairs: atScale ? [] : await chartPairs(db, 'all') };
};
