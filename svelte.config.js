import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { buildVersion } from './scripts/lib/build-version.js';
import { BUILD_DIR, STATIC_DIR } from './scripts/lib/site-dirs.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Static files only: the site must run from any web server, including closed intranets.
		adapter: adapter({ pages: BUILD_DIR, assets: BUILD_DIR, fallback: undefined, strict: true }),
		// static/ for the published site; another folder for the synthetic national build (scripts/lib/site-dirs.js).
		files: { assets: STATIC_DIR },
		prerender: {
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			// A build at scale may prerender no municipality or initiative page at all (the scale rule,
			// src/lib/scale/prerender.ts, sends them to /view). Only those two routes, and only outside
			// the published build (static/), may go unseen; anything else still fails the build.
			handleUnseenRoutes: ({ routes, message }) => {
				const mayGoUnseen = STATIC_DIR === 'static' ? [] : ['/[[lang=lang]]/initiatives/[id]', '/[[lang=lang]]/municipalities/[code]'];
				if (routes.some((id) => !mayGoUnseen.includes(id))) throw new Error(message);
			}
		},
		// Absolute asset paths: 404.html is served at whatever address was missing (/themes/x/y), where
		// relative ./_app/… paths would point nowhere. Links are absolute already (href()).
		paths: { relative: false },
		// Kit's default version is the build time, which changes every page and chunk name on each build.
		// The commit and the dataset say what was built, so two builds of one commit are the same bytes.
		version: { name: buildVersion() },
		// A strict policy in every page's <meta>: Kit hashes its own inline start-up script, nothing else
		// may run inline, and nothing may come from another origin. DuckDB-wasm compiles WebAssembly
		// ('wasm-unsafe-eval') and runs in a worker served by the site itself. Styles stay inline-able:
		// Svelte's style: directives, Plot's SVG <style> and CodeMirror's injected sheets are styles,
		// not script. frame-ancestors is ignored in a <meta> element: scripts/serve.js sends it as a header.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
