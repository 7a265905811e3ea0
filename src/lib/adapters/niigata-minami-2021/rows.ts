import { SourceError } from '../adapter';
import type { QualityWarning } from '../../contract/quality';
import { foldLookalikes, tidy } from '../../normalize/text';
import { textBlocks, type Item, type Layout } from '../../template-kit/page-layout';
import type { Block, SourceText } from '../../template-kit/wrapped-cells';
import type { ColumnHeader } from './header';
import type { Spec } from './spec';
import type { CorrectionBook } from '../../template-kit/corrections';
import { COUNCIL_NAMES, departmentSuffixes } from '../../template-kit/departments';
import { VOCABULARY, alternation } from '../../template-kit/vocabulary';

/**
 * Reassembles the 南区 table from its text. The PDF text gives each cell as a few lines, cells
 * mostly separated by blank lines, sometimes several cells on one line separated by a space.
 * Two things in every row are certain and anchor the reading:
 *  - the 担当部署 cell (a …課 or 社会福祉協議会 line), after the name and the 概要;
 *  - the 評価 mark (a lone letter), after the three figure cells.
 * Between the 評価 of one row and the 担当部署 of the next lie the comment of the first and the
 * name and 概要 of the second; text blocks (runs of lines between blank lines) tell them apart.
 */

export type GoalHeading = Omit<Extract<Item, { kind: 'heading' }>, 'kind'>;

export interface Row {
	section: number;
	heading: GoalHeading;
	header: ColumnHeader;
	/** null when the row has no name line of its own: it sits under a merged name cell */
	name: Block | null;
	/** the merged name cell, printed after the rows it names */
	mergedName: Block | null;
	summary: Block;
	departments: Block[];
	/** the three figure cells, in header order */
	figures: Block[];
	grade: SourceText;
	comment: Block | null;
	remarks: Block[];
}

export interface Section {
	/** 0-based, in source order */
	index: number;
	/** the column header that opens the section */
	header: ColumnHeader;
	headings: GoalHeading[];
	rows: Row[];
}

/**
 * The department (the spec's endings of data/vocabulary.json, and the council's names) that opens
 * the 担当部署 cell, and the further bodies listed under it.
 */
function departmentPatterns({ departments: d }: Spec) {
	return {
		start: new RegExp(`^(?:\\S{1,${d.first_chars}}(?:${alternation(departmentSuffixes(d.first))})|${COUNCIL_NAMES})$`),
		more: new RegExp(`^(?:\\S{1,${d.more_chars}}(?:${alternation(VOCABULARY.departments.suffixes)})|${COUNCIL_NAMES}|${alternation(d.more_names)})$`)
	};
}

const tokens = (text: string) => text.trim().split(/ +/).filter(Boolean);
/** A 概要 or comment is written in sentences; a name never is. */
const endsSentence = (block: Block) => /。[）)」』]?$/.test(tidy(block[block.length - 1].text));

interface DepartmentAnchor {
	/** index of the department token on the line; tokens before it close the 概要 */
	at: number;
	words: string[];
	/** 社会福祉協議 / 会: the name broken over two lines */
	brokenOverTwoLines: boolean;
}

function findDepartment(item: Item, next: Item | undefined, DEPARTMENT_START: RegExp): DepartmentAnchor | null {
	if (item.kind !== 'text') return null;
	const words = tokens(item.text);
	for (let k = 0; k < words.length; k++) {
		// A department further along the line must follow the end of the 概要 sentence.
		if (k > 0 && !words[k - 1].endsWith('。')) continue;
		if (DEPARTMENT_START.test(words[k])) return { at: k, words, brokenOverTwoLines: false };
		if (words[k] === '社会福祉協議' && k === words.length - 1 && next?.kind === 'text' && tidy(next.text) === '会') {
			return { at: k, words, brokenOverTwoLines: true };
		}
	}
	return null;
}

export interface RowReading {
	sections: Section[];
	warnings: QualityWarning[];
}

export function readRows(spec: Spec, file: string, layout: Layout<ColumnHeader>, book: CorrectionBook): RowReading {
	const FIELD = spec.fields;
	const { start: DEPARTMENT_START, more: DEPARTMENT_MORE } = departmentPatterns(spec);
	const grade = new RegExp(spec.grade, 'u');
	const isGrade = (token: string) => grade.test(foldLookalikes(token));
	const items = layout.items;
	const sections: Section[] = [];
	const warnings: QualityWarning[] = [];
	let lastRow: Row | null = null;
	let lastGradeLine = 0;
	let pendingNameless: Row[] = [];

	const headerBefore = (line: number): ColumnHeader | null =>
		[...layout.headers].reverse().find((h) => h.line < line) ?? null;
	const current = () => sections[sections.length - 1];

	/** The comment of the row above, and any blocks after it: a merged name cell or a 備考. */
	const closeRow = (part: readonly Item[]) => {
		const blocks = textBlocks(part);
		if (!lastRow) {
			if (blocks.length) throw new SourceError(file, blocks[0][0].line, FIELD.name, 'text before the first 目標 heading that is not a row');
			return;
		}
		lastRow.comment = blocks[0] ?? null;
		for (const block of blocks.slice(1)) {
			if (pendingNameless.length) {
				for (const r of pendingNameless) r.mergedName = block;
				pendingNameless = [];
			} else lastRow.remarks.push(block);
		}
	};

	const startHeading = (h: Extract<Item, { kind: 'heading' }>) => {
		const heading: GoalHeading = { line: h.line, code: h.code, number: h.number, title: h.title };
		if (h.number === 1) {
			if (pendingNameless.length) {
				throw new SourceError(file, pendingNameless[0].summary[0].line, FIELD.name, 'a row without a name line, but no merged name cell follows in its section');
			}
			const header = headerBefore(h.line);
			if (!header || header.line < lastGradeLine) {
				throw new SourceError(file, h.line, 'header', 'a new section (（１）) starts without a column header of its own: cannot tell its fiscal years');
			}
			sections.push({ index: sections.length, header, headings: [heading], rows: [] });
			return;
		}
		const section = current();
		if (!section) throw new SourceError(file, h.line, FIELD.heading, `${h.code} before any （１） heading`);
		const prev = section.headings[section.headings.length - 1];
		if (h.number !== prev.number + 1) {
			warnings.push({ source_file: file, line: h.line, column: null, field: FIELD.heading, code: 'goal_numbering_gap', message: `${h.code} follows ${prev.code}`, raw: `${h.code}${h.title}`, initiative_id: null });
		}
		section.headings.push(heading);
	};

	/** Name and 概要 of the next row, from the blocks before its 担当部署. */
	const leadOf = (blocks: Block[], anchorLine: number): { name: Block | null; summary: Block } => {
		if (!blocks.length) throw new SourceError(file, anchorLine, FIELD.name, 'a 担当部署 with no name or 概要 before it');
		if (blocks.length > 2) throw new SourceError(file, blocks[0][0].line, FIELD.name, `${blocks.length} text blocks before the 担当部署 at line ${anchorLine}: cannot tell the name, 概要 and comment apart`);
		let name: Block | null;
		let summary: Block;
		if (blocks.length === 2) {
			[name, summary] = blocks;
		} else {
			const block = blocks[0];
			if (book.take(block[0].line, FIELD.name)) {
				// A documented row without a name line: its name is a merged cell printed later.
				name = null;
				summary = block;
			} else {
				// One block: the name is its first line, or the first part of it when a space
				// separates the name from the 概要 on the same line.
				const first = tokens(block[0].text);
				if (first.length > 1) {
					name = [{ line: block[0].line, text: first[0] }];
					summary = [{ line: block[0].line, text: first.slice(1).join(' ') }, ...block.slice(1)];
				} else {
					name = [block[0]];
					summary = block.slice(1);
				}
			}
		}
		if (name && name.some((l) => l.text.includes('。'))) {
			throw new SourceError(file, name[0].line, FIELD.name, `a name that reads like a sentence ("${tidy(name.map((l) => l.text).join(''))}"): the rows are out of step`);
		}
		if (!summary.length || !endsSentence(summary)) {
			const at = summary[0]?.line ?? anchorLine;
			throw new SourceError(file, at, FIELD.summary, `the 概要 before line ${anchorLine} does not end a sentence: the rows are out of step`);
		}
		return { name, summary };
	};

	/** Everything between the 評価 of one row and the 担当部署 of the next (or the end). */
	const settle = (part: Item[], anchorLine: number | null) => {
		const firstHeading = part.findIndex((it) => it.kind === 'heading');
		if (firstHeading < 0) {
			if (anchorLine === null) {
				closeRow(part);
				return null;
			}
			if (!lastRow) throw new SourceError(file, anchorLine, FIELD.heading, 'a row before any （１） heading');
			const blocks = textBlocks(part);
			// The comment hangs on the 評価 line when no blank line follows it; otherwise it is the
			// first of three blocks, or the first of two when it ends a sentence (a name never does).
			const attached = part[0]?.kind === 'text';
			const hasComment = attached || blocks.length === 3 || (blocks.length === 2 && endsSentence(blocks[0]));
			lastRow.comment = hasComment ? blocks[0] : null;
			return leadOf(hasComment ? blocks.slice(1) : blocks, anchorLine);
		}
		closeRow(part.slice(0, firstHeading));
		let lastHeading = firstHeading;
		for (let k = firstHeading; k < part.length; k++) {
			const it = part[k];
			if (it.kind !== 'heading') continue;
			const textBetween = part.slice(lastHeading + 1, k).find((x) => x.kind === 'text');
			if (k > firstHeading && textBetween) {
				throw new SourceError(file, textBetween.line, FIELD.name, 'text between two 目標 headings with no 担当部署: cannot read it as a row');
			}
			startHeading(it);
			lastHeading = k;
		}
		const after = part.slice(lastHeading + 1);
		if (anchorLine === null) {
			const stray = after.find((x) => x.kind === 'text');
			if (stray) throw new SourceError(file, stray.line, FIELD.name, 'text after the last heading that is not a row');
			return null;
		}
		return leadOf(textBlocks(after), anchorLine);
	};

	let between: Item[] = [];
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		const anchor = findDepartment(item, items[i + 1], DEPARTMENT_START);
		if (!anchor || item.kind !== 'text') {
			between.push(item);
			continue;
		}
		if (anchor.at > 0) between.push({ kind: 'text', line: item.line, text: anchor.words.slice(0, anchor.at).join(' ') });
		const lead = settle(between, item.line)!;
		const section = current();
		const header = headerBefore(item.line)!;

		const departments: Block[] = [[{ line: item.line, text: anchor.words[anchor.at] }]];
		let j = i + 1;
		if (anchor.brokenOverTwoLines) departments[0].push({ line: items[j].line, text: '会' }), j++;

		const figures: Block[] = [];
		let cur: Block | null = null;
		// After a line that held several cells side by side, the next line starts a new cell.
		let sideBySide = false;
		const labels = header.figures.map((f) => f.label);
		const place = (line: number, text: string, first: boolean) => {
			const fix = book.take(line, ...labels);
			if (fix) {
				if (first && !cur && figures.length) {
					// a blank line inside a cell: the text continues the cell above
					cur = figures[figures.length - 1];
					cur.push({ line, text });
				} else {
					// two cells with no blank line between them
					figures.push((cur = [{ line, text }]));
				}
				if (labels[figures.length - 1] !== fix.field) {
					throw new SourceError(file, line, fix.field, `correction ${fix.id} puts this line in "${labels[figures.length - 1] ?? '(no column)'}", not in "${fix.field}"`);
				}
				return;
			}
			if (first && cur && !sideBySide) cur.push({ line, text });
			else figures.push((cur = [{ line, text }]));
		};

		let grade: SourceText | null = null;
		let rest = '';
		const onLine = anchor.words.slice(anchor.at + 1);
		for (let n = 0; n < onLine.length && !grade; n++) {
			if (isGrade(onLine[n])) {
				grade = { line: item.line, text: onLine[n] };
				rest = onLine.slice(n + 1).join(' ');
			} else figures.push((cur = [{ line: item.line, text: onLine[n] }]));
		}
		sideBySide = onLine.length > 0;
		if (!onLine.length) cur = null;

		let inDepartmentBlock = true;
		let departmentByCorrection: Block | null = null;
		for (; !grade && j < items.length; j++) {
			const it = items[j];
			if (it.kind === 'blank') {
				cur = null;
				sideBySide = false;
				inDepartmentBlock = false;
				departmentByCorrection = null;
				continue;
			}
			if (it.kind === 'heading') {
				throw new SourceError(file, it.line, FIELD.grade, `no 評価 mark for the row whose 担当部署 is at line ${item.line}`);
			}
			if (departmentByCorrection) {
				departmentByCorrection.push({ line: it.line, text: it.text });
				continue;
			}
			// Further bodies in charge, listed under the first one before any figure.
			if (inDepartmentBlock && !figures.length) {
				if (DEPARTMENT_MORE.test(tidy(it.text))) {
					departments.push([{ line: it.line, text: it.text }]);
					continue;
				}
				if (book.take(it.line, FIELD.department)) {
					departments.push((departmentByCorrection = [{ line: it.line, text: it.text }]));
					continue;
				}
			}
			if (findDepartment(it, items[j + 1], DEPARTMENT_START)) {
				throw new SourceError(file, it.line, FIELD.grade, `no 評価 mark for the row whose 担当部署 is at line ${item.line}`);
			}
			const words = tokens(it.text);
			const g = words.findIndex(isGrade);
			if (g < 0) {
				place(it.line, it.text, true);
				sideBySide = false;
				continue;
			}
			words.slice(0, g).forEach((w, n) => place(it.line, w, n === 0));
			grade = { line: it.line, text: words[g] };
			rest = words.slice(g + 1).join(' ');
		}
		if (!grade) throw new SourceError(file, item.line, FIELD.grade, 'no 評価 mark after this 担当部署 before the end of the source');
		if (figures.length !== 3) {
			throw new SourceError(file, item.line, labels.join(' / '), `found ${figures.length} figure cells between the 担当部署 (line ${item.line}) and the 評価 (line ${grade.line}), expected 3`);
		}
		const row: Row = {
			section: section.index,
			heading: section.headings[section.headings.length - 1],
			header,
			name: lead.name,
			mergedName: null,
			summary: lead.summary,
			departments,
			figures,
			grade,
			comment: null,
			remarks: []
		};
		section.rows.push(row);
		if (!row.name) pendingNameless.push(row);
		lastRow = row;
		lastGradeLine = grade.line;
		between = rest ? [{ kind: 'text', line: grade.line, text: rest }] : [];
		i = j - 1;
	}
	settle(between, null);
	if (pendingNameless.length) {
		throw new SourceError(file, pendingNameless[0].summary[0].line, FIELD.name, 'a row without a name line, but no merged name cell follows');
	}
	return { sections, warnings };
}
