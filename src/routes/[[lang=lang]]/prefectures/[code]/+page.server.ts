import { error } from '@sveltejs/kit';
import { nativeDatabase } from '$lib/server/native-db';
import { prefectureCodes, prefecturePage } from '$lib/queries/prefecture';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () => {
	const codes = await prefectureCodes(await nativeDatabase());
	return codes.flatMap((code) => [{ lang: undefined, code }, { lang: 'en', code }]);
};

export const load: PageServerLoad = async ({ params }) => {
	const page = await prefecturePage(await nativeDatabase(), params.code);
	if (!page) error(404, `no prefecture ${params.code}`);
	return { code: params.code, page };
};
