import { error } from '@sveltejs/kit';
import { nativeDatabase } from '$lib/server/native-db';
import { initiativeIds, initiativePages, type InitiativePage } from '$lib/queries/initiative';
import { sourceExcerpt } from './excerpt';
import { buildPrerenderScope } from '$lib/server/prerender-scope';
import { initiativeMunicipality, initiativePrerendered } from '$lib/scale/prerender';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () => {
	// Only the initiatives the scale rule prerenders; /view draws the others in the browser.
	const scope = await buildPrerenderScope();
	const ids = (await initiativeIds(await nativeDatabase())).filter((id) => initiativePrerendered(scope, id));
	return ids.flatMap((id) => [{ lang: undefined, id }, { lang: 'en', id }]);
};

// The pages are prerendered in id order, both languages of one initiative after another, so a
// municipality's pages are asked for together: one query per part for all of them (each query reads
// whole tables at national scale). The last few municipalities are kept, in case the crawl interleaves.
const batches = new Map<string, Promise<Map<string, InitiativePage>>>();
function pageOf(id: string): Promise<InitiativePage | undefined> {
	const muni = initiativeMunicipality(id);
	let batch = batches.get(muni);
	if (!batch) {
		batch = nativeDatabase().then((db) => initiativePages(db, { muni }));
		batches.set(muni, batch);
		if (batches.size > 4) batches.delete(batches.keys().next().value!);
	}
	return batch.then((pages) => pages.get(id));
}

export const load: PageServerLoad = async ({ params }) => {
	const page = await pageOf(params.id);
	if (!page) error(404, `no initiative ${params.id}`);
	const i = page.initiative;
	return { id: params.id, page, excerpt: sourceExcerpt(i.source_file, i.line_start, i.line_end) };
};
