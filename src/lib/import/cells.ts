import { fold, tidy } from '../normalize/text';
import { readFiscalYear } from '../normalize/fiscal-year';
import type { Cell } from './workbook';

/**
 * A spreadsheet cell read as one of the template's field types. Each reader returns the value,
 * or the reason the cell cannot be it (never a guess): the caller turns it into a problem.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; ja: string; en: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = <T>(ja: string, en: string): Read<T> => ({ ok: false, ja, en });

/** The cell as the text a user sees (numbers without Excel's float noise). */
export function cellString(c: Cell): string {
	if (c === null) return '';
	if (typeof c === 'number') return String(Number(c.toPrecision(15)));
	return tidy(String(c));
}

export const isEmpty = (c: Cell) => cellString(c) === '';

/** 1,234 / １２３４ / 3.5 / 80% read as numbers; anything else is text in a number column. */
export function readNumber(c: Cell): Read<number | null> {
	if (isEmpty(c)) return ok(null);
	if (typeof c === 'number') return Number.isFinite(c) ? ok(c) : no('数値ではありません', 'not a number');
	const t = fold(cellString(c)).replace(/,/g, '');
	if (/^[-+]?\d+(\.\d+)?$/.test(t)) return ok(Number(t));
	return no('数値を入れてください（単位は単位の列、文章は原文の列へ）', 'a number (units go in the unit column, words in the text column)');
}

export function readInteger(c: Cell): Read<number | null> {
	const n = readNumber(c);
	if (!n.ok || n.value === null) return n;
	return Number.isInteger(n.value) ? n : no('整数を入れてください', 'a whole number');
}

/** A level's place on the common scale: a number in [0, 1] (80% is read as 0.8). */
export function readScore(c: Cell): Read<number | null> {
	const t = typeof c === 'string' ? fold(c).trim() : null;
	const percent = t?.match(/^(\d+(?:\.\d+)?)\s*%$/);
	const n = percent ? ok(Number(percent[1]) / 100) : readNumber(c);
	if (!n.ok || n.value === null) return n;
	if (n.value < 0 || n.value > 1) return no('0〜1の数値（0＝未実施、1＝目標を完全に達成）', 'a number from 0 to 1 (0 = not done, 1 = target fully met)');
	return n;
}

/** 令和5年度, R5, 2023, 2023年度: the Gregorian year the fiscal year starts in. */
export function readYear(c: Cell): Read<number | null> {
	if (isEmpty(c)) return ok(null);
	const y = typeof c === 'number' && Number.isInteger(c) ? c : readFiscalYear(cellString(c));
	if (y === null || y < 1989 || y > 2100) return no('年度（令和5年度、R5、2023 など）', 'a fiscal year (令和5年度, R5, 2023, …)');
	return ok(y);
}

/** 5-digit municipality code; Excel drops the leading zero of 01230, so a number is padded back. */
export function readCode(c: Cell): Read<string | null> {
	if (isEmpty(c)) return ok(null);
	const t = typeof c === 'number' && Number.isInteger(c) ? String(c).padStart(5, '0') : fold(cellString(c));
	return /^\d{5}$/.test(t) ? ok(t) : no('5桁の全国地方公共団体コード（例 15107）', 'a 5-digit local government code (e.g. 15107)');
}

/** Several names in one cell: 、 , ， ・ or line breaks separate them. */
export function readList(c: Cell): string[] {
	if (c === null) return [];
	return String(c)
		.split(/[、,，;；\n\r]+/)
		.map((s) => tidy(s))
		.filter(Boolean);
}

/** ○, 〇, yes, true, はい, 1 mark a flag; an empty cell is no. */
export function readFlag(c: Cell): Read<boolean> {
	if (isEmpty(c)) return ok(false);
	if (typeof c === 'boolean') return ok(c);
	const t = fold(cellString(c)).toLowerCase();
	if (/^(○|〇|◯|yes|y|true|はい|1|見込み?)$/.test(t)) return ok(true);
	if (/^(no|n|false|いいえ|0|-|×)$/.test(t)) return ok(false);
	return no('「○」か空欄', '○ (yes) or empty');
}

/** 実績/目標/計画/基準値 in either language. */
export function readKind(c: Cell): Read<'result' | 'target' | 'plan' | 'baseline' | null> {
	if (isEmpty(c)) return ok(null);
	const t = fold(cellString(c)).toLowerCase();
	if (/^(実績|result|results|actual)$/.test(t)) return ok('result');
	if (/^(目標|目標値|target)$/.test(t)) return ok('target');
	if (/^(計画|予定|plan)$/.test(t)) return ok('plan');
	if (/^(基準値|baseline)$/.test(t)) return ok('baseline');
	return no('実績・目標・計画・基準値 のいずれか', 'result, target, plan or baseline (実績, 目標, 計画, 基準値)');
}

/** Headers compare without width, case or spacing differences: 取組番号 = 取組 番号, Grade = grade. */
export function headerKey(text: string): string {
	return fold(text).toLowerCase().replace(/[\s\u3000_]+/g, '');
}
