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

/** Candidates that have one bigram, in order of name size (bigram count), with those sizes. */
interface Posting {
	ids: Int32Array;
	sizes: Int32Array;
}

/** Postings of each bigram among some candidates (all of them, or one theme's block). */
function invertedIndex(candidates: readonly number[], grams: readonly Int32Array[]): Map<number, Posting> {
	const lists = new Map<number, number[]>();
	for (const i of candidates) {
		for (const g of grams[i]) {
			const list = lists.get(g);
			if (list) list.push(i);
			else lists.set(g, [i]);
		}
	}
	const out = new Map<number, Posting>();
	for (const [g, list] of lists) {
		list.sort((x, y) => grams[x].length - grams[y].length || x - y);
		out.set(g, { ids: Int32Array.from(list), sizes: Int32Array.from(list, (i) => grams[i].length) });
	}
	return out;
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
 *   are in size order), and each is compared exactly at most once per target.
 * - A level with fewer than k names that share a bigram is completed with its candidates of
 *   similarity 0 in id order, as rankComparables orders them.
 *
 * Nothing is approximate (there is no frequency cut-off): every bound is an upper bound on the
 * rounded similarity, and a candidate is passed over only when it cannot reach the k-th one found
 * (a tie is kept, since its id may still win). The unit test compares both on every published
 * initiative and on a synthetic country.
 */
export function comparableTable(all: readonly ComparableCandidate[], k = TOP_K): ComparableMatch[] {
	const n = all.length;
	// Bigrams as sorted integer ids: comparing two names is a merge of two short integer arrays.
	const gramIds = new Map<string, number>();
	const grams = all.map((c) => Int32Array.from(nameBigrams(c.name_ja).map((g) => gramIds.get(g) ?? (gramIds.set(g, gramIds.size), gramIds.size - 1))).sort());
	const muniIds = new Map<string, number>();
	const muni = Int32Array.from(all, (c) => muniIds.get(c.muni_code) ?? (muniIds.set(c.muni_code, muniIds.size), muniIds.size - 1));
	const eligible = all.map((_, i) => i).filter((i) => all[i].repost_of === null);

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
	const everyone = invertedIndex(eligible, grams);
	const byTheme = new Map([...blocks].map(([t, block]) => [t, invertedIndex(block, grams)]));

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
	const out: ComparableMatch[] = [];
	for (let t = 0; t < n; t++) {
		const target = all[t];
		const mine = grams[t];
		const { shared, groups } = levels(target.themes);
		const picked: { id: string; themes: string[]; similarity: number }[] = [];
		for (let level = target.themes.length; level >= 0 && picked.length < k; level--) {
			if (groups[level].length === 0) continue;
			const room = k - picked.length;
			const floor = level > 0 ? 0 : MIN_SIMILARITY;
			/** The best `room` of this level so far: similarity descending, then id. */
			const best: { i: number; similarity: number }[] = [];
			const worst = () => (best.length === room ? best[room - 1] : null);
			const before = (i: number, similarity: number, b: { i: number; similarity: number }) => similarity > b.similarity || (similarity === b.similarity && all[i].initiative_id < all[b.i].initiative_id);
			const enter = (i: number, similarity: number) => {
				const w = worst();
				if (w && !before(i, similarity, w)) return;
				if (w) best.pop();
				let at = best.length;
				while (at > 0 && before(i, similarity, best[at - 1])) at--;
				best.splice(at, 0, { i, similarity });
			};
			// The postings this level reads, per bigram of the target, rarest first.
			const indexes = level > 0 ? target.themes.map((th) => byTheme.get(th)).filter((x) => x !== undefined) : [everyone];
			const probe = Array.from(mine, (g) => ({ g, lists: indexes.map((ix) => ix.get(g)).filter((p) => p !== undefined) }))
				.map((x) => ({ ...x, df: x.lists.reduce((s, p) => s + p.ids.length, 0) }))
				.sort((x, y) => x.df - y.df || x.g - y.g);
			const exact = (i: number) => {
				compared[i] = t;
				const c = common(mine, grams[i]);
				const similarity = round2(c / Math.max(mine.length + grams[i].length - c, 1));
				if (similarity >= floor) enter(i, similarity);
			};
			// A level smaller than its postings (the few that share three of four themes) is cheaper
			// to compare whole; the answer is the same either way.
			const levelSize = level > 0 ? groups[level].reduce((s, g) => s + members[g].length, 0) : Infinity;
			if (levelSize <= probe.reduce((s, x) => s + x.df, 0)) {
				for (const g of groups[level]) for (const i of members[g]) if (muni[i] !== muni[t]) exact(i);
			} else {
				for (let p = 0; p < probe.length; p++) {
					// Not met by the first p bigrams: at most the other n − p are shared.
					const left = mine.length - p;
					const w = worst();
					const needed = Math.max(floor, w ? w.similarity : 0);
					if (round2(left / mine.length) < needed) break;
					for (const posting of probe[p].lists) {
						const [from, to] = sizeRun(posting, mine.length, left, needed);
						for (let j = from; j < to; j++) {
							const i = posting.ids[j];
							if (shared[group[i]] !== level || compared[i] === t || muni[i] === muni[t]) continue;
							const w = worst();
							if (reachOf(mine.length, left, posting.sizes[j]) >= Math.max(floor, w ? w.similarity : 0)) exact(i);
						}
					}
				}
			}
			// Names that share no bigram have similarity 0 and come in id order.
			if (level > 0 && (best.length < room || worst()!.similarity === 0)) {
				for (const g of groups[level]) {
					for (const i of members[g]) {
						const w = worst();
						if (w && (w.similarity > 0 || all[i].initiative_id > all[w.i].initiative_id)) break;
						if (compared[i] === t || muni[i] === muni[t]) continue;
						enter(i, 0);
					}
				}
			}
			for (const b of best) picked.push({ id: all[b.i].initiative_id, themes: sharedThemes(all[b.i].themes, target.themes), similarity: b.similarity });
		}
		out.push(...toMatches(target.initiative_id, picked));
	}
	return out;
}
