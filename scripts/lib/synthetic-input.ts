import { TABLES } from '../../src/lib/contract/tables';
import type { Initiative } from '../../src/lib/contract/tables';
import type { IngestOutput } from '../../src/lib/pipeline/ingest';
import { sortRows } from '../../src/lib/pipeline/ingest';
import { validateRows } from '../../src/lib/pipeline/validate';
import { addCommonGround } from '../../src/lib/pipeline/common-ground';
import { warningCatalogue } from '../../src/lib/template-kit/warnings';
import { loadCommonGroundInputs } from './dataset';
import { readSyntheticDataset } from './synthetic-dataset';

/** Prints how long each step took since the previous one (the national build is measured by step). */
export function stepClock(what: string): (step: string) => void {
	let last = performance.now();
	return (step) => {
		const now = performance.now();
		console.log(`${what}: ${step} ${Math.round(now - last)} ms`);
		last = now;
	};
}

/**
 * The pipeline's other input: a contract-shaped dataset written by `npm run synth` instead of the
 * sources. Its rows go through the same validation and the same common-ground step (themes by the
 * same rules, the crosswalk of its own schemes, pairing) as the published ones.
 */
export async function buildSyntheticDataset(dir: string): Promise<IngestOutput> {
	const clock = stepClock('data(synthetic)');
	const { marker, dataset, crosswalk } = await readSyntheticDataset(dir);
	clock('read');
	for (const table of TABLES) {
		dataset[table.name] = sortRows(
			table,
			validateRows(table, dataset[table.name], () => ({ file: `${dir}/${table.name}.parquet`, line: null }))
		);
	}
	clock('validated');
	// The reviewed theme overrides name published initiatives; none of them is in a synthetic dataset.
	const { taxonomy } = loadCommonGroundInputs();
	const computed = addCommonGround(dataset, { taxonomy, overrides: [], crosswalk });
	clock('common ground');
	// Rows per plan, counted in one pass over each table.
	const planOfInitiative = new Map((computed.initiatives as Initiative[]).map((i) => [i.initiative_id, i.plan_id]));
	const perPlan = (name: string, planOf: (row: Record<string, unknown>) => string | undefined) => {
		const counts = new Map<string, number>();
		for (const row of computed[name]) {
			const plan = planOf(row);
			if (plan) counts.set(plan, (counts.get(plan) ?? 0) + 1);
		}
		return counts;
	};
	const viaInitiative = (row: Record<string, unknown>) => planOfInitiative.get(String(row.initiative_id));
	const counts = {
		goals: perPlan('goals', (g) => String(g.plan_id)),
		initiatives: perPlan('initiatives', (i) => String(i.plan_id)),
		measures: perPlan('measures', viaInitiative),
		evaluations: perPlan('evaluations', viaInitiative),
		notes: perPlan('initiative_notes', viaInitiative)
	};
	const sources = (computed.plans as { plan_id: string; muni_code: string; source_file: string; adapter: string }[]).map((p) => ({
		source_file: p.source_file,
		muni_code: p.muni_code,
		adapter: p.adapter,
		rows_found: {
			goals: counts.goals.get(p.plan_id) ?? 0,
			initiatives: counts.initiatives.get(p.plan_id) ?? 0,
			measures: counts.measures.get(p.plan_id) ?? 0,
			evaluations: counts.evaluations.get(p.plan_id) ?? 0,
			notes: counts.notes.get(p.plan_id) ?? 0
		},
		fields_missing: {},
		unreadable: 0,
		corrections_used: [],
		warnings: []
	}));
	return {
		dataset: computed,
		quality: {
			dataset_version: `synthetic-seed${marker.seed}-${marker.municipalities}-${marker.shape_sha256.slice(0, 8)}`,
			warning_codes: warningCatalogue(),
			sources,
			totals: { initiatives: computed.initiatives.length, warnings: 0, corrections_used: 0 }
		}
	};
}
