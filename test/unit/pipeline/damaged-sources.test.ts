import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataset } from '../../../scripts/lib/dataset';
import { loadCorrections, loadDocument, loadManifest } from '../../../scripts/lib/sources';
import { ingest } from '../../../src/lib/pipeline/ingest';
import { ADAPTERS } from '../../../src/lib/adapters/registry';

/**
 * Damaged copies of the real sources, each with the manifest's sha256 updated as a contributor
 * would, so the hash check does not catch them. Every one must be refused with the line of the
 * damage, or published with a warning; none may run quietly. The last test prints the tally.
 */

const NISHI = '000_9fd46558e44b486b.txt';
const MINAMI = '001_c33035deea92b73f.txt';
const NOBORIBETSU = '002_db65a073836b6cce.txt';
const KITAMOTO = '003_1ab97e7656db3c51.txt';
const YAMAGUCHI = '004_0e03a675e01c87c9.txt';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of data/ with one source's bytes changed and its sha256 in the manifest updated. */
function damagedCopy(file: string, damage: (bytes: Buffer) => Buffer, manifest: (text: string) => string = (t) => t): string {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-damaged-'));
	dirs.push(dir);
	cpSync('data', dir, { recursive: true });
	const path = join(dir, 'sources', file);
	const before = readFileSync(path);
	const after = damage(before);
	writeFileSync(path, after);
	const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
	const manifestPath = join(dir, 'sources', 'manifest.json');
	writeFileSync(manifestPath, manifest(readFileSync(manifestPath, 'utf8').replace(sha(before), sha(after))));
	return dir;
}

const lines = (b: Buffer) => b.toString('utf8').split('\n');
const fromLines = (ls: string[]) => Buffer.from(ls.join('\n'), 'utf8');
/** Change line n (1-based) of the text. */
const editLine = (n: number, edit: (line: string) => string) => (b: Buffer) => {
	const ls = lines(b);
	ls[n - 1] = edit(ls[n - 1]);
	return fromLines(ls);
};
const swapCells = (a: number, b: number) => (line: string) => {
	const cells = line.split('\t');
	[cells[a - 1], cells[b - 1]] = [cells[b - 1], cells[a - 1]];
	return cells.join('\t');
};

type Outcome = { refused: string } | { warnings: string[] };
const tally: { name: string; outcome: 'refused' | 'warned' | 'quiet' }[] = [];

/** Run the pipeline over the copy; the message of its refusal, or the warnings of the damaged source. */
function run(dir: string, file: string): Outcome {
	try {
		const { quality } = buildDataset({ dataDir: dir, sourcesDir: join(dir, 'sources'), only: [file] });
		return { warnings: quality.sources.flatMap((s) => s.warnings.map((w) => `${w.code}@${w.line}`)) };
	} catch (e) {
		return { refused: (e as Error).message };
	}
}

function expectRefused(name: string, dir: string, file: string, pattern: RegExp): void {
	const outcome = run(dir, file);
	tally.push({ name, outcome: 'refused' in outcome ? 'refused' : 'quiet' });
	expect('refused' in outcome ? outcome.refused : `ran: ${JSON.stringify(outcome)}`).toMatch(pattern);
}

describe('a damaged source is refused or warned about, never published quietly', () => {
	it('登別市 cut mid-table (18 → 9 initiatives): refused at the cut, with the counts that changed', () => {
		// Keep lines 1–20: the rows of 基本計画 1–9 (row 9 is line 20).
		const dir = damagedCopy(NOBORIBETSU, (b) => fromLines([...lines(b).slice(0, 20), '']));
		expectRefused('登別市 cut mid-table', dir, NOBORIBETSU, /^002_db65a073836b6cce\.txt:21: .*cut at line 21.*read now: 9 initiatives \(reviewed: 18\).*goal G3 3 .*1 initiative\(s\) \(reviewed: 3\)/);
	});

	it('西区 cut in the middle of row 14 (32 → 13 initiatives and a shifted row): refused at line 29, not one warning for the cut row', () => {
		const dir = damagedCopy(NISHI, (b) => {
			const ls = lines(b).slice(0, 29);
			ls[28] = ls[28].slice(0, 20);
			return fromLines(ls);
		});
		expectRefused('西区 cut mid-row', dir, NISHI, /^000_9fd46558e44b486b\.txt:29: the row of 15107-014 has \d+ cells, the reviewed reading 9, and the file ends here .*read now: 13 initiatives \(reviewed: 32\)/);
	});

	it('北本市 with a department published as a name (事業名 and 事業主体 swapped): refused naming the row and cells', () => {
		const dir = damagedCopy(KITAMOTO, editLine(11, swapCells(1, 8)));
		expectRefused('北本市 department as name', dir, KITAMOTO, /^003_1ab97e7656db3c51\.txt:11: the row of 11233-\d+: cells 1 and 8 hold each other's reviewed text \(swapped\); the rest of the file is as reviewed/);
	});

	it("山口市 with its two role texts swapped (住民、地域の役割 ↔ 関係機関の役割): refused naming the row and cells", () => {
		const dir = damagedCopy(YAMAGUCHI, editLine(28, swapCells(2, 3)));
		expectRefused('山口市 role texts swapped', dir, YAMAGUCHI, /^004_0e03a675e01c87c9\.txt:28: the row of 35203-001-c, 35203-001-s: cells 2 and 3 hold each other's reviewed text \(swapped\)/);
	});

	it('西区 with a byte that is not UTF-8 in a name: refused with file, line and column', () => {
		const dir = damagedCopy(NISHI, (b) => {
			const at = b.indexOf(Buffer.from('避難行動要支援者対策'));
			return Buffer.concat([b.subarray(0, at + 3), Buffer.from([0xff]), b.subarray(at + 3)]);
		});
		// Line 11 is "2\t○\t○\t\t○\t避難…": the name starts at column 10, the bad byte follows its first character.
		expectRefused('西区 invalid UTF-8', dir, NISHI, /^000_9fd46558e44b486b\.txt:11:11: bytes ff .* are not UTF-8/);
	});

	it('西区 with a multibyte character cut in half: refused where it is, instead of publishing U+FFFD', () => {
		const dir = damagedCopy(NISHI, (b) => {
			const at = b.indexOf(Buffer.from('避難行動要支援者対策'));
			return Buffer.concat([b.subarray(0, at + 2), b.subarray(at + 3)]);
		});
		expectRefused('西区 character cut in half', dir, NISHI, /^000_9fd46558e44b486b\.txt:11:10: bytes e9 81 .* are not UTF-8/);
	});

	it('西区 with U+FFFD already in a name (an earlier tool lost the bytes): refused', () => {
		const dir = damagedCopy(NISHI, editLine(11, (l) => l.replace('避難行動', '避\ufffd行動')));
		expectRefused('西区 U+FFFD in a name', dir, NISHI, /^000_9fd46558e44b486b\.txt:11:11: the replacement character U\+FFFD/);
	});

	it('西区 with a NUL byte in a name: refused with line and column', () => {
		const dir = damagedCopy(NISHI, editLine(12, (l) => l.replace('子ども・子育て', '子ども\u0000子育て')));
		expectRefused('西区 NUL in a name', dir, NISHI, /^000_9fd46558e44b486b\.txt:12:11: the control character U\+0000 is not report text/);
	});

	it('a manifest municipality code that exists nowhere (00000): refused at its line of manifest.json', () => {
		const dir = damagedCopy(NOBORIBETSU, (b) => b, (m) => m.replace('"muni_code": "01230"', '"muni_code": "00000"'));
		const manifestLine = readFileSync('data/sources/manifest.json', 'utf8').split('\n').findIndex((l) => l.includes('"muni_code": "01230"')) + 1;
		expectRefused('manifest code 00000', dir, NOBORIBETSU, new RegExp(`manifest\\.json:${manifestLine}: sources\\[2\\] \\(${NOBORIBETSU}\\): muni_code 00000 is not in the official list`));
	});

	it('a manifest code that exists but is another municipality (登別市 as 01231): refused with the names', () => {
		const dir = damagedCopy(NOBORIBETSU, (b) => b, (m) => m.replace('"muni_code": "01230"', '"muni_code": "01231"'));
		expectRefused('manifest code of another municipality', dir, NOBORIBETSU, /name_ja is "登別市" but 01231 is 恵庭市/);
	});

	it("山口市 with a line deleted above its reviewed corrections (line 50): refused at line 50, not at the corrections' line 64", () => {
		const dir = damagedCopy(YAMAGUCHI, (b) => fromLines(lines(b).filter((_, i) => i !== 49)));
		expectRefused('山口市 line deleted above corrections', dir, YAMAGUCHI, /^004_0e03a675e01c87c9\.txt:50: 1 line\(s\) of the reviewed text are missing here \(reviewed lines 50–50\)/);
	});

	it('南区 cut at line 650: the refusal names line 650, not the correction at line 807', () => {
		const dir = damagedCopy(MINAMI, (b) => fromLines(lines(b).filter((_, i) => i !== 649)));
		expectRefused('南区 line 650 removed', dir, MINAMI, /^001_c33035deea92b73f\.txt:650: 1 line\(s\) of the reviewed text are missing here/);
	});

	it('南区 with lines inserted: refused where they start', () => {
		const dir = damagedCopy(MINAMI, (b) => {
			const ls = lines(b);
			ls.splice(300, 0, '挿入された行', '');
			return fromLines(ls);
		});
		expectRefused('南区 lines inserted', dir, MINAMI, /^001_c33035deea92b73f\.txt:301: 2 line\(s\) inserted here/);
	});

	it('bidirectional-override characters in a name are removed at ingest, with a warning counted in quality.json', () => {
		const dir = damagedCopy(NISHI, editLine(11, (l) => l.replace('避難行動要支援者対策', '\u202e避難行動\u202c要支援者対策\u2066')));
		const { dataset, quality } = buildDataset({ dataDir: dir, sourcesDir: join(dir, 'sources'), only: [NISHI] });
		const name = (dataset.initiatives as { initiative_id: string; name_ja: string }[]).find((i) => i.initiative_id === '15107-002')!.name_ja;
		expect(name).toBe('避難行動要支援者対策');
		const warning = quality.sources[0].warnings.find((w) => w.code === 'bidi_control_removed');
		expect(warning).toMatchObject({ line: 11, column: 10 });
		expect(warning!.message).toMatch(/removed 3 bidirectional control character\(s\) \(U\+202E, U\+202C, U\+2066\)/);
		expect(quality.totals.warnings).toBe(1);
		tally.push({ name: '西区 bidi overrides in a name', outcome: warning ? 'warned' : 'quiet' });
	});
});

describe('a correction that no longer applies stops the run, in every template that has corrections', () => {
	const files = [MINAMI, KITAMOTO, YAMAGUCHI];
	for (const file of files) {
		it(`${file}: its first correction, made stale, stops the run at the correction's line`, () => {
			const dir = damagedCopy(file, (b) => b);
			const path = join(dir, 'corrections', file.replace('.txt', '.json'));
			const book = JSON.parse(readFileSync(path, 'utf8'));
			// As if the source had changed under it: the text it corrects is no longer at its line.
			book.corrections[0].line += 1;
			writeFileSync(path, JSON.stringify(book));
			const c = book.corrections[0];
			expectRefused(`${file} stale correction`, dir, file, new RegExp(`^${file.replace('.', '\\.')}:${c.line}\\b.*${c.id}`));
		});
	}
});

describe("the report's own numbering must be complete, with or without a reviewed reading", () => {
	it('西区 without row 13 (a report brought without a reading): refused at the row after the gap', () => {
		const manifest = { sources: loadManifest().sources.filter((s) => s.file === NISHI) };
		const doc = loadDocument(manifest.sources[0]);
		const ls = doc.lines.filter((_, i) => i !== 27);
		expect(() =>
			ingest({ manifest, documents: [{ ...doc, lines: ls, text: ls.join('\n') }], schemes: [], corrections: loadCorrections(), adapters: ADAPTERS })
		).toThrow(/^000_9fd46558e44b486b\.txt:28: initiatives: the initiative at line 28 is numbered 14, but number 13 is missing before it/);
		tally.push({ name: '西区 numbering gap without a reading', outcome: 'refused' });
	});
});

describe('the tally', () => {
	it('every damaged case tried was refused or warned about', () => {
		const caught = tally.filter((t) => t.outcome !== 'quiet');
		console.log(`damaged-source cases refused or warned: ${caught.length} / ${tally.length} (${tally.filter((t) => t.outcome === 'refused').length} refused, ${tally.filter((t) => t.outcome === 'warned').length} warned)`);
		expect(tally.length).toBeGreaterThanOrEqual(18);
		expect(tally.filter((t) => t.outcome === 'quiet')).toEqual([]);
	});
});
