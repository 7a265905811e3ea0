/** Shift_JIS bytes of a text, as Japanese Excel saves CSV (built from the decoder's own table). */
export function encodeShiftJis(text: string): Uint8Array {
	const table = shiftJisTable();
	const out: number[] = [];
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		if (code < 0x80) out.push(code);
		else {
			const bytes = table.get(ch);
			if (!bytes) throw new Error(`no Shift_JIS for ${ch}`);
			out.push(...bytes);
		}
	}
	return new Uint8Array(out);
}

let cached: Map<string, number[]> | null = null;
function shiftJisTable(): Map<string, number[]> {
	if (cached) return cached;
	const dec = new TextDecoder('shift_jis');
	const m = new Map<string, number[]>();
	for (let lead = 0x81; lead <= 0xfc; lead++) {
		if (lead > 0x9f && lead < 0xe0) continue;
		for (let trail = 0x40; trail <= 0xfc; trail++) {
			if (trail === 0x7f) continue;
			const ch = dec.decode(new Uint8Array([lead, trail]));
			if (ch.length === 1 && ch !== '\ufffd' && !m.has(ch)) m.set(ch, [lead, trail]);
		}
	}
	return (cached = m);
}
