import { nativeDatabase } from '$lib/server/native-db';
import { prefectureCoverage } from '$lib/queries/prefecture';
import { qualityReport } from '$lib/server/quality-report';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	coverage: await prefectureCoverage(await nativeDatabase()),
	listAsOf: qualityReport().municipalities?.list_as_of ?? null
});
