/**
 * Build-time figures: the five-city pipeline against the synthetic national one (npm run synth,
 * then npm run data -- --input), each timed in this run, and the bytes of every partition. The
 * national site build is timed only with ATLAS_BENCH_NATIONAL_SITE=1 (it prerenders whatever the
 * routes list at that scale). Writes into synthetic-data/ and a temporary folder, never static/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench } from './run';
import type { PartitionManifest } from '../lib/write-partitions';

const MUNICIPALITIES = process.env.ATLAS_BENCH_MUNICIPALITIES ?? '1741';

function timed(command: string, args: string[], env: Record<string, string> = {}): { ms: number; out: string } {
	const started = performance.now();
	const out = execFileSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
	return { ms: Math.round(performance.now() - started), out };
}

/** The pipeline's own step times ("data(synthetic): read 1234 ms"). */
const steps = (out: string) => [...out.matchAll(/^data\(synthetic\): (.+) (\d+) ms$/gm)].map((m) => `${m[1]} ${(Number(m[2]) / 1000).toFixed(1)} s`).join(', ');

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.floor(s.length / 2)] : 0;
};

function partitionTable(manifest: PartitionManifest): string {
	const rows = [
		'| table | files | rows | bytes (all) | smallest file | median file | largest file | row groups (largest file) |',
		'|---|---:|---:|---:|---:|---:|---:|---:|'
	];
	for (const t of [...manifest.tables, ...manifest.summary.map((s) => ({ name: `summary/${s.name}`, files: s.files }))]) {
		const bytes = t.files.map((f) => f.bytes);
		// A table with no rows at this scale (the synthetic measure_themes) has no file.
		if (!t.files.length) {
			rows.push(`| ${t.name} | 0 | 0 | — | — | — | — | — |`);
			continue;
		}
		const largest = t.files.reduce((a, f) => (f.bytes > a.bytes ? f : a), t.files[0]);
		rows.push(`| ${t.name} | ${t.files.length} | ${t.files.reduce((n, f) => n + f.rows, 0)} | ${kb(bytes.reduce((a, b) => a + b, 0))} kB | ${kb(Math.min(...bytes))} kB | ${kb(median(bytes))} kB | ${kb(largest.bytes)} kB | ${largest.row_groups} |`);
	}
	return rows.join('\n');
}

const bench: Bench = async () => {
	const tmp = mkdtempSync(join(tmpdir(), 'atlas-bench-build-'));
	try {
		const five = timed('npx', ['tsx', 'scripts/build-data.ts', '--out', join(tmp, 'data')]);
		const fiveManifest = JSON.parse(readFileSync(join(tmp, 'data/parquet/manifest.json'), 'utf8')) as PartitionManifest;
		const synth = timed('npx', ['tsx', 'scripts/synth/synth.ts', '--municipalities', MUNICIPALITIES, '--seed', '1', '--out', 'synthetic-data/input']);
		const national = timed('npx', ['tsx', 'scripts/build-data.ts', '--input', 'synthetic-data/input', '--out', 'synthetic-data/static/data']);
		const manifest = JSON.parse(readFileSync('synthetic-data/static/data/parquet/manifest.json', 'utf8')) as PartitionManifest;
		const count = (m: PartitionManifest, name: string) => m.tables.find((t) => t.name === name)!.files.reduce((n, f) => n + f.rows, 0);
		const bytesOf = (m: PartitionManifest, pick: (name: string) => boolean) => m.tables.filter((t) => pick(t.name)).flatMap((t) => t.files).reduce((n, f) => n + f.bytes, 0);
		const summaryBytes = (m: PartitionManifest) => m.summary.flatMap((s) => s.files).reduce((n, f) => n + f.bytes, 0);
		const dbBytes = (dir: string) => Number(execFileSync('stat', ['-c', '%s', join(dir, 'atlas.duckdb')], { encoding: 'utf8' }));
		let site = '';
		if (process.env.ATLAS_BENCH_NATIONAL_SITE === '1') {
			const s = timed('npx', ['vite', 'build'], { ATLAS_STATIC_DIR: 'synthetic-data/static', ATLAS_BUILD_OUT: 'build-synthetic', ATLAS_PRERENDER_TIMING: '1' });
			const pages = execFileSync('find', ['build-synthetic', '-name', '*.html'], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
			// The prerender's own figures per route (src/lib/server/prerender-timing.ts): its last summary.
			const timing = s.out.split('\n').filter((l) => l.startsWith('prerender timing: '));
			const last = timing.map((l) => / responses \(pages/.test(l)).lastIndexOf(true);
			const bytes = (page: string) => {
				const size = (f: string) => Number(execFileSync('stat', ['-c', '%s', f], { encoding: 'utf8' }));
				return `${kb(size(`build-synthetic/${page}.html`))} kB HTML + ${kb(size(`build-synthetic/${page === 'index' ? '' : `${page}/`}__data.json`))} kB data`;
			};
			site = [
				'',
				`National site build (vite build over synthetic-data/static into build-synthetic/): ${(s.ms / 1000).toFixed(1)} s, ${pages} pages.`,
				'',
				...['index', 'grading', 'themes/dementia', 'prefectures/01'].map((p) => `- /${p === 'index' ? '' : p}: ${bytes(p)}`),
				'',
				'```',
				...timing.slice(last).map((l) => l.slice('prerender timing: '.length)),
				'```',
				''
			].join('\n');
		}
		const initiativePartition = (m: PartitionManifest) => median(m.tables.find((t) => t.name === 'initiatives')!.files.map((f) => f.bytes));
		return `## Build time and partitions (five cities against the synthetic country)

Timed in one run. The five-city pipeline is \`npm run data\` (sources → adapters → validation → common ground → Parquet, partitions, atlas.duckdb); the national one is \`npm run synth -- --municipalities ${MUNICIPALITIES} --seed 1\` and then \`npm run data -- --input synthetic-data/input --out synthetic-data/static/data\` (the same validation, common ground and writing). Rerun: \`npm run bench -- build\` (prints only), or the whole \`npm run bench\`.

| | five cities | synthetic national | national ÷ five |
|---|---:|---:|---:|
| municipalities with a report | ${count(fiveManifest, 'initiatives') ? fiveManifest.summary.find((s) => s.name === 'municipality_summaries')!.files[0].rows : 0} | ${manifest.summary.find((s) => s.name === 'municipality_summaries')!.files[0].rows} | |
| initiatives | ${count(fiveManifest, 'initiatives')} | ${count(manifest, 'initiatives')} | ${(count(manifest, 'initiatives') / count(fiveManifest, 'initiatives')).toFixed(0)} |
| measures | ${count(fiveManifest, 'measures')} | ${count(manifest, 'measures')} | ${(count(manifest, 'measures') / count(fiveManifest, 'measures')).toFixed(0)} |
| synth | — | ${(synth.ms / 1000).toFixed(1)} s | |
| data pipeline | ${(five.ms / 1000).toFixed(1)} s | ${(national.ms / 1000).toFixed(1)} s | ${(national.ms / five.ms).toFixed(1)} |
| atlas.duckdb | ${kb(dbBytes(join(tmp, 'data')))} kB | ${kb(dbBytes('synthetic-data/static/data'))} kB | ${(dbBytes('synthetic-data/static/data') / dbBytes(join(tmp, 'data'))).toFixed(1)} |
| all partitions | ${kb(bytesOf(fiveManifest, () => true))} kB | ${kb(bytesOf(manifest, () => true))} kB | ${(bytesOf(manifest, () => true) / bytesOf(fiveManifest, () => true)).toFixed(1)} |
| national summary (what the overview needs) | ${kb(summaryBytes(fiveManifest))} kB | ${kb(summaryBytes(manifest))} kB | ${(summaryBytes(manifest) / summaryBytes(fiveManifest)).toFixed(1)} |
| one prefecture's initiatives (median partition) | ${kb(initiativePartition(fiveManifest))} kB | ${kb(initiativePartition(manifest))} kB | ${(initiativePartition(manifest) / initiativePartition(fiveManifest)).toFixed(1)} |

National pipeline steps: ${steps(national.out)}.
${site}
### Partitions of the synthetic national data

${partitionTable(manifest)}

### Partitions of the published five-city data

${partitionTable(fiveManifest)}
`;
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
};

export default bench;
