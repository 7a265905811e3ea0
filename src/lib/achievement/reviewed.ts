import { z } from 'zod';
import type { Measure } from '../contract/tables';
import type { AchievementRow } from '../contract/common-ground';
import { MEASURE_KINDS, MEASURE_STATUSES } from '../contract/tables';

/**
 * The reviewed pair list (data/achievement/reviewed-pairs.json): for every numeric target or plan of
 * the reports, the result a careful reader compares it with, or none and why. It names measures by
 * source line, fiscal year, value and unit, so that it survives changes of measure ids; the label as
 * read today only tells two measures apart that share all four.
 */

const MeasureRef = z.object({
	kind: z.enum(MEASURE_KINDS).optional(),
	line: z.number().int().positive(),
	fiscal_year: z.number().int().nullable(),
	label: z.string().nullable(),
	value: z.number().nullable(),
	unit: z.string().nullable(),
	status: z.enum(MEASURE_STATUSES).optional()
});
export type MeasureRef = z.infer<typeof MeasureRef>;

export const ReviewedEntry = z.object({
	initiative_id: z.string().min(1),
	target: MeasureRef,
	result: MeasureRef.nullable(),
	reason: z.string().min(1).optional()
});
export type ReviewedEntry = z.infer<typeof ReviewedEntry>;

export const ReviewedPairFile = z
	.object({
		decided_by: z.string().min(1),
		rule: z.string().min(1),
		split: z.string().min(1),
		entries: z.array(ReviewedEntry)
	})
	.superRefine((file, ctx) => {
		file.entries.forEach((e, i) => {
			if (e.result === null && !e.reason) ctx.addIssue({ code: 'custom', path: ['entries', i, 'reason'], message: 'a "no pair" entry needs its reason' });
		});
	});
export type ReviewedPairFile = z.infer<typeof ReviewedPairFile>;

export type PairHalf = 'development' | 'held-out';

/**
 * A fixed split (FNV-1a, 32 bit, parity) of the initiative id without its actor suffix, so the 社協
 * and 市 halves of a 山口市 row fall on the same side. It depends on nothing the rule computes.
 */
export function pairHalf(initiativeId: string): PairHalf {
	let h = 0x811c9dc5;
	for (const ch of initiativeId.replace(/-[cs]$/, '')) {
		h ^= ch.codePointAt(0)!;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h % 2 === 0 ? 'development' : 'held-out';
}

/** The measures a reference names: same owner, line, year, value, unit (and kind, status); the label decides a tie. */
export function resolveRef(ref: MeasureRef, ownerMeasures: readonly Measure[]): Measure[] {
	const found = ownerMeasures.filter(
		(m) =>
			m.line === ref.line &&
			m.fiscal_year === ref.fiscal_year &&
			m.value === ref.value &&
			(m.unit ?? null) === ref.unit &&
			(ref.kind ? m.kind === ref.kind : m.kind === 'result') &&
			(ref.status ? m.status === ref.status : ref.value !== null || m.status === null)
	);
	if (found.length <= 1) return found;
	const labelled = found.filter((m) => m.label_ja === ref.label);
	// Two measures alike in everything but an unread label are one figure quoted twice: either is right.
	return labelled.length ? labelled : found;
}

export interface PairMiss {
	initiative_id: string;
	half: PairHalf;
	kind: 'missed' | 'wrong_result' | 'paired_without_pair' | 'target_not_in_list' | 'unresolved';
	text: string;
}

export interface PairScore {
	tp: number;
	fp: number;
	fn: number;
}

export interface PairEvaluation {
	/** per municipality code, per half, and 'all' */
	scores: Map<string, PairScore>;
	misses: PairMiss[];
}

const describe = (m: Pick<Measure, 'label_ja' | 'value' | 'unit' | 'fiscal_year' | 'line'> & { status?: Measure['status'] }) =>
	`${m.label_ja ?? '(no label)'} ${m.value ?? (m.status ?? '—')}${m.unit ?? ''} FY${m.fiscal_year ?? '?'} (line ${m.line})`;

/** Precision and recall of the rule's pairs against the reviewed list, with every miss. */
export function evaluatePairs(entries: readonly ReviewedEntry[], measures: readonly Measure[], achievements: readonly AchievementRow[]): PairEvaluation {
	const byOwner = new Map<string, Measure[]>();
	for (const m of measures) {
		const owner = m.initiative_id ?? m.goal_id ?? '';
		byOwner.set(owner, [...(byOwner.get(owner) ?? []), m]);
	}
	const byId = new Map(measures.map((m) => [m.measure_id, m]));
	const scores = new Map<string, PairScore>();
	const add = (keys: string[], field: keyof PairScore) => {
		for (const k of keys) {
			const s = scores.get(k) ?? { tp: 0, fp: 0, fn: 0 };
			s[field]++;
			scores.set(k, s);
		}
	};
	const misses: PairMiss[] = [];
	const keysOf = (initiativeId: string) => ['all', initiativeId.slice(0, 5), pairHalf(initiativeId), `${initiativeId.slice(0, 5)}|${pairHalf(initiativeId)}`];

	// Each entry's target ids and acceptable result ids.
	const expected = new Map<string, { entry: ReviewedEntry; results: Set<string> | null }>();
	for (const entry of entries) {
		const own = byOwner.get(entry.initiative_id) ?? [];
		const targets = resolveRef(entry.target, own);
		const results = entry.result ? resolveRef(entry.result, own) : null;
		if (!targets.length || (results && !results.length)) {
			const half = pairHalf(entry.initiative_id);
			misses.push({ initiative_id: entry.initiative_id, half, kind: 'unresolved', text: `the list names a measure the data does not have: target ${JSON.stringify(entry.target)}${results && !results.length ? `, result ${JSON.stringify(entry.result)}` : ''}` });
			if (entry.result) add(keysOf(entry.initiative_id), 'fn');
			continue;
		}
		for (const t of targets) expected.set(t.measure_id, { entry, results: results ? new Set(results.map((r) => r.measure_id)) : null });
	}

	const found = new Set<ReviewedEntry>();
	for (const a of achievements) {
		const owner = a.initiative_id ?? a.goal_id ?? '';
		const half = pairHalf(owner);
		const t = byId.get(a.target_measure_id);
		const r = byId.get(a.result_measure_id);
		const pairText = `${t ? describe(t) : a.target_measure_id} → ${r ? describe(r) : a.result_measure_id} [${a.basis}]`;
		const x = expected.get(a.target_measure_id);
		if (!x) {
			add(keysOf(owner), 'fp');
			misses.push({ initiative_id: owner, half, kind: 'target_not_in_list', text: pairText });
		} else if (!x.results) {
			add(keysOf(owner), 'fp');
			misses.push({ initiative_id: owner, half, kind: 'paired_without_pair', text: `${pairText}; the list: ${x.entry.reason}` });
		} else if (x.results.has(a.result_measure_id)) {
			if (!found.has(x.entry)) add(keysOf(owner), 'tp');
			found.add(x.entry);
		} else {
			add(keysOf(owner), 'fp');
			misses.push({ initiative_id: owner, half, kind: 'wrong_result', text: `${pairText}; the list pairs it with ${x.entry.result ? describe({ ...x.entry.result, label_ja: x.entry.result.label }) : '—'}` });
		}
	}
	for (const entry of entries) {
		if (!entry.result || found.has(entry)) continue;
		if (misses.some((m) => m.kind === 'unresolved' && m.initiative_id === entry.initiative_id && m.text.includes(JSON.stringify(entry.target)))) continue;
		add(keysOf(entry.initiative_id), 'fn');
		misses.push({
			initiative_id: entry.initiative_id,
			half: pairHalf(entry.initiative_id),
			kind: 'missed',
			text: `${describe({ ...entry.target, label_ja: entry.target.label })} → ${describe({ ...entry.result, label_ja: entry.result.label })}${entry.reason ? ` (${entry.reason})` : ''}`
		});
	}
	return { scores, misses };
}

export const precision = (s: PairScore) => (s.tp + s.fp ? s.tp / (s.tp + s.fp) : null);
export const recall = (s: PairScore) => (s.tp + s.fn ? s.tp / (s.tp + s.fn) : null);
