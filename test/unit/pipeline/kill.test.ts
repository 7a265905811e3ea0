import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_TABLES } from '../../../src/lib/contract/index';

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

function runData(out: string, env: Record<string, string> = {}, args: string[] = []): Run {
	// Node itself runs the script (not npx, whose wrapper would report the kill as an exit code).
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], { env: { ...process.env, ATLAS_DATA_OUT: out, ...env }, encoding: 'utf8' });
	return { status: r.status, signal: r.signal, output: `${r.stdout}${r.stderr}` };
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

describe('a run of npm run data killed at any step', () => {
	it('leaves a complete dataset at every kill point, and the next run leaves nothing behind', () => {
		const tmp = mkdtempSync(join(tmpdir(), 'atlas-kill-'));
		const refs = join(tmp, 'refs');
		// Two different datasets: the previous run published every source, the killed run publishes one.
		expect(runData(join(refs, 'previous')).status).toBe(0);
		expect(runData(join(refs, 'new'), {}, ['--only', '15107']).status).toBe(0);
		const previous = snapshot(join(refs, 'previous'));
		const next = snapshot(join(refs, 'new'));
		expect(same(previous, next)).toBe(false);

		const results: { step: string; atOnce: string | null; afterNextRun: string | null; leftovers: string[] }[] = [];
		for (const step of STEPS) {
			const site = join(tmp, step);
			const out = join(site, 'data');
			cpSync(join(refs, 'previous'), out, { recursive: true });
			const killed = runData(out, { ATLAS_KILL_AT: step }, ['--only', '15107']);
			expect(killed.signal, `${step}: ${killed.output}`).toBe('SIGKILL');
			const atOnce = whichDataset(out, previous, next);
			// The next run recovers before anything else; stop it right there to see what recovery alone left.
			const recovery = runData(out, { ATLAS_KILL_AT: 'recovered' });
			expect(recovery.signal, recovery.output).toBe('SIGKILL');
			const afterNextRun = whichDataset(out, previous, next);
			const leftovers = readdirSync(site).filter((f) => f !== 'data');
			results.push({ step, atOnce, afterNextRun, leftovers });
		}
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
	}, 300_000);

	it('a killed first run (nothing published yet) leaves nothing half written, and the next run publishes', () => {
		const tmp = mkdtempSync(join(tmpdir(), 'atlas-kill-first-'));
		const out = join(tmp, 'data');
		expect(runData(out, { ATLAS_KILL_AT: 'wrote-quality' }).signal).toBe('SIGKILL');
		expect(existsSync(out)).toBe(false);
		const run = runData(out, {}, ['--only', '15107']);
		expect(run.status, run.output).toBe(0);
		expect(run.output).toMatch(/a previous run was cut short: removed \.data-tmp-\d+/);
		expect(readdirSync(tmp)).toEqual(['data']);
		expect(readdirSync(out)).toContain('quality.json');
	});
});
