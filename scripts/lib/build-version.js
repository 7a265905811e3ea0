// The site's version: the commit it was built from and a digest of the dataset it publishes.
// Plain JavaScript because svelte.config.js loads it before any TypeScript tooling runs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_DATA_DIR } from './site-dirs.js';

function commit() {
	// A source archive without .git can name its commit in ATLAS_COMMIT.
	if (process.env.ATLAS_COMMIT) return process.env.ATLAS_COMMIT.slice(0, 12);
	try {
		return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return 'nocommit';
	}
}

/** sha256 over the names and bytes of the published files, in name order. */
export function datasetDigest(dir = SITE_DATA_DIR) {
	if (!existsSync(dir)) return 'nodata';
	const hash = createHash('sha256');
	const files = readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile()).map((f) => f.name).sort();
	for (const name of files) {
		hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
	}
	return hash.digest('hex').slice(0, 12);
}

export function buildVersion() {
	return `${commit()}-${datasetDigest()}`;
}
