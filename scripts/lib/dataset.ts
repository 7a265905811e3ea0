import { ingest, type IngestOutput } from '../../src/lib/pipeline/ingest';
import { ADAPTERS } from '../../src/lib/adapters/registry';
import { loadCorrections, loadDocument, loadManifest, loadSchemes, SOURCES_DIR, DATA_DIR } from './sources';

/** Everything `npm run data` computes, without writing files (tests call this too). */
export function buildDataset(options: { only?: string[]; dataDir?: string; sourcesDir?: string } = {}): IngestOutput {
	const { dataDir = DATA_DIR, sourcesDir = SOURCES_DIR, only } = options;
	const full = loadManifest(sourcesDir);
	// --only lets an adapter be developed against its own source while others are being changed.
	const manifest = only?.length
		? { sources: full.sources.filter((s) => only.includes(s.municipality.muni_code) || only.includes(s.file)) }
		: full;
	if (!manifest.sources.length) throw new Error(`--only ${only?.join(',')} matches no source in the manifest`);
	return ingest({
		manifest,
		documents: manifest.sources.map((e) => loadDocument(e, sourcesDir)),
		schemes: loadSchemes(dataDir),
		corrections: loadCorrections(dataDir),
		adapters: ADAPTERS
	});
}
