import type { Measure } from '../contract/tables';
import { VOCABULARY } from '../template-kit/vocabulary';
import type { AchievementRow } from '../contract/common-ground';
import { bandOf, type BandThreshold } from '../grading/crosswalk';
import { labelMatch, MATCH_STRENGTH, type LabelMatch } from './labels';

export { indicatorKey } from './labels';

/**
 * Pairing rule (also in data/COMMON-GROUND.md). A target or plan and a result pair when
 *  1. they describe the same initiative (or the same goal-wide cell) and the same department;
 *  2. the years fit: a plan (one year's: 2021年度計画, 令和6年度の目標) only with a result of its
 *     year (same_year); a target for every year with the latest result (every_year); a target with
 *     no year with the latest result (undated_target); a multi-year target (西区 R5, 山口市
 *     H32(2020)) with a result of its year, else with the latest earlier one (interim: progress, no
 *     verdict). A baseline (※R3) is never a result, and an earlier year's figure never stands in
 *     for a plan's year;
 *  3. the result is a figure (0 included) or says the work was not carried out (status);
 *  4. both or neither are running totals, and the units are the same after folding spellings
 *     (名 = 人, ヶ所 = か所 = 箇所, ％ = %); a unit cut short (100事業 beside 96事業所) counts only
 *     with the same label;
 *  5. they count the same thing (labels.ts): labels the same or near pair outright, best first and
 *     one result per target; a weak match, or a figure with no label, pairs only where the target
 *     and the result are each the only figure of that unit left on their side;
 *  6. a figure quoted in prose (narrative) is a result only where the column of figures has none
 *     for that year; a figure labelled with another place (埼玉県, 国) is a comparison, not a result.
 */

/** Spellings of one unit (data/vocabulary.json: units.same). */
const UNIT_VARIANTS: readonly (readonly [RegExp, string])[] = VOCABULARY.units.same.map((s) => [new RegExp(s.pattern), s.unit] as const);

export function normalizeUnit(unit: string | null): string | null {
	if (unit === null) return null;
	let u = unit.normalize('NFKC').replace(/\s+/g, '');
	for (const [p, c] of UNIT_VARIANTS) u = u.replace(p, c);
	return u || null;
}

type Basis = AchievementRow['basis'];

/** A ceiling (以下, 未満, 以内), a fall asked for (減少, 削減), or a rate of harm (自殺死亡率): lower is better. */
function lowerIsBetter(target: Measure): boolean {
	return (
		/以下|未満|以内/.test(target.qualifier ?? '') ||
		/以下|未満|以内|減少|削減|(?:死亡|自殺)率|犯罪件数|認知件数|被害件数|事故件数|待機児童数/.test(target.label_ja ?? '')
	);
}

/** Figures of other places printed for comparison beside the city's own (北本市: 埼玉県, 国). */
const COMPARISON = /(?:都|道|府|県|国|全国|全国平均|県平均)$/;

const notCarriedOut = (m: Measure) => m.status === 'not_carried_out';

/** Measures that may pair: one initiative's (or goal-wide cell's) figures of one department. */
function groupKey(m: Measure): string {
	const owner = m.initiative_id ? `i:${m.initiative_id}` : `g:${m.goal_id ?? ''}`;
	return `${owner}|${m.department ?? ''}`;
}

export interface PairingOptions {
	bands: readonly BandThreshold[];
	/** muni_code of each initiative / goal id, for the row. */
	muniOf: (m: Measure) => string;
}

interface Candidate {
	target: Measure;
	result: Measure;
	basis: Basis;
	/** same / near / weak / none, or null where a label is missing */
	match: LabelMatch | null;
	unit: string | null;
}

/** The results a target may be compared with, by year (rule 2), with the basis of each. */
function resultsInYear(target: Measure, results: readonly Measure[]): { result: Measure; basis: Basis }[] {
	const dated = results.filter((r) => r.fiscal_year !== null);
	const latest = (list: readonly Measure[]) => {
		const y = Math.max(...list.map((r) => r.fiscal_year as number));
		return list.filter((r) => r.fiscal_year === y);
	};
	if (target.kind === 'plan' && target.fiscal_year !== null) {
		return dated.filter((r) => r.fiscal_year === target.fiscal_year).map((result) => ({ result, basis: 'same_year' as const }));
	}
	if (target.every_year || target.fiscal_year === null) {
		const basis: Basis = target.every_year ? 'every_year' : 'undated_target';
		return dated.length ? latest(dated).map((result) => ({ result, basis })) : [];
	}
	const same = dated.filter((r) => r.fiscal_year === target.fiscal_year);
	if (same.length) return same.map((result) => ({ result, basis: 'same_year' as const }));
	const earlier = dated.filter((r) => (r.fiscal_year as number) < (target.fiscal_year as number));
	return earlier.length ? latest(earlier).map((result) => ({ result, basis: 'interim' as const })) : [];
}

/** Units and running totals agree (rule 4); the unit the pair is read in. */
function unitsAgree(t: Measure, r: Measure, match: LabelMatch | null): boolean {
	if (notCarriedOut(r)) return true;
	if (r.is_cumulative !== t.is_cumulative) return false;
	const [tu, ru] = [normalizeUnit(t.unit), normalizeUnit(r.unit)];
	if (tu === ru) return true;
	// 100事業 beside 96事業所 under one label: the unit was cut short in the cell.
	return tu !== null && ru !== null && match === 'same' && (tu.startsWith(ru) || ru.startsWith(tu));
}

const BASIS_ORDER: Record<Basis, number> = { same_year: 0, every_year: 1, undated_target: 2, interim: 3 };

export function pairMeasures(measures: readonly Measure[], options: PairingOptions): AchievementRow[] {
	const groups = new Map<string, Measure[]>();
	for (const m of measures) {
		if (m.value === null && !notCarriedOut(m)) continue;
		const list = groups.get(groupKey(m)) ?? [];
		list.push(m);
		groups.set(groupKey(m), list);
	}
	const rows: AchievementRow[] = [];
	for (const list of groups.values()) {
		const targets = list.filter((m) => (m.kind === 'target' || m.kind === 'plan') && m.value !== null);
		const all = list.filter((m) => m.kind === 'result' && !COMPARISON.test(m.label_ja ?? ''));
		const candidates: Candidate[] = [];
		for (const t of targets) {
			const inYear = resultsInYear(t, all);
			// Rule 6: prose figures only where the column of figures gives none for that year.
			const column = inYear.filter((c) => !c.result.narrative && c.result.value !== null);
			const usable = column.length ? inYear.filter((c) => !c.result.narrative) : inYear;
			for (const { result, basis } of usable) {
				const match = labelMatch(t.label_ja, result.label_ja);
				if (!unitsAgree(t, result, match)) continue;
				candidates.push({ target: t, result, basis, match, unit: notCarriedOut(result) ? null : normalizeUnit(t.unit) });
			}
		}
		const taken = new Set<string>();
		const paired = new Map<string, Candidate>();
		const take = (c: Candidate) => {
			paired.set(c.target.measure_id, c);
			// A "not carried out" item answers every figure of its plan (講演会 1回 300人); a figure answers one target.
			if (!notCarriedOut(c.result)) taken.add(c.result.measure_id);
		};
		// Rule 5, first pass: labels the same or near, strongest first, then a column figure over a
		// quotation, a final figure over an estimate, the order of the source.
		const strong = candidates
			.filter((c) => c.match === 'same' || c.match === 'near')
			.sort(
				(a, b) =>
					MATCH_STRENGTH[b.match!] - MATCH_STRENGTH[a.match!] ||
					BASIS_ORDER[a.basis] - BASIS_ORDER[b.basis] ||
					Number(a.result.narrative) - Number(b.result.narrative) ||
					Number(a.result.is_estimate) - Number(b.result.is_estimate) ||
					(a.result.measure_id < b.result.measure_id ? -1 : 1) ||
					(a.target.measure_id < b.target.measure_id ? -1 : 1)
			);
		for (const c of strong) if (!paired.has(c.target.measure_id) && !taken.has(c.result.measure_id)) take(c);
		// Second pass: a weak match or a missing label, only where the target and the result are each
		// the only one left of that unit (and year) on their side.
		const open = candidates.filter((c) => !paired.has(c.target.measure_id) && !taken.has(c.result.measure_id) && c.match !== 'none');
		for (const c of open) {
			if (paired.has(c.target.measure_id) || taken.has(c.result.measure_id)) continue;
			// Rivals are every figure still open that the other could be read against, whatever its label.
			const rivalsOfResult = candidates.filter((x) => x.result === c.result && !paired.has(x.target.measure_id) && x.target.kind === c.target.kind);
			const rivalsOfTarget = candidates.filter((x) => x.target === c.target && !taken.has(x.result.measure_id));
			if (new Set(rivalsOfResult.map((x) => x.target)).size !== 1 || new Set(rivalsOfTarget.map((x) => x.result)).size !== 1) continue;
			// An unlabelled "not carried out" pairs alone only where it is the whole cell (未実施).
			if (notCarriedOut(c.result) && c.result.label_ja === null && c.result.status_ja !== c.result.raw_text) continue;
			take(c);
		}
		for (const c of paired.values()) rows.push(rowOf(c, options));
	}
	return rows;
}

function rowOf(c: Candidate, options: PairingOptions): AchievementRow {
	const { target: t, result: r, basis } = c;
	const ceiling = lowerIsBetter(t);
	const tv = t.value as number;
	const undone = notCarriedOut(r) && r.value === null;
	const rv = r.value;
	const raw = rv === null ? null : ceiling ? (rv === 0 ? null : tv / rv) : tv === 0 ? null : rv / tv;
	const ratio = raw === null || raw < 0 ? null : Math.round(raw * 10000) / 10000;
	// An interim pair is progress, not a verdict; work not carried out in its plan's year is not achieved.
	const band = basis === 'interim' ? null : undone ? 'not_achieved' : ratio === null ? null : bandOf(ratio, options.bands);
	return {
		achievement_id: `${t.measure_id}/${r.measure_id}`,
		muni_code: options.muniOf(t),
		initiative_id: t.initiative_id,
		goal_id: t.initiative_id ? null : t.goal_id,
		indicator_label: t.label_ja ?? r.label_ja,
		target_measure_id: t.measure_id,
		result_measure_id: r.measure_id,
		target_kind: t.kind === 'plan' ? 'plan' : 'target',
		basis,
		direction: ceiling ? 'lower_is_better' : 'higher_is_better',
		target_fiscal_year: t.fiscal_year,
		result_fiscal_year: r.fiscal_year,
		unit: t.unit,
		target_value: tv,
		result_value: rv,
		result_status: undone ? 'not_carried_out' : 'reported',
		result_status_ja: undone ? r.status_ja : null,
		result_is_estimate: r.is_estimate,
		is_cumulative: t.is_cumulative,
		ratio,
		band
	};
}
