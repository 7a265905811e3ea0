/**
 * FNV-1a, 32 bit, over the text's code points: a small, stable, dependency-free hash that gives
 * the same value in Node and in a browser. For fixed splits and fingerprints, not for security.
 */
export function fnv1a(text: string): number {
	let h = 0x811c9dc5;
	for (const ch of text) {
		h ^= ch.codePointAt(0)!;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}
