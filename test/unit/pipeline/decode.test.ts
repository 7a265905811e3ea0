import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../src/lib/pipeline/decode';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeSource', () => {
	it('reads UTF-8 text into lines, a BOM left out', () => {
		const d = decodeSource('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('一\n二\r\n三')]));
		expect(d.lines).toEqual(['一', '二', '三']);
		expect(d.warnings).toEqual([]);
	});

	it('refuses bytes that are not UTF-8, at their line and column', () => {
		const b = bytes('見出し\n取組\tサロン');
		const cut = new Uint8Array([...b.subarray(0, b.length - 1)]); // ン cut in half
		expect(() => decodeSource('a.txt', cut)).toThrow(/^a\.txt:2:6: bytes e3 83 are not UTF-8/);
		const latin1 = new Uint8Array([...bytes('ok\n'), 0x41, 0xe9, 0x42]);
		expect(() => decodeSource('a.txt', latin1)).toThrow(/^a\.txt:2:2: bytes e9 42 are not UTF-8/);
	});

	it('refuses control characters and U+FFFD, keeps tabs', () => {
		expect(() => decodeSource('a.txt', bytes('a\tb\u0000c'))).toThrow(/^a\.txt:1:4: the control character U\+0000/);
		expect(() => decodeSource('a.txt', bytes('x\n\u0085'))).toThrow(/^a\.txt:2:1: the control character U\+0085/);
		expect(() => decodeSource('a.txt', bytes('名\ufffd前'))).toThrow(/^a\.txt:1:2: the replacement character/);
	});

	it('removes bidirectional controls with one warning per line, keeping the raw text marked', () => {
		const d = decodeSource('a.txt', bytes('ok\n\u202e逆\u202c順\u2067x\u2069\n\u200f'));
		expect(d.lines).toEqual(['ok', '逆順x', '']);
		expect(d.text).toBe('ok\n逆順x\n');
		expect(d.warnings.map((w) => [w.code, w.line, w.column])).toEqual([
			['bidi_control_removed', 2, 1],
			['bidi_control_removed', 3, 1]
		]);
		expect(d.warnings[0].raw).toBe('<U+202E>逆<U+202C>順<U+2067>x<U+2069>');
	});
});
