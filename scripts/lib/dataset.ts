import { ingest, missingFields, type IngestOutput } from '../../src/lib/pipeline/ingest';
import type { Evaluation, Initiative, Measure, Municipality } from '../../src/lib/contract/tables';
import { municipalityCoverage, municipalityRows } from '../../src/lib/pipeline/municipalities';
import { ADAPTERS } from '../../src/lib/adapters/registry';
import { checkManifestMunicipalities, loadCorrections, loadDocument, loadLocalGovernmentFile, loadManifest, loadReadings, loadSchemes, SOURCES_DIR, DATA_DIR } from './sources';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { addCommonGround, type CommonGroundInputs } from '../../src/lib/pipeline/common-ground';
import { TaxonomyFile } from '../../src/lib/themes/taxonomy';
import { OverrideFile } from '../../src/lib/themes/assign';
import { CrosswalkFile } from '../../src/lib/grading/crosswalk';

/** A reviewed data file, checked against its schema; the first problem names the file and field. */
export function readReviewed<T>(path: string, schema: z.ZodType<T>): T {
	const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`${path}: ${issue.path.join('.')}: ${issue.message}`);
	}
	return parsed.data;
}

/** Taxonomy, theme overrides and grading crosswalk: the reviewed inputs of the common-ground step. */
export function loadCommonGroundInputs(dataDir = DATA_DIR): CommonGroundInputs {
	return {
		taxonomy: readReviewed(join(dataDir, 'themes', 'taxonomy.json'), TaxonomyFile),
		overrides: readReviewed(join(dataDir, 'themes', 'overrides.json'), OverrideFile).overrides,
		crosswalk: readReviewed(join(dataDir, 'crosswalk.json'), CrosswalkFile)
	};
}

/** Everything `npm run data` computes, without writing files (tests call this too). */
export function buildDataset(options: { only?: string[]; dataDir?: string; sourcesDir?: string } = {}): IngestOutput {
	const { dataDir = DATA_DIR, sourcesDir = SOURCES_DIR, only } = options;
	const full = loadManifest(sourcesDir);
	// --only lets an adapter be developed against its own source while others are being changed.
	const manifest = only?.length
		? { sources: full.sources.filter((s) => only.includes(s.municipality.muni_code) || only.includes(s.file)) }
		: full;
	if (!manifest.sources.length) throw new Error(`--only ${only?.join(',')} matches no source in the manifest`);
	const governments = loadLocalGovernmentFile(dataDir);
	checkManifestMunicipalities(full, new Map(governments.local_governments.map((g) => [g.code, g])), sourcesDir);
	const { dataset, quality } = ingest({
		manifest,
		documents: manifest.sources.map((e) => loadDocument(e, sourcesDir)),
		schemes: loadSchemes(dataDir),
		corrections: loadCorrections(dataDir),
		adapters: ADAPTERS,
		readings: loadReadings(manifest, sourcesDir)
	});
	// Every municipality of the country, with or without a report (the manifest names only those with one).
	dataset.municipalities = municipalityRows(dataset.municipalities as Municipality[], governments);
	quality.municipalities = municipalityCoverage(dataset.municipalities as Municipality[], governments);
	// Themes, grading crosswalk and achievement: computed from the validated rows, never from the sources.
	const computed = addCommonGround(dataset, loadCommonGroundInputs(dataDir));
	// The crosswalk fills evaluations.score and band after ingest: count what is missing in the tables
	// as published, not in the adapters' output.
	const ofSource = <T extends Record<string, unknown>>(rows: readonly T[], code: string, owner: (r: T) => unknown) => rows.filter((r) => String(owner(r) ?? '').startsWith(code));
	for (const s of quality.sources) {
		s.fields_missing = missingFields({
			initiatives: ofSource(computed.initiatives as Initiative[], s.muni_code, (r) => r.initiative_id),
			measures: ofSource(computed.measures as Measure[], s.muni_code, (r) => r.initiative_id ?? r.goal_id),
			evaluations: ofSource(computed.evaluations as Evaluation[], s.muni_code, (r) => r.initiative_id)
		});
	}
	return { dataset: computed, quality };
}
