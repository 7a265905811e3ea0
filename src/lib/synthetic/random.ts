/**
 * A small seeded generator (mulberry32) and the draws the synthetic dataset needs. Deterministic:
 * the same seed gives the same sequence on every machine (32-bit integer arithmetic only).
 */
export class Random {
	private state: number;
	constructor(seed: number) {
		this.state = seed >>> 0;
	}
	/** A float in [0, 1). */
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	int(maxExclusive: number): number {
		return Math.floor(this.next() * maxExclusive);
	}
	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)];
	}
	/** A key of `counts`, with probability proportional to its count. */
	weighted(counts: Readonly<Record<string, number>>): string {
		const entries = Object.entries(counts).filter(([, c]) => c > 0);
		const total = entries.reduce((s, [, c]) => s + c, 0);
		let r = this.next() * total;
		for (const [k, c] of entries) {
			r -= c;
			if (r < 0) return k;
		}
		return entries[entries.length - 1][0];
	}
	/** true with the share that `counts.true` has of all counts. */
	chance(counts: Readonly<Record<string, number>>): boolean {
		return this.weighted(counts) === 'true';
	}
	/** A value drawn from quantiles at `at` (inverse CDF, linear between the measured points). */
	fromQuantiles(values: readonly number[], at: readonly number[]): number {
		const u = this.next();
		for (let i = 1; i < at.length; i++) {
			if (u <= at[i]) {
				const f = (u - at[i - 1]) / (at[i] - at[i - 1] || 1);
				return values[i - 1] + f * (values[i] - values[i - 1]);
			}
		}
		return values[values.length - 1];
	}
}

/** A 32-bit hash of a string (FNV-1a), to give each municipality a stream of its own. */
export function hash32(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}
