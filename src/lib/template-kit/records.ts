import type { Measure } from '../contract/tables';
import { readQuantities, isNoValue } from '../normalize/quantity';
import { readNotCarriedOut } from '../normalize/status';
import { tidy, unwrapName } from '../normalize/text';

/**
 * Helpers every adapter uses to turn a cell into contract records the same way, so that
 * measures from different templates can be compared and paired.
 */

export interface CellMeasureInput {
	initiative_id: string | null;
	goal_id?: string | null;
	kind: Measure['kind'];
	fiscal_year: number | null;
	/** the cell text, lines already joined */
	text: string;
	line: number;
	line_end?: number;
	is_estimate?: boolean;
	/** label to use when the text before a number says nothing (e.g. the column's indicator name) */
	label_fallback?: string | null;
	/** the cell was wrapped in a narrow PDF column: spaces between Japanese characters are line breaks */
	narrow_cell?: boolean;
	/** the department whose part of the cell this is, where the source reports per department */
	department?: string | null;
	/** the cell is a narrative (実施状況 prose) beside a column of figures: its figures are quotations */
	narrative?: boolean;
}

const EVERY_YEAR = /毎年|毎月|年\s*[0-9０-９]+\s*回|年間|各年度|毎年度/;
const CUMULATIVE = /累計|総累計|累積/;

/** Numbers each measure of an initiative: 15107-017-m01, -m02, … in the order they are made. */
export class MeasureIds {
	private next = new Map<string, number>();
	take(owner: string): string {
		const n = (this.next.get(owner) ?? 0) + 1;
		this.next.set(owner, n);
		return `${owner}-m${String(n).padStart(2, '0')}`;
	}
}

/**
 * One measure per quantity in the cell (実施団体 116団体 訪問世帯 1,337世帯 gives two), or one
 * statement measure with no value when the cell has no number. A "—" cell is kept as a statement
 * with no value: it means "no figure", never zero. An empty cell gives nothing.
 */
export function measuresFromCell(ids: MeasureIds, input: CellMeasureInput): Measure[] {
	const raw = tidy(input.text);
	if (!raw) return [];
	const owner = input.initiative_id ?? input.goal_id;
	if (!owner) throw new Error('a measure needs an initiative or a goal');
	const base = {
		initiative_id: input.initiative_id,
		goal_id: input.initiative_id ? null : (input.goal_id ?? null),
		attached_to: input.initiative_id ? ('initiative' as const) : ('goal' as const),
		kind: input.kind,
		fiscal_year: input.fiscal_year,
		// 年3回 in one year's plan (2021年度計画) is that year's count; only a target holds every year.
		every_year: input.kind === 'target' && EVERY_YEAR.test(raw),
		is_estimate: input.is_estimate ?? false,
		department: input.department ?? null,
		status: null,
		status_ja: null,
		narrative: input.narrative ?? false,
		raw_text: raw,
		line: input.line,
		line_end: input.line_end ?? input.line
	};
	// In a narrow cell the PDF's wrapping left spaces inside words (開 催 → 開催): read the text without them.
	const reading = input.narrow_cell ? unwrapName(raw) : raw;
	const quantities = isNoValue(raw) ? [] : readQuantities(reading);
	// A result cell that says the work did not happen (研修会 中止, 未実施) records it: the item is a
	// measure of its own with that status, so a plan for the year pairs with "not carried out".
	const notCarriedOut = input.kind === 'result' && !isNoValue(raw) ? readNotCarriedOut(reading, quantities) : [];
	const statement = (label: string | null, status: { text: string }[]): Measure => ({
		...base,
		measure_id: ids.take(owner),
		is_cumulative: CUMULATIVE.test(raw),
		label_ja: label,
		value: null,
		unit: null,
		qualifier: null,
		...(status.length ? { status: 'not_carried_out' as const, status_ja: status.map((s) => s.text).join('; ') } : {})
	});
	if (!quantities.length) {
		return [statement(input.label_fallback ?? notCarriedOut.find((s) => s.label)?.label ?? null, notCarriedOut)];
	}
	const figures: Measure[] = quantities.map((q) => ({
		...base,
		measure_id: ids.take(owner),
		is_cumulative: CUMULATIVE.test(q.label ?? '') || CUMULATIVE.test(q.qualifier ?? ''),
		label_ja: q.label ?? input.label_fallback ?? null,
		value: q.value,
		unit: q.unit,
		qualifier: q.qualifier
	}));
	// Figures keep their ids; the items not carried out follow them.
	return [...figures, ...notCarriedOut.map((s) => statement(s.label, [s]))];
}

/** Initiative ids: municipality code and a three-digit number, with an optional suffix (-c council, -s city). */
export function initiativeId(muniCode: string, n: number, suffix = ''): string {
	return `${muniCode}-${String(n).padStart(3, '0')}${suffix}`;
}
