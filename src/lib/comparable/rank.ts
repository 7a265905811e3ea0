/**
 * Comparable initiatives: for one initiative, the initiatives of other municipalities that do
 * comparable work, ranked by the number of themes they share, then by the similarity of their names
 * (Jaccard over distinct character bigrams, which suits Japanese without a tokenizer), then by id.
 * A candidate counts when it shares a theme or its name is at least MIN_SIMILARITY alike; 再掲
 * (repeated) rows are never candidates. The pipeline computes the table once for every initiative
 * (comparableTable); a browser ranks one imported initiative against the published ones
 * (rankComparables). Both give the same answer for the same initiative.
 */
export const TOP_K = 10;
export const MIN_SIMILARITY = 0.2;

export interface ComparableCandidate {
	initiative_id: string;
	muni_code: string;
	name_ja: string;
	repost_of: string | null;
	/** theme ids, sorted */
	themes: readonly string[];
}

export interface ComparableMatch {
	initiative_id: string;
	comparable_id: string;
	/** 1 = most comparable */
	rank: number;
	shared_themes: string[];
	similarity: number;
	reason: 'shared_themes' | 'similar_name';
}

/** The distinct two-character pieces of a name, in order of first appearance. */
export function nameBigrams(name: string): string[] {
	const chars = Array.from(name);
	const out: string[] = [];
	const seen = new Set<string>();
	for (let k = 0; k + 1 < chars.length; k++) {
		const g = chars[k] + chars[k + 1];
		if (!seen.has(g)) {
			seen.add(g);
			out.push(g);
		}
	}
	return out;
}

/** Two decimals, as the page shows it (and as ranking compares it). */
const round2 = (x: number) => Math.round(x * 100) / 100;

export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
	const bs = new Set(b);
	let common = 0;
	for (const g of a) if (bs.has(g)) common++;
	return round2(common / Math.max(a.length + b.length - common, 1));
}

const sharedThemes = (a: readonly string[], b: readonly string[]) => a.filter((t) => b.includes(t));

/** Ranking order: more shared themes, then more similar, then id. Negative when x comes first. */
function compare(x: { shared: number; similarity: number; id: string }, y: { shared: number; similarity: number; id: string }): number {
	return y.shared - x.shared || y.similarity - x.similarity || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

function toMatches(target: string, picked: { id: string; themes: string[]; similarity: number }[]): ComparableMatch[] {
	return picked.map((p, i) => ({
		initiative_id: target,
		comparable_id: p.id,
		rank: i + 1,
		shared_themes: p.themes,
		similarity: p.similarity,
		reason: p.themes.length ? 'shared_themes' : 'similar_name'
	}));
}

/** The comparable initiatives of one initiative among `candidates`, by looking at every candidate. */
export function rankComparables(target: ComparableCandidate, candidates: readonly ComparableCandidate[], k = TOP_K): ComparableMatch[] {
	const grams = nameBigrams(target.name_ja);
	const scored = [];
	for (const c of candidates) {
		if (c.muni_code === target.muni_code || c.repost_of !== null) continue;
		const themes = sharedThemes(c.themes, target.themes);
		const similarity = nameSimilarity(nameBigrams(c.name_ja), grams);
		if (themes.length === 0 && similarity < MIN_SIMILARITY) continue;
		scored.push({ id: c.initiative_id, themes, similarity, shared: themes.length });
	}
	scored.sort(compare);
	return toMatches(target.initiative_id, scored.slice(0, k));
}

/**
 * rankComparables for every initiative at once, in time that grows with the size of the theme
 * blocks rather than the square of the country: candidates come from the blocks of the target's
 * themes (an inverted index of theme → initiatives), and a candidate whose name cannot beat the
 * k-th one found (Jaccard is at most the smaller bigram count over the larger) is not compared.
 * Only a target with fewer than k theme matches is compared with every initiative by name.
 */
export function comparableTable(all: readonly ComparableCandidate[], k = TOP_K): ComparableMatch[] {
	// Bigrams as sorted integer ids: comparing two names is a merge of two short integer arrays.
	const ids = new Map<string, number>();
	const grams = all.map((c) => Int32Array.from(nameBigrams(c.name_ja).map((g) => ids.get(g) ?? (ids.set(g, ids.size), ids.size - 1))).sort());
	const eligible = all.map((c) => c.repost_of === null);
	const byTheme = new Map<string, number[]>();
	all.forEach((c, i) => {
		if (!eligible[i]) return;
		for (const t of c.themes) {
			const block = byTheme.get(t);
			if (block) block.push(i);
			else byTheme.set(t, [i]);
		}
	});
	const everyone = all.map((_, i) => i).filter((i) => eligible[i]);
	const common = (a: Int32Array, b: Int32Array) => {
		let n = 0;
		for (let i = 0, j = 0; i < a.length && j < b.length; ) {
			if (a[i] === b[j]) (n++, i++, j++);
			else if (a[i] < b[j]) i++;
			else j++;
		}
		return n;
	};
	const out: ComparableMatch[] = [];
	for (let t = 0; t < all.length; t++) {
		const target = all[t];
		const mine = grams[t];
		type Found = { i: number; id: string; shared: number; similarity: number };
		const best: Found[] = [];
		const consider = (i: number, shared: number, floor: number) => {
			if (all[i].muni_code === target.muni_code) return;
			const full = best.length === k;
			const worst = full ? best[k - 1] : null;
			if (worst && shared < worst.shared) return;
			// The most this name can reach; skip it when even that cannot enter.
			const bound = round2(Math.min(mine.length, grams[i].length) / Math.max(mine.length, grams[i].length, 1));
			if (bound < floor || (worst && shared === worst.shared && bound < worst.similarity)) return;
			const n = common(mine, grams[i]);
			const similarity = round2(n / Math.max(mine.length + grams[i].length - n, 1));
			if (similarity < floor) return;
			const found = { i, id: all[i].initiative_id, shared, similarity };
			if (worst && compare(found, worst) >= 0) return;
			let at = best.length - (full ? 1 : 0);
			if (full) best.pop();
			while (at > 0 && compare(found, best[at - 1]) < 0) at--;
			best.splice(at, 0, found);
		};
		// Theme blocks: each candidate once, with the number of themes it shares.
		const shared = new Map<number, number>();
		for (const theme of target.themes) for (const i of byTheme.get(theme) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
		for (const [i, n] of shared) consider(i, n, 0);
		// Fewer than k sharing a theme: names alone fill the rest.
		if (best.length < k) for (const i of everyone) if (!shared.has(i)) consider(i, 0, MIN_SIMILARITY);
		out.push(
			...toMatches(
				target.initiative_id,
				best.map((f) => ({ id: f.id, themes: sharedThemes(all[f.i].themes, target.themes), similarity: f.similarity }))
			)
		);
	}
	return out;
}
