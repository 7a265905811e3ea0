import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CorrectionFile, GradingSchemeFile, Manifest, type SourceEntry } from '../../src/lib/contract/manifest';
import type { SourceDocument } from '../../src/lib/adapters/adapter';
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
	// A CSV source may be Shift_JIS, as Japanese Excel saves it; the reports' texts are UTF-8.
	const text = entry.file.endsWith('.csv') ? decodeText(bytes).text : bytes.toString('utf8');
	const spec = entry.spec ? readJsonFile(join(dir, entry.spec)) : undefined;
	return { entry, text, lines: text.split(/\r?\n/), spec };
}
