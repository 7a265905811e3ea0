import { error } from '@sveltejs/kit';
import { nativeDatabase } from '$lib/server/native-db';
import { prefectureCodes, prefecturePages } from '$lib/queries/prefecture';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () => {
	const codes = await prefectureCodes(await nativeDatabase());
	return codes.flatMap((code) => [{ lang: undefined, code }, { lang: 'en', code }]);
};

// All 47 pages' rows are asked once per build (one query per part), not once per page.
let pages: ReturnType<typeof prefecturePages> | null = null;

export const load: PageServerLoad = async ({ params }) => {
	const page = (await (pages ??= nativeDatabase().then(prefecturePages))).get(params.code);
	if (!page) error(404, `no prefecture ${params.code}`);
	return { code: params.code, page };
};
