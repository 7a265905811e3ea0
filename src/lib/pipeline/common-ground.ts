import type { Dataset } from './ingest';
import { sortRows } from './ingest';
import { validateRows, type RecordPlace } from './validate';
import { TABLES, type Evaluation, type Goal, type GradingSchemeLevel, type Initiative, type Measure } from '../contract/tables';
import { COMMON_GROUND_TABLES } from '../contract/common-ground';
import type { TableDef } from '../contract/column';
import type { Taxonomy } from '../themes/taxonomy';
import { taxonomyProblems } from '../themes/taxonomy';
import { normalizeJa } from '../themes/normalize';
import { initiativeTexts, initiativeThemeRows, themeRowsOf, type ThemeOverride } from '../themes/assign';
import { crosswalkProblems, mapEvaluations, mapSchemeLevels, type Crosswalk } from '../grading/crosswalk';
import { pairMeasures } from '../achievement/pair';
import { goalResultItems, measureThemeRows } from '../themes/goal-results';

export interface CommonGroundInputs {
	taxonomy: Taxonomy;
	overrides: readonly ThemeOverride[];
	crosswalk: Crosswalk;
}

const tableNamed = (name: string): TableDef => {
	const t = [...TABLES, ...COMMON_GROUND_TABLES].find((x) => x.name === name);
	if (!t) throw new Error(`no table ${name}`);
	return t;
};

/**
 * The step after ingest that makes cities comparable: the grading crosswalk fills score and band
 * on grading_schemes and evaluations, the theme rules (with reviewed overrides) fill
 * initiative_themes, and paired targets and results fill achievements. Pure, like ingest, so a
 * browser can run it on a report a user brings; returns a new dataset, validated and sorted.
 */
export function addCommonGround(dataset: Dataset, inputs: CommonGroundInputs): Dataset {
	const problems = [...taxonomyProblems(inputs.taxonomy, normalizeJa)];
	const levels = dataset.grading_schemes as GradingSchemeLevel[];
	problems.push(...crosswalkProblems(inputs.crosswalk, levels));
	if (problems.length) throw new Error(`common ground: ${problems.join('; ')}`);

	const initiatives = dataset.initiatives as Initiative[];
	const goals = dataset.goals as Goal[];
	const measures = dataset.measures as Measure[];
	const evaluations = mapEvaluations(dataset.evaluations as Evaluation[], inputs.crosswalk);
	const unmapped = evaluations.find((e, i) => (dataset.evaluations[i] as Evaluation).grade !== null && e.band === null);
	if (unmapped) throw new Error(`common ground: evaluation ${unmapped.evaluation_id} has grade ${unmapped.grade}, which ${unmapped.scheme_id} does not map`);

	const muniOfInitiative = new Map(initiatives.map((i) => [i.initiative_id, i.muni_code]));
	const planOfGoal = new Map(goals.map((g) => [g.goal_id, g.plan_id]));
	const muniOfPlan = new Map((dataset.plans as { plan_id: string; muni_code: string }[]).map((p) => [p.plan_id, p.muni_code]));
	const muniOf = (m: Measure): string =>
		(m.initiative_id ? muniOfInitiative.get(m.initiative_id) : muniOfPlan.get(planOfGoal.get(m.goal_id ?? '') ?? '')) ??
		(m.initiative_id ?? m.goal_id ?? '').slice(0, 5);

	const computed: Dataset = {
		...dataset,
		grading_schemes: mapSchemeLevels(levels, inputs.crosswalk),
		evaluations,
		themes: themeRowsOf(inputs.taxonomy),
		initiative_themes: initiativeThemeRows(initiativeTexts(initiatives, goals, measures), inputs.taxonomy, inputs.overrides),
		measure_themes: measureThemeRows(goalResultItems(goals, measures), inputs.taxonomy),
		achievements: pairMeasures(measures, { bands: inputs.crosswalk.bands, muniOf })
	};

	const placeOf = (row: Record<string, unknown>): RecordPlace => ({
		file: row.theme_id && !row.initiative_id && !row.measure_id ? 'data/themes/taxonomy.json' : row.scheme_id && !row.evaluation_id ? 'data/crosswalk.json' : '(common ground)',
		line: null
	});
	for (const name of ['grading_schemes', 'evaluations', 'themes', 'initiative_themes', 'measure_themes', 'achievements']) {
		const table = tableNamed(name);
		computed[name] = sortRows(table, validateRows(table, computed[name], placeOf));
	}
	return computed;
}
