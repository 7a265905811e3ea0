/**
 * npm run bench: serves the built site, starts Debian's Chromium once, and runs every
 * scripts/bench/*.bench.ts in turn. Each returns markdown; all of it goes to scripts/bench/RESULTS.md
 * with the date and machine, because absolute times on shared machines are noisy: compare the
 * ratios measured within one run.
 */
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export interface BenchContext {
	browser: Browser;
	baseURL: string;
	/** Folder of the Parquet files the site serves, for native DuckDB baselines. */
	dataDir: string;
}
export type Bench = (ctx: BenchContext) => Promise<string>;


async function main(): Promise<void> {
	const port = Number(process.env.BENCH_PORT ?? 4193);
	const server = spawn('node', ['scripts/serve.js'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise<void>((resolve, reject) => {
		server.stdout.on('data', (d: Buffer) => d.toString().includes('running at') && resolve());
		server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
	});
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	const ctx: BenchContext = { browser, baseURL: `http://127.0.0.1:${port}`, dataDir: 'build/data' };
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
