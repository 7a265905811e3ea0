import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildDataset, loadCommonGroundInputs } from '../../../scripts/lib/dataset';
import { loadManifest } from '../../../scripts/lib/sources';
import { ADAPTERS } from '../../../src/lib/adapters/registry';
import { SampleFile, matchSample } from '../../../src/lib/themes/sample';
import { evaluateThemes, figuresMarkdown } from '../../../src/lib/themes/evaluate';
import type { Initiative } from '../../../src/lib/contract/tables';
import type { InitiativeThemeRow } from '../../../src/lib/contract/common-ground';

describe('the theme figures in data/COMMON-GROUND.md', () => {
	it('are those of the rules and overrides in the repository (npm run eval:themes -- --markdown prints them)', () => {
		const only = loadManifest().sources.filter((s) => ADAPTERS.has(s.adapter)).map((s) => s.municipality.muni_code);
		const { dataset } = buildDataset({ only });
		const themeIds = loadCommonGroundInputs().taxonomy.themes.map((t) => t.theme_id);
		const sample = SampleFile.parse(JSON.parse(readFileSync('data/themes/sample.json', 'utf8')));
		const matches = matchSample(sample.entries.filter((e) => only.includes(e.muni_code)), dataset.initiatives as Initiative[]);
		const assigned = new Map<string, Set<string>>();
		for (const r of dataset.initiative_themes as InitiativeThemeRow[]) assigned.set(r.initiative_id, (assigned.get(r.initiative_id) ?? new Set()).add(r.theme_id));
		const table = figuresMarkdown(evaluateThemes(matches, themeIds, (id) => assigned.get(id) ?? new Set()), themeIds);
		expect(readFileSync('data/COMMON-GROUND.md', 'utf8')).toContain(table);
	});
});
