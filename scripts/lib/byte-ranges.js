// HTTP range requests (RFC 9110 §14) for scripts/serve.js. A Parquet reader in the browser (hyparquet,
// DuckDB) or outside it reads a file's footer first and then only the row groups and columns it needs,
// each as a `Range: bytes=a-b` request; sirv answers ranges too, but takes `bytes=0-0` for the whole
// file, misreads suffix ranges (`bytes=-8`) and accepts reversed ones, so ranges are answered here.
import { createReadStream, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import parseRange from 'range-parser';

/** The regular file under `dir` that a request path names, or null (outside the folder, missing, a folder). */
export function fileFor(dir, url) {
	let pathname;
	try {
		pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
	} catch {
		return null;
	}
	if (pathname.includes('\0')) return null;
	const root = normalize(dir + sep);
	const abs = normalize(join(root, pathname));
	if (!abs.startsWith(root)) return null;
	try {
		const stats = statSync(abs);
		return stats.isFile() ? { abs, size: stats.size, mtime: stats.mtime } : null;
	} catch {
		return null;
	}
}

const BYTE_RANGE_SET = /^bytes=\s*(\d+-\d*|-\d+)(\s*,\s*(\d+-\d*|-\d+))*\s*$/;

/**
 * What to do with a request's Range header for a file of `size` bytes:
 * { kind: 'full' } (no header, a malformed one, a stale If-Range, or several ranges: the whole file, 200);
 * { kind: 'range', start, end } (206, inclusive bounds); { kind: 'unsatisfiable' } (416).
 */
export function rangeOf(headers, size, lastModified) {
	const header = headers.range;
	if (!header) return { kind: 'full' };
	// If-Range: the client holds a copy of a given date; a changed file is sent whole (strong validators only).
	const ifRange = headers['if-range'];
	if (ifRange && ifRange !== lastModified.toUTCString()) return { kind: 'full' };
	// Only a well-formed byte-range set is read; anything else is ignored, as RFC 9110 allows
	// (range-parser alone would call `bytes=abc` unsatisfiable).
	if (!BYTE_RANGE_SET.test(header)) return { kind: 'full' };
	const ranges = parseRange(size, header, { combine: true });
	if (ranges === -1) return { kind: 'unsatisfiable' };
	if (ranges === -2 || ranges.type !== 'bytes') return { kind: 'full' };
	// Several disjoint ranges would need multipart/byteranges; the RFC lets a server send the whole file.
	if (ranges.length !== 1) return { kind: 'full' };
	return { kind: 'range', start: ranges[0].start, end: ranges[0].end };
}

/**
 * Answers a GET or HEAD that carries a Range header for a file of the build; returns false (and does
 * nothing) for every other request, which sirv then serves. `headers` are the site's own (headers.js).
 */
export function answerRange(req, res, dir, headers) {
	if (!req.headers.range) return false;
	const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(dir, req.url ?? '/') : null;
	const range = file ? rangeOf(req.headers, file.size, file.mtime) : { kind: 'full' };
	if (range.kind === 'full') {
		// The whole file, from sirv, which must not read the header again in its own way.
		delete req.headers.range;
		return false;
	}
	for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
	res.setHeader('Accept-Ranges', 'bytes');
	res.setHeader('Last-Modified', file.mtime.toUTCString());
	if (range.kind === 'unsatisfiable') {
		res.statusCode = 416;
		res.setHeader('Content-Range', `bytes */${file.size}`);
		res.end();
		return true;
	}
	res.statusCode = 206;
	if (!res.getHeader('Content-Type')) res.setHeader('Content-Type', 'application/octet-stream');
	res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${file.size}`);
	res.setHeader('Content-Length', range.end - range.start + 1);
	if (req.method === 'HEAD') {
		res.end();
		return true;
	}
	createReadStream(file.abs, { start: range.start, end: range.end }).pipe(res);
	return true;
}
