import { fold } from '../normalize/text';

/**
 * How alike two printings of one name are (a table of contents and the body, a heading and its
 * repeat on another page): the overlap of their character pairs after folding and dropping spaces
 * and punctuation, 1 for the same text, near 0 for unrelated names. General: any template that
 * places rows against another printing of their names reads them with this.
 */
export function nameSimilarity(a: string, b: string): number {
	const norm = (s: string) => fold(s).replace(/[\s・、。()（）「」]/g, '');
	const grams = (s: string) => {
		const out = new Map<string, number>();
		for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
		return out;
	};
	const x = norm(a);
	const y = norm(b);
	if (x === y) return 1;
	const gx = grams(x);
	const gy = grams(y);
	let common = 0;
	for (const [g, n] of gx) common += Math.min(n, gy.get(g) ?? 0);
	const total = Math.max(1, x.length - 1 + (y.length - 1));
	return (2 * common) / total;
}
