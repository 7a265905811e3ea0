import type { Adapter, AdapterResult, SourceDocument } from './adapter';
import { SourceError, emptyResult } from './adapter';
import { initiativeId, MeasureIds, measuresFromCell } from '../template-kit/records';
import { htmlToText, tidy, unwrapName } from '../normalize/text';
import { readFiscalYear } from '../normalize/fiscal-year';

/**
 * 新潟市西区「基本目標達成のための主な取り組みと目標値」: one tab-separated table row per initiative
 * (NO, four ○ columns for 基本目標 1–4, 取組名, 取組内容, R2実績, 3年後の目標値 (R5)). A row with an
 * empty NO continues the initiative above it (row 1 has two sub-rows), with its own figures.
 */

const HEADER = /^NO\t基本目標/;
const GOAL_COUNT = 4;
const COL = { no: 0, marks: 1, name: 5, description: 6, result: 7, target: 8 } as const;

export const niigataNishi2020: Adapter = {
	id: 'niigata-nishi-2020',
	describes: '新潟市西区: numbered initiatives with ○ marks for 基本目標 1–4, R2 results and R5 targets (tab-separated)',
	read(doc: SourceDocument): AdapterResult {
		const out = emptyResult();
		const { muni_code } = doc.entry.municipality;
		const { plan_id } = doc.entry.plan;
		const file = doc.entry.file;

		const headerLine = doc.lines.findIndex((l) => HEADER.test(l));
		if (headerLine < 0) throw new SourceError(file, 1, null, 'no table header "NO\t基本目標" found: is this the 西区 template?');
		const header = doc.lines[headerLine].split('\t');
		const resultYear = readFiscalYear(header[COL.result] ?? '');
		const targetYear = readFiscalYear(header[COL.target] ?? '');
		if (resultYear === null || targetYear === null) {
			throw new SourceError(file, headerLine + 1, 'header', `cannot read the fiscal years from "${header[COL.result]}" / "${header[COL.target]}"`);
		}

		// The 基本目標 are named only by their numbers in this report.
		const goalIds: string[] = [];
		for (let g = 1; g <= GOAL_COUNT; g++) {
			const goal_id = `${plan_id}-G${g}`;
			goalIds.push(goal_id);
			out.goals.push({ goal_id, plan_id, parent_goal_id: null, level: 1, level_name_ja: '基本目標', code: String(g), title_ja: `基本目標${g}`, description_ja: null, seq: g, line: headerLine + 2 });
		}

		const ids = new MeasureIds();
		let current: (typeof out.initiatives)[number] | null = null;
		let seq = 0;
		doc.lines.forEach((text, i) => {
			const line = i + 1;
			if (!text.includes('\t') || HEADER.test(text) || /^\t1\t2\t3\t4/.test(text)) return;
			const cells = text.split('\t');
			if (cells.length !== 9) {
				out.warnings.push({ source_file: file, line, column: null, field: null, code: 'shifted_columns', message: `expected 9 tab-separated cells, found ${cells.length}; row kept as a warning only`, raw: tidy(text), initiative_id: current?.initiative_id ?? null });
				return;
			}
			const no = tidy(cells[COL.no]);
			const description = htmlToText(cells[COL.description]).trim();
			if (no) {
				if (!/^\d+$/.test(no)) throw new SourceError(file, line, 'NO', `"${no}" is not an initiative number`);
				const marked = goalIds.filter((_, g) => tidy(cells[COL.marks + g]) === '○');
				const name = unwrapName(cells[COL.name]);
				if (!name) throw new SourceError(file, line, '取組名', 'initiative without a name');
				current = {
					initiative_id: initiativeId(muni_code, Number(no)),
					plan_id,
					muni_code,
					goal_id: marked[0] ?? null,
					goal_ids: marked,
					seq: seq++,
					code: no,
					name_ja: name,
					description_ja: description || null,
					// Jointly written by the ward office and the ward 社協; rows do not say which one runs what.
					departments: [],
					actor: 'unknown',
					repost_of: null,
					source_file: file,
					line_start: line,
					line_end: line
				};
				if (!marked.length) out.warnings.push({ source_file: file, line, column: COL.marks + 1, field: '基本目標', code: 'no_goal_mark', message: 'no ○ mark for any 基本目標', raw: null, initiative_id: current.initiative_id });
				out.initiatives.push(current);
			} else {
				if (!current) throw new SourceError(file, line, 'NO', 'a continuation row before any numbered row');
				if (cells.slice(COL.marks, COL.name + 1).some((c) => tidy(c))) {
					throw new SourceError(file, line, '取組名', 'a row without NO carries a name or marks: cannot tell which initiative it belongs to');
				}
				current.line_end = line;
				if (description) current.description_ja = current.description_ja ? `${current.description_ja}\n${description}` : description;
			}
			const initiative_id = current.initiative_id;
			out.measures.push(
				...measuresFromCell(ids, { initiative_id, kind: 'result', fiscal_year: resultYear, text: htmlToText(cells[COL.result]).replace(/\n/g, ' '), line, narrow_cell: true }),
				...measuresFromCell(ids, { initiative_id, kind: 'target', fiscal_year: targetYear, text: htmlToText(cells[COL.target]).replace(/\n/g, ' '), line, narrow_cell: true })
			);
		});
		return out;
	}
};
