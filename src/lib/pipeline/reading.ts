import { z } from 'zod';
import type { AdapterResult, SourceDocument } from '../adapters/adapter';
import { fnv1a } from '../normalize/fnv1a';

/**
 * What a reviewed reading of a source found (data/sources/readings/<source>.json), and the checks
 * that refuse a run whose source or records differ from it. The sha256 in the manifest says the
 * bytes are the ones reviewed, but a contributor who changes a file updates it as a matter of
 * course; the reading is what they would have to re-review: how many initiatives each goal has and
 * how many grades the report prints, the text of every line (as a fingerprint) and the cells of every
 * row that starts an initiative.
 * A difference names the source, the line where the damage is, and what changed.
 */

/** The fingerprint of a line or a cell: six hex digits of FNV-1a. */
const print = (text: string) => fnv1a(text).toString(16).padStart(8, '0').slice(0, 6);
const cellsOf = (line: string) => line.split('\t').map(print).join(' ');
/** Line fingerprints are stored 32 to a string, so the file stays readable JSON. */
const PER_CHUNK = 32;

export const GoalReading = z
	.object({
		/** the goal id without the plan (G1-2-1) */
		goal: z.string().min(1),
		code: z.string().nullable(),
		title_ja: z.string(),
		/** initiatives whose first goal this is */
		initiatives: z.number().int().nonnegative()
	})
	.strict();

export const RowReading = z
	.object({
		line: z.number().int().positive(),
		/** the initiatives that start on this line */
		initiatives: z.array(z.string()).min(1),
		/** one fingerprint per tab-separated cell */
		cells: z.string()
	})
	.strict();

export const SourceReading = z
	.object({
		source_file: z.string().min(1),
		/** who read the source against the report, and when: a reading is data that someone vouches for */
		reviewed: z.string().min(1),
		lines: z.number().int().positive(),
		initiatives: z.number().int().nonnegative(),
		measures: z.number().int().nonnegative(),
		evaluations: z.number().int().nonnegative(),
		goals: z.array(GoalReading),
		rows: z.array(RowReading),
		line_prints: z.array(z.string())
	})
	.strict();
export type SourceReading = z.infer<typeof SourceReading>;

/** A source that differs from its reviewed reading, or whose numbering has a gap. */
export class SourceDamageError extends Error {
	constructor(
		readonly sourceFile: string,
		readonly line: number,
		readonly detail: string
	) {
		super(`${sourceFile}:${line}: ${detail}`);
		this.name = 'SourceDamageError';
	}
}

const goalKey = (goalId: string, planId: string) => (goalId.startsWith(`${planId}-`) ? goalId.slice(planId.length + 1) : goalId);

/** The reading of a source as its adapter reads it now: what `npm run source:review` records. */
export function readingOf(doc: SourceDocument, result: AdapterResult, reviewed: string): SourceReading {
	const { plan_id } = doc.entry.plan;
	const rows = new Map<number, string[]>();
	for (const i of result.initiatives) rows.set(i.line_start, [...(rows.get(i.line_start) ?? []), i.initiative_id]);
	const prints = doc.lines.map(print);
	const chunks: string[] = [];
	for (let i = 0; i < prints.length; i += PER_CHUNK) chunks.push(prints.slice(i, i + PER_CHUNK).join(' '));
	return {
		source_file: doc.entry.file,
		reviewed,
		lines: doc.lines.length,
		initiatives: result.initiatives.length,
		measures: result.measures.length,
		evaluations: result.evaluations.length,
		goals: result.goals.map((g) => ({
			goal: goalKey(g.goal_id, plan_id),
			code: g.code,
			title_ja: g.title_ja,
			initiatives: result.initiatives.filter((i) => i.goal_id === g.goal_id).length
		})),
		rows: [...rows].sort((a, b) => a[0] - b[0]).map(([line, initiatives]) => ({ line, initiatives: initiatives.sort(), cells: cellsOf(doc.lines[line - 1] ?? '') })),
		line_prints: chunks
	};
}

/** How a changed row differs, cell by cell: swapped cells, or which cells changed. */
function describeRow(row: z.infer<typeof RowReading>, now: string): string {
	const before = row.cells.split(' ');
	const after = cellsOf(now).split(' ');
	const who = `the row of ${row.initiatives.join(', ')}`;
	if (before.length !== after.length) return `${who} has ${after.length} cells, the reviewed reading ${before.length}`;
	const changed = before.flatMap((c, i) => (c === after[i] ? [] : [i]));
	const swapped = changed.filter((i) => changed.some((j) => j !== i && after[i] === before[j]));
	if (swapped.length && swapped.length === changed.length) {
		return `${who}: cells ${swapped.map((i) => i + 1).join(' and ')} hold each other's reviewed text (swapped)`;
	}
	return `${who}: cell(s) ${changed.map((i) => i + 1).join(', ')} of ${after.length} differ from the reviewed text`;
}

/**
 * Compare the text, line by line, with the reviewed fingerprints, before any adapter reads it, so
 * the refusal names the line of the damage and not a later line where the damage shows (a
 * correction whose line moved). Returns null when the text is the reviewed text.
 */
export function textDamage(doc: SourceDocument, reading: SourceReading): SourceDamageError | null {
	const file = doc.entry.file;
	const reviewed = reading.line_prints.flatMap((c) => c.split(' '));
	const now = doc.lines.map(print);
	let i = 0;
	while (i < reviewed.length && i < now.length && reviewed[i] === now[i]) i++;
	if (i === reviewed.length && i === now.length) return null;
	const line = i + 1;
	/** The files line up again from reviewed line a and current line b: to the end, or for 20 lines. */
	const same = (a: number, b: number) => {
		const left = Math.min(reviewed.length - a, now.length - b);
		if (left < 20 && reviewed.length - a !== now.length - b) return false;
		for (let k = 0; k < Math.min(left, 20); k++) if (reviewed[a + k] !== now[b + k]) return false;
		return true;
	};
	if (i === now.length) {
		return new SourceDamageError(file, Math.max(1, line - 1), `the file ends at line ${now.length}; the reviewed reading has ${reviewed.length} lines: the source is cut after line ${now.length}`);
	}
	if (i === reviewed.length) {
		return new SourceDamageError(file, line, `${now.length - reviewed.length} line(s) added from line ${line} on, after the reviewed end of the file`);
	}
	for (let k = 1; k <= 200; k++) {
		if (i + k <= reviewed.length && same(i + k, i)) {
			return new SourceDamageError(file, line, `${k} line(s) of the reviewed text are missing here (reviewed lines ${line}–${line + k - 1}); everything after has moved up by ${k}`);
		}
		if (i + k <= now.length && same(i, i + k)) {
			return new SourceDamageError(file, line, `${k} line(s) inserted here (lines ${line}–${line + k - 1}) that the reviewed text does not have`);
		}
	}
	const row = reading.rows.find((r) => r.line === line);
	const rest = same(i + 1, i + 1);
	const detail = row ? describeRow(row, doc.lines[i]) : 'this line differs from the reviewed text';
	if (rest) return new SourceDamageError(file, line, `${detail}; the rest of the file is as reviewed`);
	if (i === now.length - 1) return new SourceDamageError(file, line, `${detail}, and the file ends here (reviewed: ${reviewed.length} lines): the source is cut at line ${line}`);
	return new SourceDamageError(file, line, `${detail}, and the text after it differs too (${now.length} lines, reviewed ${reviewed.length})`);
}

/**
 * What the records read now say differently from the reviewed reading, in the report's terms.
 * `withMeasures` adds the count of measures: it tells what a damaged text changed, but an adapter
 * that learns to read more figures from the same text changes it too, which the golden files
 * review, so it is not a reason of its own to refuse a source.
 */
export function recordDifferences(doc: SourceDocument, result: AdapterResult, reading: SourceReading, withMeasures = false): string[] {
	const now = readingOf(doc, result, reading.reviewed);
	const out: string[] = [];
	for (const k of ['initiatives', ...(withMeasures ? (['measures'] as const) : []), 'evaluations'] as const) {
		if (now[k] !== reading[k]) out.push(`${now[k]} ${k} (reviewed: ${reading[k]})`);
	}
	const nowGoals = new Map(now.goals.map((g) => [g.goal, g]));
	for (const g of reading.goals) {
		const n = nowGoals.get(g.goal);
		const name = `${g.goal}${g.code ? ` ${g.code}` : ''} ${g.title_ja}`.trim();
		if (!n) out.push(`goal ${name} is gone`);
		else if (n.initiatives !== g.initiatives) out.push(`goal ${name}: ${n.initiatives} initiative(s) (reviewed: ${g.initiatives})`);
		else if (n.title_ja !== g.title_ja || n.code !== g.code) out.push(`goal ${g.goal}: now ${n.code ?? ''} ${n.title_ja}`);
	}
	for (const g of now.goals) if (!reading.goals.some((r) => r.goal === g.goal)) out.push(`goal ${g.goal} ${g.title_ja} is new`);
	return out;
}

/** A report's own number: 1, １, （１）, ①, 1-2 (the last part counts). Null for anything else. */
export function numberOf(code: string | null): number | null {
	if (!code) return null;
	const t = code.normalize('NFKC').replace(/[()\s]/g, '');
	const circled = t.match(/^[\u2460-\u2473]$/);
	if (circled) return t.codePointAt(0)! - 0x2460 + 1;
	const m = t.match(/^(?:\d+-)*(\d+)$/);
	return m ? Number(m[1]) : null;
}

interface Numbered {
	code: string | null;
	line: number;
	what: string;
}

/** The first gap or repeat in a run of numbers that should go 1, 2, 3 …, or null. */
function gapIn(items: Numbered[], scope: string): { line: number; detail: string } | null {
	const numbered = items.filter((x) => numberOf(x.code) !== null);
	if (!numbered.length || numbered.length !== items.length) return null;
	let expected = 1;
	for (const x of numbered) {
		const n = numberOf(x.code)!;
		if (n === expected) {
			expected++;
			continue;
		}
		const detail =
			n > expected
				? `${scope}: ${x.what} is numbered ${x.code}, but ${expected === n - 1 ? `number ${expected} is` : `numbers ${expected}–${n - 1} are`} missing before it`
				: `${scope}: ${x.what} is numbered ${x.code} again (after ${expected - 1})`;
		return { line: x.line, detail };
	}
	return null;
}

/**
 * The report's own numbering must be complete: goals 1, 2, 3 … (or ①②…, （１）（２）…) under each
 * parent, and initiatives 1 … N through the plan or under each goal, whichever the report uses.
 */
export function numberingGap(doc: SourceDocument, result: AdapterResult): SourceDamageError | null {
	const file = doc.entry.file;
	const byParent = new Map<string | null, Numbered[]>();
	for (const g of [...result.goals].sort((a, b) => a.seq - b.seq)) {
		byParent.set(g.parent_goal_id, [...(byParent.get(g.parent_goal_id) ?? []), { code: g.code, line: g.line ?? 1, what: `goal ${g.title_ja}` }]);
	}
	for (const [parent, goals] of byParent) {
		const gap = gapIn(goals, parent ? `goals under ${parent}` : 'top-level goals');
		if (gap) return new SourceDamageError(file, gap.line, gap.detail);
	}
	// One number per printed row: 山口市's 社協 and 市 halves share theirs.
	const rows = new Map<string, { goal: string | null } & Numbered>();
	for (const i of [...result.initiatives].sort((a, b) => a.line_start - b.line_start || a.seq - b.seq)) {
		const key = `${i.goal_id}|${i.code}|${i.line_start}`;
		if (!rows.has(key)) rows.set(key, { goal: i.goal_id, code: i.code, line: i.line_start, what: `the initiative at line ${i.line_start}` });
	}
	const list = [...rows.values()];
	if (!list.length || list.some((r) => numberOf(r.code) === null)) return null;
	const planWide = gapIn(list, 'initiatives');
	if (!planWide) return null;
	// Numbered per goal when a number comes back under another goal.
	const perGoal = new Map<string | null, Numbered[]>();
	for (const r of list) perGoal.set(r.goal, [...(perGoal.get(r.goal) ?? []), r]);
	const restarts = [...perGoal.values()].filter((xs) => numberOf(xs[0].code) === 1).length > 1;
	if (!restarts) return new SourceDamageError(file, planWide.line, planWide.detail);
	for (const [goal, xs] of perGoal) {
		const gap = gapIn(xs, `initiatives under ${goal}`);
		if (gap) return new SourceDamageError(file, gap.line, gap.detail);
	}
	return null;
}
