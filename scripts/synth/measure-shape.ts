/**
 * npm run synth:shape: measures the statistical shape of the published reports (the tables in
 * static/data/atlas.duckdb, as `npm run data` wrote them) and writes it to data/synthetic/shape.json,
 * which `npm run synth` draws from. Only counts, shares and quantiles are kept: no text of a report.
 * Rerun after the published dataset changes, and commit the new shape with the reason.
 */
import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { SHAPE_FILE, type Shape } from '../../src/lib/synthetic/shape';

const DATA = process.env.ATLAS_DATA_OUT ?? 'static/data';

const QUANTILES = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];

async function main(): Promise<void> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	await conn.run(`ATTACH '${DATA}/atlas.duckdb' AS atlas (READ_ONLY)`);
	await conn.run('USE atlas');
	const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
	const num = (v: unknown) => Number(v);
	/** value → count, for a histogram of small integers (per-parent counts, zeros included). */
	const histogram = async (sql: string): Promise<Record<string, number>> =>
		Object.fromEntries((await rows(`SELECT n, count(*) AS c FROM (${sql}) GROUP BY n ORDER BY n`)).map((r) => [String(r.n), num(r.c)]));
	const shares = async (sql: string): Promise<Record<string, number>> => {
		const rs = await rows(`SELECT k, count(*) AS c FROM (${sql}) GROUP BY k ORDER BY k NULLS FIRST`);
		return Object.fromEntries(rs.map((r) => [r.k === null ? '' : String(r.k), num(r.c)]));
	};
	const quantiles = async (sql: string): Promise<number[]> => {
		const q = QUANTILES.map((p) => `quantile_cont(x, ${p})`).join(', ');
		const [r] = await rows(`SELECT [${q}] AS q FROM (${sql})`);
		return (r.q as unknown[]).map((v) => Math.round(num(v) * 100) / 100);
	};
	const [version] = await rows(`SELECT count(*) AS plans, string_agg(plan_id, ', ' ORDER BY plan_id) AS ids FROM plans`);

	const shape: Shape = {
		about:
			'The statistical shape of the published reports, measured by scripts/synth/measure-shape.ts (npm run synth:shape) from the tables npm run data writes. npm run synth draws a synthetic national dataset from it. Histograms are value → number of parents (zeros included); shares are value → rows; quantiles are at ' +
			QUANTILES.join(', ') +
			' (DuckDB quantile_cont), drawn back by linear interpolation between them.',
		measured_from: { plans: num(version.plans), plan_ids: String(version.ids) },
		plans: {
			initiatives_per_plan: await histogram('SELECT count(*) AS n FROM initiatives GROUP BY plan_id'),
			goals_per_level_per_plan: Object.fromEntries(
				(await rows('SELECT level, list(n ORDER BY plan_id) AS ns FROM (SELECT plan_id, level, count(*) AS n FROM goals GROUP BY ALL) GROUP BY level ORDER BY level')).map((r) => [String(r.level), (r.ns as unknown[]).map(num)])
			),
			report_fiscal_year: await shares('SELECT report_fiscal_year AS k FROM plans'),
			graded: await shares("SELECT scheme_id IS NOT NULL AS k FROM plans"),
			actor_ja: await shares('SELECT actor_ja AS k FROM plans')
		},
		initiatives: {
			actor: await shares('SELECT actor AS k FROM initiatives'),
			name_length: await quantiles('SELECT length(name_ja) AS x FROM initiatives'),
			description_share: await shares('SELECT description_ja IS NOT NULL AS k FROM initiatives'),
			description_length: await quantiles('SELECT length(description_ja) AS x FROM initiatives WHERE description_ja IS NOT NULL'),
			departments_per_initiative: await histogram('SELECT len(departments) AS n FROM initiatives'),
			lines_per_initiative: await quantiles('SELECT line_end - line_start + 1 AS x FROM initiatives'),
			themes_per_initiative: await histogram('SELECT count(t.theme_id) AS n FROM initiatives i LEFT JOIN initiative_themes t USING (initiative_id) GROUP BY i.initiative_id'),
			theme_mix: await shares('SELECT theme_id AS k FROM initiative_themes')
		},
		measures: {
			per_initiative: await histogram('SELECT count(m.measure_id) AS n FROM initiatives i LEFT JOIN measures m USING (initiative_id) GROUP BY i.initiative_id'),
			goal_wide_per_plan: await histogram("SELECT count(m.measure_id) AS n FROM plans p LEFT JOIN goals g USING (plan_id) LEFT JOIN measures m ON m.goal_id = g.goal_id AND m.attached_to = 'goal' GROUP BY p.plan_id"),
			kind: await shares('SELECT kind AS k FROM measures'),
			unit: await shares("SELECT coalesce(unit, '') AS k FROM measures"),
			has_value: await shares('SELECT value IS NOT NULL AS k FROM measures'),
			value_log10: await quantiles('SELECT log10(value) AS x FROM measures WHERE value > 0'),
			year_offset: await shares("SELECT coalesce(CAST(m.fiscal_year - p.report_fiscal_year AS VARCHAR), 'none') AS k FROM measures m JOIN initiatives i USING (initiative_id) JOIN plans p ON p.plan_id = i.plan_id"),
			every_year: await shares('SELECT every_year AS k FROM measures'),
			is_estimate: await shares('SELECT is_estimate AS k FROM measures'),
			is_cumulative: await shares('SELECT is_cumulative AS k FROM measures'),
			not_carried_out: await shares("SELECT status = 'not_carried_out' AS k FROM measures WHERE kind = 'result'"),
			narrative: await shares('SELECT narrative AS k FROM measures'),
			label_share: await shares('SELECT label_ja IS NOT NULL AS k FROM measures'),
			label_length: await quantiles('SELECT length(label_ja) AS x FROM measures WHERE label_ja IS NOT NULL'),
			raw_text_length: await quantiles('SELECT length(raw_text) AS x FROM measures')
		},
		evaluations: {
			per_graded_initiative: await histogram('SELECT count(e.evaluation_id) AS n FROM initiatives i JOIN plans p USING (plan_id) LEFT JOIN evaluations e USING (initiative_id) WHERE p.scheme_id IS NOT NULL GROUP BY i.initiative_id'),
			rank_share_by_scheme: Object.fromEntries(
				(await rows('SELECT e.scheme_id, list(coalesce(CAST(s.rank AS VARCHAR), \'unreadable\') ORDER BY e.evaluation_id) AS ranks FROM evaluations e LEFT JOIN grading_schemes s ON s.scheme_id = e.scheme_id AND s.grade = e.grade GROUP BY e.scheme_id ORDER BY e.scheme_id')).map((r) => {
					const counts: Record<string, number> = {};
					for (const k of r.ranks as string[]) counts[k] = (counts[k] ?? 0) + 1;
					return [String(r.scheme_id), counts];
				})
			)
		},
		notes: {
			per_initiative: await histogram('SELECT count(n.note_id) AS n FROM initiatives i LEFT JOIN initiative_notes n USING (initiative_id) GROUP BY i.initiative_id'),
			field: await shares('SELECT field AS k FROM initiative_notes'),
			text_length: await quantiles('SELECT length(text_ja) AS x FROM initiative_notes')
		}
	};
	writeFileSync(SHAPE_FILE, JSON.stringify(shape, null, '\t') + '\n');
	console.log(`synth:shape: measured ${shape.measured_from.plans} plans (${shape.measured_from.plan_ids}) into ${SHAPE_FILE}`);
	conn.closeSync();
	instance.closeSync();
}

main().catch((e: Error) => {
	console.error(`synth:shape: ${e.message}`);
	process.exit(1);
});
