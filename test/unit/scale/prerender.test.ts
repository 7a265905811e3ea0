import { describe, expect, it } from 'vitest';
import { openSourcesDataset } from '../../helpers/dataset-db';
import { datasetPrerenderScope } from '../../../src/lib/scale/scope-query';
import { initiativePage, initiativePages } from '../../../src/lib/queries/initiative';
import {
	PRERENDER_BUDGET,
	initiativeHref,
	municipalityHref,
	prerenderScope,
	viewHref,
	viewTarget
} from '../../../src/lib/scale/prerender';

describe('what the build prerenders, by scale', () => {
	it('takes municipalities in code order while their initiatives fit the budget, and stops at the first that does not', () => {
		const counts = [
			{ muni_code: '15107', initiatives: 40 },
			{ muni_code: '01230', initiatives: 30 },
			{ muni_code: '35203', initiatives: 50 },
			{ muni_code: '11233', initiatives: 30 }
		];
		expect(prerenderScope(counts, 100)).toEqual({ municipalities: ['01230', '11233', '15107'] });
		// 35203 would still fit after a gap, but the scope is a prefix: one rule, no packing.
		expect(prerenderScope([...counts, { muni_code: '40000', initiatives: 1 }], 100).municipalities).toEqual(['01230', '11233', '15107']);
		expect(prerenderScope(counts, 150).municipalities).toEqual(['01230', '11233', '15107', '35203']);
		expect(prerenderScope(counts, 10).municipalities).toEqual([]);
	});

	it('prerenders every page of the five published municipalities, a municipality’s initiative pages in one batch', async () => {
		// A dataset built from the sources for this test: unit tests run before the site (and static/data) is built.
		const db = await openSourcesDataset('prerender');
		try {
			const scope = await datasetPrerenderScope(db);
			const reporting = await db.query<{ muni_code: string }>('SELECT muni_code FROM municipalities WHERE has_report ORDER BY muni_code');
			const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM initiatives');
			expect(n).toBeLessThanOrEqual(PRERENDER_BUDGET);
			expect(scope.municipalities).toEqual(reporting.map((r) => r.muni_code));
			for (const { muni_code } of reporting) expect(municipalityHref(scope, 'ja', muni_code, true)).toBe(`/municipalities/${muni_code}`);
			const ids = await db.query<{ initiative_id: string }>('SELECT initiative_id FROM initiatives');
			for (const { initiative_id } of ids) expect(initiativeHref(scope, 'en', initiative_id)).toBe(`/en/initiatives/${initiative_id}`);
			// The prerender asks for a municipality's initiative pages in one batch; each is the page the browser's one-page query gives.
			for (const { muni_code } of reporting) {
				const batch = await initiativePages(db, { muni: muni_code });
				const own = ids.filter((i) => i.initiative_id.startsWith(muni_code));
				expect([...batch.keys()].sort()).toEqual(own.map((i) => i.initiative_id).sort());
				for (const { initiative_id } of own.filter((_, k) => k % 7 === 0)) expect(batch.get(initiative_id)).toEqual(await initiativePage(db, initiative_id));
			}
			expect(await initiativePage(db, '99999-999')).toBeNull();
		} finally {
			db.close();
		}
	});
});

describe('the links to pages', () => {
	const scope = { municipalities: ['15107'] };
	it('point to the prerendered page of a municipality in scope, and of one without a report', () => {
		expect(municipalityHref(scope, 'ja', '15107', true)).toBe('/municipalities/15107');
		expect(municipalityHref(scope, 'en', '47201', false)).toBe('/en/municipalities/47201');
		expect(initiativeHref(scope, 'ja', '15107-017')).toBe('/initiatives/15107-017');
	});
	it('point to /view, with the id in the address, for a page the build does not prerender', () => {
		expect(municipalityHref(scope, 'ja', '01100', true)).toBe('/view?municipality=01100');
		expect(initiativeHref(scope, 'en', '01100-003-synth')).toBe('/en/view?initiative=01100-003-synth');
	});
	it('/view reads back what its address names, and nothing else', () => {
		for (const t of [{ kind: 'initiative', id: '35203-009-c' }, { kind: 'municipality', code: '01100' }] as const) {
			expect(viewTarget(new URL(viewHref('en', t), 'http://x').searchParams)).toEqual(t);
		}
		expect(viewTarget(new URLSearchParams(''))).toBeNull();
		expect(viewTarget(new URLSearchParams('initiative='))).toBeNull();
	});
});
