/**
 * npm run eval:pairs: precision and recall of the pairing rule (src/lib/achievement/pair.ts)
 * against the reviewed pair list (data/achievement/reviewed-pairs.json), per municipality and per
 * fixed half (pairHalf), and every miss: a pair the list has that the rule does not make, a pair the
 * rule makes with another result, or where the list says there is none.
 *   -- --half=development   list the misses of one half only (the rule is tuned on that half)
 *   -- --quiet              figures only
 */
import { buildDataset, readReviewed } from './lib/dataset';
import { ReviewedPairFile, evaluatePairs, precision, recall, type PairHalf } from '../src/lib/achievement/reviewed';
import type { Measure } from '../src/lib/contract/tables';
import type { AchievementRow } from '../src/lib/contract/common-ground';

const args = process.argv.slice(2);
const onlyHalf = args.find((a) => a.startsWith('--half='))?.slice(7) as PairHalf | undefined;
const quiet = args.includes('--quiet');

const list = readReviewed('data/achievement/reviewed-pairs.json', ReviewedPairFile);
const { dataset } = buildDataset();
const { scores, misses } = evaluatePairs(list.entries, dataset.measures as Measure[], dataset.achievements as AchievementRow[]);

const NAMES: Record<string, string> = { '15107': '新潟市西区', '15106': '新潟市南区', '01230': '登別市', '11233': '北本市', '35203': '山口市' };
const fmt = (x: number | null) => (x === null ? '   –' : x.toFixed(2));
const row = (name: string, key: string) => {
	const one = (k: string) => {
		const s = scores.get(k) ?? { tp: 0, fp: 0, fn: 0 };
		return `${String(s.tp + s.fn).padStart(3)} ${fmt(precision(s))} ${fmt(recall(s))}`;
	};
	const dev = key === 'all' ? 'development' : `${key}|development`;
	const held = key === 'all' ? 'held-out' : `${key}|held-out`;
	console.log(`${name.padEnd(12)} ${one(key)}   ${one(dev)}   ${one(held)}`);
};
console.log(`reviewed pairs: ${list.entries.filter((e) => e.result).length} pairs, ${list.entries.filter((e) => !e.result).length} targets without a pair (${list.decided_by.split(':')[0]})`);
console.log(`${''.padEnd(12)} ${'overall'.padEnd(14)}   ${'development'.padEnd(14)}   held-out`);
console.log(`${''.padEnd(12)} ${'pairs  P    R'.padEnd(14)}   ${'pairs  P    R'.padEnd(14)}   pairs  P    R`);
for (const code of Object.keys(NAMES)) row(NAMES[code], code);
row('all', 'all');

if (!quiet) {
	const shown = misses.filter((m) => !onlyHalf || m.half === onlyHalf);
	console.log(`\nmisses${onlyHalf ? ` (${onlyHalf})` : ''}: ${shown.length}`);
	for (const m of shown.sort((a, b) => a.half.localeCompare(b.half) || a.initiative_id.localeCompare(b.initiative_id))) {
		console.log(`  [${m.half}] ${m.initiative_id} ${m.kind}: ${m.text}`);
	}
}
