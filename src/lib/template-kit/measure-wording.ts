import { z } from 'zod';
import { MEASURE_KINDS, type Measure } from '../contract/tables';
import type { QualityWarning } from '../contract/quality';
import { MeasureIds, measuresFromCell, type CellMeasureInput } from './records';
import { readQuantities } from '../normalize/quantity';
import { findFiscalYears } from '../normalize/fiscal-year';
import { fold, tidy } from '../normalize/text';

/**
 * How reports word their figures, beyond what the shared quantity reader reads: measuresFromCell
 * first, then these rules, which hold for the way Japanese reports write a figure, not for one city:
 * - a figure followed by あたり is a rate's denominator (委員1人あたりの年間活動日数 152日), not a figure;
 * - a target printed with its year (H32(2020) 250人) keeps the year in fiscal_year, not in its label;
 * - 年2校, 年各1回, 毎年8校, 年間 … are targets for every year, 隔年1回 is not (隔年 is its qualifier);
 * - 1人ずつ: one each, so ずつ is kept as a qualifier;
 * - 月1回の…配達: once a month; 月 is the qualifier and what is counted follows the figure (as it
 *   does after a particle: 10団体へ29万円の助成);
 * - a bare figure in brackets after a sentence counts what the sentence did.
 * What a report prints that the vocabulary does not list is the template's data (`Wording`): units
 * (29万円, 16学級) and units that run on into a longer one (25地区社協 counts 地区社協, 7部会 部会).
 *
 * Opt-in: a template reads its cells with cellMeasures where its spec says so; turning the rules on
 * for a template that reads without them changes its records (its golden file will say which).
 */

/** What one report prints that the shared vocabulary does not know. */
export interface Wording {
	/** units the quantity reader does not know, each read through a stand-in unit of the same length that it does */
	units: readonly { unit: string; stand_in: string }[];
	/** a unit that runs on into a longer one (地区 + 社協 = 地区社協) */
	compound_units: readonly { unit: string; then: string }[];
}

export const NO_WORDING: Wording = { units: [], compound_units: [] };

export interface ItemInput extends Omit<CellMeasureInput, 'text' | 'fiscal_year'> {
	text: string;
	fiscal_year: number | null;
	/** the text as a documented correction says to read it; raw_text stays the source's text */
	read_as?: string | null;
}

const YEAR_TOKEN = /(?:平成|令和|H|R)\s*(?:元|\d{1,2})\s*[(（]\s*\d{4}\s*[)）]\s*[～~〜]?/g;
const EVERY_YEAR_BEFORE = /(?<!隔)年\s*各?\s*$/;
const EVERY_YEAR_WORDS = /毎年|各年度|毎年度|毎月/;
const YEARLY = /年間/;

function cleanLabel(label: string | null): string | null {
	if (!label) return null;
	let t = tidy(
		label
			.replace(YEAR_TOKEN, ' ')
			.replace(/^[・:：\s)）、,]+/, '')
			// "児童館(2箇所)及び放課後児童クラブ(16学級)": 及び joins two figures, it is not counted.
			.replace(/^及び/, '')
			// "指定小学校(年2校)", "交流会 年1回": the 年 belongs to the figure, not to what is counted.
			.replace(/[\s(（]*(?:年各|年)$/, '')
			.replace(/[\s(（:：、,]+$/, '')
	);
	// "周知(小・中学校 30校)": the figure closed the bracket the label opened.
	const open = (t.match(/[(（]/g) ?? []).length - (t.match(/[)）]/g) ?? []).length;
	if (open > 0) t += ')'.repeat(open);
	return t || null;
}

/**
 * "…情報交換会を実施しました。(24校参加)": a figure in brackets after a sentence counts what the
 * sentence did, so the sentence is its label. The sentence starts after the previous figure
 * (from), so "…参加しました。(78人) 山口市…に参加しました。(24人)" does not give 24人 the 78人.
 */
function sentenceBefore(text: string, at: number, from: number): string | null {
	const before = text.slice(from, at).replace(/[\s(（]+$/, '');
	if (!/。$/.test(before)) return null;
	const parts = before.slice(0, -1).split(/。|(?:^|\s)・/);
	return cleanLabel((parts[parts.length - 1] ?? '').replace(/^[\s)）]+/, '') || null);
}

/** "月1回のふれあい型給食弁当の配達により": what a figure with no words before it counts, after it. */
function phraseAfter(text: string, at: number): string | null {
	const m = text.slice(at).match(/^の([^、。\s]+?)(?:により|を|、|。|\s|$)/);
	return m ? m[1] : null;
}

/** The text with each local unit replaced by its stand-in, so every offset into the text stays the same. */
function withStandIns(text: string, wording: Wording): string {
	let out = text;
	for (const { unit, stand_in } of wording.units) out = out.replace(new RegExp(`(\\d)${unit}`, 'g'), `$1${stand_in}`);
	return out;
}

/** The unit as printed at a quantity's place: a local unit where the stand-in was read. */
function printedUnit(printed: string, q: { start: number; end: number; unit: string }, wording: Wording): string {
	const local = wording.units.find((u) => u.stand_in === q.unit && printed.slice(q.start, q.end).includes(u.unit));
	return local ? local.unit : q.unit;
}

/** One measure list for a cell: the shared reader, then the wording rules, then final ids. */
export function cellMeasures(ids: MeasureIds, input: ItemInput, wording: Wording = NO_WORDING): Measure[] {
	const scratch = new MeasureIds();
	const printed = fold(tidy(input.read_as ?? input.text));
	const reading = withStandIns(input.read_as ?? input.text, wording);
	const measures = measuresFromCell(scratch, { ...input, text: reading });
	const raw = tidy(reading);
	const folded = fold(raw);
	const quantities = readQuantities(raw);
	const valued = measures.filter((m) => m.value !== null);
	const aligned = valued.length === quantities.length;
	const out: Measure[] = [];
	let carryLabel: string | null = null;
	measures.forEach((m, i) => {
		if (m.value === null || !aligned) {
			out.push({ ...m, label_ja: cleanLabel(m.label_ja) ?? input.label_fallback ?? null, every_year: m.every_year && !/隔年/.test(raw) });
			return;
		}
		const q = quantities[i];
		const after = folded.slice(q.end);
		if (/^(?:あたり|当たり)/.test(after)) {
			// A rate's denominator: its words open the next figure's label.
			carryLabel = `${q.label ?? ''}${folded.slice(q.start, q.end)}`.trim();
			return;
		}
		let label = m.label_ja;
		let unit = printedUnit(printed, { ...q, unit: m.unit ?? '' }, wording);
		const runsOn = wording.compound_units.find((c) => c.unit === unit && after.startsWith(c.then));
		if (runsOn) unit = `${unit}${runsOn.then}`;
		const prev = quantities[i - 1];
		// 25地区社協の…: the words that made the unit longer are not the next figure's label.
		const prevRanOn = prev && wording.compound_units.find((c) => c.unit === prev.unit && folded.slice(prev.end).startsWith(c.then));
		if (prevRanOn && label?.startsWith(prevRanOn.then)) label = label.slice(prevRanOn.then.length);
		if (carryLabel) {
			label = `${carryLabel}${label ?? ''}`;
			carryLabel = null;
		}
		let every_year = m.every_year && !/隔年/.test(raw);
		if (input.kind === 'target') {
			const before = folded.slice(0, q.start);
			const item = before.slice(before.lastIndexOf('・') + 1);
			const between = prev ? folded.slice(prev.end, q.start) : '';
			every_year =
				EVERY_YEAR_BEFORE.test(before) ||
				/毎年|年間/.test(m.qualifier ?? '') ||
				EVERY_YEAR_WORDS.test(item) ||
				// 年間活動件数 H32(2020): a yearly count for one year; without a year it holds every year.
				(YEARLY.test(item) && input.fiscal_year === null) ||
				// 年1回×2会場: the second figure shares the first one's period.
				(/^\s*[×x]\s*$/.test(between) && (out[out.length - 1]?.every_year ?? false));
		}
		let qualifier = m.qualifier;
		if (after.startsWith('ずつ')) qualifier = qualifier ? `${qualifier} ずつ` : 'ずつ';
		if (label === '月') {
			qualifier = qualifier ? `月 ${qualifier}` : '月';
			label = phraseAfter(folded, q.end);
		} else if (label && /^[へにでと]$/.test(label)) {
			// "10団体へ29万円の助成": a particle is no label; the figure's noun follows it.
			label = phraseAfter(folded, q.end);
		}
		if (label && /隔年$/.test(label)) {
			// 隔年1回: once every other year; 隔年 says how often, it is not what is counted.
			label = label.replace(/\s*隔年$/, '');
			qualifier = qualifier ? `隔年 ${qualifier}` : '隔年';
		}
		let cleaned = cleanLabel(label);
		// 年1回×2会場: the second figure counts venues of the same course.
		if (cleaned && /^[×x]$/.test(cleaned)) cleaned = out[out.length - 1]?.label_ja ?? null;
		out.push({ ...m, label_ja: cleaned ?? input.label_fallback ?? sentenceBefore(folded, q.start, quantities[i - 1]?.end ?? 0), unit, qualifier, every_year });
	});
	return out.map((m) => {
		const owner = m.initiative_id ?? m.goal_id ?? '';
		return { ...m, measure_id: ids.take(owner), raw_text: tidy(input.text) };
	});
}

/**
 * A 主な活動指標 cell holds one or more indicators, each after a ・ where there are several; each
 * keeps the year printed with it (H32(2020) → 2020), or none.
 */
export function indicatorItems(text: string): { text: string; fiscal_year: number | null; years: number[] }[] {
	const items = text
		.split(/(?:^|\s)・/)
		.map((s) => tidy(s))
		.filter(Boolean);
	return items.map((item) => {
		const years = findFiscalYears(item);
		return { text: item, fiscal_year: years[0] ?? null, years };
	});
}

const YEAR_OR_DATE = /(?:平成|令和|H|R)\s*(?:元|\d{1,2})(?:\s*[(（]\s*\d{4}\s*[)）])?(?:年度?)?|\d{4}\s*年|\d{1,2}\s*月/g;

/**
 * Figures in a cell that no quantity took (児童館2, 年10ヵ所 …): the printed unit is not one the
 * shared reader knows, so the figure stays only in raw_text and the reader is told.
 */
export function unreadFigures(text: string, wording: Wording = NO_WORDING): string[] {
	const folded = fold(tidy(text));
	const taken = readQuantities(withStandIns(folded, wording)).map((q) => [q.start, q.end] as const);
	const dates = [...folded.matchAll(YEAR_OR_DATE)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
	const inside = (a: number, b: number) => [...taken, ...dates].some(([s, e]) => a >= s && b <= e);
	const out: string[] = [];
	// 子ども110番の家, 2層コーディネーター: numbers that are part of a name, not figures.
	// 2歳児: an age; P32: a page.
	for (const m of folded.matchAll(/(?<![A-Za-z\d.,])\d+(?:,\d{3})*(?:\.\d+)?(?![\d番層歳])/g)) {
		const at = m.index ?? 0;
		if (inside(at, at + m[0].length)) continue;
		// The figure with the word printed around it, back to the previous space.
		const before = folded.slice(Math.max(0, at - 10), at);
		const word = before.slice(before.search(/\S*$/));
		out.push(`${word}${folded.slice(at, at + m[0].length + 3)}`.trim());
	}
	return out;
}

/**
 * The figure columns of one row, read with the wording rules. General: a template names its columns
 * in order (kind, the year column they take their year from, whether the column is prose that quotes
 * figures, whether it lists indicators after ・ each with its own year) and gets the row's measures
 * numbered in column order, with every figure read or reported (figure_without_unit) and a bare
 * figure of a `label_from_indicator` column labelled by what the row's one labelled target counts.
 */
export const FigureColumnSpec = z.object({
	field: z.string().min(1),
	kind: z.enum(MEASURE_KINDS),
	year: z.string().optional(),
	/** prose that quotes figures beside a column of figures: narrative, so that a target pairs with the column's figure */
	narrative: z.boolean().default(false),
	/** items after ・, each with the year printed with it */
	indicator: z.boolean().default(false),
	label_from_indicator: z.boolean().default(false)
});
export type FigureColumnSpec = z.infer<typeof FigureColumnSpec>;

export interface RowFigures {
	initiative_id: string;
	line: number;
	department: string | null;
	/** the cells' texts, one per column */
	texts: readonly string[];
	years: Readonly<Record<string, number>>;
	/** how a documented correction says to read a cell's text, or null */
	readAs: (field: string, text: string) => string | null;
	warn: (w: Omit<QualityWarning, 'source_file'>) => void;
}

export function rowFigureMeasures(ids: MeasureIds, columns: readonly FigureColumnSpec[], row: RowFigures, wording: Wording): Measure[] {
	const { initiative_id, line, department, texts, readAs, warn } = row;
	const scratch = new MeasureIds();
	columns.forEach(({ field }, k) => {
		const figures = unreadFigures(readAs(field, texts[k]) ?? texts[k], wording);
		if (figures.length) warn({ line, column: null, field, code: 'figure_without_unit', message: `figures printed without a unit the reader knows (${figures.join(' / ')}): kept in raw_text only, no value`, raw: tidy(texts[k]), initiative_id });
	});
	const common = { initiative_id, line, department };
	const indicator = columns.findIndex((c) => c.indicator);
	const targets = indicator < 0 ? [] : indicatorItems(texts[indicator] ?? '').flatMap((item) => {
		const { field, kind } = columns[indicator];
		if (item.years.length > 1) warn({ line, column: null, field, code: 'several_fiscal_years', message: `the indicator names several years (${item.years.join(', ')}); the first is kept`, raw: item.text, initiative_id });
		return cellMeasures(scratch, { ...common, kind, fiscal_year: item.fiscal_year, text: item.text, read_as: readAs(field, item.text) }, wording);
	});
	const labelled = targets.filter((m) => m.value !== null);
	const indicatorLabel = labelled.length === 1 ? labelled[0].label_ja : null;
	const measures = columns.flatMap((c, k) =>
		k === indicator
			? targets
			: cellMeasures(scratch, { ...common, kind: c.kind, narrative: c.narrative, fiscal_year: c.year === undefined ? null : (row.years[c.year] ?? null), text: texts[k], label_fallback: c.label_from_indicator ? indicatorLabel : undefined, read_as: readAs(c.field, texts[k]) }, wording)
	);
	return measures.map((m) => ({ ...m, measure_id: ids.take(initiative_id) }));
}
