import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SampleFile, matchSample, sampleHalf } from '../../../src/lib/themes/sample';
import type { Initiative } from '../../../src/lib/contract/tables';

const sample = SampleFile.parse(JSON.parse(readFileSync('data/themes/sample.json', 'utf8')));
/** Only the fields matchSample reads; the rest of an initiative row does not matter here. */
const initiative = (id: string, name: string, description: string | null, actor = 'city') =>
	({ initiative_id: id, muni_code: id.slice(0, 5), name_ja: name, description_ja: description, actor }) as unknown as Initiative;

describe('sample split', () => {
	it('is fixed by municipality and name, whatever the order, spacing or actor', () => {
		const e = sample.entries[0];
		expect(sampleHalf(e)).toBe(sampleHalf({ ...e, name: e.name.replace(/(.)/, '$1 ') }));
		// 山口市's 社協 and 市 halves of one row fall on the same side
		const councils = sample.entries.filter((x) => x.actor === 'council');
		for (const c of councils) {
			const city = sample.entries.find((x) => x.actor === 'city' && x.muni_code === c.muni_code && x.name === c.name);
			if (city) expect(sampleHalf(c)).toBe(sampleHalf(city));
		}
	});

	it('puts a fair share of the entries in each half', () => {
		const dev = sample.entries.filter((e) => sampleHalf(e) === 'development').length;
		expect(dev / sample.entries.length).toBeGreaterThan(0.4);
		expect(dev / sample.entries.length).toBeLessThan(0.6);
	});
});

describe('matchSample', () => {
	it('南区: a row printed without a name is found by its description', () => {
		const entry = { muni_code: '15106', name: '特定健診とがん検診が一緒に受けられるミニドック型集団健診を実施する。', themes: ['health'] };
		const rows = [
			initiative('15106-032', '健康寿命延伸に向けた取り組みの実施', '特定健診とがん検診が一緒に受けられるミニドック型集団健診を実施する。'),
			initiative('15106-033', '健康寿命延伸に向けた取り組みの実施', '誰もが取り組みやすい「はかろう体重！あるこう南区！大作戦」を実施する。')
		];
		expect(matchSample([entry], rows)[0].initiatives.map((i) => i.initiative_id)).toEqual(['15106-032']);
	});
});
