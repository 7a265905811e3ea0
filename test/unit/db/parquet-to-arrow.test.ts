import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataset } from '../../../scripts/lib/dataset';
import { addComparables } from '../../../src/lib/pipeline/comparable';
import { writeParquetFiles } from '../../../scripts/lib/write-parquet';
import { ALL_TABLES, columnsOf } from '../../../src/lib/contract/index';
import { parquetToArrow, rowsToArrow } from '../../../src/lib/db/parquet-to-arrow';
import { plainRow } from '../../../src/lib/db/connector';

describe('parquetToArrow, the browser’s way into DuckDB-wasm', () => {
	it('gives back every row of every table exactly as the pipeline wrote it: text, numbers, nulls and lists', async () => {
		// The pipeline's whole dataset, with the comparable initiatives it adds after ingest.
		const dataset = addComparables(buildDataset().dataset);
		const dir = mkdtempSync(join(tmpdir(), 'atlas-arrow-'));
		await writeParquetFiles(dir, ALL_TABLES, dataset);
		for (const table of ALL_TABLES) {
			const bytes = readFileSync(join(dir, `${table.name}.parquet`));
			const arrow = await parquetToArrow(table, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
			expect(arrow.schema.fields.map((f) => f.name), table.name).toEqual(columnsOf(table).map((c) => c.name));
			const rows = arrow.toArray().map((r: { toJSON(): Record<string, unknown> }) => plainRow(r.toJSON()));
			const expected = dataset[table.name].map((r) => plainRow(Object.fromEntries(columnsOf(table).map((c) => [c.name, r[c.name] ?? null]))));
			expect(rows, table.name).toEqual(expected);
		}
	});

	it('refuses a file that lacks a column of the contract instead of filling it with nulls', async () => {
		const { dataset } = buildDataset({ only: ['01230'] });
		const dir = mkdtempSync(join(tmpdir(), 'atlas-arrow-'));
		const plans = ALL_TABLES.find((t) => t.name === 'plans')!;
		// The whole dataset, because the writer's national summary joins plans with the other tables.
		await writeParquetFiles(dir, ALL_TABLES, dataset);
		const bytes = readFileSync(join(dir, 'plans.parquet'));
		const initiatives = ALL_TABLES.find((t) => t.name === 'initiatives')!;
		await expect(parquetToArrow(initiatives, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))).rejects.toThrow(/column initiative_id is missing/);
	});

	it('hands over text of every kind exactly, a column encoded at once: kana, kanji, emoji, accents, empty and null cells, and a lone surrogate as TextEncoder writes it', () => {
		const def = ALL_TABLES.find((t) => t.name === 'comparable_initiatives')!;
		const texts = ['地域の茶の間', '😀x', 'é', '', 'a\ud83d', '\ude00b', 'ｱｲｳ１２３'];
		const rows = texts.map((t, i) => ({ initiative_id: t, rank: i + 1, comparable_id: i % 2 ? null : `99001-00${i}`, shared_themes: [t, 'salon'], similarity: 0.5, reason: 'shared_themes' }));
		const table = rowsToArrow(def, rows);
		const back = table.toArray().map((r: { toJSON(): Record<string, unknown> }) => plainRow({ ...r.toJSON() }));
		const encoded = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s));
		expect(back.map((r) => r.initiative_id)).toEqual(texts.map(encoded));
		expect(back.map((r) => r.comparable_id)).toEqual(rows.map((r) => r.comparable_id));
		expect(back.map((r) => r.shared_themes)).toEqual(texts.map((t) => [encoded(t), 'salon']));
	});
});
