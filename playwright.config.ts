import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const port = Number(process.env.E2E_PORT ?? 4183);

export default defineConfig({
	testDir: 'test/e2e',
	testMatch: '**/*.e2e.ts',
	// Bounds on waiting, not on speed (speed is measured by scripts/bench): on a shared 2-core machine with
	// two browsers, DuckDB-wasm's start alone took over 20 s; a passing test never waits them out.
	timeout: 120_000,
	expect: { timeout: 40_000 },
	// Two browsers at once: a test spends much of its time waiting (DuckDB-wasm's worker, range reads from
	// the server, downloads), and every test has a context of its own (storage, IndexedDB imports, downloads)
	// over one static server, so no test sees another's state. E2E_WORKERS=1 runs them one at a time.
	fullyParallel: true,
	workers: Number(process.env.E2E_WORKERS ?? 2),
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		browserName: 'chromium',
		launchOptions: {
			// Debian's Chromium (scripts/ensure-chromium.js installs it); Playwright never downloads one.
			executablePath: chromium,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	webServer: {
		command: `node scripts/serve.js`,
		env: { PORT: String(port) },
		url: `http://127.0.0.1:${port}/`,
		// A server left running would serve an old build.
		reuseExistingServer: false,
		timeout: 60_000
	}
});
