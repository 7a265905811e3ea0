import { error } from '@sveltejs/kit';
import { nativeDatabase } from '$lib/server/native-db';
import { initiativeIds, initiativePage } from '$lib/queries/initiative';
import { sourceExcerpt } from './excerpt';
import { buildPrerenderScope } from '$lib/server/prerender-scope';
import { initiativePrerendered } from '$lib/scale/prerender';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () => {
	// Only the initiatives the scale rule prerenders; /view draws the others in the browser.
	const scope = await buildPrerenderScope();
	const ids = (await initiativeIds(await nativeDatabase())).filter((id) => initiativePrerendered(scope, id));
	return ids.flatMap((id) => [{ lang: undefined, id }, { lang: 'en', id }]);
};

export const load: PageServerLoad = async ({ params }) => {
	const page = await initiativePage(await nativeDatabase(), params.id);
	if (!page) error(404, `no initiative ${params.id}`);
	const i = page.initiative;
	return { id: params.id, page, excerpt: sourceExcerpt(i.source_file, i.line_start, i.line_end) };
};
