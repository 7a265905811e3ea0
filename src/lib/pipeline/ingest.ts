import { TABLES, type Municipality, type Plan, type GradingSchemeLevel } from '../contract/tables';
import type { Correction, GradingScheme, Manifest, SourceEntry } from '../contract/manifest';
import type { QualityReport, SourceQuality } from '../contract/quality';
import type { Adapter, AdapterResult, SourceDocument } from '../adapters/adapter';
import { columnsOf, type TableDef } from '../contract/column';
import { validateRows, type RecordPlace } from './validate';
import { isUnreadable, warningCatalogue } from '../template-kit/warnings';
import { readReport } from '../template-kit/read';

/** Rows of every table, keyed by table name. */
export type Dataset = Record<string, Record<string, unknown>[]>;

export interface IngestInput {
	manifest: Manifest;
	documents: SourceDocument[];
	schemes: GradingScheme[];
	corrections: Correction[];
	adapters: ReadonlyMap<string, Adapter>;
}

export interface IngestOutput {
	dataset: Dataset;
	quality: QualityReport;
}

function municipalityOf(entry: SourceEntry): Municipality {
	return { ...entry.municipality };
}

function planOf(entry: SourceEntry, sha256: string): Plan {
	return {
		...entry.plan,
		muni_code: entry.municipality.muni_code,
		scheme_id: entry.scheme_id,
		source_file: entry.file,
		source_sha256: sha256,
		adapter: entry.adapter
	};
}

function schemeLevels(scheme: GradingScheme): GradingSchemeLevel[] {
	return scheme.levels.map((l) => ({
		scheme_id: scheme.scheme_id,
		muni_code: scheme.muni_code,
		grade: l.grade,
		rank: l.rank,
		definition_ja: l.definition_ja,
		definition_en: l.definition_en,
		// The common scale is filled by the grading crosswalk, a separate documented step.
		score: null,
		band: null,
		mapping_reason_en: null,
		mapping_reason_ja: null,
		source_line: scheme.source_line
	}));
}

/** Count, per nullable column, how many of this source's rows leave it empty. */
function missingFields(result: AdapterResult): Record<string, number> {
	const out: Record<string, number> = {};
	const pairs: [TableDef, Record<string, unknown>[]][] = [
		[TABLES.find((t) => t.name === 'initiatives')!, result.initiatives],
		[TABLES.find((t) => t.name === 'measures')!, result.measures],
		[TABLES.find((t) => t.name === 'evaluations')!, result.evaluations]
	];
	for (const [table, rows] of pairs) {
		for (const col of columnsOf(table)) {
			const n = rows.filter((r) => r[col.name] === null || (Array.isArray(r[col.name]) && (r[col.name] as unknown[]).length === 0)).length;
			if (n) out[`${table.name}.${col.name}`] = n;
		}
	}
	return out;
}

/**
 * Manifest and source texts in, validated dataset and quality report out. Pure: no files, no
 * database, so the same code can run in a browser on a report a user brings.
 */
export function ingest(input: IngestInput): IngestOutput {
	const dataset: Dataset = Object.fromEntries(TABLES.map((t) => [t.name, []]));
	const sources: SourceQuality[] = [];
	const fileOfPlan = new Map<string, string>();
	const fileOfInitiative = new Map<string, string>();
	const fileOfGoal = new Map<string, string>();
	const seenMunicipalities = new Set<string>();

	for (const scheme of input.schemes) dataset.grading_schemes.push(...schemeLevels(scheme));

	for (const entry of input.manifest.sources) {
		const doc = input.documents.find((d) => d.entry.file === entry.file);
		if (!doc) throw new Error(`${entry.file}: listed in the manifest but not loaded`);
		const adapter = input.adapters.get(entry.adapter);
		if (!adapter) throw new Error(`${entry.file}: the manifest names adapter "${entry.adapter}", which does not exist`);
		const scheme = entry.scheme_id ? (input.schemes.find((s) => s.scheme_id === entry.scheme_id) ?? null) : null;
		if (entry.scheme_id && !scheme) throw new Error(`${entry.file}: grading scheme "${entry.scheme_id}" is not in grading-schemes.json`);

		// A correction that no longer fits its source stops the run here, in every template.
		const result = readReport(adapter, doc, { scheme, corrections: input.corrections });

		if (!seenMunicipalities.has(entry.municipality.muni_code)) {
			dataset.municipalities.push(municipalityOf(entry));
			seenMunicipalities.add(entry.municipality.muni_code);
		}
		// Every year the records name, not only the ones the manifest lists (北本市 cites R3 and R4 baselines).
		const years = new Set<number>(entry.plan.fiscal_years);
		for (const r of [...result.measures, ...result.evaluations]) if (r.fiscal_year !== null) years.add(r.fiscal_year);
		dataset.plans.push({ ...planOf(entry, entry.sha256), fiscal_years: [...years].sort((a, b) => a - b) });
		fileOfPlan.set(entry.plan.plan_id, entry.file);
		for (const g of result.goals) fileOfGoal.set(g.goal_id, entry.file);
		for (const i of result.initiatives) fileOfInitiative.set(i.initiative_id, entry.file);
		dataset.goals.push(...result.goals);
		dataset.initiatives.push(...result.initiatives);
		dataset.measures.push(...result.measures);
		dataset.evaluations.push(...result.evaluations);
		dataset.initiative_notes.push(...result.notes);

		sources.push({
			source_file: entry.file,
			muni_code: entry.municipality.muni_code,
			adapter: adapter.id,
			rows_found: {
				goals: result.goals.length,
				initiatives: result.initiatives.length,
				measures: result.measures.length,
				evaluations: result.evaluations.length,
				notes: result.notes.length
			},
			fields_missing: missingFields(result),
			unreadable: result.warnings.filter((w) => isUnreadable(w.code)).length,
			corrections_used: [...result.correctionsUsed].sort(),
			warnings: [...result.warnings].sort((a, b) => a.line - b.line || a.code.localeCompare(b.code))
		});
	}

	const placeOf = (row: Record<string, unknown>): RecordPlace => {
		const file =
			(row.source_file as string | undefined) ??
			fileOfInitiative.get(row.initiative_id as string) ??
			fileOfGoal.get(row.goal_id as string) ??
			fileOfPlan.get(row.plan_id as string) ??
			'(dataset)';
		const line = (row.line_start ?? row.line ?? row.source_line ?? null) as number | null;
		return { file, line };
	};
	for (const table of TABLES) {
		dataset[table.name] = sortRows(table, validateRows(table, dataset[table.name], placeOf));
	}

	const quality: QualityReport = {
		dataset_version: input.manifest.sources.map((s) => s.sha256.slice(0, 8)).join('-'),
		warning_codes: warningCatalogue(),
		sources,
		totals: {
			initiatives: dataset.initiatives.length,
			warnings: sources.reduce((n, s) => n + s.warnings.length, 0),
			corrections_used: sources.reduce((n, s) => n + s.corrections_used.length, 0)
		}
	};
	return { dataset, quality };
}

/** Stable order, so that two runs write byte-identical files. */
export function sortRows<T extends Record<string, unknown>>(table: TableDef, rows: T[]): T[] {
	const cmp = (a: unknown, b: unknown): number => {
		if (a === b) return 0;
		if (a === null || a === undefined) return -1;
		if (b === null || b === undefined) return 1;
		if (typeof a === 'number' && typeof b === 'number') return a - b;
		return String(a) < String(b) ? -1 : 1;
	};
	return [...rows].sort((x, y) => {
		for (const c of table.orderBy) {
			const d = cmp(x[c], y[c]);
			if (d) return d;
		}
		return 0;
	});
}
