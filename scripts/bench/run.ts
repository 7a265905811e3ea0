/**
 * npm run bench: serves the built site, starts Debian's Chromium once, and runs every
 * scripts/bench/*.bench.ts in turn. Each returns markdown; all of it goes to scripts/bench/RESULTS.md
 * with the date and machine, because absolute times on shared machines are noisy: compare the
 * ratios measured within one run.
 *
 * The national site is build-synthetic/ when built, else the five-city pages over
 * synthetic-data/static/data (see nationalSite); BENCH_NATIONAL_DIR=<built site folder> names
 * another. `npx tsx scripts/bench/run.ts <name>` runs one bench on the builds already there, and
 * prints without writing RESULTS.md; BENCH_PORT sets the five-city site's port, BENCH_NATIONAL_PORT the national one's (default the next).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export interface Site {
	baseURL: string;
	/** Folder of the data files the site serves (Parquet, atlas.duckdb). */
	dataDir: string;
	/** What this site is, for the results. */
	about: string;
}

export interface BenchContext extends Site {
	browser: Browser;
	/** The synthetic country's site, when one is built (see nationalSite), for five-city ÷ national ratios. */
	national: Site | null;
}
export type Bench = (ctx: BenchContext) => Promise<string>;


function serve(dir: string, port: number) {
	const server = spawn('node', ['scripts/serve.js'], { env: { ...process.env, PORT: String(port), ATLAS_BUILD_DIR: dir }, stdio: ['ignore', 'pipe', 'inherit'] });
	const up = new Promise<void>((resolve, reject) => {
		server.stdout.on('data', (d: Buffer) => d.toString().includes('running at') && resolve());
		server.on('exit', (code) => reject(new Error(`server of ${dir} exited with ${code}`)));
	});
	return { server, up };
}

/**
 * The national site to measure against: the synthetic build (npm run build:synthetic) when there is
 * one; otherwise, when only the synthetic data is built (npm run data -- --input synthetic-data/input
 * --out synthetic-data/static/data), the five-city build's files with that data folder in place of
 * its own, so the same pages read the country's database. Null when neither exists.
 */
function nationalSite(): { dir: string; dataDir: string; about: string; cleanup?: () => void } | null {
	const named = process.env.BENCH_NATIONAL_DIR;
	if (named) return { dir: named, dataDir: join(named, 'data'), about: `the site in ${named} (BENCH_NATIONAL_DIR)` };
	if (existsSync('build-synthetic/index.html')) return { dir: 'build-synthetic', dataDir: 'build-synthetic/data', about: 'the synthetic national build (build-synthetic/)' };
	const data = 'synthetic-data/static/data';
	if (!existsSync(join(data, 'atlas.duckdb'))) return null;
	const dir = mkdtempSync(join(tmpdir(), 'atlas-national-'));
	for (const entry of readdirSync('build')) symlinkSync(resolve(entry === 'data' ? data : join('build', entry)), join(dir, entry));
	return { dir, dataDir: data, about: `the five-city build's pages over the synthetic national data (${data})`, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function main(): Promise<void> {
	const port = Number(process.env.BENCH_PORT ?? 4193);
	const five = serve('build', port);
	const nat = nationalSite();
	// A port of its own: the next one may be another user's on a shared machine.
	const nationalPort = Number(process.env.BENCH_NATIONAL_PORT ?? port + 1);
	const national = nat ? serve(nat.dir, nationalPort) : null;
	const server = { kill: () => (five.server.kill(), national?.server.kill(), nat?.cleanup?.()) };
	try {
		await Promise.all([five.up, national?.up]);
	} catch (e) {
		// One server up and the other refused (its port taken): leave nothing running.
		server.kill();
		throw e;
	}
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	const ctx: BenchContext = {
		browser,
		baseURL: `http://127.0.0.1:${port}`,
		dataDir: 'build/data',
		about: 'the published five-city build (build/)',
		national: nat ? { baseURL: `http://127.0.0.1:${nationalPort}`, dataDir: nat.dataDir, about: nat.about } : null
	};
	const sections: string[] = [];
	try {
		const only = process.argv[2];
		for (const file of readdirSync('scripts/bench').filter((f) => f.endsWith('.bench.ts')).sort()) {
			if (only && !file.includes(only)) continue;
			console.log(`bench: ${file}`);
			const mod = (await import(`./${file}`)) as { default: Bench };
			const md = await mod.default(ctx);
			console.log(md);
			sections.push(md);
		}
	} finally {
		await browser.close();
		server.kill();
	}
	const header = `# Benchmark results\n\nMeasured ${new Date().toISOString()} by \`npm run bench\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, headless Chromium. Absolute times on shared machines are noisy: read the ratios, which were measured in the same run.\n`;
	// A partial run (npm run bench -- <name>) prints only: RESULTS.md always holds one whole run.
	if (process.argv[2]) return;
	writeFileSync('scripts/bench/RESULTS.md', [header, ...sections].join('\n') + '\n');
	console.log('bench: wrote scripts/bench/RESULTS.md');
}

main().catch((e: Error) => {
	console.error(`bench: ${e.stack ?? e.message}`);
	process.exit(1);
});
