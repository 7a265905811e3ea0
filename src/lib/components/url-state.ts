import { goto } from '$app/navigation';

/**
 * Filters and selections live in the URL so that every view can be shared. Prerendered pages cannot
 * read the query string, so pages read it once mounted and write it back on every change.
 */
export function readParam(name: string): string | null {
	return new URLSearchParams(window.location.search).get(name);
}

export async function writeParams(values: Record<string, string | null>): Promise<void> {
	const url = new URL(window.location.href);
	for (const [k, v] of Object.entries(values)) {
		if (v === null || v === '') url.searchParams.delete(k);
		else url.searchParams.set(k, v);
	}
	if (url.href === window.location.href) return;
	await goto(url.pathname + url.search + url.hash, { replaceState: true, noScroll: true, keepFocus: true });
}
