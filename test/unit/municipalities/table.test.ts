import { describe, expect, it } from 'vitest';
import { loadLocalGovernmentFile, loadManifest } from '../../../scripts/lib/sources';
import { municipalityCoverage, municipalityRows } from '../../../src/lib/pipeline/municipalities';
import { englishName, prefectureEnglish, romanize } from '../../../src/lib/municipalities/names';
import { TILE_POSITIONS } from '../../../src/lib/coverage/tile-map';
import type { Municipality } from '../../../src/lib/contract/tables';
import { TABLES } from '../../../src/lib/contract/tables';

const list = loadLocalGovernmentFile();
const manifest = loadManifest();
const reporting: Municipality[] = manifest.sources.map((s) => ({ ...s.municipality, name_kana: null, kind: null, prefecture_code: s.municipality.muni_code.slice(0, 2), has_report: true, note: null }));
const rows = municipalityRows(reporting, list);

describe('the municipalities table', () => {
	it('lists every entry of the official list, each valid under the contract, five with a report', () => {
		expect(rows).toHaveLength(1918);
		const schema = TABLES.find((t) => t.name === 'municipalities')!.schema;
		for (const r of rows) expect(() => schema.parse(r)).not.toThrow();
		expect(rows.filter((r) => r.has_report).map((r) => r.muni_code).sort()).toEqual(['01230', '11233', '15106', '15107', '35203']);
	});

	it('keeps the manifest names of a municipality with a report and the list kind and reading', () => {
		const nishi = rows.find((r) => r.muni_code === '15107')!;
		expect(nishi).toMatchObject({ name_ja: '新潟市西区', name_en: 'Nishi Ward, Niigata City', kind: 'ward', name_kana: 'にしく', parent_code: '15100', parent_name_en: 'Niigata City', prefecture_code: '15' });
	});

	it('names the others from the official reading', () => {
		const by = (code: string) => rows.find((r) => r.muni_code === code)!;
		expect(by('01100')).toMatchObject({ name_ja: '札幌市', name_en: 'Sapporo City', kind: 'designated_city', has_report: false });
		expect(by('01101')).toMatchObject({ name_ja: '札幌市中央区', name_en: 'Chuo Ward, Sapporo City', parent_name_en: 'Sapporo City' });
		expect(by('47201')).toMatchObject({ name_ja: '那覇市', name_en: 'Naha City', prefecture_en: 'Okinawa' });
		expect(by('13103')).toMatchObject({ name_ja: '港区', name_en: 'Minato City', kind: 'special_ward' });
		expect(by('01695').note).toMatch(/Northern Territories/);
	});

	it('romanizes as the manifest spells the five reporting municipalities and their prefectures', () => {
		const governments = new Map(list.local_governments.map((g) => [g.code, g]));
		for (const s of manifest.sources) {
			const g = governments.get(s.municipality.muni_code)!;
			const own = englishName(g);
			expect(s.municipality.name_en.startsWith(own)).toBe(true);
			expect(prefectureEnglish(list.prefectures.find((p) => p.code === g.prefecture_code)!)).toBe(s.municipality.prefecture_en);
		}
		expect(romanize('とうきょう')).toBe('Tokyo');
		expect(romanize('しんおおさか')).toBe('Shinosaka');
	});

	it('refuses a reporting code the list lacks instead of dropping it', () => {
		expect(() => municipalityRows([{ ...reporting[0], muni_code: '99999' }], list)).toThrow(/99999.*not in the official list/);
	});

	it('counts coverage for quality.json', () => {
		const c = municipalityCoverage(rows, list);
		expect(c).toMatchObject({ listed: 1918, with_report: 5, prefectures: 47, prefectures_with_report: 4, list_as_of: '2024-01-01' });
		expect(c.by_kind.ward).toEqual({ listed: 171, with_report: 2 });
		expect(c.by_kind.city.with_report).toBe(3);
	});
});

describe('the coverage tile map', () => {
	it('places all 47 prefectures, each on a tile of its own', () => {
		expect(Object.keys(TILE_POSITIONS).sort()).toEqual(list.prefectures.map((p) => p.code).sort());
		const at = Object.values(TILE_POSITIONS).map(([x, y]) => `${x},${y}`);
		expect(new Set(at).size).toBe(47);
	});
});
