import { describe, expect, it } from 'vitest';
import { errorPosition, errorSummary, offsetPosition, readDuckDBError, scriptPosition } from '../../../src/lib/sql-workbench/error-position';

describe('errorPosition reads where DuckDB points', () => {
	it('reads the line and the caret column of a parser error', () => {
		const msg = 'Parser Error: syntax error at or near "x"\n\nLINE 2:  2 FROMM x\n                 ^';
		expect(errorPosition(msg)).toEqual({ line: 2, column: 10 });
		expect(errorSummary(msg)).toBe('Parser Error: syntax error at or near "x"');
	});

	it('reads a catalog error', () => {
		const msg = 'Catalog Error: Table with name initiativs does not exist!\nDid you mean "x"?\n\nLINE 2: from initiativs\n             ^';
		expect(errorPosition(msg)).toEqual({ line: 2, column: 6 });
	});

	it('gives no position when DuckDB gives none, and no column when the line was shortened', () => {
		expect(errorPosition('Out of Memory Error: failed')).toBeNull();
		expect(errorPosition('Binder Error: x\n\nLINE 1: ...long text here\n             ^')).toEqual({ line: 1, column: null });
	});
});

describe('scriptPosition maps a statement position into the script', () => {
	const script = 'SELECT 1;\n  SELECT *\nFROM initiativs;';
	const statement = { from: script.indexOf('SELECT *'), line: 2 };

	it('adds the statement start line and marks the word at the caret', () => {
		const p = scriptPosition(script, statement, { line: 2, column: 6 });
		expect(p.line).toBe(3);
		expect(p.column).toBe(6);
		expect(script.slice(p.from, p.to)).toBe('initiativs');
	});

	it('shifts columns on the statement first line by where the statement starts', () => {
		const p = scriptPosition(script, statement, { line: 1, column: 8 });
		expect(p).toMatchObject({ line: 2, column: 10 });
		expect(script.slice(p.from, p.to)).toBe('*');
	});

	it('marks the whole line when there is no column', () => {
		const p = scriptPosition(script, statement, { line: 2, column: null });
		expect(script.slice(p.from, p.to)).toBe('FROM initiativs;');
	});
});

describe('readDuckDBError reads the JSON errors of DuckDB-wasm', () => {
	it('gives the message and the offset within the statement', () => {
		const raw = 'Error: {"exception_type":"Parser","exception_message":"syntax error at or near \\"initiatives\\"\\n\\nLINE 2: FROMM initiatives\\n              ^","error_subtype":"SYNTAX_ERROR","position":"15"}';
		const e = readDuckDBError(raw);
		expect(e.offset).toBe(15);
		expect(e.message.startsWith('Parser Error: syntax error at or near "initiatives"')).toBe(true);
		expect(errorPosition(e.message)).toEqual({ line: 2, column: 7 });
	});

	it('keeps a plain message as it is', () => {
		expect(readDuckDBError('Catalog Error: x')).toEqual({ message: 'Catalog Error: x', offset: null });
	});

	it('turns an offset into line, column and the word there', () => {
		const script = 'SELECT 1;\nSELECT *\nFROMM initiatives';
		const p = offsetPosition(script, script.indexOf('initiatives'));
		expect(p).toMatchObject({ line: 3, column: 7 });
		expect(script.slice(p.from, p.to)).toBe('initiatives');
	});
});
