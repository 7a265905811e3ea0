import { error } from '@sveltejs/kit';
import { nativeDatabase } from '$lib/server/native-db';
import { initiativeIds, initiativePage } from '$lib/queries/initiative';
import { sourceExcerpt } from './excerpt';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () => {
	const ids = await initiativeIds(await nativeDatabase());
	return ids.flatMap((id) => [{ lang: undefined, id }, { lang: 'en', id }]);
};

export const load: PageServerLoad = async ({ params }) => {
	const page = await initiativePage(await nativeDatabase(), params.id);
	if (!page) error(404, `no initiative ${params.id}`);
	const i = page.initiative;
	return { id: params.id, page, excerpt: sourceExcerpt(i.source_file, i.line_start, i.line_end) };
};
