import type { Measure } from '../contract/tables';
import { VOCABULARY } from '../template-kit/vocabulary';
import type { AchievementRow } from '../contract/common-ground';
import { bandOf, type BandThreshold } from '../grading/crosswalk';

/**
 * Pairing rule (also in data/COMMON-GROUND.md). A target (or a year's plan) and a result pair when
 *  1. they describe the same initiative (or the same goal-wide cell) and the same department
 *     (both without one, or the same department where the source reports per department: one
 *     department's result never answers another department's target),
 *  2. both carry a number, and both or neither are running totals (累計),
 *  3. their units are the same after folding spellings (名 = 人, ヶ所 = か所 = 箇所, ％ = %),
 *  4. they count the same thing: the folded labels are equal or one contains the other; where
 *     neither has a label they pair only if each is the only number of that unit on its side,
 *  5. the years fit: the same fiscal year (same_year); a target that holds every year
 *     (every_year); a target with no year (undated_target); or a result from before the target's
 *     year (interim: progress so far towards a later target). A result later than its target
 *     does not pair.
 * Each target takes its best result: same year first, then the latest year, then a final
 * figure over an estimate. Nothing else is paired; unpaired measures stay as they are.
 */

/** Spellings of one unit (data/vocabulary.json: units.same). */
const UNIT_VARIANTS: readonly (readonly [RegExp, string])[] = VOCABULARY.units.same.map((s) => [new RegExp(s.pattern), s.unit] as const);

export function normalizeUnit(unit: string | null): string | null {
	if (unit === null) return null;
	let u = unit.normalize('NFKC').replace(/\s+/g, '');
	for (const [p, c] of UNIT_VARIANTS) u = u.replace(p, c);
	return u || null;
}

/**
 * The indicator a label names, without the words that only date or frame it: years (R5年度末,
 * 令和5年度, H32(2020)), 毎年・年間・年, 累計, 合計, 延べ, brackets and punctuation.
 */
export function indicatorKey(label: string | null): string | null {
	if (label === null) return null;
	const k = label
		.normalize('NFKC')
		.replace(/\s+/g, '')
		.replace(/(?:令和|平成|[RH])\s*(?:\d+|元)\s*(?:\(\d{4}\))?\s*(?:年度末|年度|年)?/g, '')
		.replace(/\d{4}年度?/g, '')
		.replace(/毎年度?|年間|累計|合計|延べ|見込み?|目標|実績/g, '')
		.replace(/[()（）[\]【】「」『』〈〉<>・、,.。:：]/g, '');
	return k.length ? k : null;
}

function sameIndicator(a: string | null, b: string | null): boolean {
	if (a === null || b === null) return false;
	if (a === b) return true;
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	return short.length >= 2 && long.includes(short);
}

type Basis = AchievementRow['basis'];

function basisOf(target: Measure, result: Measure): Basis | null {
	if (target.every_year) return 'every_year';
	if (target.fiscal_year === null) return 'undated_target';
	if (result.fiscal_year === null) return null;
	if (result.fiscal_year === target.fiscal_year) return 'same_year';
	if (result.fiscal_year < target.fiscal_year) return 'interim';
	return null;
}

const BASIS_ORDER: Record<Basis, number> = { same_year: 0, every_year: 1, undated_target: 2, interim: 3 };

function isCeiling(target: Measure): boolean {
	return /以下|未満|以内/.test(target.qualifier ?? '') || /以下|未満|以内|減少|削減/.test(target.label_ja ?? '');
}

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

export function pairMeasures(measures: readonly Measure[], options: PairingOptions): AchievementRow[] {
	const groups = new Map<string, Measure[]>();
	for (const m of measures) {
		if (m.value === null) continue;
		const list = groups.get(groupKey(m)) ?? [];
		list.push(m);
		groups.set(groupKey(m), list);
	}
	const rows: AchievementRow[] = [];
	for (const list of groups.values()) {
		const targets = list.filter((m) => m.kind === 'target' || m.kind === 'plan');
		const results = list.filter((m) => m.kind === 'result');
		for (const t of targets) {
			const unit = normalizeUnit(t.unit);
			const tKey = indicatorKey(t.label_ja);
			const candidates = results.filter((r) => {
				if (normalizeUnit(r.unit) !== unit || r.is_cumulative !== t.is_cumulative) return false;
				const rKey = indicatorKey(r.label_ja);
				if (tKey === null && rKey === null) {
					// No label on either side: only an unambiguous pair of numbers in that unit.
					const sameUnit = (m: Measure) => normalizeUnit(m.unit) === unit && indicatorKey(m.label_ja) === null;
					return targets.filter((x) => sameUnit(x) && x.kind === t.kind).length === 1 && results.filter(sameUnit).length === 1;
				}
				return sameIndicator(tKey, rKey);
			});
			const ranked = candidates
				.map((r) => ({ r, basis: basisOf(t, r) }))
				.filter((c): c is { r: Measure; basis: Basis } => c.basis !== null)
				.sort(
					(a, b) =>
						BASIS_ORDER[a.basis] - BASIS_ORDER[b.basis] ||
						(b.r.fiscal_year ?? 0) - (a.r.fiscal_year ?? 0) ||
						Number(a.r.is_estimate) - Number(b.r.is_estimate) ||
						(a.r.measure_id < b.r.measure_id ? -1 : 1)
				);
			const best = ranked[0];
			if (!best) continue;
			const r = best.r;
			const ceiling = isCeiling(t);
			const tv = t.value as number;
			const rv = r.value as number;
			const ratio = ceiling ? (rv === 0 ? null : tv / rv) : tv === 0 ? null : rv / tv;
			rows.push({
				achievement_id: `${t.measure_id}/${r.measure_id}`,
				muni_code: options.muniOf(t),
				initiative_id: t.initiative_id,
				goal_id: t.initiative_id ? null : t.goal_id,
				indicator_label: t.label_ja ?? r.label_ja,
				target_measure_id: t.measure_id,
				result_measure_id: r.measure_id,
				target_kind: t.kind === 'plan' ? 'plan' : 'target',
				basis: best.basis,
				direction: ceiling ? 'lower_is_better' : 'higher_is_better',
				target_fiscal_year: t.fiscal_year,
				result_fiscal_year: r.fiscal_year,
				unit: t.unit,
				target_value: tv,
				result_value: rv,
				result_is_estimate: r.is_estimate,
				is_cumulative: t.is_cumulative,
				ratio: ratio === null || ratio < 0 ? null : Math.round(ratio * 10000) / 10000,
				band: ratio === null || ratio < 0 ? null : bandOf(ratio, options.bands)
			});
		}
	}
	return rows;
}
