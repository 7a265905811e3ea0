import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import type { ExcerptLine } from '$lib/queries/initiative';

const cache = new Map<string, string[]>();

/**
 * The source lines of a record, read at prerender time from data/sources/ (the files are not served).
 * The file name comes from the dataset; basename() keeps the read inside the folder.
 */
export function sourceExcerpt(file: string, from: number, to: number): ExcerptLine[] {
	// A synthetic initiative (npm run build:synthetic, never published) was printed in no report.
	if (file.startsWith('synthetic/')) return [];
	const name = basename(file);
	let lines = cache.get(name);
	if (!lines) {
		lines = readFileSync(`data/sources/${name}`, 'utf8').split(/\r?\n/);
		cache.set(name, lines);
	}
	const out: ExcerptLine[] = [];
	for (let n = from; n <= Math.min(to, lines.length); n++) out.push({ line: n, text: lines[n - 1] });
	return out;
}
