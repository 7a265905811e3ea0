import { error } from '@sveltejs/kit';
import { nativeDatabase } from '$lib/server/native-db';
import { municipalityCodes, municipalityHeads, municipalityPageOf } from '$lib/queries/municipality';
import { qualityFor } from '$lib/queries/quality';
import { chartPairs } from '$lib/queries/chart-pairs';
import { qualityReport } from '$lib/server/quality-report';
import { buildPrerenderScope } from '$lib/server/prerender-scope';
import { municipalityPrerendered } from '$lib/scale/prerender';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () => {
	// Every municipality without a report, and those with one that the scale rule prerenders; /view draws the others.
	const scope = await buildPrerenderScope();
	const codes = (await municipalityCodes(await nativeDatabase())).filter((m) => municipalityPrerendered(scope, m.muni_code, m.has_report)).map((m) => m.muni_code);
	return codes.flatMap((code) => [{ lang: undefined, code }, { lang: 'en', code }]);
};

// Every municipality's row and wards, asked once per build: most pages (no report) need nothing more.
let heads: ReturnType<typeof municipalityHeads> | null = null;

export const load: PageServerLoad = async ({ params }) => {
	const db = await nativeDatabase();
	const head = (await (heads ??= municipalityHeads(db, null))).get(params.code);
	if (!head) error(404, `no municipality ${params.code}`);
	const page = await municipalityPageOf(db, head);
	// Most prerendered pages are of municipalities without a report: they have no pairs to ask for.
	const pairs = page.municipality.has_report ? await chartPairs(await nativeDatabase(), { muni: params.code }) : [];
	return { code: params.code, page, pairs, quality: qualityFor(qualityReport(), page.plans.map((p) => p.source_file)) };
};
