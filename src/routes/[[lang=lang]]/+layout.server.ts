import { nativeDatabase } from '$lib/server/native-db';
import { qualityReport } from '$lib/server/quality-report';
import { citedSources } from '$lib/queries/data';
import { buildPrerenderScope } from '$lib/server/prerender-scope';
import { citedFor, citedScope } from '$lib/scale/cited';
import type { LayoutServerLoad } from './$types';

// The same for every page of a build: asked once, not once for each of the ~4,500 prerendered pages.
let sources: ReturnType<typeof citedSources> | null = null;

// What every page's citation and printed header name: the dataset version and the reports it is read from
// (all of them, or at national scale the page's own: src/lib/scale/cited.ts); and which pages the build
// prerendered, for the links to pages it did not (src/lib/scale/links.ts).
export const load: LayoutServerLoad = async ({ params, route }) => {
	const cited = citedFor(await (sources ??= nativeDatabase().then(citedSources)), citedScope(params, route.id));
	return {
		datasetVersion: qualityReport().dataset_version,
		citedSources: cited.sources,
		citedTotal: cited.total,
		prerendered: await buildPrerenderScope()
	};
};
