import type { Connector } from '../db/connector';
import { PRERENDER_BUDGET, prerenderScope, type PrerenderScope } from './prerender';

/** The prerender scope of a dataset: its initiatives counted per reporting municipality, then the rule of prerender.ts. */
export async function datasetPrerenderScope(db: Connector, budget = PRERENDER_BUDGET): Promise<PrerenderScope> {
	const counts = await db.query<{ muni_code: string; initiatives: number }>(
		`SELECT m.muni_code, count(i.initiative_id)::INTEGER AS initiatives
		 FROM municipalities m LEFT JOIN initiatives i USING (muni_code)
		 WHERE m.has_report GROUP BY m.muni_code ORDER BY m.muni_code`
	);
	return prerenderScope(counts, budget);
}
