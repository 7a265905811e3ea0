import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addSource } from '../../../scripts/add-source';
import { buildDataset } from '../../../scripts/lib/dataset';
import { loadDocument, loadSchemes, sha256 } from '../../../scripts/lib/sources';
import { readReport } from '../../../src/lib/template-kit/read';
import { ADAPTERS } from '../../../src/lib/adapters/registry';

/** Adding a city: one command on a copy of data/, then the pipeline reads the new source. */
describe('npm run source:add', () => {
	const args = (file: string, more: string[] = []) => [
		file, '--template', 'noboribetsu-kizuna-2017', '--code', '01203', '--name-ja', '小樽市', '--name-en', 'Otaru City',
		'--prefecture-ja', '北海道', '--prefecture-en', 'Hokkaido', '--title-ja', '試験計画', '--title-en', 'Test plan',
		'--actor-ja', '小樽市社会福祉協議会', '--report-year', '2017', '--years', '2017', '--scheme', '01230-1-5', ...more
	];
	const setUp = () => {
		const tmp = mkdtempSync(join(tmpdir(), 'atlas-add-'));
		const data = join(tmp, 'data');
		cpSync('data', data, { recursive: true });
		// Another city's report in the same template: the 登別市 text with a line of its own.
		const report = join(tmp, 'report.txt');
		writeFileSync(report, `${readFileSync('data/sources/002_db65a073836b6cce.txt', 'utf8')}\n小樽市の報告\n`);
		return { tmp, data, report };
	};

	it('copies the report, computes its sha256 and writes its manifest entry; the pipeline then reads it with its template', () => {
		const { data, report } = setUp();
		const before = readFileSync(join(data, 'sources', 'manifest.json'), 'utf8');
		const entry = addSource(args(report), data, join(data, 'sources'));
		const hash = sha256(readFileSync(report));
		expect(entry).toMatchObject({ file: `005_${hash.slice(0, 16)}.txt`, sha256: hash, adapter: 'noboribetsu-kizuna-2017', plan: { plan_id: '01203-2017' } });
		expect(readFileSync(join(data, 'sources', entry.file))).toEqual(readFileSync(report));
		const after = readFileSync(join(data, 'sources', 'manifest.json'), 'utf8');
		// The reviewed entries keep their layout: the change is the new entry only.
		expect(after.startsWith(before.slice(0, before.lastIndexOf(']')).trimEnd())).toBe(true);
		expect(existsSync(join(data, 'corrections', entry.file.replace('.txt', '.json')))).toBe(true);
		// Its template reads it; the run publishes it once someone has read it against the report (source:review).
		const result = readReport(ADAPTERS.get(entry.adapter)!, loadDocument(entry, join(data, 'sources')), { scheme: loadSchemes(data).find((s) => s.scheme_id === entry.scheme_id)!, corrections: [] });
		expect([result.initiatives.length, result.evaluations.length]).toEqual([18, 18]);
		expect(() => buildDataset({ dataDir: data, sourcesDir: join(data, 'sources'), only: ['01203'] })).toThrowError(/has no reviewed reading/);
	});

	it('refuses an unknown template, a missing field, or a report already in the manifest, and writes nothing', () => {
		const { data, report } = setUp();
		const manifest = () => readFileSync(join(data, 'sources', 'manifest.json'), 'utf8');
		const before = manifest();
		const sources = join(data, 'sources');
		expect(() => addSource(args(report).map((a) => (a === 'noboribetsu-kizuna-2017' ? 'nowhere-2020' : a)), data, sources)).toThrowError(/--template nowhere-2020: no such template; the templates are .*kitamoto-2023/);
		expect(() => addSource(args(report).filter((a, i, all) => a !== '--name-en' && all[i - 1] !== '--name-en'), data, sources)).toThrowError(/missing --name-en/);
		expect(() => addSource(args('data/sources/002_db65a073836b6cce.txt'), data, sources)).toThrowError(/already has this report as 002_db65a073836b6cce\.txt/);
		expect(() => addSource(args(report, ['--code', '1999']), data, sources)).toThrowError(/municipality\.muni_code/);
		expect(manifest()).toBe(before);
	});
});
