/**
 * The queries run in this browser, newest first, kept in localStorage so that they survive a reload
 * and never leave the machine. A repeated query moves to the top instead of appearing twice.
 */
const KEY = 'atlas.sql.history';
const MAX = 50;

export interface HistoryEntry {
	sql: string;
	/** ISO time of the last run. */
	at: string;
}

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		// Storage can be disabled by policy; history is then simply not kept.
		return null;
	}
}

export function readHistory(): HistoryEntry[] {
	const raw = storage()?.getItem(KEY);
	if (!raw) return [];
	try {
		const list = JSON.parse(raw) as unknown;
		return Array.isArray(list) ? list.filter((e): e is HistoryEntry => typeof e?.sql === 'string' && typeof e?.at === 'string') : [];
	} catch {
		return [];
	}
}

export function addToHistory(sql: string, at = new Date()): HistoryEntry[] {
	const list = [{ sql, at: at.toISOString() }, ...readHistory().filter((e) => e.sql !== sql)].slice(0, MAX);
	storage()?.setItem(KEY, JSON.stringify(list));
	return list;
}

export function clearHistory(): void {
	storage()?.removeItem(KEY);
}
