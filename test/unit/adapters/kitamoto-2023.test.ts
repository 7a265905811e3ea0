import { readReport } from '../../../src/lib/template-kit/read';
import { describe, expect, it } from 'vitest';
import { loadCorrections, loadDocument, loadManifest, loadSchemes } from '../../../scripts/lib/sources';
import { ADAPTERS } from '../../../src/lib/adapters/registry';
import spec from '../../../src/lib/adapters/kitamoto-2023.json';
import { SourceError, type AdapterResult, type SourceDocument } from '../../../src/lib/adapters/adapter';
import { ingest } from '../../../src/lib/pipeline/ingest';
import type { Initiative } from '../../../src/lib/contract/tables';
import { departmentCells, segmentBody, segmentDepartment } from '../../../src/lib/template-kit/department-cells';
import { looksGarbled, readOcrOnes } from '../../../src/lib/template-kit/ocr';
import { readRates } from '../../../src/lib/template-kit/figures';

const { readDepartments, splitByDepartment } = departmentCells(['課', '室']);

const kitamoto2023 = ADAPTERS.get('kitamoto-2023')!;
const BLANK_NAME = spec.name.blank;
const manifest = loadManifest();
const entry = manifest.sources.find((s) => s.adapter === 'kitamoto-2023')!;
const doc = loadDocument(entry);
const schemes = loadSchemes();
const scheme = schemes.find((s) => s.scheme_id === entry.scheme_id)!;
const corrections = loadCorrections().filter((c) => c.source_file === entry.file);
const ctx = { scheme, corrections };
const result = readReport(kitamoto2023, doc, ctx);

const byLine = (line: number): Initiative => {
	const found = result.initiatives.find((i) => i.line_start === line);
	if (!found) throw new Error(`no initiative at line ${line}`);
	return found;
};
const measuresOf = (id: string) => result.measures.filter((m) => m.initiative_id === id);
const evaluationsOf = (id: string) => result.evaluations.filter((e) => e.initiative_id === id);
const warningsAt = (line: number) => result.warnings.filter((w) => w.line === line);

/** The document with some lines replaced: a copy as damaged as a careless export would leave it. */
function damaged(edit: (lines: string[]) => string[]): SourceDocument {
	const lines = edit([...doc.lines]);
	return { entry, text: lines.join('\n'), lines };
}

/** Records without line numbers, to compare a copy whose lines moved. */
function comparable(r: AdapterResult) {
	return {
		goals: r.goals.map(({ line: _l, ...g }) => g),
		initiatives: r.initiatives.map(({ line_start: _s, line_end: _e, ...i }) => i),
		measures: r.measures.map(({ line: _l, line_end: _e, ...m }) => m),
		evaluations: r.evaluations.map(({ line: _l, ...e }) => e),
		notes: r.notes.map(({ line: _l, line_end: _e, ...n }) => n)
	};
}

describe('kitamoto-2023 adapter on 北本市 (003_1ab97e7656db3c51.txt)', () => {
	it('finds every 事業 row of the report', () => {
		// Counted by hand: every tab-separated line of 8 cells that is not a 目標/施策/説明/取組 line, a column
		// header (事業名 …) or the markdown rule at line 62 is one 事業. Per 取組 (line of the 取組 heading):
		// 施策1-1 ①: 5 + 3 (page 2), ②: 2; 1-2 ①: 6 + 1 (line 61, page continues without heading), ②: 5;
		// 1-3 ①: 2, ②: 1 + 2; 2-1 ①: 6 + 2 (127, 128), ②: 2; 2-2 ①: 4, ②: 5; 3-1 ①: 4, ②: 1, ③: 1 + 1 + 1;
		// 3-2 ①: 3, ②: 3; 3-3 ①: 5, ②: 2, ③: 4, ④: 2; 3-4 ①: 2, ②: 4 + 2, ③: 1; 4-1 ①: 3, ②: 1, ③: 5;
		// 4-2 ①: 5; 5-1 ①: 5; 5-2 ①: 4, ②: 4. Total 109; two of them are <再掲> rows (lines 370 and 419).
		expect(result.initiatives).toHaveLength(109);
		expect(result.initiatives.map((i) => i.initiative_id)).toEqual(Array.from({ length: 109 }, (_, k) => `11233-${String(k + 1).padStart(3, '0')}`));
		const lines = result.initiatives.map((i) => i.line_start);
		expect(lines.slice(0, 5)).toEqual([11, 12, 13, 14, 15]);
		expect(lines.at(-1)).toBe(436);
	});

	it('keeps one goal per real 目標, 施策 and 取組, however many pages repeat them', () => {
		const levels = (n: number) => result.goals.filter((g) => g.level === n);
		expect(levels(1).map((g) => g.code)).toEqual(['1', '2', '3', '4', '5']);
		expect(levels(2).map((g) => g.code)).toEqual(['1-1', '1-2', '1-3', '2-1', '2-2', '3-1', '3-2', '3-3', '3-4', '4-1', '4-2', '5-1', '5-2']);
		expect(levels(3)).toHaveLength(29);
		const g = (id: string) => result.goals.find((x) => x.goal_id === id)!;
		expect(g('11233-2023-G1')).toMatchObject({ title_ja: 'すべての世代に福祉の心を広げる意識づくり', line: 1, level_name_ja: '目標', parent_goal_id: null });
		expect(g('11233-2023-G3-4')).toMatchObject({ title_ja: '成年後見制度の利用促進(成年後見制度利用促進基本計画)', parent_goal_id: '11233-2023-G3', line: 306 });
		// the title cut over two cells, printed three times, once with OCR damage (line 216)
		expect(g('11233-2023-G3-1-3')).toMatchObject({ code: '③', title_ja: 'ケアラー、ヤングケアラーへの支援の充実', line: 192 });
		expect(g('11233-2023-G3-4-2').title_ja).toBe('地域連携ネットワークづくりと担い手育成');
		expect(g('11233-2023-G4-1-3').title_ja).toBe('緊急時に支援を必要とする人の支援活動の推進');
		// 説明 of each 施策 is the goal's description (line 137 for 施策2-2), not a note
		expect(g('11233-2023-G2-2').description_ja).toMatch(/^市民の多彩な才能を地域福祉活動に活かせる環境づくり/);
		expect(doc.lines[136]).toContain('市民の多彩な才能を地域福祉活動に活かせる環境づくり');
		expect(levels(2).every((x) => x.description_ja)).toBe(true);
		expect(result.goals.filter((x) => x.description_ja)).toHaveLength(13);
		expect([...levels(1), ...levels(3)].every((x) => x.description_ja === null)).toBe(true);
		expect(result.notes.filter((n) => n.goal_id !== null || n.initiative_id === null)).toEqual([]);
	});

	it('recovers damaged 目標 and 施策 numbers and says so', () => {
		const recovered = result.warnings.filter((w) => w.code === 'code_recovered');
		expect(recovered.map((w) => w.line)).toEqual([2, 17, 18, 36, 37, 53, 54, 72, 73, 167]);
		expect(recovered.find((w) => w.line === 73)!.raw).toBe('5策 I - 3 市民への情報発信の充実');
		// 目標 without number and 施策 without its first part (lines 53, 54): rows under them still sit in 施策1-2
		expect(byLine(61).goal_id).toBe('11233-2023-G1-2-1');
		expect(byLine(66).goal_id).toBe('11233-2023-G1-2-2');
		// 5策 I - 3 → 1-3
		expect(byLine(82).goal_id).toBe('11233-2023-G1-3-1');
	});

	it('counts grades by letter, per department where the source grades per department', () => {
		const count: Record<string, number> = {};
		for (const e of result.evaluations) count[e.grade ?? 'none'] = (count[e.grade ?? 'none'] ?? 0) + 1;
		// 81 rows carry one mark (A 31, B 36, C 3, D 2, R 2, Ь 1, ٨ 1); 4 rows grade per department (12 grades: A 5, B 5, C 2)
		expect(count).toEqual({ A: 36, B: 41, C: 5, none: 6 });
		expect(result.evaluations).toHaveLength(88);
		expect(result.evaluations.every((e) => e.fiscal_year === 2023 && e.scheme_id === '11233-a-c' && e.score === null && e.band === null)).toBe(true);
	});

	it('keeps marks outside the A–C legend raw, ungraded and listed', () => {
		const outside = result.evaluations.filter((e) => e.grade === null);
		expect(outside.map((e) => [e.line, e.grade_raw])).toEqual([
			[176, 'Ь'],
			[179, 'R'],
			[288, '٨'],
			[315, 'R'],
			[374, 'D'],
			[406, 'D']
		]);
		expect(result.warnings.filter((w) => w.code === 'grade_outside_scheme').map((w) => w.line)).toEqual([374, 406]);
		expect(result.warnings.filter((w) => w.code === 'unreadable_grade').map((w) => w.line)).toEqual([176, 179, 288, 315]);
		// Cyrillic and Greek look-alikes are plain folds
		const cyrillic = evaluationsOf(byLine(47).initiative_id)[0];
		expect(cyrillic).toMatchObject({ grade_raw: 'А', grade: 'A', evaluator: null });
	});

	it('records one grade per department for 共生福祉課B 市長公室B 社協A', () => {
		const row = byLine(87);
		expect(row).toMatchObject({ name_ja: '地域資源を活かした情報の発信', departments: ['共生福祉課', '市長公室', '社協'], actor: 'joint' });
		expect(evaluationsOf(row.initiative_id).map((e) => [e.evaluator, e.grade_raw, e.grade])).toEqual([
			['共生福祉課', 'B', 'B'],
			['市長公室', 'B', 'B'],
			['社協', 'A', 'A']
		]);
		expect(evaluationsOf(byLine(244).initiative_id).map((e) => `${e.evaluator}${e.grade}`)).toEqual(['共生福祉課C', '高齢介護課B', '学校教育課B']);
	});

	it('reads the beginning of the report: 福祉教育 (line 11)', () => {
		const row = byLine(11);
		expect(row).toMatchObject({
			initiative_id: '11233-001', name_ja: '福祉教育', departments: ['学校教育課'], actor: 'city',
			goal_id: '11233-2023-G1-1-1', goal_ids: ['11233-2023-G1-1-1'], repost_of: null, seq: 0, code: null
		});
		expect(row.description_ja).toBe('○ボランティアや福祉に係る体験教育活動○心のバリアフリーを進める教育○障がいへの理解を深める教育');
		const [target, ...rest] = measuresOf(row.initiative_id);
		// 目標設定なし: a statement with no value, never zero; the plan's final year is not printed, so no year
		expect(target).toMatchObject({ kind: 'target', fiscal_year: null, raw_text: '目標設定なし', value: null, unit: null, line: 11 });
		expect(rest.map((m) => [m.kind, m.fiscal_year, m.value])).toEqual([
			['result', 2023, null],
			['plan', 2024, null]
		]);
		expect(evaluationsOf(row.initiative_id)).toEqual([]);
		expect(result.notes.filter((n) => n.initiative_id === row.initiative_id).map((n) => n.field)).toEqual(['evaluation_reason']);
	});

	it('reads targets with the value at drafting time (※R3) as a target and a FY2021 baseline, never a result', () => {
		const row = byLine(47);
		expect(row).toMatchObject({ name_ja: '高齢者の通いの場', departments: ['高齢介護課'] });
		const m = measuresOf(row.initiative_id);
		expect(m.map((x) => [x.kind, x.fiscal_year, x.label_ja, x.value, x.unit, x.qualifier])).toEqual([
			['target', null, '開催箇所数', 68, '箇所', null],
			['baseline', 2021, '開催箇所数', 62, '箇所', null],
			['result', 2023, null, 10, '回', null],
			['result', 2023, null, 368, '人', '延'],
			['plan', 2024, null, null, null, null]
		]);
		expect(m[1].raw_text).toBe('※R3 62箇所');
		const plan = measuresOf(byLine(259).initiative_id);
		expect(plan.slice(0, 3).map((x) => [x.kind, x.fiscal_year, x.value, x.unit])).toEqual([
			['target', null, 30, '件'],
			['baseline', 2021, 29, '件'],
			['result', 2023, 20, '件']
		]);
	});

	it('reads the middle of the report: 市民協働の自殺対策事業 (line 274) and last year\'s figures', () => {
		const row = byLine(274);
		expect(row).toMatchObject({ initiative_id: '11233-066', departments: ['健康づくり課'], actor: 'city', goal_id: '11233-2023-G3-3-2' });
		const results = measuresOf(row.initiative_id).filter((m) => m.kind === 'result' && m.fiscal_year === 2023);
		expect(results).toHaveLength(18);
		expect(results.find((m) => m.value === 7665)).toMatchObject({ unit: '件', label_ja: 'メンタルヘルスチェックアクセス数', fiscal_year: 2023, line: 274 });
		// Rates are printed without a unit: the target, the city's rate with the prefecture's and the
		// nation's beside it, and next year's target are all kept, each with its place in the label.
		const rates = measuresOf(row.initiative_id).filter((m) => /人口10万対/.test(m.label_ja ?? ''));
		expect(rates.map((m) => [m.kind, m.fiscal_year, m.label_ja, m.value, m.unit])).toEqual([
			['target', null, '人口10万対自殺死亡率', 15.5, null],
			['result', 2023, '令和5年人口10万対自殺率 北本市', 25.86, null],
			['result', 2023, '令和5年人口10万対自殺率 埼玉県', 17.84, null],
			['result', 2023, '令和5年人口10万対自殺率 国', 17.27, null],
			['plan', 2024, '人口10万対自殺死亡率', 14.4, null]
		]);
		expect(warningsAt(274)).toEqual([]);
		expect(evaluationsOf(row.initiative_id).map((e) => e.grade)).toEqual(['B']);
		// 相談件数 211件(前年度332件): the second figure is FY2022's, with the same label
		const loans = measuresOf(byLine(262).initiative_id).filter((m) => m.label_ja === '相談件数');
		expect(loans.map((m) => [m.fiscal_year, m.value])).toEqual([
			[2023, 211],
			[2022, 332]
		]);
	});

	it('gives each 【担当課】 segment\'s figures their department, with the heading out of the label', () => {
		// サービス事業者の育成・参入促進 (line 230): 【障がい福祉課】 〇障がい者グループホームが新規開設(2か所) 〇自立支援協議会の開催(52回) 【高齢介護課】 …
		const row = byLine(230);
		expect(row).toMatchObject({ initiative_id: '11233-055', departments: ['障がい福祉課', '高齢介護課'] });
		const m = measuresOf(row.initiative_id);
		expect(m.map((x) => [x.kind, x.fiscal_year, x.department, x.label_ja, x.value, x.unit])).toEqual([
			['target', null, null, null, null, null],
			['result', 2023, '障がい福祉課', '〇障がい者グループホームが新規開設', 2, 'か所'],
			['result', 2023, '障がい福祉課', '〇自立支援協議会の開催', 52, '回'],
			['result', 2023, '高齢介護課', null, null, null],
			['plan', 2024, '障がい福祉課', null, null, null],
			['plan', 2024, '高齢介護課', null, null, null]
		]);
		// raw_text keeps the segment as printed, heading included
		expect(m[1].raw_text).toMatch(/^【障がい福祉課】 〇障がい者グループホームが新規開設/);
		// a heading alone is still its department's (empty) statement, with no label
		expect(m[5]).toMatchObject({ raw_text: '【高齢介護課】', label_ja: null, department: '高齢介護課' });
		// 職員への研修 (line 218): headings side by side share one text and one department value;
		// text before the first heading belongs to no department
		const shared = measuresOf(byLine(218).initiative_id);
		expect(shared.find((x) => x.raw_text.startsWith('【子育て支援課】【高齢介護課】'))!.department).toBe('子育て支援課・高齢介護課');
		expect(shared.find((x) => x.value === 11)).toMatchObject({ department: '子育て支援課', label_ja: '事例検討会を', unit: '回' });
		expect(shared.find((x) => x.raw_text.startsWith('の事例検討会'))!.department).toBeNull();
		// No label keeps a 【…】 heading; rows without headings have no department. (107: 106 figures and
		// statements, and 【共生福祉課】 福祉避難所開設訓練が実施できなかった at line 244 as not carried out.)
		expect(result.measures.filter((x) => x.label_ja?.includes('【'))).toEqual([]);
		expect(result.measures.filter((x) => x.department !== null)).toHaveLength(107);
		expect(result.measures.filter((x) => x.department !== null).every((x) => x.raw_text.includes(`【${x.department!.split('・')[0]}】`))).toBe(true);
		expect(measuresOf(byLine(47).initiative_id).every((x) => x.department === null)).toBe(true);
	});

	it('flags names the PDF cut short and keeps them as printed', () => {
		expect(byLine(420).name_ja).toBe('多機関・多職種による連');
		expect(warningsAt(420).map((w) => w.code)).toEqual(['name_cut_short']);
		expect(byLine(322).name_ja).toBe('権利擁護支援の方針につ');
		expect(warningsAt(322).map((w) => w.code)).toEqual(['name_cut_short']);
	});

	it('reads counts printed right after a month: 7月4,500部, 毎月1回, (毎月50世帯程度)', () => {
		const issues = measuresOf(byLine(161).initiative_id).filter((m) => m.kind === 'result');
		expect(issues.map((m) => [m.value, m.unit, m.fiscal_year])).toEqual([
			[4500, '部', 2023],
			[600, '部', 2023]
		]);
		const pantry = measuresOf(byLine(290).initiative_id).filter((m) => m.kind === 'result');
		expect(pantry.map((m) => [m.value, m.unit, m.qualifier])).toEqual([
			[1, '回', null],
			[517, '世帯', '延'],
			[50, '世帯', '程度']
		]);
		// …but a day after a month is a date: 11/25~26 and 令和6年12月8日 give no count.
		expect(measuresOf(byLine(50).initiative_id).filter((m) => m.value !== null)).toEqual([]);
		expect(measuresOf(byLine(303).initiative_id).filter((m) => m.kind === 'plan' && m.fiscal_year === 2024 && m.value !== null)).toEqual([]);
	});

	it('keeps each department\'s text apart in cells with 【担当課】 headings', () => {
		const row = byLine(340);
		expect(row).toMatchObject({ departments: ['高齢介護課', '障がい福祉課', '社協'], actor: 'joint' });
		const results = measuresOf(row.initiative_id).filter((m) => m.kind === 'result' && m.fiscal_year === 2023);
		expect(results.map((m) => m.raw_text.slice(0, 8))).toEqual(['【高齢介護課】 ', '【障がい福祉課】', '【社協】 成年後', '【社協】 成年後']);
		expect(results.slice(1).map((m) => [m.value, m.unit])).toEqual([
			[1, '人'],
			[28, '人'],
			[353, '回']
		]);
		const nextYear = measuresOf(row.initiative_id).filter((m) => m.fiscal_year === 2024);
		expect(nextYear.map((m) => m.raw_text.match(/^【([^】]+)】/)?.[1])).toEqual(['高齢介護課', '障がい福祉課', '社協']);
		// line 340's reason cell has only its 【高齢介護課】 part, partly unreadable; line 434's has two parts
		expect(result.notes.filter((n) => n.initiative_id === row.initiative_id)).toHaveLength(1);
		expect(warningsAt(340).map((w) => [w.code, w.field])).toContainEqual(['unreadable_text', '評価の理由・課題']);
		const reasons = result.notes.filter((n) => n.initiative_id === byLine(434).initiative_id);
		expect(reasons.map((n) => [n.note_id, n.field, n.label_ja, n.text_ja.slice(0, 7), n.line])).toEqual([
			['11233-107-n1', 'evaluation_reason', '評価の理由・課題', '【生涯学習課】', 434],
			['11233-107-n2', 'evaluation_reason', '評価の理由・課題', '【社協】コミュ', 434]
		]);
	});

	it('reads an I printed for the digit 1 in figures, and says so', () => {
		const target = measuresOf(byLine(33).initiative_id);
		expect(target.slice(0, 3).map((m) => [m.kind, m.fiscal_year, m.value, m.unit, m.raw_text])).toEqual([
			['target', null, 12, '校', '福祉の心を育む交流事業の実施校 I 2校'],
			['baseline', 2021, 1, '校', '※計画策定時点 R 3: I 校'],
			['result', 2023, 1, '校', '実施校 I 校 コロナ前は、9校が福祉施設の交流を行ってい た。']
		]);
		expect(warningsAt(33).filter((w) => w.code === 'ocr_digit_read')).toHaveLength(3);
		expect(measuresOf(byLine(15).initiative_id).find((m) => m.kind === 'result')!.value).toBe(175);
	});

	it('reads the end of the report: 地域コミュニティ委員会への支援 (line 436)', () => {
		const row = result.initiatives.at(-1)!;
		expect(row).toMatchObject({ initiative_id: '11233-109', line_start: 436, line_end: 436, name_ja: '地域コミュニティ委員会への支援', departments: ['くらし安全課'], actor: 'city', goal_id: '11233-2023-G5-2-2' });
		expect(measuresOf(row.initiative_id)[0]).toMatchObject({ kind: 'target', raw_text: '目標設定なし', value: null });
		// くらし 安 全課 (line 435) is one department
		expect(byLine(435).departments).toEqual(['くらし安全課']);
		expect(byLine(434)).toMatchObject({ departments: ['生涯学習課', '社協'], actor: 'joint' });
		expect(byLine(433).actor).toBe('council');
	});

	it('points <再掲> rows to their original', () => {
		const reposts = result.initiatives.filter((i) => i.repost_of);
		expect(reposts.map((i) => [i.line_start, i.name_ja, i.repost_of])).toEqual([
			[370, '高齢者等見守りネットワーク事業', byLine(178).initiative_id],
			[419, '各分野の中核組織の体制強化 ・地域包括支援センター ・子育て支援センター ・障がい者相談支援体制', byLine(232).initiative_id]
		]);
		// the pointer cells (3-2-①の再掲) are not measures or notes
		for (const r of reposts) {
			expect(measuresOf(r.initiative_id)).toEqual([]);
			expect(result.notes.filter((n) => n.initiative_id === r.initiative_id)).toEqual([]);
		}
		expect(result.warnings.filter((w) => w.code.startsWith('repost'))).toEqual([]);
	});

	it('applies the reviewed corrections and flags what it cannot read', () => {
		expect(result.correctionsUsed).toEqual(corrections.map((c) => c.id).sort());
		expect(byLine(49).departments).toEqual(['子育て支援課']);
		// 11233-c16: OCR's 【子育で支援課】 heading is the 子育て支援課 of the same row's progress cell.
		expect(measuresOf(byLine(218).initiative_id).filter((m) => m.department?.startsWith('子育')).map((m) => m.department)).toContain('子育て支援課');
		expect(result.measures.some((m) => m.department?.includes('子育で'))).toBe(false);
		expect(byLine(115).name_ja).toBe('サロン担当者研修');
		expect(byLine(315)).toMatchObject({ name_ja: '成年後見制度利用支援事業' });
		expect(byLine(315).description_ja).toMatch(/^○市長による成年後見の申し立て/);
		expect(measuresOf(byLine(387).initiative_id)[0]).toMatchObject({ raw_text: '目標設定なし', value: null });
		// blank 事業名 cells: a stated placeholder, with a warning
		const blank = result.initiatives.filter((i) => i.name_ja === BLANK_NAME).map((i) => i.line_start);
		expect(blank).toEqual([116, 147, 164, 245, 354, 358, 421]);
		expect(result.warnings.filter((w) => w.code === 'missing_name').map((w) => w.line)).toEqual(blank);
		expect(result.warnings.filter((w) => w.code === 'unreadable_name').map((w) => w.line)).toEqual([112, 321, 323]);
		// vertical text read sideways in the 事業主体 cell: departments from the row's 【担当課】 headings
		expect(byLine(194).departments).toEqual(['共生福祉課', '障がい福祉課', '子育て支援課', '健康づくり課', '高齢介護課']);
		expect(result.warnings.filter((w) => w.code === 'unreadable_departments').map((w) => w.line)).toEqual([194, 206, 218]);
		// the grading legend printed into a 事業内容 cell is not a description
		expect(byLine(70).description_ja).toBeNull();
		expect(warningsAt(70).map((w) => w.code)).toEqual(['legend_in_cell']);
	});

	it('gives the same records when page header lines come in another order', () => {
		const swapped = damaged((lines) => {
			[lines[35], lines[36]] = [lines[36], lines[35]]; // 目標 (line 36) and 施策 (line 37)
			[lines[16], lines[18]] = [lines[18], lines[16]]; // 目標 (line 17) and 説明 (line 19)
			return lines;
		});
		expect(comparable(readReport(kitamoto2023, swapped, ctx))).toEqual(comparable(result));
	});

	it('gives the same records when a whole repeated page top is lost between two pages of one 施策', () => {
		// lines 17-26 repeat 目標1 / 施策1-1 / 説明, the legend, 取組① and the column header: rows 27-29 then
		// simply continue 取組① of the page before.
		const lost = damaged((lines) => lines.map((l, i) => (i >= 16 && i <= 25 ? '' : l)));
		expect(comparable(readReport(kitamoto2023, lost, ctx))).toEqual(comparable(result));
	});

	it('stops with the place when only the page header above a repeated 取組 line is lost', () => {
		// 取組① again (line 25) without a page header above it cannot be told from a lost header of another 施策
		const lost = damaged((lines) => lines.map((l, i) => (i >= 16 && i <= 22 ? '' : l)));
		expect(() => readReport(kitamoto2023, lost, ctx)).toThrowError(/003_1ab97e7656db3c51\.txt:25 \(取組\)/);
	});

	it('stops with the place when a row is broken across lines', () => {
		const broken = damaged((lines) => {
			const cells = lines[146].split('\t'); // line 147: a row of 8 cells
			return [...lines.slice(0, 146), cells.slice(0, 4).join('\t'), cells.slice(4).join('\t'), ...lines.slice(147)];
		});
		// The corrections below the damage no longer fit their lines (that stops the run too, see below).
		const above = { scheme, corrections: corrections.filter((c) => c.line < 147) };
		expect(() => readReport(kitamoto2023, broken, above)).toThrow(SourceError);
		try {
			readReport(kitamoto2023, broken, above);
		} catch (e) {
			expect(e).toMatchObject({ sourceFile: entry.file, line: 147, field: '令和5年度の進捗状況' });
		}
	});

	it('stops with the place when a page header falls in the middle of a row', () => {
		const header = doc.lines.slice(149, 157); // lines 150-157: 目標 / 施策 / 説明 / legend of 施策2-2
		const broken = damaged((lines) => {
			const cells = lines[147].split('\t'); // line 148
			return [...lines.slice(0, 147), cells.slice(0, 5).join('\t'), ...header, cells.slice(5).join('\t'), ...lines.slice(148)];
		});
		const above = { scheme, corrections: corrections.filter((c) => c.line < 148) };
		expect(() => readReport(kitamoto2023, broken, above)).toThrowError(/003_1ab97e7656db3c51\.txt:148 \(事業評価\)/);
	});

	it('stops with the place when a page header or a 取組 line is lost', () => {
		// without the header of 施策1-2 (lines 36-38), its 取組① would land under 施策1-1
		const noHeader = damaged((lines) => lines.map((l, i) => (i >= 35 && i <= 37 ? '' : l)));
		expect(() => readReport(kitamoto2023, noHeader, ctx)).toThrowError(/:44 \(取組\)/);
		// without 取組② (line 31), its rows would land under 取組①
		const noAction = damaged((lines) => lines.map((l, i) => (i === 30 ? '' : l)));
		expect(() => readReport(kitamoto2023, noAction, ctx)).toThrowError(/:32 \(取組\)/);
		// a row with a shifted, ninth filled cell
		const shifted = damaged((lines) => lines.map((l, i) => (i === 11 ? `${l}\t生涯学習課` : l)));
		expect(() => readReport(kitamoto2023, shifted, ctx)).toThrowError(/:12: a 事業 row with more than 8 filled cells/);
	});

	it('refuses a correction that no longer matches its cell', () => {
		const stale = [{ ...corrections[0], text: 'no such text' }];
		expect(() => readReport(kitamoto2023, doc, { scheme, corrections: stale })).toThrowError(/correction 11233-c01/);
	});

	it('passes the pipeline validation with every record', () => {
		const { dataset, quality } = ingest({
			manifest: { sources: [entry] },
			documents: [doc],
			schemes,
			corrections,
			adapters: new Map([[kitamoto2023.id, kitamoto2023]])
		});
		expect(dataset.initiatives).toHaveLength(109);
		expect(dataset.goals).toHaveLength(47);
		expect(dataset.evaluations).toHaveLength(88);
		const source = quality.sources[0];
		expect(source.rows_found.measures).toBe(result.measures.length);
		expect(source.corrections_used).toHaveLength(corrections.length);
		expect(source.unreadable).toBe(result.warnings.filter((w) => w.code.startsWith('unreadable')).length);
		expect(new Set(result.measures.map((m) => m.measure_id)).size).toBe(result.measures.length);
	});
});

describe('the kit\'s cell readers on 北本市 cells', () => {
	it('splits department cells, with grades where printed', () => {
		expect(readDepartments('共生福祉課B 市長公室B 社協A')).toEqual([
			{ name: '共生福祉課', gradeRaw: 'B' },
			{ name: '市長公室', gradeRaw: 'B' },
			{ name: '社協', gradeRaw: 'A' }
		]);
		expect(readDepartments('高齢介護課共生福祉課障がい福祉課')!.map((d) => d.name)).toEqual(['高齢介護課', '共生福祉課', '障がい福祉課']);
		expect(readDepartments('くらし 安 全課')).toEqual([{ name: 'くらし安全課', gradeRaw: null }]);
		expect(readDepartments('共が育康齢校福福支くく養育')).toBeNull();
		expect(readDepartments('')).toEqual([]);
	});

	it('splits a cell at its 【担当課】 headings, headings side by side sharing one text', () => {
		expect(splitByDepartment('前文。 【子育て支援課】【高齢介護課】 研修 【健康づくり課】 参加 【参考】 表')).toEqual([
			{ departments: [], text: '前文。' },
			{ departments: ['子育て支援課', '高齢介護課'], text: '【子育て支援課】【高齢介護課】 研修' },
			{ departments: ['健康づくり課'], text: '【健康づくり課】 参加 【参考】 表' }
		]);
		const [pre, shared, own] = splitByDepartment('前文。 【子育て支援課】【高齢介護課】 研修 【健康づくり課】 参加 【参考】 表');
		expect([pre, shared, own].map((x) => [segmentDepartment(x), segmentBody(x)])).toEqual([
			[null, '前文。'],
			['子育て支援課・高齢介護課', '研修'],
			['健康づくり課', '参加 【参考】 表']
		]);
	});

	it('reads an OCR\'d 1 only where a number is meant', () => {
		expect(readOcrOnes('実施校 I 2校 (I回) 年Ⅰ回 新規登録者 I件')).toBe('実施校 12校 (1回) 年1回 新規登録者 1件');
		expect(readOcrOnes('I人でも多くの子どもが')).toBe('I人でも多くの子どもが');
		expect(readOcrOnes('LINE登録者数1,200人 3-I-①')).toBe('LINE登録者数1,200人 3-I-①');
	});

	it('reads rates printed without a unit, one per place', () => {
		expect(readRates('○人口10万対自殺死亡率15.5')).toEqual([{ label: '人口10万対自殺死亡率', value: 15.5 }]);
		expect(readRates('◎令和5年 人口10万対自殺率 北本市:25.86 埼玉県:17.84 国:17.27 ・精神科医による個別相談5回')).toEqual([
			{ label: '令和5年 人口10万対自殺率 北本市', value: 25.86 },
			{ label: '令和5年 人口10万対自殺率 埼玉県', value: 17.84 },
			{ label: '令和5年 人口10万対自殺率 国', value: 17.27 }
		]);
		expect(readRates('男性の参加率が低い')).toEqual([]);
	});

	it('tells unreadable OCR text from real cells', () => {
		expect(looksGarbled('○ 「 は は は は は は')).toBe(true);
		expect(looksGarbled('113 TK 3')).toBe(true);
		expect(looksGarbled('T 「又族課】')).toBe(true);
		expect(looksGarbled('100%')).toBe(false);
		expect(looksGarbled('【共生福祉課】 7箇所の社会福祉法人と協定を締結')).toBe(false);
	});
});
