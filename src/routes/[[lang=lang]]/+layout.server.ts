import { nativeDatabase } from '$lib/server/native-db';
import { qualityReport } from '$lib/server/quality-report';
import { citedSources } from '$lib/queries/data';
import { buildPrerenderScope } from '$lib/server/prerender-scope';
import type { LayoutServerLoad } from './$types';

// What every page's citation and printed header name: the dataset version and the reports it is read from;
// and which pages the build prerendered, for the links to pages it did not (src/lib/scale/links.ts).
export const load: LayoutServerLoad = async () => ({
	datasetVersion: qualityReport().dataset_version,
	citedSources: await citedSources(await nativeDatabase()),
	prerendered: await buildPrerenderScope()
});
