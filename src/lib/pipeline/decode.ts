import type { QualityWarning } from '../contract/quality';

/**
 * A source's bytes to text, refusing what would otherwise be published quietly: bytes that are not
 * UTF-8 (a multibyte character cut in half would become U+FFFD in a name), control characters (a
 * NUL in a name), and the replacement character itself (an earlier tool already lost bytes there).
 * Bidirectional controls are removed with a warning: they make a name display reversed and carry
 * no text of their own. Pure (TextDecoder exists in Node and in browsers).
 */

/** Raised for a source that cannot be read as text; names the file, line and column (1-based, in characters). */
export class SourceTextError extends Error {
	constructor(
		readonly sourceFile: string,
		readonly line: number,
		readonly column: number,
		readonly detail: string
	) {
		super(`${sourceFile}:${line}:${column}: ${detail}; the source is refused (fix the extraction or record the file anew)`);
		this.name = 'SourceTextError';
	}
}

/**
 * Bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069), the implicit marks (U+200E, U+200F, U+061C). None is printed in a report.
 */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export interface DecodedSource {
	text: string;
	/** lines[0] is line 1 of the file */
	lines: string[];
	/** one `bidi_control_removed` warning per line that had any */
	warnings: QualityWarning[];
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Line and column (1-based) of a byte offset: the column counts the characters before it on its line. */
function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
	let lineStart = 0;
	let line = 1;
	for (let i = 0; i < offset; i++) {
		if (bytes[i] === 0x0a) {
			line++;
			lineStart = i + 1;
		}
	}
	// Decode the valid part of the line before the bad byte to count its characters.
	const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
	return { line, column: [...before].length + 1 };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i];
		const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
		if (need < 0) return i;
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) return i;
		}
		// Overlong forms, surrogates and code points past U+10FFFF, as the decoder refuses them.
		if (need === 2 && ((b === 0xe0 && bytes[i + 1] < 0xa0) || (b === 0xed && bytes[i + 1] >= 0xa0))) return i;
		if (need === 3 && ((b === 0xf0 && bytes[i + 1] < 0x90) || (b === 0xf4 && bytes[i + 1] >= 0x90))) return i;
		i += need + 1;
	}
	return bytes.length;
}

/**
 * `decoded`: the text already decoded from another encoding (a Shift_JIS CSV); it gets the same
 * checks of control characters, U+FFFD and bidirectional controls.
 */
export function decodeSource(sourceFile: string, bytes: Uint8Array, decoded?: string): DecodedSource {
	let text: string;
	try {
		text = decoded ?? new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		const at = firstInvalidByte(bytes);
		const { line, column } = placeOfByte(bytes, at);
		const shown = [...bytes.subarray(at, at + 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
		throw new SourceTextError(sourceFile, line, column, `bytes ${shown} are not UTF-8 (a character cut in half, or another encoding)`);
	}
	const lines = text.split(/\r?\n/);
	const warnings: QualityWarning[] = [];
	lines.forEach((raw, i) => {
		const chars = [...raw];
		const bad = chars.findIndex((ch) => CONTROL.test(ch) || ch === '\ufffd');
		if (bad >= 0) {
			const cp = chars[bad].codePointAt(0)!;
			const what = cp === 0xfffd ? 'the replacement character U+FFFD (bytes were lost before this file was written)' : `the control character ${hex(cp)}`;
			throw new SourceTextError(sourceFile, i + 1, bad + 1, `${what} is not report text`);
		}
		const found = chars.flatMap((ch, c) => (ch.match(BIDI) ? [{ c: c + 1, cp: ch.codePointAt(0)! }] : []));
		if (!found.length) return;
		lines[i] = raw.replace(BIDI, '');
		warnings.push({
			source_file: sourceFile,
			line: i + 1,
			column: found[0].c,
			field: null,
			code: 'bidi_control_removed',
			message: `removed ${found.length} bidirectional control character(s) (${[...new Set(found.map((f) => hex(f.cp)))].join(', ')}) at column(s) ${found.map((f) => f.c).join(', ')}: they would show the text reversed`,
			raw: raw.replace(BIDI, (ch) => `<${hex(ch.codePointAt(0)!)}>`),
			initiative_id: null
		});
	});
	return { text: warnings.length ? lines.join('\n') : text, lines, warnings };
}
