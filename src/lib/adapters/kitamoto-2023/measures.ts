import type { Measure } from '../../contract/tables';
import { MeasureIds, measuresFromCell } from '../../template-kit/records';
import { segmentBody, segmentDepartment, type Segment } from '../../template-kit/department-cells';
import { readOcrOnes } from '../../template-kit/ocr';
import { readRates } from '../../template-kit/figures';
import { readFiscalYear } from '../../normalize/fiscal-year';
import { tidy, unwrapName } from '../../normalize/text';

/**
 * Hook: the measures of one cell of the 北本市 report (or one department's part of it). Numbers are
 * read with an OCR'd 1 (I 2校) taken as the digit, which is reported; rates without a unit are read
 * first; a progress cell's last-year figures get last year. raw_text stays the text as printed,
 * heading included, and the heading's department is the measures' department.
 */
export function cellMeasures(
	ids: MeasureIds,
	initiative_id: string,
	kind: Measure['kind'],
	fiscal_year: number | null,
	part: Segment,
	line: number,
	label_fallback: string | null,
	report: (message: string) => void
): Measure[] {
	const printed = tidy(part.text);
	if (!printed) return [];
	const department = segmentDepartment(part);
	const body = segmentBody({ ...part, text: printed });
	// Numbers are read with the PDF's wrap spaces removed (5箇 所 → 5箇所) and an OCR'd 1 restored.
	const readable = unwrapName(readOcrOnes(body));
	// A heading alone (【健康づくり課】 with nothing after it) is still that department's statement.
	const counted = measuresFromCell(new MeasureIds(), { initiative_id, kind, fiscal_year, text: readable || printed, line, label_fallback, department });
	// Rates open their cells (人口10万対自殺死亡率15.5); with a rate read, the cell is no longer a statement without a number.
	const rates: Measure[] = readRates(readable).map((r) => ({ ...counted[0], label_ja: r.label, value: r.value, unit: null, qualifier: null, is_cumulative: false }));
	const made = [...rates, ...counted.filter((m) => !rates.length || m.value !== null)];
	for (const m of made) m.measure_id = ids.take(initiative_id);
	const asPrinted = measuresFromCell(new MeasureIds(), { initiative_id, kind, fiscal_year, text: unwrapName(body), line, label_fallback, department });
	const values = (list: { value: number | null; unit?: string | null }[]) => list.filter((m) => m.value !== null).map((m) => `${m.value}${m.unit ?? ''}`).join(', ');
	const readValues = values([...readRates(readable), ...counted]);
	const printedValues = values([...readRates(unwrapName(body)), ...asPrinted]);
	if (readValues !== printedValues) {
		report(`an I (or Ⅰ, l) beside a number or a counting unit is read as the digit 1: values read ${readValues}, where the letter as printed would give ${printedValues || 'none'}`);
	}
	made.forEach((m, k) => {
		m.raw_text = printed;
		// A progress cell also gives last year's figures: 相談件数 211件(前年度332件), R4年度相談件数 389件.
		if (kind === 'result' && fiscal_year !== null && m.label_ja) {
			const named = m.label_ja.match(/(?:令和|R)\s*(?:\d{1,2}|元)\s*年度/);
			if (named) m.fiscal_year = readFiscalYear(named[0]) ?? fiscal_year;
			else if (/^前年度/.test(m.label_ja)) {
				m.fiscal_year = fiscal_year - 1;
				// (前年度 191人) is last year's figure of the count just before it: it takes that count's label.
				if (m.label_ja === '前年度' && k > 0 && made[k - 1].label_ja) m.label_ja = made[k - 1].label_ja;
			}
		}
	});
	return made;
}
