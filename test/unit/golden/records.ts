import { TABLES } from '../../../src/lib/contract/tables';
import { COMMON_GROUND_TABLES } from '../../../src/lib/contract/common-ground';
import type { Dataset } from '../../../src/lib/pipeline/ingest';
import type { QualityReport } from '../../../src/lib/contract/quality';

/**
 * The pipeline's records cut per source, one JSON object a line: what the golden files hold.
 * A line starts with its table and id, so that a diff reads as "this record of that table changed".
 */

const ALL_TABLES = [...TABLES, ...COMMON_GROUND_TABLES];

/** Records of tables filled from no source (the theme list comes from data/themes/taxonomy.json). */
export const SHARED = 'dataset';

interface Line {
	table: string;
	id: string;
	json: string;
}

const idOf = (orderBy: readonly string[], row: Record<string, unknown>): string =>
	orderBy.map((c) => String(row[c] ?? '')).join(' ');

/**
 * Every record of every table, plus each source's warnings and corrections used from the quality
 * report, grouped by the source it comes from. A record no source claims goes to SHARED only when
 * its table has no link to a source at all; otherwise it is an error, so nothing escapes the net.
 */
export function recordsBySource(dataset: Dataset, quality: QualityReport): Map<string, string[]> {
	const sourceOfPlan = new Map<string, string>();
	const sourceOfMuni = new Map<string, string[]>();
	for (const p of dataset.plans as { plan_id: string; muni_code: string; source_file: string }[]) {
		sourceOfPlan.set(p.plan_id, p.source_file);
		sourceOfMuni.set(p.muni_code, [...(sourceOfMuni.get(p.muni_code) ?? []), p.source_file]);
	}
	const sourceOfGoal = new Map<string, string>();
	for (const g of dataset.goals as { goal_id: string; plan_id: string }[]) sourceOfGoal.set(g.goal_id, sourceOfPlan.get(g.plan_id)!);
	const sourceOfInitiative = new Map<string, string>();
	for (const i of dataset.initiatives as { initiative_id: string; source_file: string }[]) sourceOfInitiative.set(i.initiative_id, i.source_file);
	const sourceOfMeasure = new Map<string, string>();

	const sourcesOf = (table: string, row: Record<string, unknown>): string[] => {
		const one = (s: string | undefined) => (s ? [s] : []);
		if (typeof row.source_file === 'string') return [row.source_file];
		if (typeof row.initiative_id === 'string') return one(sourceOfInitiative.get(row.initiative_id));
		if (typeof row.goal_id === 'string') return one(sourceOfGoal.get(row.goal_id));
		if (typeof row.plan_id === 'string') return one(sourceOfPlan.get(row.plan_id));
		if (typeof row.target_measure_id === 'string') return one(sourceOfMeasure.get(row.target_measure_id));
		if (typeof row.muni_code === 'string' && sourceOfMuni.has(row.muni_code)) return sourceOfMuni.get(row.muni_code)!;
		// The themes, and the municipalities of the official list that have no report, belong to no source.
		return table === 'themes' || (table === 'municipalities' && row.has_report === false) ? [SHARED] : [];
	};

	const out = new Map<string, Line[]>();
	const add = (source: string, line: Line) => out.set(source, [...(out.get(source) ?? []), line]);
	for (const table of ALL_TABLES) {
		for (const row of dataset[table.name] ?? []) {
			const sources = sourcesOf(table.name, row);
			if (!sources.length) throw new Error(`golden: a ${table.name} record (${idOf(table.orderBy, row)}) belongs to no source`);
			if (table.name === 'measures') sourceOfMeasure.set(row.measure_id as string, sources[0]);
			const line = { table: table.name, id: idOf(table.orderBy, row), json: JSON.stringify({ table: table.name, ...row }) };
			for (const s of sources) add(s, line);
		}
	}
	for (const s of quality.sources) {
		for (const w of s.warnings) {
			const { source_file: _, ...rest } = w;
			add(s.source_file, { table: 'warnings', id: `${w.line} ${w.code}`, json: JSON.stringify({ table: 'warnings', ...rest }) });
		}
		for (const c of s.corrections_used) add(s.source_file, { table: 'corrections_used', id: c, json: JSON.stringify({ table: 'corrections_used', correction_id: c }) });
	}

	const tableRank = new Map([...ALL_TABLES.map((t) => t.name), 'warnings', 'corrections_used'].map((n, i) => [n, i]));
	const byId = (a: Line, b: Line) =>
		tableRank.get(a.table)! - tableRank.get(b.table)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.json < b.json ? -1 : a.json > b.json ? 1 : 0);
	return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, lines]) => [s, lines.sort(byId).map((l) => l.json)]));
}
