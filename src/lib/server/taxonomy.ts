import { readFileSync } from 'node:fs';
import { TaxonomyFile, type Taxonomy } from '$lib/themes/taxonomy';

let cached: Taxonomy | undefined;

/** data/themes/taxonomy.json as the pipeline reads it (the same schema), for pages that need more than the themes table holds. */
export function taxonomy(): Taxonomy {
	cached ??= TaxonomyFile.parse(JSON.parse(readFileSync('data/themes/taxonomy.json', 'utf8')));
	return cached;
}
