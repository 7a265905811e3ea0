import type { Adapter, AdapterResult, SourceDocument } from './adapter';
import { SourceError, emptyResult, requireScheme } from './adapter';
import type { Initiative } from '../contract/tables';
import { initiativeId, MeasureIds, measuresFromCell } from '../template-kit/records';
import { fold, htmlListItems, tidy } from '../normalize/text';
import { readFiscalYear } from '../normalize/fiscal-year';
import { readGrade } from '../normalize/grade';

/**
 * 登別市地域福祉実践計画「きずな」総合評価: 18 基本計画 under 5 基本目標 (【基本目標N】 banners),
 * each with a 1–5 評価. The H29 results and the 今後の推進強化項目 are merged cells printed on the
 * first row of each 基本目標: every ● bullet of the results goes to the 基本計画 whose name it
 * repeats, otherwise to the 基本目標 as a whole (attached_to = 'goal').
 */

const GOAL_BANNER = /^【基本目標\s*(\d+)】\s*([^\t]+)/;
const ROW = /^(\d+)\t/;
const HEADER = /^基本目標と基本計画\t/;

/** Words that end an initiative name but not the activity a bullet names (きずな活動の推進 → きずな活動). */
const NAME_ENDINGS = /(の推進|の強化|の促進|の充実|の実施|の構築|の育成|の向上|の確保)$/;

function nameCore(name: string): string {
	return fold(name).replace(/[（(][^）)]*[）)]/g, '').replace(NAME_ENDINGS, '');
}

/** The initiative a results bullet names in its heading, if exactly one does. */
function ownerOfBullet(bullet: string, candidates: readonly Initiative[]): Initiative | null {
	const heading = fold(bullet).replace(/^[●・]/, '').split(/[（(\s]/)[0];
	const hits = candidates.filter((c) => {
		const core = nameCore(c.name_ja);
		return core.length >= 4 && heading.includes(core);
	});
	return hits.length === 1 ? hits[0] : null;
}

/** A 基本目標 with its 基本計画 and the merged cells printed on its first row. */
interface GoalGroup {
	goal_id: string;
	line: number;
	members: Initiative[];
	results: { text: string; line: number }[];
	priorities: { text: string; line: number }[];
}

export const noboribetsuKizuna2017: Adapter = {
	id: 'noboribetsu-kizuna-2017',
	describes: '登別市 地域福祉実践計画きずな 総合評価: 基本計画 rows with 1–5 points and merged H29 result cells per 基本目標',
	read(doc: SourceDocument, ctx): AdapterResult {
		const out = emptyResult();
		const file = doc.entry.file;
		const { muni_code } = doc.entry.municipality;
		const { plan_id } = doc.entry.plan;
		const scheme = requireScheme(doc, ctx);
		const levels = scheme.levels.map((l) => l.grade);

		const headerIndex = doc.lines.findIndex((l) => HEADER.test(l));
		if (headerIndex < 0) throw new SourceError(file, 1, null, 'no "基本目標と基本計画" table header: is this the 登別市 template?');
		const header = doc.lines[headerIndex].split('\t');
		const resultYear = readFiscalYear(header[3] ?? '');
		if (resultYear === null) throw new SourceError(file, headerIndex + 1, 'header', `cannot read the results' fiscal year from "${header[3]}"`);

		const ids = new MeasureIds();
		const groups: GoalGroup[] = [];
		let goal: GoalGroup | null = null as GoalGroup | null;
		let seq = 0;

		doc.lines.forEach((text, i) => {
			const line = i + 1;
			const banner = text.match(GOAL_BANNER);
			if (banner) {
				const goal_id = `${plan_id}-G${banner[1]}`;
				out.goals.push({ goal_id, plan_id, parent_goal_id: null, level: 1, level_name_ja: '基本目標', code: banner[1], title_ja: tidy(banner[2]), description_ja: null, seq: out.goals.length, line });
				goal = { goal_id, line, members: [], results: [], priorities: [] };
				groups.push(goal);
				return;
			}
			const row = text.match(ROW);
			if (!row) return;
			if (!goal) throw new SourceError(file, line, '基本目標', 'a 基本計画 row before any 【基本目標】 banner');
			const cells = text.split('\t');
			const no = Number(row[1]);
			const name = tidy(cells[1] ?? '');
			if (!name) throw new SourceError(file, line, '基本計画', 'row without a name');
			const initiative: Initiative = {
				initiative_id: initiativeId(muni_code, no),
				plan_id,
				muni_code,
				goal_id: goal.goal_id,
				goal_ids: [goal.goal_id],
				seq: seq++,
				code: String(no),
				name_ja: name,
				description_ja: null,
				departments: [],
				// The 実践計画 is the council of social welfare's (社協) plan.
				actor: 'council',
				repost_of: null,
				source_file: file,
				line_start: line,
				line_end: line
			};
			out.initiatives.push(initiative);
			goal.members.push(initiative);

			const gradeRaw = tidy(cells[2] ?? '');
			if (gradeRaw) {
				const grade = readGrade(gradeRaw, levels);
				out.evaluations.push({ evaluation_id: `${initiative.initiative_id}-e1`, initiative_id: initiative.initiative_id, fiscal_year: resultYear, scheme_id: scheme.scheme_id, grade_raw: gradeRaw, grade, evaluator: null, score: null, band: null, line });
				if (grade === null) out.warnings.push({ source_file: file, line, column: 3, field: '評価', code: 'grade_outside_scheme', message: `評価 "${gradeRaw}" is not a level of ${scheme.scheme_id}`, raw: gradeRaw, initiative_id: initiative.initiative_id });
			} else {
				out.warnings.push({ source_file: file, line, column: 3, field: '評価', code: 'missing_grade', message: 'no 評価 on this row', raw: null, initiative_id: initiative.initiative_id });
			}
			// Merged cells: printed once, on the first row of the 基本目標.
			if (tidy(cells[3] ?? '')) goal.results.push({ text: cells[3], line });
			if (tidy(cells[4] ?? '')) goal.priorities.push({ text: cells[4], line });
			// A cell past the table's last column: the PDF shifted part of a merged cell onto this row.
			const extra = cells.slice(5).map(tidy).filter(Boolean);
			for (const piece of extra) {
				goal.results.push({ text: piece, line });
				out.warnings.push({ source_file: file, line, column: 6, field: 'H29年度の実績', code: 'shifted_columns', message: `text beyond the last column on the row of ${initiative.initiative_id}; kept as a result of the whole 基本目標, since the text does not say which 基本計画 it belongs to`, raw: piece, initiative_id: initiative.initiative_id });
			}
		});

		for (const g of groups) {
			for (const cell of g.results) {
				for (const bullet of htmlListItems(cell.text).flatMap((item) => item.split(/(?=●)/)).map(tidy).filter(Boolean)) {
					const owner = ownerOfBullet(bullet, g.members);
					out.measures.push(
						...measuresFromCell(ids, { initiative_id: owner?.initiative_id ?? null, goal_id: g.goal_id, kind: 'result', fiscal_year: resultYear, text: bullet, line: cell.line })
					);
				}
			}
			let n = 0;
			for (const cell of g.priorities) {
				// Items are printed as ・ bullets inside one list element.
				for (const item of htmlListItems(cell.text).flatMap((t) => t.split(/(?:^|\s)・/))) {
					const textJa = tidy(item);
					if (!textJa) continue;
					out.notes.push({ note_id: `${g.goal_id}-n${++n}`, initiative_id: null, goal_id: g.goal_id, field: 'priority', label_ja: '今後の推進強化項目', text_ja: textJa, line: cell.line, line_end: cell.line });
				}
			}
		}
		return out;
	}
};
