/**
 * Text of a CSV file. Japanese Excel still saves CSV as Shift_JIS (cp932), other tools as UTF-8
 * with or without a byte-order mark. UTF-8 is tried strictly first: Shift_JIS bytes of Japanese
 * text are almost never valid UTF-8, so a decoding failure is the signal, not a guess.
 */
export type TextEncodingName = 'utf-8' | 'shift_jis';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		return { text, encoding: 'utf-8' };
	} catch {
		// TextDecoder's shift_jis is the WHATWG one, i.e. Windows-31J (cp932), what Excel writes.
		return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
	}
}
