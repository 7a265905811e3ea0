// Browser tests use Debian's Chromium, never a downloaded browser (no internet here).
// When none is found, install it with apt-get if we can (root and apt present); otherwise say how.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = candidates.find((p) => existsSync(p));
if (found) {
	console.log(`chromium: using ${found}`);
	process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let hasApt = false;
try {
	execSync('command -v apt-get', { stdio: 'ignore' });
	hasApt = true;
} catch {
	hasApt = false;
}
if (!isRoot || !hasApt) {
	console.error(
		'chromium: no Chromium found. Install Debian\'s package ("sudo apt-get install chromium") or set CHROMIUM_PATH to a Chromium binary, then run the tests again.'
	);
	process.exit(1);
}
console.log('chromium: not found; installing Debian\'s chromium and Japanese fonts with apt-get…');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit' });
if (!existsSync('/usr/bin/chromium')) {
	console.error('chromium: apt-get finished but /usr/bin/chromium is still missing');
	process.exit(1);
}
console.log('chromium: installed /usr/bin/chromium');
