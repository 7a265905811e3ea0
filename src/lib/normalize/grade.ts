import { foldLookalikes } from './text';

/**
 * Read a printed grade against the levels of its scheme. OCR look-alikes (Cyrillic В, full-width Ａ)
 * are folded; anything that is still not a level of the scheme gives null, never a guess.
 */
export function readGrade(raw: string, levels: readonly string[]): string | null {
	const t = foldLookalikes(raw).replace(/[\s*_]/g, '').toUpperCase();
	return levels.find((l) => l.toUpperCase() === t) ?? null;
}
