/**
 * The worker DuckDB-wasm runs in: DuckDB's own worker script (the one `selectBundle` chose for this
 * browser, named in this worker's address after `#`), loaded here so that its WebAssembly compiles
 * from the fetch's own Response.
 *
 * Why: browsers keep the compiled module for the next visit only when WebAssembly is compiled by
 * streaming from the Response that fetch() returned for the .wasm URL (Chromium attaches its code
 * cache to that Response's body; a Response built with `new Response(stream)` has none). DuckDB's
 * worker, when TransformStream exists, pipes the download through one to report progress and
 * compiles from such a rebuilt Response, so nothing was ever cached. Without TransformStream it
 * compiles straight from fetch(): the pages do not show download progress of the module, so the
 * progress reports are not missed. DuckDB's worker uses TransformStream nowhere else.
 */
const scope = self as unknown as { TransformStream?: unknown; importScripts(url: string): void; location: Location };

const script = new URL(decodeURIComponent(scope.location.hash.slice(1)), scope.location.href);
// Only a script of this site: the address is written by src/lib/db/wasm.ts, never by a user.
if (script.origin !== scope.location.origin) throw new Error(`DuckDB worker script from another origin refused: ${script.href}`);

delete scope.TransformStream;
scope.importScripts(script.href);
