import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { initiativeThemeRows } from '../../../src/lib/themes/assign';
import { TaxonomyFile } from '../../../src/lib/themes/taxonomy';
import type { InitiativeText } from '../../../src/lib/themes/classify';

const taxonomy = TaxonomyFile.parse(JSON.parse(readFileSync('data/themes/taxonomy.json', 'utf8')));
const texts = new Map<string, InitiativeText>([
	['11233-090', { name: '安心カード事業(支部社協)', description: '○冷蔵庫に緊急連絡先などの情報を保管し、急な病気などの際に活用', goals: [], measures: [] }],
	['15107-014', { name: '敬老祝会助成事業', description: null, goals: [], measures: [] }]
]);
const decided = { reason: 'test', decided_by: 'test' };

describe('theme overrides', () => {
	it('removes a rule theme and adds a manual one, with the reason as evidence', () => {
		const rows = initiativeThemeRows(texts, taxonomy, [
			{ initiative_id: '11233-090', theme_id: 'small_area_network', action: 'remove', ...decided },
			{ initiative_id: '15107-014', theme_id: 'salon', action: 'add', ...decided }
		]);
		expect(rows.some((r) => r.initiative_id === '11233-090' && r.theme_id === 'small_area_network')).toBe(false);
		expect(rows.find((r) => r.initiative_id === '15107-014')).toEqual({ initiative_id: '15107-014', theme_id: 'salon', method: 'manual', evidence: 'manual: test', confidence: 1 });
	});

	it('stops on an override for an initiative that no longer exists, skips municipalities not in the run', () => {
		expect(() => initiativeThemeRows(texts, taxonomy, [{ initiative_id: '15107-099', theme_id: 'salon', action: 'add', ...decided }])).toThrow(/15107-099 is not in the dataset/);
		expect(initiativeThemeRows(texts, taxonomy, [{ initiative_id: '35203-001-c', theme_id: 'salon', action: 'add', ...decided }])).toHaveLength(
			initiativeThemeRows(texts, taxonomy, []).length
		);
	});
});
