import { csvParseRows } from 'd3-dsv';
import { SourceError, type Adapter, type AdapterResult } from './adapter';
import { parseSpec } from '../import/tabular-spec';
import { readMapped } from '../import/read-mapped';
import { buildRecords } from '../import/plan-builder';
import { problemText } from '../import/problems';
import type { Goal, Initiative, Measure, Evaluation } from '../contract/tables';

/**
 * A contributed plan as a table (CSV) with its column mapping beside it in data/sources/: the same
 * reading as the import page, so a plan a user mapped in the browser joins the published dataset
 * with a manifest entry and its spec, no code. The manifest gives the plan; grading-schemes.json
 * and crosswalk.json give its scheme and its placement, as for every other source.
 */
export const tabularSpec: Adapter = {
	id: 'tabular-spec',
	describes: 'a table (CSV) read through a column mapping spec (format atlas-tabular-spec)',
	read(doc, ctx): AdapterResult {
		const { entry } = doc;
		if (doc.spec === undefined) throw new SourceError(entry.file, 1, null, 'the manifest names no spec for this tabular source');
		const spec = parseSpec(doc.spec, entry.spec ?? entry.file);
		const rows = csvParseRows(doc.text.replace(/^\uFEFF/, '')).map((r) => r.map((c) => (c === '' ? null : c)));
		const mapped = readMapped({ name: entry.file, rows }, spec);
		const m = entry.municipality;
		const { dataset, problems } = buildRecords({
			fileName: entry.file,
			sha256: entry.sha256,
			adapter: 'tabular-spec',
			plan: { ...m, ...entry.plan, place: null },
			levels: (ctx.scheme?.levels ?? []).map((l) => ({ ...l, score: 0, reason_ja: '-', reason_en: null, place: null })),
			...mapped,
			ids: { planId: entry.plan.plan_id, schemeId: entry.scheme_id }
		});
		const all = [...mapped.problems, ...problems];
		if (all.length) throw new SourceError(entry.file, all[0].row ?? 1, all[0].column, all.map((p) => problemText(p)).join('; '));
		return {
			goals: dataset.goals as Goal[],
			initiatives: dataset.initiatives as Initiative[],
			measures: dataset.measures as Measure[],
			evaluations: dataset.evaluations as Evaluation[],
			notes: [],
			warnings: [],
			correctionsUsed: []
		};
	}
};
