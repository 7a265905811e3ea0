import { nativeDatabase } from '$lib/server/native-db';
import { headline, municipalitySummaries, themeMatrix } from '$lib/queries/overview';
import { prefectureCoverage } from '$lib/queries/prefecture';
import { buildAtScale } from '$lib/server/prerender-scope';
import { firstRows } from '$lib/scale/country';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];

// At national scale the list of plans is prerendered with its first rows and the matrix with its themes
// only (src/lib/scale/country.ts); the browser's answer to the same queries shows them whole.
export const load: PageServerLoad = async () => {
	const db = await nativeDatabase();
	const atScale = await buildAtScale();
	const municipalities = await municipalitySummaries(db);
	const matrix = await themeMatrix(db);
	return {
		municipalities: firstRows(municipalities, atScale),
		planTotal: municipalities.length,
		atScale,
		headline: await headline(db),
		matrix: atScale ? { ...matrix, cells: [] } : matrix,
		coverage: await prefectureCoverage(db)
	};
};
