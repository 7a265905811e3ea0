import type { Goal, Measure } from '../contract/tables';
import type { MeasureThemeRow } from '../contract/common-ground';
import { classify, evidenceText, type InitiativeText } from './classify';
import { goalPath } from './assign';
import type { Taxonomy } from './taxonomy';

/**
 * Results a report gives for a goal as a whole (measures attached to a goal, e.g. 登別市's one merged
 * cell per 基本目標) belong to no initiative, so the initiative rules never see them. Each printed
 * item of such a cell (●ふれあいいきいきサロン（45か所） 延べ2,730回、29,904人参加: one raw_text, several
 * figures) is read like a short initiative: its heading label is the name, the labels of its other
 * figures are measure labels, the goal titles above it are the goals. Every figure of the item
 * takes the item's themes: 2,730回 and 29,904人 are the salon's too, though the adapter could give them
 * no label of their own.
 */

export interface GoalResultItem {
	goal_id: string;
	/** the item as printed, shared by its figures */
	raw_text: string;
	line: number;
	measure_ids: string[];
	text: InitiativeText;
}

/** The printed items of goal-wide cells, in source order, with what the classifier reads of each. */
export function goalResultItems(goals: readonly Goal[], measures: readonly Measure[]): GoalResultItem[] {
	const goalById = new Map(goals.map((g) => [g.goal_id, g]));
	const items = new Map<string, { goal_id: string; raw_text: string; line: number; measures: Measure[] }>();
	for (const m of measures) {
		if (m.attached_to !== 'goal' || m.initiative_id !== null || m.goal_id === null) continue;
		const key = `${m.goal_id}\u0000${m.line}\u0000${m.raw_text}`;
		const item = items.get(key) ?? { goal_id: m.goal_id, raw_text: m.raw_text, line: m.line, measures: [] };
		item.measures.push(m);
		items.set(key, item);
	}
	return [...items.values()].map((item) => {
		const sorted = [...item.measures].sort((a, b) => (a.measure_id < b.measure_id ? -1 : 1));
		const labels = [...new Set(sorted.map((m) => m.label_ja).filter((l): l is string => !!l && l.trim() !== ''))];
		return {
			goal_id: item.goal_id,
			raw_text: item.raw_text,
			line: item.line,
			measure_ids: sorted.map((m) => m.measure_id),
			// An item without any label (a bare figure) is read by its printed text.
			text: { name: labels[0] ?? item.raw_text, description: null, goals: goalPath(item.goal_id, goalById), measures: labels.slice(1) }
		};
	});
}

/** measure_themes: each figure of a goal-wide item with each theme the rules give the item. */
export function measureThemeRows(items: readonly GoalResultItem[], taxonomy: Taxonomy): MeasureThemeRow[] {
	return items.flatMap((item) =>
		classify(item.text, taxonomy).flatMap((a) =>
			item.measure_ids.map((measure_id) => ({
				measure_id,
				goal_id: item.goal_id,
				theme_id: a.theme_id,
				method: 'rule' as const,
				evidence: evidenceText(a.matches),
				confidence: a.confidence
			}))
		)
	);
}
