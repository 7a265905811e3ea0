import type { Handle } from '@sveltejs/kit';
import { parseHTML } from 'linkedom';
import { provideServerDocument } from '$lib/components/charts/plot-render';
import { langOfPath } from '$lib/i18n';
import { timedPage } from '$lib/server/prerender-timing';

// Prerendered charts are Observable Plot's own drawing: Plot needs a document to build its SVG in, and
// the server has none, so linkedom (a small DOM for servers) gives it one. One document serves every
// chart of the build: Plot only creates detached elements in it.
let doc: Document | null = null;
provideServerDocument(() => (doc ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document));

// Each prerendered page says its own language before any script runs (screen readers, hyphenation,
// fonts): /en/… is English, every other address Japanese.
export const handle: Handle = ({ event, resolve }) =>
	timedPage(event.route.id, async () => resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', langOfPath(event.url.pathname)) }));
