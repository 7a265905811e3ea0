import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { buildDataset } from '../../../scripts/lib/dataset';
import { loadDocument, loadManifest, loadSchemes, readingPath } from '../../../scripts/lib/sources';
import { readingOf } from '../../../src/lib/pipeline/reading';
import { readReport } from '../../../src/lib/template-kit/read';
import { ADAPTERS } from '../../../src/lib/adapters/registry';
import { OWN_SHEET, OWN_SHEET_SPEC } from '../../../src/lib/import/example';
import { sheetCsv } from '../../../src/lib/import/write-template';
import { encodeShiftJis } from '../../helpers/shift-jis';

/**
 * `npm run data` takes a contributed table with its column mapping: a manifest entry, the CSV (here
 * in Shift_JIS, as Excel saves it) and its spec in data/sources/, the scheme and its placement in the
 * reviewed files, and no code.
 */
describe('a tabular source in data/sources/ with its spec', () => {
	it('joins the dataset through the tabular-spec adapter, read the same way as the import page', () => {
		const root = mkdtempSync(join(tmpdir(), 'atlas-tabular-'));
		try {
			const dataDir = join(root, 'data');
			cpSync('data', dataDir, { recursive: true, filter: (src) => !src.includes(join('data', 'sources')) });
			const sourcesDir = join(dataDir, 'sources');
			mkdirSync(sourcesDir, { recursive: true });
			const csv = encodeShiftJis(sheetCsv({ name: 'x', rows: OWN_SHEET }).replace(/^\uFEFF/, ''));
			writeFileSync(join(sourcesDir, '900_shisaku.csv'), csv);
			const { plan, grading_scheme, ...mapping } = OWN_SHEET_SPEC;
			writeFileSync(join(sourcesDir, '900_shisaku.spec.json'), JSON.stringify({ ...mapping, plan: null, grading_scheme: null }));
			writeFileSync(
				join(sourcesDir, 'manifest.json'),
				JSON.stringify({
					sources: [
						{
							file: '900_shisaku.csv',
							sha256: createHash('sha256').update(csv).digest('hex'),
							adapter: 'tabular-spec',
							spec: '900_shisaku.spec.json',
							// The pipeline publishes only official municipality codes (the example's 99002 is made up): a real one here.
							municipality: { muni_code: '01234', name_ja: '北広島市', name_en: 'Kitahiroshima City', prefecture_ja: '北海道', prefecture_en: 'Hokkaido', parent_code: null, parent_name_ja: null, parent_name_en: null },
							plan: { plan_id: '99002-2023', title_ja: plan.title_ja, title_en: plan.title_en, actor_ja: plan.actor_ja, report_fiscal_year: 2023, fiscal_years: [2023, 2024] },
							scheme_id: '99002-c-a'
						}
					]
				})
			);
			const schemes = JSON.parse(readFileSync(join(dataDir, 'grading-schemes.json'), 'utf8'));
			schemes.schemes = [{ scheme_id: '99002-c-a', muni_code: '99002', source_file: '900_shisaku.csv', source_line: null, name_ja: '評価', name_en: 'grade', levels: grading_scheme.map(({ grade, rank, definition_ja, definition_en }) => ({ grade, rank, definition_ja, definition_en })) }];
			writeFileSync(join(dataDir, 'grading-schemes.json'), JSON.stringify(schemes));
			const cw = JSON.parse(readFileSync(join(dataDir, 'crosswalk.json'), 'utf8'));
			cw.schemes = [{ scheme_id: '99002-c-a', measures: 'attainment', meaning_en: 'C is best', meaning_ja: 'Cが最上位', levels: [
				{ grade: 'C', score: 0.95, band: 'achieved', reason_en: 'target met', reason_ja: '達成' },
				{ grade: 'B', score: 0.6, band: 'partly_achieved', reason_en: 'in progress', reason_ja: '取組中' },
				{ grade: 'A', score: 0.05, band: 'not_achieved', reason_en: 'not started', reason_ja: '未着手' }
			] }];
			writeFileSync(join(dataDir, 'crosswalk.json'), JSON.stringify(cw));

			// A contributed source is published once its reading is recorded (npm run source:review does this).
			const entry = loadManifest(sourcesDir).sources[0];
			const doc = loadDocument(entry, sourcesDir);
			const read = readReport(ADAPTERS.get(entry.adapter)!, doc, { scheme: loadSchemes(dataDir)[0], corrections: [] });
			mkdirSync(join(sourcesDir, 'readings'));
			writeFileSync(readingPath(entry.file, sourcesDir), JSON.stringify(readingOf(doc, read, 'test fixture')));

			const { dataset, quality } = buildDataset({ dataDir, sourcesDir });
			expect(dataset.initiatives.map((i) => i.name_ja)).toEqual(['地域の茶の間の開設', 'ヤングケアラー相談窓口', '配食サービスによる安否確認', '個別避難計画の作成']);
			expect(dataset.plans[0]).toMatchObject({ plan_id: '99002-2023', adapter: 'tabular-spec', scheme_id: '99002-c-a' });
			expect(dataset.evaluations.find((e) => e.initiative_id === '01234-003')).toMatchObject({ grade: 'C', band: 'achieved' });
			expect(dataset.goals).toHaveLength(5);
			expect(quality.sources[0]).toMatchObject({ adapter: 'tabular-spec', rows_found: expect.objectContaining({ initiatives: 4, evaluations: 4 }) });
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
