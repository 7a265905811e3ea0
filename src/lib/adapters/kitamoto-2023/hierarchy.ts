import type { QualityWarning } from '../../contract/quality';
import { SourceError } from '../adapter';
import { fold, foldLookalikes, readSectionNumber, tidy } from '../../normalize/text';
import type { PageHeader } from '../../template-kit/labelled-pages';
import { OCR_ONE_CLASS } from '../../template-kit/vocabulary';

/**
 * 目標 → 施策 → 取組 of the 北本市 report. Every page repeats its 目標 and 施策 with their numbers, and
 * the OCR damages those numbers (施策I-I, 5策 I - 3, 目標 without its number). The number of a page is
 * read from what the page prints, completed from the same page (the 目標 number is the first part
 * of the 施策 code) or from another page that prints the same title in full.
 */

const HYPHENS = /[‐‑‒–—―−－ー]/g;
const CODE_CHARS = `0-9０-９${OCR_ONE_CLASS.slice(1, -1)}`;
const titleKey = (s: string) => fold(s).replace(/[\s\u3000]+/g, '');

interface ReadCode {
	/** the parts as read (1, 1-2); null where a part is missing */
	parts: (string | null)[];
	/** the code as printed */
	printed: string;
	title: string;
	/** false when the label in front of the code is damaged (5策 for 施策) */
	labelIntact: boolean;
}

function readParts(printed: string, count: number): (string | null)[] {
	const t = foldLookalikes(printed).replace(HYPHENS, '-').replace(/\s+/g, '');
	if (!t) return Array(count).fill(null);
	const pieces = t.split('-');
	// A code printed without its first part (- 2) reads as [null, 2].
	while (pieces.length < count) pieces.unshift('');
	return pieces.slice(0, count).map((p) => (p ? readSectionNumber(p) : null));
}

function readGoalText(text: string): ReadCode {
	const m = tidy(text).match(new RegExp(`^目\\s*標\\s*([${CODE_CHARS}]*)\\s*(.*)$`));
	if (!m) return { parts: [null], printed: '', title: tidy(text), labelIntact: false };
	return { parts: readParts(m[1], 1), printed: m[1], title: m[2].trim(), labelIntact: true };
}

function readPolicyText(text: string): ReadCode {
	const codeSet = `${CODE_CHARS}\\s\\-‐‑‒–—―−－`;
	const m = tidy(text).match(new RegExp(`^(\\S?)\\s*策\\s*([${codeSet}]*?)\\s*([^${codeSet}].*)$`));
	if (!m) return { parts: [null, null], printed: '', title: tidy(text), labelIntact: false };
	return { parts: readParts(m[2], 2), printed: m[2].trim(), title: m[3].trim(), labelIntact: m[1] === '施' };
}

/** True when the printed code is the code itself, up to full-width or Cyrillic/Greek look-alikes. */
function plainlyPrinted(printed: string, code: string): boolean {
	return foldLookalikes(printed).replace(HYPHENS, '-').replace(/\s+/g, '') === code;
}

export interface ResolvedPage {
	page: PageHeader;
	goalNo: string;
	goalTitle: string;
	/** 施策 code, e.g. 1-2 */
	policyCode: string;
	policyTitle: string;
}

/** Numbers every page header, recovering damaged codes; each recovery is a warning with the raw text. */
export function resolvePages(file: string, pages: readonly PageHeader[], warnings: QualityWarning[]): ResolvedPage[] {
	const read = pages.map((page) => {
		if (!page.slots.goal) throw new SourceError(file, page.line, '目標', 'a page header without its 目標 line');
		if (!page.slots.policy) throw new SourceError(file, page.line, '施策', 'a page header without its 施策 line');
		return { page, goal: readGoalText(page.slots.goal.text), policy: readPolicyText(page.slots.policy.text) };
	});

	// Titles printed with a readable number elsewhere, for pages whose number is damaged.
	const goalByTitle = new Map<string, string | null>();
	const policyByTitle = new Map<string, string | null>();
	const remember = (map: Map<string, string | null>, key: string, code: string) => {
		const had = map.get(key);
		map.set(key, had === undefined || had === code ? code : null);
	};
	for (const r of read) {
		if (r.goal.parts[0]) remember(goalByTitle, titleKey(r.goal.title), r.goal.parts[0]);
		if (r.policy.parts.every(Boolean)) remember(policyByTitle, titleKey(r.policy.title), r.policy.parts.join('-'));
	}

	return read.map(({ page, goal, policy }) => {
		const goalLine = page.slots.goal!;
		const policyLine = page.slots.policy!;
		const goalFrom: string[] = [];
		const policyFrom: string[] = [];
		let goalNo = goal.parts[0];
		let [first, second] = policy.parts;
		const byTitle = policyByTitle.get(titleKey(policy.title)) ?? null;
		if (!goalNo && first) {
			goalNo = first;
			goalFrom.push(`taken from the 施策 code on the same page (${policyLine.text.slice(0, 12)})`);
		}
		if (!goalNo) {
			goalNo = goalByTitle.get(titleKey(goal.title)) ?? null;
			if (goalNo) goalFrom.push('taken from another page that prints the same 目標 title with its number');
		}
		if (!first && goalNo) {
			first = goalNo;
			policyFrom.push(`first part taken from the 目標 number ${goalNo} of the same page`);
		}
		if (!second && byTitle && byTitle.split('-')[0] === first) {
			second = byTitle.split('-')[1];
			policyFrom.push('second part taken from another page that prints the same 施策 title with its code');
		}
		if (!goalNo) throw new SourceError(file, goalLine.line, '目標', `cannot read the 目標 number from "${goalLine.text}", nor recover it from the 施策 or another page`);
		if (!first || !second) throw new SourceError(file, policyLine.line, '施策', `cannot read the 施策 code from "${policyLine.text}", nor recover it from another page`);
		if (first !== goalNo) throw new SourceError(file, policyLine.line, '施策', `施策 ${first}-${second} does not belong to 目標 ${goalNo} printed on the same page`);
		const policyCode = `${first}-${second}`;

		if (!plainlyPrinted(goal.printed, goalNo) || goalFrom.length) {
			warnings.push({
				source_file: file, line: goalLine.line, column: 2, field: '目標', code: 'code_recovered',
				message: `目標 number ${goalNo} recovered from "${goal.printed || '(none printed)'}"${goalFrom.length ? `: ${goalFrom.join('; ')}` : ': OCR printed the digit 1 as a letter'}`,
				raw: goalLine.text, initiative_id: null
			});
		}
		if (!plainlyPrinted(policy.printed, policyCode) || !policy.labelIntact || policyFrom.length) {
			const how = [...policyFrom];
			if (!policy.labelIntact) how.push('label before the code damaged');
			if (!policyFrom.length && !plainlyPrinted(policy.printed, policyCode)) how.push('OCR printed the digit 1 as a letter');
			warnings.push({
				source_file: file, line: policyLine.line, column: 2, field: '施策', code: 'code_recovered',
				message: `施策 code ${policyCode} recovered from "${policy.printed || '(none printed)'}": ${how.join('; ')}`,
				raw: policyLine.text, initiative_id: null
			});
		}
		return { page, goalNo, goalTitle: goal.title, policyCode, policyTitle: policy.title };
	});
}
