import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		// Playwright specs live in test/e2e and run against the built site, not here.
		include: ['test/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000
	}
});
