// Serves the built site (build/) as plain static files, as any intranet web server would, with the
// headers of scripts/lib/headers.js (content types, caching, nosniff, no framing), and range requests
// (scripts/lib/byte-ranges.js) so that Parquet readers fetch only the parts of a file they need.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import sirv from 'sirv';
import { headersFor } from './lib/headers.js';
import { answerRange } from './lib/byte-ranges.js';

const dir = process.env.ATLAS_BUILD_DIR ?? 'build';
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';

if (!existsSync(`${dir}/index.html`)) {
	console.error(`serve: ${dir}/index.html is missing; run "npm run build" first`);
	process.exit(1);
}

const files = sirv(dir, {
	extensions: ['html'],
	gzip: false,
	etag: true,
	dev: false,
	setHeaders(res, pathname) {
		for (const [name, value] of Object.entries(headersFor(pathname))) res.setHeader(name, value);
	}
});

// A path the build has no file for gets the site's own not-found page in the path's language.
function notFound(req, res) {
	const english = /^\/en(\/|$|\?)/.test(req.url ?? '');
	const page = `${dir}${english ? '/en' : ''}/404.html`;
	res.statusCode = 404;
	for (const [name, value] of Object.entries(headersFor(page))) res.setHeader(name, value);
	if (existsSync(page)) {
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.end(readFileSync(page));
	} else {
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end('Not found\n');
	}
}

const server = createServer((req, res) => {
	const pathname = (req.url ?? '/').split('?')[0];
	if (answerRange(req, res, dir, headersFor(pathname))) return;
	files(req, res, () => notFound(req, res));
});
server.listen(port, host, () => {
	console.log(`Welfare Plan Atlas (地域福祉計画アトラス) is running at http://localhost:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
