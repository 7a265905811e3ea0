import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../../src/lib/pipeline/ingest';
import { loadDocument, loadManifest } from '../../../scripts/lib/sources';
import type { Adapter } from '../../../src/lib/adapters/adapter';
import { ADAPTERS } from '../../../src/lib/adapters/registry';
// The template is a spec (src/lib/adapters/niigata-nishi-2020.json) read by the kit's table template.
const niigataNishi2020 = ADAPTERS.get('niigata-nishi-2020')!;

function runData(out: string, env: Record<string, string> = {}): { ok: boolean; output: string } {
	try {
		const output = execFileSync('npx', ['tsx', 'scripts/build-data.ts'], { env: { ...process.env, ATLAS_DATA_OUT: out, ...env }, encoding: 'utf8', stdio: 'pipe' });
		return { ok: true, output };
	} catch (e) {
		const err = e as { stdout: string; stderr: string };
		return { ok: false, output: `${err.stdout}${err.stderr}` };
	}
}

// Every file, the partitions under parquet/ included (paths relative to the folder).
const filesOf = (dir: string) =>
	Object.fromEntries(
		(readdirSync(dir, { recursive: true }) as string[])
			.filter((f) => statSync(join(dir, f)).isFile())
			.sort()
			.map((f) => [f, readFileSync(join(dir, f))])
	);

// One full run over the repository's sources, shared by the tests below (each run costs seconds).
let firstRun: { dir: string; ok: boolean; output: string } | null = null;
function published() {
	if (!firstRun) {
		const dir = join(mkdtempSync(join(tmpdir(), 'atlas-')), 'a');
		firstRun = { dir, ...runData(dir) };
	}
	return firstRun;
}

describe('npm run data', () => {
	it('writes byte-identical Parquet files on two runs over the same sources', () => {
		const tmp = mkdtempSync(join(tmpdir(), 'atlas-'));
		const a = published();
		const b = runData(join(tmp, 'b'));
		expect(a.ok, a.output).toBe(true);
		expect(b.ok, b.output).toBe(true);
		const fa = filesOf(a.dir);
		const fb = filesOf(join(tmp, 'b'));
		expect(Object.keys(fa)).toContain('initiatives.parquet');
		expect(Object.keys(fa)).toContain('quality.json');
		for (const name of Object.keys(fa)) expect(fb[name].equals(fa[name]), name).toBe(true);
		// Two full runs: room for a machine shared with other builds.
	}, 180_000);

	it('refuses a source whose sha256 changed without the manifest changing, and keeps the previous dataset', () => {
		const tmp = mkdtempSync(join(tmpdir(), 'atlas-'));
		const out = join(tmp, 'out');
		const previous = published();
		expect(previous.ok, previous.output).toBe(true);
		cpSync(previous.dir, out, { recursive: true });
		const before = filesOf(out);

		const data = join(tmp, 'data');
		cpSync('data', data, { recursive: true });
		const file = join(data, 'sources', '000_9fd46558e44b486b.txt');
		writeFileSync(file, readFileSync(file, 'utf8').replace('116団体', '117団体'));
		const run = runData(out, { ATLAS_DATA_DIR: data });
		expect(run.ok).toBe(false);
		expect(run.output).toMatch(/000_9fd46558e44b486b\.txt: sha256 is [0-9a-f]{64} but the manifest says d4a97360/);
		const after = filesOf(out);
		expect(Object.keys(after)).toEqual(Object.keys(before));
		for (const name of Object.keys(before)) expect(after[name].equals(before[name]), name).toBe(true);
	}, 180_000);
});

describe('ingest', () => {
	const manifest = { sources: loadManifest().sources.filter((s) => s.adapter === 'niigata-nishi-2020') };
	const documents = manifest.sources.map((e) => loadDocument(e));

	it('stops at the first invalid record, naming the source file, line, table and field', () => {
		const broken: Adapter = {
			...niigataNishi2020,
			read(doc, ctx) {
				const r = niigataNishi2020.read(doc, ctx);
				r.measures[5] = { ...r.measures[5], raw_text: '' };
				return r;
			}
		};
		expect(() => ingest({ manifest, documents, schemes: [], corrections: [], adapters: new Map([[broken.id, broken]]) })).toThrow(
			/^000_9fd46558e44b486b\.txt:11: measures\.raw_text \(15107-002-m02\)/
		);
	});

	it('counts rows, missing fields and warnings per source in the quality report', () => {
		const { quality, dataset } = ingest({ manifest, documents, schemes: [], corrections: [], adapters: new Map([[niigataNishi2020.id, niigataNishi2020]]) });
		const q = quality.sources[0];
		expect(q.rows_found.initiatives).toBe(32);
		expect(q.rows_found.measures).toBe(dataset.measures.length);
		expect(q.fields_missing['measures.value']).toBe(dataset.measures.filter((m) => m.value === null).length);
		expect(quality.totals.initiatives).toBe(32);
	});
});

describe('the README', () => {
	it('shows the per-source table that the quality report gives (npm run readme writes it)', async () => {
		const { buildDataset } = await import('../../../scripts/lib/dataset');
		const { sourcesTable, withSourcesTable } = await import('../../../scripts/lib/readme-table');
		const { quality } = buildDataset();
		const readme = readFileSync('README.md', 'utf8');
		expect(withSourcesTable(readme, sourcesTable(loadManifest(), quality)), 'README.md is out of date: run npm run readme').toBe(readme);
		// Each source has its row, with the counts of its quality report.
		for (const s of quality.sources) {
			const row = readme.split('\n').find((l) => l.startsWith(`| ${s.source_file} |`));
			expect(row, s.source_file).toContain(`| ${s.rows_found.initiatives} | ${s.rows_found.measures} |`);
		}
	});
});
