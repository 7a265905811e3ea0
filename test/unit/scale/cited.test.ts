import { describe, expect, it } from 'vitest';
import { CITE_ALL_UP_TO, citedFor, citedScope } from '../../../src/lib/scale/cited';
import { bibtexCitation, plainCitation } from '../../../src/lib/citation/citation';

const plan = (muni_code: string) => ({ muni_code, title: `計画 ${muni_code}`, publisher: `町 ${muni_code}（市）`, year: 2023 });

describe('the reports a page cites, by scale', () => {
	it('carries every report while the dataset has few (the five published municipalities)', () => {
		const five = ['01230', '11233', '15106', '15107', '35203'].map(plan);
		expect(citedFor(five, '15107')).toEqual({ sources: five, total: 5 });
		expect(citedFor(five, null)).toEqual({ sources: five, total: 5 });
	});

	it('at national scale carries the page’s own municipality’s or prefecture’s reports, and elsewhere only their count', () => {
		const country = Array.from({ length: CITE_ALL_UP_TO + 10 }, (_, k) => plan(`${String(1 + (k % 3)).padStart(2, '0')}${String(100 + k).padStart(3, '0')}`));
		expect(citedFor(country, '01100').sources.map((s) => s.muni_code)).toEqual(['01100']);
		expect(citedFor(country, '02').sources.every((s) => s.muni_code.startsWith('02'))).toBe(true);
		expect(citedFor(country, '02').sources.length).toBe(country.filter((s) => s.muni_code.startsWith('02')).length);
		expect(citedFor(country, null)).toEqual({ sources: [], total: country.length });
	});

	it('reads what the page is about from its route', () => {
		expect(citedScope({ id: '15107-017' }, '/[[lang=lang]]/initiatives/[id]')).toBe('15107');
		expect(citedScope({ code: '15107', lang: 'en' }, '/[[lang=lang]]/municipalities/[code]')).toBe('15107');
		expect(citedScope({ code: '15' }, '/[[lang=lang]]/prefectures/[code]')).toBe('15');
		expect(citedScope({ theme: 'dementia' }, '/[[lang=lang]]/themes/[theme]')).toBeNull();
		expect(citedScope({}, '/[[lang=lang]]')).toBeNull();
	});

	it('names the reports by count and where they are listed when the page carries none', () => {
		const facts = { siteTitle: 'Atlas', pageTitle: 'Overview', version: 'v1', accessed: '2026-12-01', url: 'https://x.example/', sources: [], listed: { count: 1741, url: 'https://x.example/data' } };
		expect(plainCitation(facts)).toContain('Sources: the 1741 reports listed at https://x.example/data.');
		expect(bibtexCitation(facts)).toContain('note = {Sources: the 1741 reports listed at https://x.example/data}');
		// A page that carries its reports names them, listed or not.
		expect(plainCitation({ ...facts, sources: [plan('15107')] })).toContain('町 15107（市）「計画 15107」(2023)');
	});
});
