/**
 * Replace a published folder (static/data) with a freshly written one so that a run killed at any
 * instant leaves a complete dataset: the previous one or the new one, never a mix and never none
 * after the next run.
 *
 * A folder cannot be renamed over a non-empty folder, and Node has no atomic exchange of two
 * folders, so the swap takes two renames. Before the first one a journal (written atomically) names
 * the staged and the set-aside folder. A run killed between the two renames leaves the target
 * missing for that moment only: `recoverDir`, which every run calls before doing anything else,
 * finishes the swap from the journal (the staged folder is complete before the journal exists).
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Folder names, all in the target's parent folder (so the journal holds wherever the run starts). */
export interface SwapJournal {
	target: string;
	/** the complete new folder, about to become the target */
	staged: string;
	/** where the previous target is set aside until the new one is in place */
	old: string;
}

/** Names of the steps, where the kill test injects SIGKILL (ATLAS_KILL_AT=<step>). */
export type SwapStep = 'journal-written' | 'old-set-aside' | 'staged-in-place' | 'old-removed';

const journalPath = (target: string) => join(dirname(target), `.${basename(target)}-swap.json`);

/** Flush a file or folder to disk, so that a power cut after the swap does not leave empty files. */
function flush(path: string): void {
	const fd = openSync(path, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/** Flush every file of a folder, then the folder itself. */
export function flushDir(dir: string): void {
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isFile()) flush(p);
	}
	flush(dir);
}

function writeJournal(target: string, journal: SwapJournal): void {
	const path = journalPath(target);
	const tmp = `${path}.tmp`;
	writeFileSync(tmp, JSON.stringify(journal) + '\n');
	flush(tmp);
	renameSync(tmp, path);
	flush(dirname(path));
}

/**
 * Put `staged` (complete, flushed) in place of `target`. `step` is called after each step, for the
 * kill test; it does nothing in a normal run.
 */
export function replaceDir(target: string, staged: string, step: (s: SwapStep) => void = () => {}): void {
	flushDir(staged);
	if (!existsSync(target)) {
		// Nothing to set aside: one rename, atomic.
		renameSync(staged, target);
		flush(dirname(target));
		return;
	}
	if (dirname(staged) !== dirname(target)) throw new Error(`${staged}: a staged folder must sit beside ${target} (one rename, one file system)`);
	const old = `${staged}-old`;
	writeJournal(target, { target: basename(target), staged: basename(staged), old: basename(old) });
	step('journal-written');
	renameSync(target, old);
	step('old-set-aside');
	renameSync(staged, target);
	flush(dirname(target));
	step('staged-in-place');
	rmSync(old, { recursive: true, force: true });
	step('old-removed');
	rmSync(journalPath(target), { force: true });
}

/**
 * Finish or undo a swap that a killed run left half done, and remove folders that killed runs left
 * staged (they would otherwise be copied into the site with static/). Returns what it did, for the log.
 */
export function recoverDir(target: string, stagedPrefix: string): string[] {
	const done: string[] = [];
	const parent = dirname(target);
	const path = journalPath(target);
	if (existsSync(path)) {
		let journal: SwapJournal | null = null;
		try {
			journal = JSON.parse(readFileSync(path, 'utf8')) as SwapJournal;
		} catch {
			// A torn journal cannot exist (it is renamed into place), but never act on one that does not parse.
		}
		if (journal && journal.target === basename(target)) {
			const staged = join(parent, basename(journal.staged));
			const old = join(parent, basename(journal.old));
			if (!existsSync(target)) {
				// Killed between the two renames: the staged folder is complete, so finish the swap.
				const from = existsSync(staged) ? staged : old;
				if (existsSync(from)) {
					renameSync(from, target);
					flush(parent);
					done.push(`restored ${target} from ${basename(from)}`);
				}
			}
			for (const left of [staged, old]) {
				if (existsSync(left)) {
					rmSync(left, { recursive: true, force: true });
					done.push(`removed ${basename(left)}`);
				}
			}
		}
		rmSync(path, { force: true });
		rmSync(`${path}.tmp`, { force: true });
	}
	rmSync(`${path}.tmp`, { force: true });
	if (existsSync(parent)) {
		for (const name of readdirSync(parent)) {
			if (!name.startsWith(stagedPrefix)) continue;
			const pid = Number(name.slice(stagedPrefix.length).split('-')[0]);
			if (pid === process.pid || isAlive(pid)) continue;
			rmSync(join(parent, name), { recursive: true, force: true });
			done.push(`removed ${name}`);
		}
	}
	return done;
}

function isAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}
