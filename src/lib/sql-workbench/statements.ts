/**
 * A script typed into the workbench is split into statements here, so that each runs on its own
 * and a failure can name the statement and its line. Semicolons inside strings, quoted names,
 * comments and dollar-quoted text do not end a statement.
 */
export interface Statement {
	/** The statement text, without the closing semicolon. */
	sql: string;
	/** Offset of the statement's first character in the script. */
	from: number;
	/** 1-based line of the script where the statement starts. */
	line: number;
}

/** True when the text holds nothing but whitespace and comments. */
export function isBlank(sql: string): boolean {
	return stripComments(sql).trim() === '';
}

/** The text with -- and /* *\/ comments blanked out (same length, so offsets still hold). */
export function stripComments(sql: string): string {
	let out = '';
	scan(sql, (kind, text) => {
		out += kind === 'comment' ? text.replace(/[^\n]/g, ' ') : text;
	});
	return out;
}

type Kind = 'code' | 'string' | 'identifier' | 'comment' | 'semicolon';

/** Walks the script once and hands out each piece with what it is. */
function scan(sql: string, emit: (kind: Kind, text: string, at: number) => void): void {
	let i = 0;
	let codeStart = 0;
	const flushCode = (to: number) => {
		if (to > codeStart) emit('code', sql.slice(codeStart, to), codeStart);
	};
	const piece = (kind: Kind, end: number) => {
		flushCode(i);
		emit(kind, sql.slice(i, end), i);
		i = end;
		codeStart = end;
	};
	while (i < sql.length) {
		const c = sql[i];
		const next = sql[i + 1];
		if (c === '-' && next === '-') {
			const nl = sql.indexOf('\n', i);
			piece('comment', nl === -1 ? sql.length : nl);
		} else if (c === '/' && next === '*') {
			const close = sql.indexOf('*/', i + 2);
			piece('comment', close === -1 ? sql.length : close + 2);
		} else if (c === "'" || c === '"') {
			// A doubled quote inside is an escaped quote, not the end. In an escape string (E'…')
			// a backslash escapes the next character too: E'\'' is one quote, not a string's end.
			const escapes = c === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/[A-Za-z0-9_]/.test(sql[i - 2] ?? '');
			let j = i + 1;
			while (j < sql.length) {
				if (escapes && sql[j] === '\\') j += 2;
				else if (sql[j] === c) {
					if (sql[j + 1] === c) j += 2;
					else break;
				} else j++;
			}
			piece(c === "'" ? 'string' : 'identifier', Math.min(j + 1, sql.length));
		} else if (c === '$') {
			const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
			if (tag && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
				const close = sql.indexOf(tag[0], i + tag[0].length);
				piece('string', close === -1 ? sql.length : close + tag[0].length);
			} else i++;
		} else if (c === ';') {
			piece('semicolon', i + 1);
		} else i++;
	}
	flushCode(sql.length);
}

function lineAt(sql: string, offset: number): number {
	let line = 1;
	for (let k = 0; k < offset; k++) if (sql.charCodeAt(k) === 10) line++;
	return line;
}

/** The statements of a script in order; empty ones (only blanks or comments) are left out. */
export function splitStatements(script: string): Statement[] {
	const out: Statement[] = [];
	let start = 0;
	const close = (end: number) => {
		const text = script.slice(start, end);
		if (!isBlank(text)) {
			// Start at the first character that is not whitespace, so that line numbers point at the statement.
			const lead = text.length - text.trimStart().length;
			out.push({ sql: text.slice(lead).trimEnd(), from: start + lead, line: lineAt(script, start + lead) });
		}
	};
	scan(script, (kind, _text, at) => {
		if (kind === 'semicolon') {
			close(at);
			start = at + 1;
		}
	});
	close(script.length);
	return out;
}
