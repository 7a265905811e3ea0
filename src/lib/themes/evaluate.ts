import { sampleHalf, type SampleHalf, type SampleMatch } from './sample';

/**
 * Precision and recall of theme assignments against the labelled sample, per theme, for the whole
 * sample and for each fixed half. npm run eval:themes prints them; COMMON-GROUND.md holds the same
 * figures as a Markdown table that a unit test regenerates, so the document cannot drift.
 */

export interface Count {
	tp: number;
	fp: number;
	fn: number;
}
export const HALVES: readonly SampleHalf[] = ['development', 'held-out'];
export type Scope = 'overall' | SampleHalf;
export const SCOPES: readonly Scope[] = ['overall', ...HALVES];
export type Predict = (initiativeId: string) => Set<string>;

export interface Evaluation {
	per: Map<Scope, Map<string, Count>>;
	misses: { half: SampleHalf; kind: 'fp' | 'fn'; theme_id: string; initiative_id: string; name_ja: string }[];
}

export function evaluateThemes(matches: readonly SampleMatch[], themeIds: readonly string[], predict: Predict): Evaluation {
	const per = new Map<Scope, Map<string, Count>>(SCOPES.map((s) => [s, new Map(themeIds.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]))]));
	const misses: Evaluation['misses'] = [];
	for (const m of matches) {
		const half = sampleHalf(m.entry);
		for (const i of m.initiatives) {
			const got = predict(i.initiative_id);
			const want = new Set(m.entry.themes);
			for (const t of themeIds) {
				const kind = got.has(t) && want.has(t) ? 'tp' : got.has(t) ? 'fp' : want.has(t) ? 'fn' : null;
				if (!kind) continue;
				for (const s of ['overall', half] as const) per.get(s)!.get(t)![kind]++;
				if (kind !== 'tp') misses.push({ half, kind, theme_id: t, initiative_id: i.initiative_id, name_ja: i.name_ja });
			}
		}
	}
	return { per, misses };
}

/** Sum of the per-theme counts of one scope (micro average). */
export function totalOf(e: Evaluation, scope: Scope): Count {
	const c = { tp: 0, fp: 0, fn: 0 };
	for (const x of e.per.get(scope)!.values()) {
		c.tp += x.tp;
		c.fp += x.fp;
		c.fn += x.fn;
	}
	return c;
}

const fixed = (n: number, d: number) => (d ? (n / d).toFixed(2) : '–');
const figure = (c: Count) => `${c.tp + c.fn} / ${fixed(c.tp, c.tp + c.fp)} / ${fixed(c.tp, c.tp + c.fn)}`;

/** The table of COMMON-GROUND.md: positives / precision / recall per theme and scope, then the micro row. */
export function figuresMarkdown(e: Evaluation, themeIds: readonly string[]): string {
	const rows = [`| theme | ${SCOPES.join(' | ')} |`, `|---|${SCOPES.map(() => '---|').join('')}`];
	for (const t of themeIds) rows.push(`| ${t} | ${SCOPES.map((s) => figure(e.per.get(s)!.get(t)!)).join(' | ')} |`);
	rows.push(`| **micro** | ${SCOPES.map((s) => figure(totalOf(e, s))).join(' | ')} |`);
	return rows.join('\n');
}
