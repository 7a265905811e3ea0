import { describe, expect, it } from 'vitest';
import { foldLookalikes, htmlListItems, htmlToText, joinBrokenLines, readSectionNumber, tidy, unwrapName } from '../../../src/lib/normalize/text';
import { readGrade } from '../../../src/lib/normalize/grade';

describe('text normalizers', () => {
	it('joins lines a PDF broke inside Japanese words without inventing spaces (南区)', () => {
		expect(joinBrokenLines(['子育て中の保護者同士の交流促進、ネット', 'ワークづくり'])).toBe('子育て中の保護者同士の交流促進、ネットワークづくり');
		expect(joinBrokenLines(['マタニティナビゲーター等に', 'よる産婦への全数連絡'])).toBe('マタニティナビゲーター等による産婦への全数連絡');
	});
	it('keeps a space between two Latin words across a break', () => {
		expect(joinBrokenLines(['NPO', 'support'])).toBe('NPO support');
	});
	it('removes wrap spaces inside short names (西区)', () => {
		expect(unwrapName('おもいやりのひ とかき運動')).toBe('おもいやりのひとかき運動');
		expect(unwrapName('災害ボランティ アセンター準備')).toBe('災害ボランティアセンター準備');
	});
	it('turns stray HTML lists into plain items (登別市, 西区)', () => {
		const cell = '<ul style="list-style-type: none"> <li>・小学校 6校</li> <li>・中学校 1校</li> </ul>';
		expect(htmlListItems(cell)).toEqual(['・小学校 6校', '・中学校 1校']);
		expect(htmlToText('a &amp; b &lt;c&gt;')).toBe('a & b <c>');
	});
	it('never keeps markup from a cell', () => {
		expect(htmlToText('<script>alert(1)</script>名簿<img src=x onerror=alert(1)>')).toBe('alert(1)名簿');
	});
	it('tidies ideographic spaces and runs of white space', () => {
		expect(tidy('　股関節検診　2回  ')).toBe('股関節検診 2回');
	});
	it('folds Cyrillic and Greek look-alikes and full-width letters to Latin (北本市 OCR)', () => {
		expect(foldLookalikes('В')).toBe('B');
		expect(foldLookalikes('Α')).toBe('A');
		expect(foldLookalikes('Ｃ')).toBe('C');
	});
	it('reads section numbers where OCR turned 1 into I or l (北本市 施策I-I)', () => {
		expect(readSectionNumber('I-I')).toBe('1-1');
		expect(readSectionNumber('I - 3')).toBe('1-3');
		expect(readSectionNumber('Ｉ－２')).toBe('1-2');
		expect(readSectionNumber('2-l')).toBe('2-1');
		expect(readSectionNumber('R')).toBeNull();
	});
	it('reads grades against the scheme and refuses marks outside it', () => {
		const levels = ['A', 'B', 'C'];
		expect(readGrade('Ａ', levels)).toBe('A');
		expect(readGrade('В', levels)).toBe('B');
		expect(readGrade('**B**', levels)).toBe('B');
		expect(readGrade('D', levels)).toBeNull();
		expect(readGrade('Ь', levels)).toBeNull();
	});
});
