import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IMPORT_STORE_NAME } from '../../../src/lib/db/imported';
import { deleteImport, rankingCache, saveImport, storedImports, type StoredImport } from '../../../src/lib/import/store';

const plan = (id: string, at: string): StoredImport => ({ import_id: id, file_name: `${id}.xlsx`, muni_code: id.slice(0, 5), plan_id: id, name_ja: '例町', imported_at: at, tables: { initiatives: [{ initiative_id: `${id.slice(0, 5)}-001` }] } });
const rows = (id: string) => [{ initiative_id: `${id.slice(0, 5)}-001`, rank: 1, comparable_id: '15107-019', shared_themes: ['salon'], similarity: 0.5, reason: 'shared_themes' }];

describe('the comparables ranked with the kept imports (IndexedDB)', () => {
	it('are kept beside imports a browser stored before there was a place for them', async () => {
		// The store as the first version made it: the imports only.
		const v1 = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open(IMPORT_STORE_NAME, 1);
			req.onupgradeneeded = () => req.result.createObjectStore('imports', { keyPath: 'import_id' });
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const old = plan('99003-2023', '2025-12-01T00:00:00.000Z');
		await new Promise((resolve, reject) => {
			const tx = v1.transaction('imports', 'readwrite');
			tx.objectStore('imports').put(old);
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		v1.close();
		expect((await storedImports()).map((i) => i.import_id)).toEqual([old.import_id]);
		const cache = rankingCache('v1', [old]);
		await cache.write(cache.key, rows(old.import_id));
		expect(await cache.read(cache.key)).toEqual(rows(old.import_id));
		await deleteImport(old.import_id);
		expect(await storedImports()).toEqual([]);
	});

	it('are given back for the same published version and the same imports only, and go with an import they were ranked with', async () => {
		const a = plan('99001-2023', '2026-01-01T00:00:00.000Z');
		const b = plan('99002-2023', '2026-01-02T00:00:00.000Z');
		await saveImport(a);
		await saveImport(b);
		const both = rankingCache('v1', [a, b]);
		expect(await both.read(both.key)).toBeNull();
		await both.write(both.key, rows(a.import_id));
		// The next load: the same version and imports (in any order) read the rows back.
		const again = rankingCache('v1', [b, a]);
		expect(again.key).toBe(both.key);
		expect(await again.read(again.key)).toEqual(rows(a.import_id));
		// A new published version, an import accepted again, or another set of imports: ranked again.
		for (const other of [rankingCache('v2', [a, b]), rankingCache('v1', [a, { ...b, imported_at: '2026-02-01T00:00:00.000Z' }]), rankingCache('v1', [a])]) {
			expect(await other.read(other.key)).toBeNull();
		}
		// The imports themselves are untouched by the ranking's store.
		expect((await storedImports()).map((i) => i.import_id)).toEqual([a.import_id, b.import_id]);

		// Removing an import the ranking was made with removes the ranking (it holds that plan's initiatives).
		await deleteImport(b.import_id);
		expect(await again.read(again.key)).toBeNull();
		// A ranking made without the removed import stays.
		const onlyA = rankingCache('v1', [a]);
		await onlyA.write(onlyA.key, rows(a.import_id));
		await saveImport(b);
		await deleteImport(b.import_id);
		expect(await onlyA.read(onlyA.key)).toEqual(rows(a.import_id));
	});
});
