import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_TABLES } from '../../../src/lib/contract/index';
import { recoverDir } from '../../../scripts/lib/swap-dir';

/**
 * A run of `npm run data` killed with SIGKILL after each of its steps (ATLAS_KILL_AT, see
 * scripts/build-data.ts) must leave a complete dataset: every file of the previous run or every
 * file of the new one, never a mix; at once, or after the next run has finished the cut swap.
 */

interface Run {
	status: number | null;
	signal: NodeJS.Signals | null;
	output: string;
}

// Runs are independent (each kill point has a folder of its own) and mostly wait on their own start-up, so
// as many run at once as there are cores: the file's time is its number of runs over the cores, not their sum.
const slots = { free: Math.max(2, availableParallelism()), waiting: [] as (() => void)[] };
async function inSlot<T>(job: () => Promise<T>): Promise<T> {
	if (slots.free > 0) slots.free--;
	else await new Promise<void>((resolve) => slots.waiting.push(resolve));
	try {
		return await job();
	} finally {
		const next = slots.waiting.shift();
		if (next) next();
		else slots.free++;
	}
}

function runData(out: string, env: Record<string, string> = {}, args: string[] = []): Promise<Run> {
	// Node itself runs the script (not npx, whose wrapper would report the kill as an exit code).
	return inSlot(
		() =>
			new Promise<Run>((resolve, reject) => {
				const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], { env: { ...process.env, ATLAS_DATA_OUT: out, ...env } });
				let output = '';
				child.stdout.on('data', (d: Buffer) => (output += d));
				child.stderr.on('data', (d: Buffer) => (output += d));
				child.on('error', reject);
				child.on('close', (status, signal) => resolve({ status, signal, output }));
			})
	);
}

// Every file, the partitions under parquet/ included (paths relative to the folder).
const snapshot = (dir: string) =>
	Object.fromEntries(
		(readdirSync(dir, { recursive: true }) as string[])
			.filter((f) => statSync(join(dir, f)).isFile())
			.sort()
			.map((f) => [f, readFileSync(join(dir, f))])
	);
type Snapshot = Record<string, Buffer>;
const same = (a: Snapshot, b: Snapshot) => Object.keys(a).join() === Object.keys(b).join() && Object.keys(a).every((k) => a[k].equals(b[k]));

/** Which complete dataset the folder holds: 'previous', 'new', or null (missing, partial or mixed). */
function whichDataset(out: string, previous: Snapshot, next: Snapshot): 'previous' | 'new' | null {
	if (!existsSync(out)) return null;
	const now = snapshot(out);
	return same(now, previous) ? 'previous' : same(now, next) ? 'new' : null;
}

const STEPS = [
	'recovered',
	'dataset-built',
	'staging-created',
	...ALL_TABLES.map((t) => `wrote-${t.name}`),
	'wrote-quality',
	'wrote-archive',
	'journal-written',
	'old-set-aside',
	'staged-in-place',
	'old-removed'
];

/**
 * The next run recovers before anything else (scripts/build-data.ts calls recoverDir first). For one kill
 * point of each kind of recovery (nothing to recover, a staged folder left behind, and each state of the
 * swap's journal) that next run is the script itself, stopped right after its recovery. For the other kill
 * points, of a kind already covered so, the test calls the same recoverDir itself, with the script's
 * staged-folder prefix: each such run would start the whole script only to call it.
 */
const RECOVERED_BY_A_RUN = new Set(['dataset-built', 'wrote-archive', 'journal-written', 'old-set-aside', 'staged-in-place', 'old-removed']);

describe('a run of npm run data killed at any step', () => {
	it('leaves a complete dataset at every kill point, and the next run leaves nothing behind', async () => {
		const tmp = mkdtempSync(join(tmpdir(), 'atlas-kill-'));
		try {
			const refs = join(tmp, 'refs');
			// Two different datasets: the previous run published every source, the killed run publishes one.
			const [previousRun, newRun] = await Promise.all([runData(join(refs, 'previous')), runData(join(refs, 'new'), {}, ['--only', '15107'])]);
			expect(previousRun.status, previousRun.output).toBe(0);
			expect(newRun.status, newRun.output).toBe(0);
			const previous = snapshot(join(refs, 'previous'));
			const next = snapshot(join(refs, 'new'));
			expect(same(previous, next)).toBe(false);

			const settled = await Promise.allSettled(
				STEPS.map(async (step) => {
					const site = join(tmp, step);
					const out = join(site, 'data');
					cpSync(join(refs, 'previous'), out, { recursive: true });
					const killed = await runData(out, { ATLAS_KILL_AT: step }, ['--only', '15107']);
					expect(killed.signal, `${step}: ${killed.output}`).toBe('SIGKILL');
					const atOnce = whichDataset(out, previous, next);
					if (RECOVERED_BY_A_RUN.has(step)) {
						// Stop the next run right after its recovery to see what recovery alone left.
						const recovery = await runData(out, { ATLAS_KILL_AT: 'recovered' });
						expect(recovery.signal, recovery.output).toBe('SIGKILL');
					} else recoverDir(out, '.data-tmp-');
					const afterNextRun = whichDataset(out, previous, next);
					const leftovers = readdirSync(site).filter((f) => f !== 'data');
					return { step, atOnce, afterNextRun, leftovers };
				})
			);
			// Every kill point has finished (none still writes into tmp) before the first failure is reported.
			const failed = settled.find((r) => r.status === 'rejected');
			if (failed) throw failed.reason;
			const results = settled.map((r) => (r as PromiseFulfilledResult<{ step: string; atOnce: string | null; afterNextRun: string | null; leftovers: string[] }>).value);
			const survived = results.filter((r) => r.afterNextRun !== null && r.leftovers.length === 0);
			const atOnce = results.filter((r) => r.atOnce !== null);
			console.log(
				`kill points survived: ${survived.length} / ${results.length} (complete at once: ${atOnce.length}; ` +
					`cut between the two renames, finished by the next run: ${results.filter((r) => r.atOnce === null).map((r) => r.step).join(', ') || 'none'})`
			);
			expect(results.filter((r) => r.afterNextRun === null || r.leftovers.length), JSON.stringify(results, null, 1)).toEqual([]);
			// Before the swap the previous dataset stands; once the staged folder is in place, the new one.
			for (const r of results) {
				const swapped = STEPS.indexOf(r.step) >= STEPS.indexOf('old-set-aside');
				expect(r.afterNextRun, r.step).toBe(swapped ? 'new' : 'previous');
			}
			// Only the moment between the two renames lacks the folder, and the next run restores it.
			expect(results.filter((r) => r.atOnce === null).map((r) => r.step)).toEqual(['old-set-aside']);
		} finally {
			rmSync(tmp, { recursive: true, force: true });
		}
	}, 300_000);

	it('a killed first run (nothing published yet) leaves nothing half written, and the next run publishes', async () => {
		const tmp = mkdtempSync(join(tmpdir(), 'atlas-kill-first-'));
		try {
			const out = join(tmp, 'data');
			expect((await runData(out, { ATLAS_KILL_AT: 'wrote-quality' })).signal).toBe('SIGKILL');
			expect(existsSync(out)).toBe(false);
			const run = await runData(out, {}, ['--only', '15107']);
			expect(run.status, run.output).toBe(0);
			expect(run.output).toMatch(/a previous run was cut short: removed \.data-tmp-\d+/);
			expect(readdirSync(tmp)).toEqual(['data']);
			expect(readdirSync(out)).toContain('quality.json');
		} finally {
			rmSync(tmp, { recursive: true, force: true });
		}
	}, 120_000);
});
