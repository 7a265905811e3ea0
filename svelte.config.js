import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Static files only: the site must run from any web server, including closed intranets.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Absolute asset paths: 404.html is served at whatever address was missing (/themes/x/y), where
		// relative ./_app/… paths would point nowhere. Links are absolute already (href()).
		paths: { relative: false }
	}
};

export default config;
