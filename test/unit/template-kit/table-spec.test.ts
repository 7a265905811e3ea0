import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { tableTemplate } from '../../../src/lib/template-kit/table-spec';
import { ADAPTERS } from '../../../src/lib/adapters/registry';
import { registrySource } from '../../../scripts/write-registry';
import nishi from '../../../src/lib/adapters/niigata-nishi-2020.json';

describe('template specs', () => {
	it('refuse a spec that is not valid, naming the template and the field', () => {
		expect(() => tableTemplate({ ...nishi, row: '(' })).toThrowError(/^template spec niigata-nishi-2020: row: not a valid regular expression/);
		expect(() => tableTemplate({ ...nishi, goals: { ...nishi.goals, from: 'pages' } })).toThrowError(/^template spec niigata-nishi-2020: goals/);
		expect(() => tableTemplate({ ...nishi, overflow_into: { column: 7 } })).toThrowError(/overflow_into must name a measure column whose scope is goal/);
	});

	it('are short data files, no code', () => {
		for (const f of readdirSync('src/lib/adapters').filter((x) => x.endsWith('.json'))) {
			expect(readFileSync(`src/lib/adapters/${f}`, 'utf8').split('\n').length, f).toBeLessThan(80);
		}
	});
});

describe('the template registry', () => {
	it('is derived from the files in src/lib/adapters (npm run registry) and names each template by its file', () => {
		const files = readdirSync('src/lib/adapters').filter((f) => /\.(json|ts)$/.test(f));
		expect(readFileSync('src/lib/adapters/registry.ts', 'utf8')).toBe(registrySource(files));
		const ids = files.filter((f) => !['adapter.ts', 'registry.ts'].includes(f)).map((f) => f.replace(/\.(json|ts)$/, '')).sort();
		expect([...ADAPTERS.keys()].sort()).toEqual(ids);
	});

	it('refuses a template that is both a spec and code', () => {
		expect(() => registrySource(['x-2020.json', 'x-2020.ts'])).toThrowError(/both a spec/);
	});
});
