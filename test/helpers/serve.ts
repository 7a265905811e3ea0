import { spawn } from 'node:child_process';

export interface RunningServe {
	/** http://127.0.0.1:<port>, no trailing slash */
	base: string;
	stop(): void;
}

/**
 * scripts/serve.js over `dir` (a folder shaped like build/), as `npm run serve` starts it, on a free-looking
 * port; resolves once it says it is running, and fails with its exit code if it stops first.
 */
export function startServe(dir: string): Promise<RunningServe> {
	const port = 20000 + Math.floor(Math.random() * 20000);
	const server = spawn(process.execPath, ['scripts/serve.js'], { env: { ...process.env, PORT: String(port), ATLAS_BUILD_DIR: dir }, stdio: ['ignore', 'pipe', 'inherit'] });
	return new Promise((resolve, reject) => {
		server.stdout!.on('data', (d: Buffer) => {
			if (d.toString().includes('running at')) resolve({ base: `http://127.0.0.1:${port}`, stop: () => server.kill() });
		});
		server.on('exit', (code) => reject(new Error(`scripts/serve.js exited with ${code}`)));
	});
}
