import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CIRCLED_CLASS, COUNTING_UNIT, OCR_ONE_CLASS, VOCABULARY, alternation, circledNumber } from '../../../src/lib/template-kit/vocabulary';
import { readSectionNumber } from '../../../src/lib/normalize/text';
import { hasRepostMark, withoutRepostMark } from '../../../src/lib/template-kit/repost';
import { COUNCIL_NAMES, actorOfDepartments, departmentPattern, departmentSuffixes, isCouncilBody } from '../../../src/lib/template-kit/departments';
import { cellText, cellsOf } from '../../../src/lib/template-kit/cells';
import { GoalBook } from '../../../src/lib/template-kit/goals';
import { WARNINGS, WARNING_CODES, isUnreadable, warningCatalogue } from '../../../src/lib/template-kit/warnings';
import { readQuantities } from '../../../src/lib/normalize/quantity';
import { normalizeUnit } from '../../../src/lib/achievement/pair';
import type { QualityWarning } from '../../../src/lib/contract/quality';

describe('the vocabulary', () => {
	it('is the one list of units the quantity reader and pairing use', () => {
		expect(VOCABULARY.units.counting).toContain('事業所');
		// longest first: 事業所 is read whole, not as 事業 + 所
		expect(readQuantities('協力事業所 12事業所')[0]).toMatchObject({ value: 12, unit: '事業所' });
		expect(alternation(['事業', '事業所', '人'])).toBe('事業所|事業|人');
		for (const s of VOCABULARY.units.same) expect(VOCABULARY.units.counting.some((u) => new RegExp(s.pattern).test(u)) || s.unit === '月').toBe(true);
		expect(normalizeUnit('ヶ所')).toBe('か所');
		expect(normalizeUnit('名')).toBe('人');
	});
});

describe('repost marks', () => {
	it('recognises 再掲 in brackets of any width and removes it from the name', () => {
		for (const n of ['高齢者等見守りネットワーク事業 <再掲>', '生活困窮者の相談支援（再掲）', '見守り【再掲】', '見守り ＜ 再掲 ＞']) expect(hasRepostMark(n), n).toBe(true);
		expect(hasRepostMark('再掲した事業')).toBe(false);
		expect(withoutRepostMark('生活困窮者の相談支援（再掲）')).toBe('生活困窮者の相談支援');
		expect(withoutRepostMark('高齢者等見守り <再掲> 事業')).toBe('高齢者等見守り 事業');
	});
});

describe('departments', () => {
	it('tells the council from the city and names who runs an initiative', () => {
		expect(isCouncilBody('社会福祉協議会')).toBe(true);
		expect(isCouncilBody('社協')).toBe(true);
		expect(actorOfDepartments(['健康福祉課', '社会福祉協議会'])).toBe('joint');
		expect(actorOfDepartments(['地域包括支援センター'], (d) => /課$/.test(d))).toBe('unknown');
		expect(departmentPattern().test('中央図書館')).toBe(true);
		expect(departmentPattern().test('子ども 家庭課')).toBe(false);
		expect(departmentPattern(['課']).test('市長公室')).toBe(false);
	});

	it('lets a template narrow the endings only to ones the vocabulary lists', () => {
		expect(departmentSuffixes(['課', '室'])).toEqual(['課', '室']);
		expect(() => departmentSuffixes(['課', '係'])).toThrow(/係 .*vocabulary/);
		expect(new RegExp(`^(?:${COUNCIL_NAMES})$`).test('社協')).toBe(true);
		expect(new RegExp(`^(?:${COUNCIL_NAMES})$`).test('地区社協だより')).toBe(false);
	});
});

describe('numerals and counting units of the vocabulary', () => {
	it('reads circled numbers, OCR look-alikes of 1 and units from data/vocabulary.json', () => {
		expect(circledNumber('①')).toBe(1);
		expect(circledNumber('⑳')).toBe(20);
		expect(circledNumber('1')).toBeNull();
		expect(new RegExp(`^${CIRCLED_CLASS}$`).test('⑤')).toBe(true);
		for (const one of ['I', 'l', '|', 'Ⅰ', 'Ｉ']) expect(new RegExp(`^${OCR_ONE_CLASS}$`).test(one), one).toBe(true);
		expect(readSectionNumber('I-l')).toBe('1-1');
		expect(readSectionNumber('3 - I')).toBe('3-1');
		expect(readSectionNumber('A-1')).toBeNull();
		// longest unit first: 12事業所 ends on 事業所, not on 事業
		expect('12事業所'.match(new RegExp(`\\d+${COUNTING_UNIT}$`))?.[0]).toBe('12事業所');
		expect(new RegExp(`^${COUNTING_UNIT}$`).test('箇所')).toBe(true);
	});
});

describe('cellText', () => {
	it('reads a cell as one line without the converter\'s HTML', () => {
		expect(cellText('<ul style="list-style-type: none"><li>サロン</li><li>見守り</li></ul>')).toBe('サロン 見守り');
		expect(cellText(undefined)).toBe('');
		expect(cellsOf('a\t <br>b ')).toEqual(['a', 'b']);
	});
});

describe('the goal book', () => {
	it('gives one goal per path however often it is printed, keeping the reading most pages agree on', () => {
		const book = new GoalBook('p', 'x.txt');
		book.see([1], '目標', '1', { text: '地域で支え合う', line: 3 });
		book.see([1, 2], '施策', '1-2', { text: '見守り', line: 4 });
		book.see([1], '目標', '1', { text: '地域で支え会う', line: 30 });
		book.see([1], '目標', '1', { text: '地域で支え合う', line: 60 });
		const warnings: QualityWarning[] = [];
		const goals = book.finish(warnings);
		expect(goals.map((g) => [g.goal_id, g.parent_goal_id, g.level, g.title_ja, g.line])).toEqual([
			['p-G1', null, 1, '地域で支え合う', 3],
			['p-G1-2', 'p-G1', 2, '見守り', 4]
		]);
		expect(warnings).toMatchObject([{ line: 30, code: 'header_text_differs', raw: '地域で支え会う' }]);
	});
});

describe('the warning catalogue', () => {
	it('says what every code means in both languages, and which mean unreadable text', () => {
		for (const code of WARNING_CODES) {
			expect(WARNINGS[code].ja.length, code).toBeGreaterThan(3);
			expect(WARNINGS[code].en.length, code).toBeGreaterThan(3);
		}
		expect(isUnreadable('unreadable_grade')).toBe(true);
		expect(isUnreadable('grade_outside_scheme')).toBe(false);
		expect(warningCatalogue().map((w) => w.code)).toEqual(WARNING_CODES);
	});

	it('is the one place a code is defined: every code a template writes is in it', () => {
		const dictionary = readFileSync('data/DICTIONARY.md', 'utf8');
		for (const code of WARNING_CODES) expect(dictionary, code).toContain(`| \`${code}\` |`);
	});
});
