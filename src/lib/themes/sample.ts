import { z } from 'zod';
import { withoutRepostMark } from '../template-kit/repost';
import { CIRCLED_CLASS } from '../template-kit/vocabulary';
import type { Initiative } from '../contract/tables';
import { fnv1a } from '../normalize/fnv1a';

/**
 * data/themes/sample.json: initiatives labelled by reading the sources, to measure the rules.
 * Keyed by municipality and the name as printed (and actor where one row has a 社協 half and a
 * 市 half), not by initiative_id, so the labels do not depend on how an adapter numbers rows.
 */
export const SampleEntry = z.object({
	muni_code: z.string().regex(/^\d{5}$/),
	name: z.string().min(1),
	actor: z.enum(['city', 'council']).optional(),
	themes: z.array(z.string().min(1)),
	reason: z.string().optional()
});
export type SampleEntry = z.infer<typeof SampleEntry>;
export const SampleFile = z.object({
	decided_by: z.string().min(1),
	rule: z.string().min(1),
	entries: z.array(SampleEntry).min(1)
});

/** A leading number: circled (data/vocabulary.json's numerals) or a digit with its point. */
const LEADING_NUMBER = new RegExp(`^(?:${CIRCLED_CLASS}|\\d+[.．、]?)(?=\\D)`);

/**
 * A name as a key: NFKC, no spaces (PDF wrapping splits words), no leading number or circled
 * digit, no 再掲 marker, no brackets' width differences.
 */
export function nameKey(name: string): string {
	return withoutRepostMark(name)
		.normalize('NFKC')
		.replace(/\s+/g, '')
		.replace(LEADING_NUMBER, '')
		.replace(/[・、,]/g, '');
}

export interface SampleMatch {
	entry: SampleEntry;
	initiatives: Initiative[];
}

/**
 * Each entry's initiatives: same municipality (and actor), same name key; failing that, the one
 * initiative whose name key starts with the entry's (or the other way round, for names an
 * adapter shortened or extended) when it is the only such initiative; failing that, the one
 * initiative whose description has the entry's key (rows printed without a name).
 */
export function matchSample(entries: readonly SampleEntry[], initiatives: readonly Initiative[]): SampleMatch[] {
	return entries.map((entry) => {
		const key = nameKey(entry.name);
		const pool = initiatives.filter((i) => i.muni_code === entry.muni_code && (!entry.actor || i.actor === entry.actor));
		const exact = pool.filter((i) => nameKey(i.name_ja) === key);
		if (exact.length) return { entry, initiatives: exact };
		const near = pool.filter((i) => {
			const k = nameKey(i.name_ja);
			return Math.min(k.length, key.length) >= 4 && (k.startsWith(key) || key.startsWith(k));
		});
		if (near.length === 1) return { entry, initiatives: near };
		// A row printed without a name is labelled by its description (南区 健診 row); the adapter
		// may give it a name of its own, so the description decides, when exactly one has it.
		const byDescription = pool.filter((i) => i.description_ja && nameKey(i.description_ja) === key);
		return { entry, initiatives: byDescription.length === 1 ? byDescription : [] };
	});
}

/** The two halves of the sample: rules are tuned on `development` and only reported on `held-out`. */
export type SampleHalf = 'development' | 'held-out';

/**
 * A fixed split, decided by municipality and name key alone (FNV-1a, 32 bit, parity): it does not
 * change when entries are added or reordered, and no one chooses which entry falls in which half.
 * The actor is left out on purpose: 山口市 prints the 社協 half and the 市 half of a row under one
 * name, and the two must not sit on both sides of the split.
 */
export function sampleHalf(entry: Pick<SampleEntry, 'muni_code' | 'name'>): SampleHalf {
	return fnv1a(`${entry.muni_code}|${nameKey(entry.name)}`) % 2 === 0 ? 'development' : 'held-out';
}
