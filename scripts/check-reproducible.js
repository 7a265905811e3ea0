// npm run check:reproducible — builds the site a second time and checks that every file of build/
// is byte-identical to the build already there (npm test or npm run build made it). Two builds of one
// commit must be the same bytes, so that a published site can be checked against its commit.
// The second build is the site's (vite build) over the dataset the first one made: that npm run data
// writes the same bytes on every run is test/unit/pipeline/pipeline.test.ts's to prove, on every
// npm test, and the dataset is part of build/ compared here.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

function files(dir) {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)))
		.sort();
}

if (!existsSync('build/index.html')) {
	console.error('check:reproducible: build/ is missing; run "npm run build" first');
	process.exit(1);
}
const first = mkdtempSync(join(tmpdir(), 'atlas-first-build-'));
try {
	cpSync('build', first, { recursive: true });
	execFileSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	const a = files(first);
	const b = files('build');
	const names = [...new Set([...a, ...b])].sort();
	const differ = names.filter((n) => !a.includes(n) || !b.includes(n) || !readFileSync(join(first, n)).equals(readFileSync(join('build', n))));
	if (differ.length) {
		console.error(`check:reproducible: ${differ.length} of ${names.length} files differ between two builds:`);
		for (const n of differ.slice(0, 40)) console.error(`  ${n}${!a.includes(n) ? ' (only in the second build)' : !b.includes(n) ? ' (only in the first build)' : ''}`);
		process.exit(1);
	}
	console.log(`check:reproducible: two builds are byte-identical (${names.length} files)`);
} finally {
	rmSync(first, { recursive: true, force: true });
}
