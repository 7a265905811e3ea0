import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from '../../../scripts/lib/dataset';
import { recordsBySource } from './records';

/**
 * The safety net under every change to adapters, normalizers and the common-ground step: each
 * source's records, as the pipeline gives them, against a reviewed golden file in test/golden.
 *
 * - missing golden file: written (except in CI, where a missing file is a failure);
 * - a difference: the new records go to `<name>-changed.jsonl` beside it (git ignores those) and
 *   the test fails with the first records that differ. Review with
 *   `diff test/golden/<name>.jsonl test/golden/<name>-changed.jsonl`; when the change is meant,
 *   move the -changed file over the golden one in the same commit, and say which records changed and why.
 */

const DIR = join('test', 'golden');
const CI = process.env.CI === 'true' || process.env.CI === '1';

const { dataset, quality } = buildDataset();
const bySource = recordsBySource(dataset, quality);

/** The lines only one side has, a few of each, so the failure says what changed. */
function difference(golden: string[], actual: string[]): string {
	const g = new Set(golden);
	const a = new Set(actual);
	const gone = golden.filter((l) => !a.has(l));
	const added = actual.filter((l) => !g.has(l));
	const show = (sign: string, lines: string[]) => lines.slice(0, 8).map((l) => `${sign} ${l.length > 400 ? `${l.slice(0, 400)}…` : l}`);
	return [
		`${gone.length} record(s) gone or changed, ${added.length} new or changed`,
		...show('-', gone),
		...(gone.length > 8 ? [`  … ${gone.length - 8} more`] : []),
		...show('+', added),
		...(added.length > 8 ? [`  … ${added.length - 8} more`] : [])
	].join('\n');
}

describe('golden records per source', () => {
	it('has a golden file for every source and nothing else', () => {
		expect([...bySource.keys()]).toEqual([...quality.sources.map((s) => s.source_file)].sort().concat('dataset').sort());
	});

	for (const [source, lines] of bySource) {
		const name = source.replace(/\.txt$/, '');
		it(`${source} gives the records of test/golden/${name}.jsonl`, () => {
			const golden = join(DIR, `${name}.jsonl`);
			const changed = join(DIR, `${name}-changed.jsonl`);
			const text = `${lines.join('\n')}\n`;
			if (!existsSync(golden)) {
				if (CI) throw new Error(`${golden} is missing; run the unit tests outside CI to write it, review it and commit it`);
				mkdirSync(DIR, { recursive: true });
				writeFileSync(golden, text);
				return;
			}
			const expected = readFileSync(golden, 'utf8');
			if (expected === text) {
				rmSync(changed, { force: true });
				return;
			}
			writeFileSync(changed, text);
			expect.fail(`${source}: records differ from ${golden} (new records in ${changed})\n${difference(expected.split('\n').filter(Boolean), lines)}`);
		});
	}
});
