import { describe, expect, it } from 'vitest';
import { chartProblem, defaultChart } from '../../../src/lib/sql-workbench/chart';

describe('defaultChart picks a chart from the column types', () => {
	it('draws a category and a number as bars', () => {
		expect(defaultChart([{ name: 'muni_code', kind: 'text' }, { name: 'initiatives', kind: 'number' }])).toEqual({ kind: 'bar', x: 'muni_code', y: 'initiatives', color: null });
	});
	it('draws two categories and a number as a heatmap', () => {
		expect(defaultChart([{ name: 'theme', kind: 'text' }, { name: 'municipality', kind: 'text' }, { name: 'n', kind: 'number' }])).toMatchObject({ kind: 'heatmap', x: 'theme', y: 'municipality', color: 'n' });
	});
	it('draws a year and a number as a line, one per category', () => {
		expect(defaultChart([{ name: 'fiscal_year', kind: 'number' }, { name: 'kind', kind: 'text' }, { name: 'measures', kind: 'number' }])).toEqual({ kind: 'line', x: 'fiscal_year', y: 'measures', color: 'kind' });
	});
	it('draws two numbers as dots, and text alone as counts', () => {
		expect(defaultChart([{ name: 'a', kind: 'number' }, { name: 'b', kind: 'number' }])).toMatchObject({ kind: 'dot', x: 'a', y: 'b' });
		expect(defaultChart([{ name: 'actor', kind: 'text' }])).toEqual({ kind: 'bar', x: 'actor', y: null, color: null });
		expect(defaultChart([{ name: 'x', kind: 'other' }])).toBeNull();
	});
	it('says when a chosen combination cannot be drawn', () => {
		const cols = [{ name: 'a', kind: 'text' as const }];
		expect(chartProblem({ kind: 'heatmap', x: 'a', y: null, color: null }, cols)).toBe('missing');
		expect(chartProblem({ kind: 'bar', x: 'a', y: null, color: null }, cols)).toBeNull();
	});
});
