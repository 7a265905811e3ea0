/**
 * npm run eval:themes: precision and recall of the theme rules against the labelled sample
 * (data/themes/sample.json), per theme and overall, for the sources whose adapters exist.
 * Reports the rules alone and the rules with the reviewed overrides, and every sample entry it
 * could not find in the dataset.
 */
import { readFileSync } from 'node:fs';
import { buildDataset, loadCommonGroundInputs } from './lib/dataset';
import { loadManifest } from './lib/sources';
import { ADAPTERS } from '../src/lib/adapters/registry';
import { SampleFile, matchSample } from '../src/lib/themes/sample';
import { classify } from '../src/lib/themes/classify';
import { initiativeTexts } from '../src/lib/themes/assign';
import type { Goal, Initiative, Measure } from '../src/lib/contract/tables';
import type { InitiativeThemeRow } from '../src/lib/contract/common-ground';

const readable = loadManifest().sources.filter((s) => ADAPTERS.has(s.adapter));
const only = readable.map((s) => s.municipality.muni_code);
const { dataset } = buildDataset({ only });
const inputs = loadCommonGroundInputs();
const sample = SampleFile.parse(JSON.parse(readFileSync('data/themes/sample.json', 'utf8')));
const initiatives = dataset.initiatives as Initiative[];
const texts = initiativeTexts(initiatives, dataset.goals as Goal[], dataset.measures as Measure[]);
const themeIds = inputs.taxonomy.themes.map((t) => t.theme_id);

const inRun = sample.entries.filter((e) => only.includes(e.muni_code));
const matches = matchSample(inRun, initiatives);
const unknown = sample.entries.flatMap((e) => e.themes.filter((t) => !themeIds.includes(t)).map((t) => `${e.muni_code} ${e.name}: ${t}`));
if (unknown.length) throw new Error(`sample names themes the taxonomy does not have: ${unknown.join('; ')}`);

type Predict = (initiativeId: string) => Set<string>;
const byRules: Predict = (id) => new Set(classify(texts.get(id)!, inputs.taxonomy).map((a) => a.theme_id));
const final = new Map<string, Set<string>>();
for (const r of dataset.initiative_themes as InitiativeThemeRow[]) final.set(r.initiative_id, (final.get(r.initiative_id) ?? new Set()).add(r.theme_id));
const withOverrides: Predict = (id) => final.get(id) ?? new Set();

interface Count { tp: number; fp: number; fn: number }
function evaluate(predict: Predict) {
	const per = new Map<string, Count>(themeIds.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
	const misses: string[] = [];
	for (const m of matches) {
		for (const i of m.initiatives) {
			const got = predict(i.initiative_id);
			const want = new Set(m.entry.themes);
			for (const t of themeIds) {
				const c = per.get(t)!;
				if (got.has(t) && want.has(t)) c.tp++;
				else if (got.has(t)) { c.fp++; misses.push(`  FP ${t.padEnd(22)} ${i.initiative_id} ${i.name_ja}`); }
				else if (want.has(t)) { c.fn++; misses.push(`  FN ${t.padEnd(22)} ${i.initiative_id} ${i.name_ja}`); }
			}
		}
	}
	return { per, misses };
}

const pct = (n: number, d: number) => (d ? (n / d).toFixed(2) : ' n/a');
function report(title: string, predict: Predict, showMisses: boolean) {
	const { per, misses } = evaluate(predict);
	console.log(`\n${title}`);
	console.log(`  ${'theme'.padEnd(24)} positives  precision  recall   (tp/fp/fn)`);
	const total: Count = { tp: 0, fp: 0, fn: 0 };
	for (const [t, c] of per) {
		total.tp += c.tp; total.fp += c.fp; total.fn += c.fn;
		const flag = c.tp + c.fn > 0 && (c.tp / Math.max(1, c.tp + c.fp) < 0.9 || c.tp / (c.tp + c.fn) < 0.85) ? '  < aim' : '';
		console.log(`  ${t.padEnd(24)} ${String(c.tp + c.fn).padStart(9)}  ${pct(c.tp, c.tp + c.fp).padStart(9)}  ${pct(c.tp, c.tp + c.fn).padStart(6)}   (${c.tp}/${c.fp}/${c.fn})${flag}`);
	}
	console.log(`  ${'overall (micro)'.padEnd(24)} ${String(total.tp + total.fn).padStart(9)}  ${pct(total.tp, total.tp + total.fp).padStart(9)}  ${pct(total.tp, total.tp + total.fn).padStart(6)}   (${total.tp}/${total.fp}/${total.fn})`);
	if (showMisses && misses.length) console.log(`  errors:\n${misses.join('\n')}`);
}

const matched = matches.filter((m) => m.initiatives.length);
console.log(`theme evaluation: sources with an adapter: ${only.join(', ')}`);
console.log(`sample entries: ${sample.entries.length}; in these sources: ${inRun.length}; matched: ${matched.length} (${matched.reduce((n, m) => n + m.initiatives.length, 0)} initiatives)`);
const notRun = sample.entries.filter((e) => !only.includes(e.muni_code));
if (notRun.length) console.log(`not evaluated (no adapter yet): ${notRun.length} entries of ${[...new Set(notRun.map((e) => e.muni_code))].join(', ')}`);
for (const m of matches.filter((x) => !x.initiatives.length)) console.log(`  unmatched: ${m.entry.muni_code} ${m.entry.actor ?? ''} ${m.entry.name}`);
report('rules only', byRules, process.argv.includes('--errors'));
report('rules + reviewed overrides (what the dataset publishes)', withOverrides, process.argv.includes('--errors'));
