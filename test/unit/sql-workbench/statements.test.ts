import { describe, expect, it } from 'vitest';
import { isBlank, splitStatements } from '../../../src/lib/sql-workbench/statements';

describe('splitStatements', () => {
	it('splits a script at semicolons and gives each statement its line', () => {
		const s = splitStatements('SELECT 1;\n\nSELECT 2;\nSELECT 3');
		expect(s.map((x) => x.sql)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
		expect(s.map((x) => x.line)).toEqual([1, 3, 4]);
		expect(s[1].from).toBe('SELECT 1;\n\n'.length);
	});

	it('keeps semicolons inside strings, quoted names, comments and dollar quotes', () => {
		const script = `SELECT 'a;b', "x;y" FROM t -- c;d\n; /* e;f */ SELECT $$g;h$$; SELECT $q$i;j$q$`;
		expect(splitStatements(script).map((x) => x.sql)).toEqual([`SELECT 'a;b', "x;y" FROM t -- c;d`, `/* e;f */ SELECT $$g;h$$`, `SELECT $q$i;j$q$`]);
	});

	it('reads a doubled quote as an escaped quote', () => {
		expect(splitStatements(`SELECT 'it''s;'; SELECT 2`).map((x) => x.sql)).toEqual([`SELECT 'it''s;'`, 'SELECT 2']);
	});

	it("reads a backslash in an escape string (E'…') as escaping the next character", () => {
		// E'\'' is a string holding one quote: what follows is code, not a comment inside a string.
		const script = "SELECT E'\\'' AS q; -- '\nDELETE FROM measures; SELECT 'e''x', ye'\\'";
		expect(splitStatements(script).map((x) => x.sql)).toEqual(["SELECT E'\\'' AS q", "-- '\nDELETE FROM measures", "SELECT 'e''x', ye'\\'"]);
	});

	it('leaves out statements made only of blanks and comments', () => {
		expect(splitStatements(';;\n-- only a comment\n;  ')).toEqual([]);
		expect(isBlank('/* x */ -- y')).toBe(true);
	});

	it('does not lose an unterminated string', () => {
		expect(splitStatements(`SELECT 'open; SELECT 2`).map((x) => x.sql)).toEqual([`SELECT 'open; SELECT 2`]);
	});
});
