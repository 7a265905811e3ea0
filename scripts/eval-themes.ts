/**
 * npm run eval:themes: precision and recall of the theme rules against the labelled sample
 * (data/themes/sample.json), per theme and overall, for the sources whose adapters exist.
 * Reports the rules alone and the rules with the reviewed overrides, and every sample entry it
 * could not find in the dataset. Figures are given for the whole sample and for its two fixed
 * halves (sampleHalf): rules are tuned on the development half; the held-out half shows how far
 * they carry to text they were not tuned on.
 */
import { readFileSync } from 'node:fs';
import { buildDataset, loadCommonGroundInputs } from './lib/dataset';
import { loadManifest } from './lib/sources';
import { ADAPTERS } from '../src/lib/adapters/registry';
import { SampleFile, matchSample, sampleHalf, type SampleHalf } from '../src/lib/themes/sample';
import { HALVES, SCOPES, evaluateThemes, figuresMarkdown, type Count, type Predict, type Scope } from '../src/lib/themes/evaluate';
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

// Overrides may correct only initiatives outside the sample: one inside would grade itself.
const sampled = new Set(matches.flatMap((m) => m.initiatives.map((i) => i.initiative_id)));
const inside = inputs.overrides.filter((o) => sampled.has(o.initiative_id));
if (inside.length) throw new Error(`data/themes/overrides.json corrects labelled sample initiatives: ${inside.map((o) => `${o.initiative_id} ${o.theme_id}`).join('; ')}`);

const byRules: Predict = (id) => new Set(classify(texts.get(id)!, inputs.taxonomy).map((a) => a.theme_id));
const final = new Map<string, Set<string>>();
for (const r of dataset.initiative_themes as InitiativeThemeRow[]) final.set(r.initiative_id, (final.get(r.initiative_id) ?? new Set()).add(r.theme_id));
const withOverrides: Predict = (id) => final.get(id) ?? new Set();

function evaluate(predict: Predict) {
	const e = evaluateThemes(matches, themeIds, predict);
	const misses = e.misses.map((m) => ({ half: m.half, line: `  ${m.kind.toUpperCase()} ${m.theme_id.padEnd(22)} ${m.half.padEnd(11)} ${m.initiative_id} ${m.name_ja}` }));
	return { per: e.per, misses, evaluation: e };
}

const ratio = (n: number, d: number) => (d ? (n / d).toFixed(2) : 'n/a');
const meets = (c: Count) => c.tp + c.fn === 0 || (c.tp / Math.max(1, c.tp + c.fp) >= 0.9 && c.tp / (c.tp + c.fn) >= 0.85);
const cell = (c: Count) => `${String(c.tp + c.fn).padStart(3)} ${ratio(c.tp, c.tp + c.fp).padStart(4)} ${ratio(c.tp, c.tp + c.fn).padStart(4)}${meets(c) ? ' ' : '*'}`;

function report(title: string, predict: Predict, showMisses: SampleHalf | 'all' | null) {
	const { per, misses } = evaluate(predict);
	console.log(`\n${title}`);
	console.log(`  columns: positives, precision, recall; * = below the aim (precision >= 0.9, recall >= 0.85)`);
	console.log(`  ${'theme'.padEnd(24)} ${SCOPES.map((s) => s.padEnd(15)).join('  ')}`);
	const totals = new Map<Scope, Count>(SCOPES.map((s) => [s, { tp: 0, fp: 0, fn: 0 }]));
	for (const t of themeIds) {
		const cells = SCOPES.map((s) => {
			const c = per.get(s)!.get(t)!;
			const tot = totals.get(s)!;
			tot.tp += c.tp; tot.fp += c.fp; tot.fn += c.fn;
			return cell(c);
		});
		console.log(`  ${t.padEnd(24)} ${cells.join('  ')}`);
	}
	console.log(`  ${'overall (micro)'.padEnd(24)} ${SCOPES.map((s) => cell(totals.get(s)!)).join('  ')}`);
	for (const s of SCOPES) {
		const c = totals.get(s)!;
		const atAim = themeIds.filter((t) => { const x = per.get(s)!.get(t)!; return x.tp + x.fn > 0 && meets(x); }).length;
		const withPositives = themeIds.filter((t) => { const x = per.get(s)!.get(t)!; return x.tp + x.fn > 0; }).length;
		console.log(`  ${s}: tp ${c.tp}, fp ${c.fp}, fn ${c.fn}; ${atAim} of ${withPositives} themes with positives at the aim`);
	}
	const shown = misses.filter((m) => showMisses === 'all' || m.half === showMisses);
	if (showMisses && shown.length) console.log(`  errors:\n${shown.map((m) => m.line).join('\n')}`);
}

/** --errors lists every miss; --errors=development (or held-out) lists one half's. */
function errorsWanted(): SampleHalf | 'all' | null {
	const arg = process.argv.find((a) => a === '--errors' || a.startsWith('--errors='));
	if (!arg) return null;
	const v = arg.split('=')[1];
	if (!v) return 'all';
	if (!(HALVES as readonly string[]).includes(v)) throw new Error(`--errors=${v}: expected development or held-out`);
	return v as SampleHalf;
}

const matched = matches.filter((m) => m.initiatives.length);
console.log(`theme evaluation: sources with an adapter: ${only.join(', ')}`);
console.log(`sample entries: ${sample.entries.length}; in these sources: ${inRun.length}; matched: ${matched.length} (${matched.reduce((n, m) => n + m.initiatives.length, 0)} initiatives)`);
for (const h of HALVES) console.log(`  ${h}: ${matched.filter((m) => sampleHalf(m.entry) === h).length} entries`);
const notRun = sample.entries.filter((e) => !only.includes(e.muni_code));
if (notRun.length) console.log(`not evaluated (no adapter yet): ${notRun.length} entries of ${[...new Set(notRun.map((e) => e.muni_code))].join(', ')}`);
for (const m of matches.filter((x) => !x.initiatives.length)) console.log(`  unmatched: ${m.entry.muni_code} ${m.entry.actor ?? ''} ${m.entry.name}`);
report('rules only', byRules, errorsWanted());
report('rules + reviewed overrides (what the dataset publishes)', withOverrides, errorsWanted());
// --markdown: the table of data/COMMON-GROUND.md (test/unit/themes/common-ground-figures.test.ts checks it is the same).
if (process.argv.includes('--markdown')) console.log(`\n${figuresMarkdown(evaluate(withOverrides).evaluation, themeIds)}`);
