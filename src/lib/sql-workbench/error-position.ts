/**
 * DuckDB points at the place of a syntax or catalog error with a line of context and a caret:
 *   LINE 2: SELECT * FROM initiativs
 *                         ^
 * The line counts from the statement's first line; the caret sits under the column. Reading both
 * lets the editor mark the spot in the whole script.
 */
export interface ErrorPosition {
	/** 1-based line within the statement. */
	line: number;
	/** 1-based column within that line, when DuckDB gives a caret. */
	column: number | null;
}

export function errorPosition(message: string): ErrorPosition | null {
	const lines = message.split('\n');
	const at = lines.findIndex((l) => /^LINE \d+: /.test(l));
	if (at === -1) return null;
	const m = /^LINE (\d+): /.exec(lines[at])!;
	const prefix = m[0].length;
	const caret = lines[at + 1]?.indexOf('^') ?? -1;
	// DuckDB may shorten a long line with "..." in front, so the caret column is only trusted without it.
	const shortened = lines[at].slice(prefix).startsWith('...');
	return { line: Number(m[1]), column: caret >= prefix && !shortened ? caret - prefix + 1 : null };
}

/** The message without the context lines, for a one-line summary. */
export function errorSummary(message: string): string {
	return message.split('\n').filter((l) => l.trim() !== '')[0] ?? message;
}

/**
 * Where in the whole script the error is: DuckDB counts lines from the statement's first line, and
 * columns on that first line from the statement's first character.
 */
export function scriptPosition(script: string, statement: { from: number; line: number }, pos: ErrorPosition): { line: number; column: number | null; from: number; to: number } {
	const lines = script.split('\n');
	const line = Math.min(statement.line + pos.line - 1, lines.length);
	const lineStart = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
	const firstLineShift = pos.line === 1 ? statement.from - lineStart : 0;
	const column = pos.column === null ? null : pos.column + firstLineShift;
	const text = lines[line - 1] ?? '';
	if (column === null) return { line, column, from: lineStart, to: lineStart + text.length };
	const from = lineStart + Math.min(column - 1, text.length);
	// Mark the word the caret points at (or one character).
	const word = /^[\p{L}\p{N}_."]+/u.exec(text.slice(column - 1));
	return { line, column, from, to: from + Math.max(word?.[0].length ?? 1, 1) };
}

/**
 * DuckDB-wasm reports errors as JSON ({"exception_type":"Parser","exception_message":…,"position":"15"})
 * where native DuckDB gives "Parser Error: …". Both are read into one message and, when given, the
 * character offset of the error within the statement.
 */
export function readDuckDBError(raw: string): { message: string; offset: number | null } {
	const text = raw.replace(/^Error: /, '');
	if (text.startsWith('{')) {
		try {
			const e = JSON.parse(text) as { exception_type?: string; exception_message?: string; position?: string | number };
			if (e.exception_message) {
				const offset = e.position === undefined || e.position === '' ? NaN : Number(e.position);
				return { message: `${e.exception_type ?? 'DuckDB'} Error: ${e.exception_message}`, offset: Number.isFinite(offset) ? offset : null };
			}
		} catch {
			// Not JSON after all: keep the text as it is.
		}
	}
	return { message: text, offset: null };
}

/** Line, column and the marked word for a character offset in the script. */
export function offsetPosition(script: string, offset: number): { line: number; column: number; from: number; to: number } {
	const at = Math.max(0, Math.min(offset, script.length));
	const before = script.slice(0, at);
	const line = before.split('\n').length;
	const lineStart = before.lastIndexOf('\n') + 1;
	const word = /^[\p{L}\p{N}_."]+/u.exec(script.slice(at));
	return { line, column: at - lineStart + 1, from: at, to: at + Math.max(word?.[0].length ?? 1, 1) };
}
