/**
 * npm run build:synthetic [-- --municipalities 1741 --seed 1 --prerender-budget N]: the site built against the synthetic
 * national dataset, into build-synthetic/ (never build/): npm run synth (when its folder is missing
 * or was drawn with other arguments), the pipeline over it (npm run data -- --input … --out …), then
 * the site with its static files from synthetic-data/static. Prints how long each step took; the
 * bench (scripts/bench/build.bench.ts) reads those figures. --prerender-budget sets how many
 * initiatives are prerendered in full (src/lib/scale/prerender.ts; the rest are drawn by /view).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { municipalities: { type: 'string', default: '1741' }, seed: { type: 'string', default: '1' }, 'data-only': { type: 'boolean', default: false }, 'prerender-budget': { type: 'string' } } });
const ROOT = 'synthetic-data';
const INPUT = join(ROOT, 'input');
const STATIC = join(ROOT, 'static');
const OUT = 'build-synthetic';

function timed(what: string, command: string, args: string[], env: Record<string, string> = {}): number {
	const started = performance.now();
	execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	const ms = Math.round(performance.now() - started);
	console.log(`build:synthetic: ${what} ${ms} ms`);
	return ms;
}

const marker = join(INPUT, 'SYNTHETIC.json');
const drawn = existsSync(marker) ? JSON.parse(readFileSync(marker, 'utf8')) : null;
if (!drawn || String(drawn.municipalities) !== values.municipalities || String(drawn.seed) !== values.seed) {
	timed('synth', 'npx', ['tsx', 'scripts/synth/synth.ts', '--municipalities', values.municipalities!, '--seed', values.seed!, '--out', INPUT]);
}
timed('data', 'npx', ['tsx', 'scripts/build-data.ts', '--input', INPUT, '--out', join(STATIC, 'data')]);
// The site's other static files (favicon …), the published dataset left behind.
mkdirSync(STATIC, { recursive: true });
for (const entry of readdirSync('static')) if (entry !== 'data') cpSync(join('static', entry), join(STATIC, entry), { recursive: true });
const budget: Record<string, string> = values['prerender-budget'] === undefined ? {} : { ATLAS_PRERENDER_BUDGET: values['prerender-budget'] };
if (!values['data-only']) {
	// ATLAS_PRERENDER_TIMING: the prerender prints each route's pages, ms a page and its share of queries.
	timed('site', 'npx', ['vite', 'build'], { ATLAS_STATIC_DIR: STATIC, ATLAS_BUILD_OUT: OUT, ATLAS_PRERENDER_TIMING: '1', ...budget });
	const pages = execFileSync('find', [OUT, '-name', '*.html'], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
	const size = execFileSync('du', ['-sk', OUT], { encoding: 'utf8' }).split('\t')[0];
	console.log(`build:synthetic: ${pages} pages prerendered, ${OUT}/ is ${Math.round(Number(size) / 1024)} MB`);
	// What a reader downloads for a page of the whole country and of one prefecture: its HTML and its data (__data.json).
	const theme = readdirSync(join(OUT, 'themes')).find((f) => f.endsWith('.html'))!.replace(/\.html$/, '');
	for (const page of ['index', 'grading', `themes/${theme}`, 'prefectures/01', 'prefectures/13']) {
		const html = statSync(join(OUT, `${page}.html`)).size;
		const dataFile = join(OUT, page === 'index' ? '' : page, '__data.json');
		const data = existsSync(dataFile) ? statSync(dataFile).size : 0;
		console.log(`build:synthetic: page /${page === 'index' ? '' : page} ${Math.round(html / 1024)} KB HTML + ${Math.round(data / 1024)} KB data`);
	}
}
console.log(`build:synthetic: the synthetic national site is in ${OUT}/ (serve it with ATLAS_BUILD_DIR=${OUT} npm run serve)`);
