import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { ALL_TABLES, initiatives } from '../../../src/lib/contract/index';
import { Manifest } from '../../../src/lib/contract/manifest';
import type { QualityReport } from '../../../src/lib/contract/quality';
import { ARCHIVE_ROOT, datasetArchive, tableCsv } from '../../../scripts/lib/write-archive';

const manifest = Manifest.parse(JSON.parse(readFileSync('data/sources/manifest.json', 'utf8')));
const licence = readFileSync('data/LICENSE.md', 'utf8');

function input() {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-archive-'));
	// Stand-ins for the Parquet files the run writes: the archive carries their bytes as they are.
	for (const t of ALL_TABLES) writeFileSync(join(dir, `${t.name}.parquet`), `PAR1 ${t.name}`);
	const quality = { dataset_version: 'v-test-1', sources: manifest.sources.map((s) => ({ source_file: s.file })) } as unknown as QualityReport;
	const data = { initiatives: [{ initiative_id: '15107-001', name_ja: '=サロン', departments: ['福祉課', '社協'], seq: 1 }] };
	return { dir, tables: ALL_TABLES, data, quality, manifest, dictionary: '# dictionary\n', licence };
}

describe('the dataset archive', () => {
	it('holds every table as Parquet and CSV, the dictionary, the quality report, the licence and a README with the version', () => {
		const files = unzipSync(datasetArchive(input()));
		const names = Object.keys(files);
		expect(names).toEqual([...names].sort());
		for (const t of ALL_TABLES) {
			expect(strFromU8(files[`${ARCHIVE_ROOT}/parquet/${t.name}.parquet`])).toBe(`PAR1 ${t.name}`);
			expect(names).toContain(`${ARCHIVE_ROOT}/csv/${t.name}.csv`);
		}
		for (const f of ['README.md', 'LICENSE.md', 'DICTIONARY.md', 'quality.json']) expect(names).toContain(`${ARCHIVE_ROOT}/${f}`);
		const readme = strFromU8(files[`${ARCHIVE_ROOT}/README.md`]);
		expect(readme).toContain('Dataset version: v-test-1');
		for (const s of manifest.sources) expect(readme).toContain(s.plan.title_ja);
		expect(strFromU8(files[`${ARCHIVE_ROOT}/LICENSE.md`])).toBe(licence);
	});

	it('is the same bytes every time, whatever the clock and time zone say', () => {
		const a = datasetArchive(input());
		const tz = process.env.TZ;
		process.env.TZ = 'Pacific/Kiritimati';
		try {
			expect(Buffer.from(datasetArchive(input())).equals(Buffer.from(a))).toBe(true);
		} finally {
			process.env.TZ = tz;
		}
	});

	it('writes a table as the workbench exports SELECT *: contract columns, lists as JSON, formulas neutralised, BOM', () => {
		const csv = tableCsv(initiatives, input().data.initiatives);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const [header, row] = csv.slice(1).split('\r\n');
		expect(header.split(',')[0]).toBe('initiative_id');
		expect(row).toContain("'=サロン");
		expect(row).toContain('"[""福祉課"",""社協""]"');
	});
});

describe('data/LICENSE.md', () => {
	it('lists every source of the manifest with its title and publisher', () => {
		for (const s of manifest.sources) {
			const line = licence.split('\n').find((l) => l.startsWith(`| ${s.file} |`));
			expect(line, s.file).toBeDefined();
			expect(line).toContain(s.plan.title_ja);
			expect(line).toContain(s.plan.actor_ja);
			expect(line).toContain(s.municipality.name_ja);
		}
		expect(licence).toContain('CC BY 4.0');
		expect(licence).toContain('政府標準利用規約');
	});
});
