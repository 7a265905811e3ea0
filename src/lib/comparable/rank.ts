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
 * Part of the table: the lists of some targets only, among some candidates only (an imported plan's
 * lists against everyone, and each published initiative's best among the imported ones). Each list
 * is what rankComparables gives for that target among those candidates; the rest is not computed.
 */
export interface Restriction {
	target?: (c: ComparableCandidate) => boolean;
	candidate?: (c: ComparableCandidate) => boolean;
}

/**
 * Candidates that have one bigram, in order of name size (bigram count) and then of the bigram's
 * place in each name when the name's bigrams are put rarest first, with those sizes and places.
 */
interface Posting {
	ids: Int32Array;
	sizes: Int32Array;
	places: Int32Array;
}

/** An inverted index and the order of bigrams (rarest first among its candidates) its places are counted in. */
interface BigramIndex {
	postings: Map<number, Posting>;
	/** Each bigram's place in the order, rarest first. */
	rarity: Int32Array;
}

/** Postings of each bigram among some candidates (all of them, or one theme's block), places counted in the index's own order. */
function invertedIndex(candidates: readonly number[], grams: readonly Int32Array[], gramCount: number): BigramIndex {
	const frequency = new Int32Array(gramCount);
	for (const i of candidates) for (const g of grams[i]) frequency[g]++;
	const rarity = new Int32Array(gramCount);
	Array.from(frequency, (_, g) => g)
		.sort((x, y) => frequency[x] - frequency[y] || x - y)
		.forEach((g, at) => (rarity[g] = at));
	const lists = new Map<number, number[]>();
	for (const i of candidates) {
		Int32Array.from(grams[i])
			.sort((x, y) => rarity[x] - rarity[y])
			.forEach((g, at) => {
				const list = lists.get(g);
				if (list) list.push(i, at);
				else lists.set(g, [i, at]);
			});
	}
	const out = new Map<number, Posting>();
	for (const [g, flat] of lists) {
		// Size, then place: among names of one size, those where this bigram comes early come first.
		const entries = Array.from({ length: flat.length / 2 }, (_, e) => e).sort(
			(x, y) => grams[flat[2 * x]].length - grams[flat[2 * y]].length || flat[2 * x + 1] - flat[2 * y + 1] || flat[2 * x] - flat[2 * y]
		);
		out.set(g, {
			ids: Int32Array.from(entries, (e) => flat[2 * e]),
			sizes: Int32Array.from(entries, (e) => grams[flat[2 * e]].length),
			places: Int32Array.from(entries, (e) => flat[2 * e + 1])
		});
	}
	return { postings: out, rarity };
}

/**
 * The most a name of `size` bigrams can reach against a name of `mine` bigrams when at most `left`
 * of them can be shared: Jaccard with the largest overlap still possible, rounded as ranking rounds.
 * It rises with size up to `left` and falls after, so the sizes that can reach a value form one run.
 */
const reachOf = (mine: number, left: number, size: number) => {
	const most = Math.min(left, size);
	return round2(most / Math.max(mine + size - most, 1));
};

/** The run of a posting whose sizes can reach `floor` (reachOf is highest at size = left). */
function sizeRun(p: Posting, mine: number, left: number, floor: number): [number, number] {
	const ok = (j: number) => reachOf(mine, left, p.sizes[j]) >= floor;
	let lo = 0;
	let hi = p.sizes.length;
	// First j that is at or past the peak or reaches the floor.
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (p.sizes[mid] >= left || ok(mid)) hi = mid;
		else lo = mid + 1;
	}
	const start = lo;
	hi = p.sizes.length;
	// First j past the peak that no longer reaches it.
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (p.sizes[mid] <= left || ok(mid)) lo = mid + 1;
		else hi = mid;
	}
	return [start, lo];
}

/**
 * rankComparables for every initiative at once, with the same answer, in time that does not grow
 * with the square of the country:
 *
 * - Levels: the candidates that share s of a target's themes are ranked before those that share
 *   fewer, so each level is ranked in turn, highest first, until k are found. Level 0 (no shared
 *   theme, names only, at least MIN_SIMILARITY) is reached only then, or at once for a target
 *   without a theme.
 * - Within a level, candidates come from an inverted index of name bigrams (per theme for the
 *   levels that share one, over everyone for level 0), probed rarest bigram first (prefix
 *   filtering): after probing p of the target's n bigrams, a candidate not met yet shares at most
 *   n − p of them, so its similarity is at most (n − p) / n. Probing stops as soon as that is below
 *   the k-th similarity found (or below MIN_SIMILARITY on level 0), so the bigrams that nearly
 *   every name has (a common prefix, 事業, の推進) come last and are seldom probed.
 * - In a posting, only names whose size lets them reach the k-th similarity are read (the postings
 *   are in size order), and of each size only those where the bigram comes early enough in the name
 *   (positional filtering: the bigrams met first are the rarest in both names, so a name met at its
 *   q-th bigram shares at most its size − q). Each is compared exactly at most once per target.
 * - A level small next to its postings (the few that share three of four themes) is compared whole.
 * - A level with fewer than k names that share a bigram is completed with its candidates of
 *   similarity 0 in id order, as rankComparables orders them.
 *
 * Nothing is approximate (there is no frequency cut-off): every bound is an upper bound on the
 * rounded similarity, and a candidate is passed over only when it cannot reach the k-th one found
 * (a tie is kept, since its id may still win). The unit test compares both on every published
 * initiative and on a synthetic country.
 */
export function comparableTable(all: readonly ComparableCandidate[], k = TOP_K, only: Restriction = {}): ComparableMatch[] {
	const n = all.length;
	// Bigrams as sorted integer ids: comparing two names is a merge of two short integer arrays.
	const gramIds = new Map<string, number>();
	const grams = all.map((c) => Int32Array.from(nameBigrams(c.name_ja).map((g) => gramIds.get(g) ?? (gramIds.set(g, gramIds.size), gramIds.size - 1))).sort());
	const muniIds = new Map<string, number>();
	const muni = Int32Array.from(all, (c) => muniIds.get(c.muni_code) ?? (muniIds.set(c.muni_code, muniIds.size), muniIds.size - 1));
	const eligible = all.map((_, i) => i).filter((i) => all[i].repost_of === null && (!only.candidate || only.candidate(all[i])));

	// Groups of candidates with the same themes, each in id order.
	const groupIds = new Map<string, number>();
	const groupThemes: (readonly string[])[] = [];
	const members: number[][] = [];
	const group = new Int32Array(n).fill(-1);
	const blocks = new Map<string, number[]>();
	for (const i of eligible) {
		const key = all[i].themes.join('\u0000');
		let g = groupIds.get(key);
		if (g === undefined) {
			g = groupIds.size;
			groupIds.set(key, g);
			groupThemes.push(all[i].themes);
			members.push([]);
		}
		group[i] = g;
		members[g].push(i);
		for (const t of all[i].themes) {
			const block = blocks.get(t);
			if (block) block.push(i);
			else blocks.set(t, [i]);
		}
	}
	const idOrder = (x: number, y: number) => (all[x].initiative_id < all[y].initiative_id ? -1 : all[x].initiative_id > all[y].initiative_id ? 1 : 0);
	for (const m of members) m.sort(idOrder);
	const everyone = invertedIndex(eligible, grams, gramIds.size);
	const byTheme = new Map([...blocks].map(([t, block]) => [t, invertedIndex(block, grams, gramIds.size)]));

	// Per set of target themes: how many themes each group shares with it, and the groups of each level.
	const levelsOf = new Map<string, { shared: Int8Array; groups: number[][] }>();
	const levels = (themes: readonly string[]) => {
		const key = themes.join('\u0000');
		let found = levelsOf.get(key);
		if (!found) {
			const shared = Int8Array.from(groupThemes, (gt) => sharedThemes(gt, themes).length);
			const groups: number[][] = Array.from({ length: themes.length + 1 }, () => []);
			shared.forEach((s, g) => groups[s].push(g));
			found = { shared, groups };
			levelsOf.set(key, found);
		}
		return found;
	};

	const common = (a: Int32Array, b: Int32Array) => {
		let c = 0;
		for (let i = 0, j = 0; i < a.length && j < b.length; ) {
			if (a[i] === b[j]) (c++, i++, j++);
			else if (a[i] < b[j]) i++;
			else j++;
		}
		return c;
	};
	/** Which target last compared a candidate exactly (each candidate is on one level per target). */
	const compared = new Int32Array(n).fill(-1);
	// Ties are broken by id: each candidate's place in id order, so the inner loop compares integers.
	const place = new Int32Array(n);
	all.map((_, i) => i)
		.sort(idOrder)
		.forEach((i, at) => (place[i] = at));
	// The best of one level so far, similarity descending then id: indices and similarities.
	const bestI = new Int32Array(k);
	const bestSim = new Float64Array(k);
	const out: ComparableMatch[] = [];
	for (let t = 0; t < n; t++) {
		if (only.target && !only.target(all[t])) continue;
		const target = all[t];
		const mine = grams[t];
		const m = mine.length;
		const { shared, groups } = levels(target.themes);
		const picked: { id: string; themes: string[]; similarity: number }[] = [];
		for (let level = target.themes.length; level >= 0 && picked.length < k; level--) {
			if (groups[level].length === 0) continue;
			const room = k - picked.length;
			const floor = level > 0 ? 0 : MIN_SIMILARITY;
			let count = 0;
			/** What a candidate must reach to enter: the floor, or the last one's similarity once `room` are found. */
			let needed = floor;
			const enter = (i: number, similarity: number) => {
				if (count === room && (similarity < bestSim[room - 1] || (similarity === bestSim[room - 1] && place[i] > place[bestI[room - 1]]))) return;
				let at = count < room ? count++ : room - 1;
				while (at > 0 && (similarity > bestSim[at - 1] || (similarity === bestSim[at - 1] && place[i] < place[bestI[at - 1]]))) {
					bestI[at] = bestI[at - 1];
					bestSim[at] = bestSim[at - 1];
					at--;
				}
				bestI[at] = i;
				bestSim[at] = similarity;
				if (count === room) needed = Math.max(floor, bestSim[room - 1]);
			};
			const exact = (i: number) => {
				compared[i] = t;
				const c = common(mine, grams[i]);
				const similarity = round2(c / Math.max(m + grams[i].length - c, 1));
				if (similarity >= floor) enter(i, similarity);
			};
			// The postings this level reads, per bigram of the target, rarest first.
			const indexes = level > 0 ? target.themes.map((th) => byTheme.get(th)).filter((x) => x !== undefined) : [everyone];
			// Probed in the order of the one index read (a target with one theme, or level 0), so the
			// places in its postings bound what a candidate met there can still share; with several
			// themes' indexes the places are not in the probing order and only sizes bound.
			const order = indexes.length === 1 ? indexes[0].rarity : everyone.rarity;
			const positional = indexes.length === 1;
			const probe = Array.from(mine)
				.sort((x, y) => order[x] - order[y])
				.map((g) => {
					const lists = indexes.map((ix) => ix.postings.get(g)).filter((p) => p !== undefined);
					return { g, lists, df: lists.reduce((s, p) => s + p.ids.length, 0) };
				});
			// A level no larger than its rarest bigram's postings (the few that share three of four
			// themes) is cheaper to compare whole; the answer is the same either way.
			const levelSize = level > 0 ? groups[level].reduce((s, g) => s + members[g].length, 0) : Infinity;
			if (levelSize <= Math.max(8 * k, probe.length ? probe[0].df : 0)) {
				for (const g of groups[level]) for (const i of members[g]) if (muni[i] !== muni[t]) exact(i);
			} else {
				for (let p = 0; p < probe.length; p++) {
					// Not met by the first p bigrams: at most the other m − p are shared.
					const left = m - p;
					if (round2(left / m) < needed) break;
					for (const posting of probe[p].lists) {
						const [from, to] = sizeRun(posting, m, left, needed);
						const { ids, sizes, places } = posting;
						for (let j = from; j < to; ) {
							// One size at a time: a name can reach `needed` only if this bigram leaves
							// enough after it (shared ≥ fewest), so only the first places of the size are read.
							const size = sizes[j];
							let end = j + 1;
							for (let hi = to; end < hi; ) {
								const mid = (end + hi) >> 1;
								if (sizes[mid] === size) end = mid + 1;
								else hi = mid;
							}
							let fewest = 0;
							while (fewest <= Math.min(left, size) && round2(fewest / Math.max(m + size - fewest, 1)) < needed) fewest++;
							for (; j < end && (!positional || places[j] <= size - fewest); j++) {
							const i = ids[j];
							if (shared[group[i]] !== level || compared[i] === t || muni[i] === muni[t]) continue;
							// Met first here: the bigrams it shares are this one and those after it, in
							// its name as in the target's (positional bound). One that cannot reach now
							// never will (what it must reach only rises), so it is set aside for good.
							const most = Math.min(left, positional ? sizes[j] - places[j] : sizes[j]);
							if (round2(most / Math.max(m + sizes[j] - most, 1)) < needed) compared[i] = t;
							else exact(i);
							}
							j = end;
						}
					}
				}
				// Names that share no bigram have similarity 0 and come in id order.
				if (level > 0 && (count < room || bestSim[room - 1] === 0)) {
					for (const g of groups[level]) {
						for (const i of members[g]) {
							if (count === room && (bestSim[room - 1] > 0 || place[i] > place[bestI[room - 1]])) break;
							if (compared[i] === t || muni[i] === muni[t]) continue;
							enter(i, 0);
						}
					}
				}
			}
			for (let b = 0; b < count; b++) picked.push({ id: all[bestI[b]].initiative_id, themes: sharedThemes(all[bestI[b]].themes, target.themes), similarity: bestSim[b] });
		}
		out.push(...toMatches(target.initiative_id, picked));
	}
	return out;
}
