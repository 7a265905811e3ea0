// The HTTP headers the Atlas wants from any server that hosts it (scripts/serve.js sends them; the
// README lists them for intranet servers). Kept apart from the server so that a test can read them.

/** Content types that common servers do not know; .wasm must be application/wasm for streaming compilation. */
export const CONTENT_TYPES = {
	'.parquet': 'application/vnd.apache.parquet',
	'.wasm': 'application/wasm',
	'.json': 'application/json',
	'.csv': 'text/csv; charset=utf-8',
	'.zip': 'application/zip'
};

/** Headers for one served path. */
export function headersFor(pathname) {
	const headers = {
		// Browsers must not guess a type (a data file shown as HTML would run as a page).
		'X-Content-Type-Options': 'nosniff',
		// The pages carry their own script policy in a meta tag; framing can only be refused by a header.
		'Content-Security-Policy': "frame-ancestors 'none'",
		'X-Frame-Options': 'DENY',
		'Referrer-Policy': 'no-referrer',
		// hyparquet and downloads may ask for parts of a file.
		'Accept-Ranges': 'bytes',
		// Files under /_app/immutable/ carry a content hash in their name; everything else may change
		// with the next build, so the browser asks again (a 304 when unchanged).
		'Cache-Control': pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
	};
	const dot = pathname.lastIndexOf('.');
	const type = dot > pathname.lastIndexOf('/') ? CONTENT_TYPES[pathname.slice(dot).toLowerCase()] : undefined;
	if (type) headers['Content-Type'] = type;
	return headers;
}
