import { TABLES, type Municipality, type Plan, type GradingSchemeLevel } from '../contract/tables';
import type { Correction, GradingScheme, Manifest, SourceEntry } from '../contract/manifest';
import type { QualityReport, SourceQuality } from '../contract/quality';
import type { Adapter, AdapterResult, SourceDocument } from '../adapters/adapter';
import { columnsOf, type TableDef } from '../contract/column';
import { validateRows, type RecordPlace } from './validate';
import { isUnreadable, warningCatalogue } from '../template-kit/warnings';
import { readReport } from '../template-kit/read';
import { numberingGap, recordDifferences, SourceDamageError, textDamage, type SourceReading } from './reading';

/** Rows of every table, keyed by table name. */
export type Dataset = Record<string, Record<string, unknown>[]>;

export interface IngestInput {
	manifest: Manifest;
	documents: SourceDocument[];
	schemes: GradingScheme[];
	corrections: Correction[];
	adapters: ReadonlyMap<string, Adapter>;
	/**
	 * What a reviewed reading of each source found, by file (data/sources/readings). A source with
	 * a reading is refused when its text or its records differ from it; one without is read as it is
	 * (a report a user brings to the browser has none).
	 */
	readings?: ReadonlyMap<string, SourceReading>;
}

export interface IngestOutput {
	dataset: Dataset;
	quality: QualityReport;
}

/**
 * The municipality as the manifest names it. Kind and reading come from the official list, which a
 * build run adds afterwards (municipalities.ts); a report a user brings to the browser may name a
 * code the list lacks, so here they stay empty.
 */
function municipalityOf(entry: SourceEntry): Municipality {
	const m = entry.municipality;
	return { ...m, name_kana: null, kind: null, prefecture_code: m.muni_code.slice(0, 2), has_report: true, note: null };
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
export function missingFields(result: Pick<AdapterResult, 'initiatives' | 'measures' | 'evaluations'>): Record<string, number> {
	const out: Record<string, number> = {};
	const pairs: [TableDef, readonly Record<string, unknown>[]][] = [
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
		const result = readChecked(doc, adapter, { scheme, corrections: input.corrections }, input.readings?.get(entry.file));

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
			warnings: [...(doc.textWarnings ?? []), ...result.warnings].sort((a, b) => a.line - b.line || a.code.localeCompare(b.code))
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

/**
 * Run the adapter and refuse what a damaged source would otherwise publish quietly: text that
 * differs from the reviewed reading (named at the line of the damage, with what the records then
 * say differently), and a gap in the report's own numbering. A correction that no longer applies
 * stops the run in readReport; when the text is damaged, the refusal names the damage instead.
 */
function readChecked(doc: SourceDocument, adapter: Adapter, input: Parameters<typeof readReport>[2], reading: SourceReading | undefined): AdapterResult {
	const file = doc.entry.file;
	const damage = reading ? textDamage(doc, reading) : null;
	let result: AdapterResult;
	try {
		// The corrections book stops the run when a correction no longer fits (template-kit/read.ts).
		result = readReport(adapter, doc, input);
	} catch (e) {
		if (damage) throw new SourceDamageError(file, damage.line, `${damage.detail} (the template reader then stops: ${(e as Error).message})`);
		throw e;
	}
	if (damage) {
		const changed = recordDifferences(doc, result, reading!, true);
		throw new SourceDamageError(file, damage.line, `${damage.detail}${changed.length ? `; read now: ${changed.join('; ')}` : ''}`);
	}
	if (reading) {
		const changed = recordDifferences(doc, result, reading);
		if (changed.length) {
			throw new SourceDamageError(file, 1, `the text is the reviewed text but its records differ from the reviewed reading: ${changed.join('; ')} (an adapter change: check the golden files, then record the reading anew with npm run source:review)`);
		}
	}
	const gap = numberingGap(doc, result);
	if (gap) throw gap;
	return result;
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
