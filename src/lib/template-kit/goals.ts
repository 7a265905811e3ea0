import type { Goal } from '../contract/tables';
import type { QualityWarning } from '../contract/quality';
import { fold, tidy } from '../normalize/text';

/**
 * Goals of a report, built the same way in every template: a goal is known by its path of codes
 * (1, 1-2, 1-2-3 → <plan>-G1-2-3), its parent is the path without its last part, and a report that
 * prints the same goal on many pages (北本市 repeats 目標 and 施策 on each page) still gives one record.
 */

const titleKey = (s: string) => fold(s).replace(/[\s\u3000]+/g, '');

export interface Occurrence {
	text: string;
	line: number;
}

interface GoalDraft {
	goal_id: string;
	parent_goal_id: string | null;
	level: number;
	level_name_ja: string;
	code: string;
	titles: Occurrence[];
	descriptions: Occurrence[];
}

/**
 * The goals of the report, one record per real goal however many pages repeat it. Where the pages
 * print a title differently, the reading most pages agree on wins (the first one on a tie) and the
 * others are listed as warnings.
 */
export class GoalBook {
	private drafts = new Map<string, GoalDraft>();

	constructor(
		private readonly planId: string,
		private readonly file: string,
		/** how a printed title becomes the record's text (a template may undo its PDF's line wrapping) */
		private readonly readText: (printed: string) => string = tidy
	) {}

	goalId(path: readonly (string | number)[]): string {
		return `${this.planId}-G${path.join('-')}`;
	}

	/** Record one printing of a goal; returns its id. */
	see(path: readonly (string | number)[], level_name_ja: string, code: string, title: Occurrence, description?: Occurrence): string {
		const goal_id = this.goalId(path);
		let draft = this.drafts.get(goal_id);
		if (!draft) {
			draft = {
				goal_id,
				parent_goal_id: path.length > 1 ? this.goalId(path.slice(0, -1)) : null,
				level: path.length,
				level_name_ja,
				code,
				titles: [],
				descriptions: []
			};
			this.drafts.set(goal_id, draft);
		}
		draft.titles.push(title);
		if (description && tidy(description.text)) draft.descriptions.push(description);
		return goal_id;
	}

	has(goal_id: string): boolean {
		return this.drafts.has(goal_id);
	}

	private pick(list: Occurrence[], field: string, goal_id: string, warnings: QualityWarning[]): Occurrence {
		const counts = new Map<string, number>();
		for (const o of list) counts.set(titleKey(o.text), (counts.get(titleKey(o.text)) ?? 0) + 1);
		let best = list[0];
		for (const o of list) if ((counts.get(titleKey(o.text)) ?? 0) > (counts.get(titleKey(best.text)) ?? 0)) best = o;
		for (const o of list) {
			if (titleKey(o.text) === titleKey(best.text)) continue;
			warnings.push({
				source_file: this.file, line: o.line, column: 2, field, code: 'header_text_differs',
				message: `this page prints the ${field} of ${goal_id} differently from most pages; the record keeps "${best.text}" (line ${best.line})`,
				raw: o.text, initiative_id: null
			});
		}
		return best;
	}

	/** Goal records in source order; a 施策's 説明 is its description. */
	finish(warnings: QualityWarning[]): Goal[] {
		return [...this.drafts.values()].map((d, seq) => {
			const title = this.pick(d.titles, d.level_name_ja, d.goal_id, warnings);
			const description = d.descriptions.length ? this.pick(d.descriptions, '説明', d.goal_id, warnings) : null;
			return {
				goal_id: d.goal_id,
				plan_id: this.planId,
				parent_goal_id: d.parent_goal_id,
				level: d.level,
				level_name_ja: d.level_name_ja,
				code: d.code,
				title_ja: this.readText(title.text),
				description_ja: description ? this.readText(description.text) : null,
				seq,
				line: title.line
			};
		});
	}
}

