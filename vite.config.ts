import { sveltekit } from '@sveltejs/kit/vite';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		// Playwright specs live in test/e2e and run against the built site, not here.
		include: ['test/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		// The slowest files (the kill test, the pipeline's determinism) mostly wait on a child process running
		// npm run data: vitest's default of cores − 1 workers is one worker on a 2-core machine, which leaves
		// the second core idle while they wait.
		maxWorkers: Math.max(2, availableParallelism() - 1)
	}
});
