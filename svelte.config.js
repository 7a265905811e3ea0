import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { buildVersion } from './scripts/lib/build-version.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Static files only: the site must run from any web server, including closed intranets.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Absolute asset paths: 404.html is served at whatever address was missing (/themes/x/y), where
		// relative ./_app/… paths would point nowhere. Links are absolute already (href()).
		paths: { relative: false },
		// Kit's default version is the build time, which changes every page and chunk name on each build.
		// The commit and the dataset say what was built, so two builds of one commit are the same bytes.
		version: { name: buildVersion() }
	}
};

export default config;
