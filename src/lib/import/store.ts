import type { Dataset } from '../pipeline/ingest';
import { IMPORT_STORE_NAME } from '../db/imported';
import type { RankingCache } from '../db/imports';

/**
 * Imported plans kept in this browser (IndexedDB) until the user removes them: nothing is sent
 * anywhere. Each entry holds the contract's rows as they were accepted, so pages reload them into
 * DuckDB without reading the file again.
 */
export interface StoredImport {
	import_id: string;
	file_name: string;
	muni_code: string;
	plan_id: string;
	name_ja: string;
	imported_at: string;
	tables: Dataset;
}

const DB_NAME = IMPORT_STORE_NAME;
const STORE = 'imports';
/** The comparables ranked with the kept imports (one entry: the imports change together), version 2 of the store. */
const RANKINGS = 'rankings';
const RANKING_KEY = 'current';

function openStore(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, 2);
		req.onupgradeneeded = (e) => {
			// A browser that kept imports under version 1 keeps them; the rankings store is new.
			if (e.oldVersion < 1) req.result.createObjectStore(STORE, { keyPath: 'import_id' });
			if (e.oldVersion < 2) req.result.createObjectStore(RANKINGS);
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function run<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>, store = STORE): Promise<T> {
	const db = await openStore();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(store, mode);
			const req = act(tx.objectStore(store));
			tx.oncomplete = () => resolve(req.result);
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});
	} finally {
		db.close();
	}
}

/** Every stored import, oldest first; none when the browser keeps no IndexedDB (private windows may not). */
export async function storedImports(): Promise<StoredImport[]> {
	if (typeof indexedDB === 'undefined') return [];
	const all = await run('readonly', (s) => s.getAll() as IDBRequest<StoredImport[]>);
	return all.sort((a, b) => a.imported_at.localeCompare(b.imported_at));
}

export const saveImport = (entry: StoredImport) => run('readwrite', (s) => s.put(entry)).then(() => undefined);
export async function deleteImport(importId: string): Promise<void> {
	await run('readwrite', (s) => s.delete(importId));
	// A ranking made with the import just removed holds its initiatives: it goes with it. One made
	// since without it (the page ranks the remaining imports first) stays for the next load.
	const ranking = await run('readonly', (s) => s.get(RANKING_KEY) as IDBRequest<StoredRanking | undefined>, RANKINGS);
	if (ranking && ` ${ranking.key} `.includes(` ${importId}@`)) await run('readwrite', (s) => s.delete(RANKING_KEY), RANKINGS);
}

/** What a ranking with these imports depends on besides the published data: each import, as accepted. */
const importsKey = (imports: readonly Pick<StoredImport, 'import_id' | 'imported_at'>[]) => imports.map((i) => `${i.import_id}@${i.imported_at}`).sort().join(' ');

/** What the ranking cache holds: the comparables' rows, and what they were ranked with. */
interface StoredRanking {
	key: string;
	rows: Record<string, unknown>[];
}

/**
 * The comparables ranked with the kept imports, for the next page load (src/lib/db/imports.ts):
 * `version` is the published data's (a new version is ranked again, once), and the key names the
 * imports too, so a ranking is used only with the very imports it was made with.
 */
export function rankingCache(version: string, imports: readonly Pick<StoredImport, 'import_id' | 'imported_at'>[]): RankingCache {
	return {
		key: `${version} ${importsKey(imports)}`,
		async read(key) {
			if (typeof indexedDB === 'undefined') return null;
			const kept = await run('readonly', (s) => s.get(RANKING_KEY) as IDBRequest<StoredRanking | undefined>, RANKINGS);
			return kept?.key === key ? kept.rows : null;
		},
		write: (key, rows) => run('readwrite', (s) => s.put({ key, rows } satisfies StoredRanking, RANKING_KEY), RANKINGS).then(() => undefined)
	};
}
