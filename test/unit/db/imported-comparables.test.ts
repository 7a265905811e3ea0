import { describe, expect, it } from 'vitest';
import { EXAMPLE, EXAMPLE_FILE_STEM } from '../../../src/lib/import/example';
import { templateSheets, writeWorkbook } from '../../../src/lib/import/write-template';
import { importFiles } from '../../../src/lib/import/import-files';
import { importedComparables } from '../../../src/lib/db/imports';
import { addComparables } from '../../../src/lib/pipeline/comparable';
import { buildDataset, loadCommonGroundInputs } from '../../../scripts/lib/dataset';

describe('comparable initiatives of an imported plan', () => {
	it('ranks the imported initiatives against the published ones both ways, as the pipeline would if the plan were published', async () => {
		const out = await importFiles([{ name: `${EXAMPLE_FILE_STEM}.xlsx`, bytes: await writeWorkbook(templateSheets(EXAMPLE)) }], loadCommonGroundInputs());
		if (out.kind !== 'plan') throw new Error(JSON.stringify(out));
		// The published dataset as the site serves it, with its comparable_initiatives.
		const published = addComparables(buildDataset().dataset);
		const rows = importedComparables(published, [{ tables: out.tables }]);
		const mine = new Set(out.tables.initiatives.map((i) => i.initiative_id as string));
		const listOf = (id: string) => rows.filter((r) => r.initiative_id === id);

		// Each imported initiative has its own list, of published initiatives, best first.
		const own = listOf('99001-006');
		expect(own.length).toBeGreaterThan(0);
		expect(own.map((r) => r.rank)).toEqual(own.map((_, k) => k + 1));
		expect(own.every((r) => !mine.has(r.comparable_id as string))).toBe(true);
		expect(own[0].shared_themes).toContain('disaster_volunteer');

		// Published lists an imported initiative enters come whole and re-cut (at most 10, one rank each).
		const entered = [...new Set(rows.filter((r) => mine.has(r.comparable_id as string) && !mine.has(r.initiative_id as string)).map((r) => r.initiative_id as string))];
		expect(entered.length).toBeGreaterThan(0);
		// Exactly what the pipeline computes over published + imported: no other ranking.
		const whole = addComparables({ initiatives: [...published.initiatives, ...out.tables.initiatives], initiative_themes: [...published.initiative_themes, ...out.tables.initiative_themes] }).comparable_initiatives;
		for (const id of entered) {
			const list = listOf(id);
			expect(list.length).toBeLessThanOrEqual(10);
			expect(list).toEqual(whole.filter((r) => r.initiative_id === id));
		}
		// All of it, row for row: the imported lists, and the whole re-cut list of each published one an imported initiative enters.
		const enteredWhole = new Set(whole.filter((r) => mine.has(r.comparable_id as string)).map((r) => r.initiative_id as string));
		expect(rows).toEqual(whole.filter((r) => mine.has(r.initiative_id as string) || enteredWhole.has(r.initiative_id as string)));
		// A published list no imported initiative enters is left to the published table.
		const untouched = published.initiatives.map((i) => i.initiative_id as string).filter((id) => !entered.includes(id));
		expect(untouched.length).toBeGreaterThan(0);
		expect(rows.filter((r) => untouched.includes(r.initiative_id as string))).toEqual([]);
	});
});
