import type { Dataset } from '../pipeline/ingest';
import { IMPORT_STORE_NAME } from '../db/imported';

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

function openStore(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'import_id' });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function run<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await openStore();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(STORE, mode);
			const req = act(tx.objectStore(STORE));
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
export const deleteImport = (importId: string) => run('readwrite', (s) => s.delete(importId)).then(() => undefined);
