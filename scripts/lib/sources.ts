import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CorrectionFile, GradingSchemeFile, Manifest, type SourceEntry } from '../../src/lib/contract/manifest';
import { LocalGovernmentFile, type LocalGovernment } from '../../src/lib/municipalities/code';
import { municipalityProblem } from '../../src/lib/municipalities/check';
import { SourceReading } from '../../src/lib/pipeline/reading';
import type { SourceDocument } from '../../src/lib/adapters/adapter';
import { decodeSource } from '../../src/lib/pipeline/decode';
import type { z } from 'zod';
import { decodeText } from '../../src/lib/import/decode';

export const DATA_DIR = 'data';
export const SOURCES_DIR = join(DATA_DIR, 'sources');

function readJsonFile(path: string): unknown {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		throw new Error(`${path}: not readable JSON: ${(e as Error).message}`);
	}
}

function readJson<T>(path: string, schema: z.ZodType<T>): T {
	const raw = readJsonFile(path);
	const parsed = schema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`${path}: ${issue.path.join('.')}: ${issue.message}`);
	}
	return parsed.data;
}

export const loadManifest = (dir = SOURCES_DIR) => readJson(join(dir, 'manifest.json'), Manifest);

/** data/municipalities/local-governments.json: the official codes with the prefectures, the list's source and date. */
export const loadLocalGovernmentFile = (dir = DATA_DIR) => readJson(join(dir, 'municipalities', 'local-governments.json'), LocalGovernmentFile);

/** The official codes alone, by five-digit code. */
export function loadLocalGovernments(dir = DATA_DIR): Map<string, LocalGovernment> {
	return new Map(loadLocalGovernmentFile(dir).local_governments.map((g) => [g.code, g]));
}

/**
 * Refuse a manifest whose municipality is not the official one for its code, naming the line of
 * the entry's muni_code in manifest.json.
 */
export function checkManifestMunicipalities(manifest: Manifest, list: ReadonlyMap<string, LocalGovernment>, dir = SOURCES_DIR): void {
	const path = join(dir, 'manifest.json');
	const lines = readFileSync(path, 'utf8').split('\n');
	manifest.sources.forEach((entry, index) => {
		const problem = municipalityProblem(entry.municipality, list);
		if (!problem) return;
		// The index-th "muni_code" key of the file is this entry's.
		const codeLines = lines.flatMap((l, i) => (/"muni_code"\s*:/.test(l) ? [i + 1] : []));
		throw new Error(`${path}:${codeLines[index] ?? 1}: sources[${index}] (${entry.file}): ${problem}`);
	});
}

export const READINGS_DIR = (dir = SOURCES_DIR) => join(dir, 'readings');
export const readingPath = (file: string, dir = SOURCES_DIR) => join(READINGS_DIR(dir), file.replace(/\.txt$/, '.json'));

/**
 * The reviewed reading of each source (data/sources/readings/<source>.json). Every source of the
 * manifest must have one: a source nobody has read against its report is not published.
 */
export function loadReadings(manifest: Manifest, dir = SOURCES_DIR): Map<string, SourceReading> {
	const out = new Map<string, SourceReading>();
	for (const entry of manifest.sources) {
		const path = readingPath(entry.file, dir);
		if (!existsSync(path)) throw new Error(`${path}: missing: ${entry.file} has no reviewed reading; read it against the report, then record it with npm run source:review -- ${entry.file}`);
		const reading = readJson(path, SourceReading);
		if (reading.source_file !== entry.file) throw new Error(`${path}: names ${reading.source_file}, not ${entry.file}`);
		out.set(entry.file, reading);
	}
	return out;
}
export const loadSchemes = (dir = DATA_DIR) => readJson(join(dir, 'grading-schemes.json'), GradingSchemeFile).schemes;
/** data/corrections/<source>.json: one reviewed file per source, so each can change on its own. */
export function loadCorrections(dir = DATA_DIR) {
	const folder = join(dir, 'corrections');
	return readdirSync(folder)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.flatMap((f) => {
			const list = readJson(join(folder, f), CorrectionFile).corrections;
			const wrong = list.find((c) => `${c.source_file.replace(/\.txt$/, '')}.json` !== f);
			if (wrong) throw new Error(`${join(folder, f)}: correction ${wrong.id} names ${wrong.source_file}, which belongs in its own file`);
			return list;
		});
}

export function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Read a source and refuse it when its bytes no longer match the manifest: a changed report must
 * be reviewed (and its manifest entry updated) before it can change the dataset.
 */
export function loadDocument(entry: SourceEntry, dir = SOURCES_DIR): SourceDocument {
	const path = join(dir, entry.file);
	const bytes = readFileSync(path);
	const actual = sha256(bytes);
	if (actual !== entry.sha256) {
		throw new Error(`${path}: sha256 is ${actual} but the manifest says ${entry.sha256}; review the change and update data/sources/manifest.json`);
	}
	// Bytes, not a string: a lenient decode would turn damage into U+FFFD and publish it. A CSV source
	// may be Shift_JIS, as Japanese Excel saves it; its text then gets the same checks.
	const decoded = entry.file.endsWith('.csv') ? decodeText(bytes).text : undefined;
	const { text, lines, warnings } = decodeSource(entry.file, bytes, decoded);
	const spec = entry.spec ? readJsonFile(join(dir, entry.spec)) : undefined;
	return { entry, text, lines, spec, textWarnings: warnings };
}
