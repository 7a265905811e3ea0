import { readReport } from '../../../src/lib/template-kit/read';
import { describe, expect, it } from 'vitest';
import { nameSimilarity } from '../../../src/lib/template-kit/names';
import { readContentsTable, splitEntries } from '../../../src/lib/template-kit/contents';
import { isDepartmentCell, readActivityRow as readActivity, readDepartmentRow as readDepartment } from '../../../src/lib/adapters/yamaguchi-2018/rows';
import { Spec } from '../../../src/lib/adapters/yamaguchi-2018/spec';
import specFile from '../../../src/lib/adapters/yamaguchi-2018.json';
import { cellMeasures as readCell, indicatorItems, unreadFigures as unread, type ItemInput } from '../../../src/lib/template-kit/measure-wording';
import { MeasureIds } from '../../../src/lib/template-kit/records';
import { SourceError, type AdapterResult, type SourceDocument } from '../../../src/lib/adapters/adapter';
import { ingest } from '../../../src/lib/pipeline/ingest';
import { ADAPTERS } from '../../../src/lib/adapters/registry';
import { loadCorrections, loadDocument, loadManifest, loadSchemes } from '../../../scripts/lib/sources';

const spec = Spec.parse(specFile);
const yamaguchi2018 = ADAPTERS.get('yamaguchi-2018')!;
// The hooks and the kit's wording rules, read with this report's spec.
const readActivityRow = (cells: string[]) => readActivity(spec, cells);
const readDepartmentRow = (cells: string[]) => readDepartment(spec, cells);
const cellMeasures = (ids: MeasureIds, input: ItemInput) => readCell(ids, input, spec.wording);
const unreadFigures = (text: string) => unread(text, spec.wording);
/** A half's figure cells by name, as the spec's columns order them. */
const named = (figures: string[]) => ({ status: figures[0], plan: figures[1], indicator: figures[2], result: figures[3] });

const entry = loadManifest().sources.find((s) => s.adapter === 'yamaguchi-2018')!;
const doc = loadDocument(entry);
const corrections = loadCorrections().filter((c) => c.source_file === entry.file);
const read = (d: SourceDocument = doc, cs = corrections) => readReport(yamaguchi2018, d, { scheme: null, corrections: cs });
const result = read();
// Damaged copies move lines, so they are compared with a reading that applies no line-bound correction.
const plain = read(doc, []);

const initiative = (id: string) => result.initiatives.find((i) => i.initiative_id === id)!;
const measuresOf = (id: string, kind?: string) => result.measures.filter((m) => m.initiative_id === id && (!kind || m.kind === kind));
const withLines = (lines: string[]): SourceDocument => ({ entry, text: lines.join('\n'), lines });

/** Records without their line numbers, to compare a copy with lines inserted. */
function withoutLines(r: AdapterResult) {
	const strip = <T extends object>(rows: T[]) =>
		rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !['line', 'line_start', 'line_end'].includes(k))));
	return { goals: strip(r.goals), initiatives: strip(r.initiatives), measures: strip(r.measures), notes: strip(r.notes) };
}

describe('the 山口市 adapter', () => {
	it('finds the 30 activities as 60 initiatives, one per actor', () => {
		// Counted by hand from the 目次 (lines 8–17): 基本目標1 has 活動目標 1–3 with ①–③, ①–④, ①–②;
		// 基本目標2 has 活動目標 1–6 with ①–②, ①–④, ①–③, ①–②, ①–③, ①–③; 基本目標3 has 活動目標1 with ①–④:
		// 9 + 17 + 4 = 30 activities. The body has the same 30 rows beginning with ①…④ (lines 28–30, 37–40,
		// 47–48, 57–58, 63–65, 70, 77–79, 86–87, 94–96, 104–106, 115–116, 121–122).
		expect(result.initiatives).toHaveLength(60);
		expect(result.initiatives.filter((i) => i.actor === 'council')).toHaveLength(30);
		expect(result.initiatives.filter((i) => i.actor === 'city')).toHaveLength(30);
		expect(result.initiatives.map((i) => i.initiative_id).slice(0, 4)).toEqual(['35203-001-c', '35203-001-s', '35203-002-c', '35203-002-s']);
		const perAim = result.goals
			.filter((g) => g.level === 2)
			.map((g) => result.initiatives.filter((i) => i.goal_id === g.goal_id && i.actor === 'council').length);
		expect(perAim).toEqual([3, 4, 2, 2, 4, 3, 2, 3, 3, 4]);
	});

	it('gives no grades: the report has no grading scheme', () => {
		// Grade counts by letter: none at all.
		expect(result.evaluations).toEqual([]);
		expect(entry.scheme_id).toBeNull();
	});

	it('builds the goal tree from the 目次, with the body heading line where there is one', () => {
		expect(result.goals).toHaveLength(13);
		expect(result.goals.map((g) => [g.goal_id, g.line])).toEqual([
			['35203-2018-G1', 21],
			['35203-2018-G1-1', 23],
			// No 活動目標2 heading in the body (its table follows 活動目標1's): the 目次 line.
			['35203-2018-G1-2', 9],
			['35203-2018-G1-3', 42],
			['35203-2018-G2', 50],
			['35203-2018-G2-1', 52],
			['35203-2018-G2-2', 12],
			['35203-2018-G2-3', 72],
			['35203-2018-G2-4', 81],
			['35203-2018-G2-5', 89],
			['35203-2018-G2-6', 99],
			['35203-2018-G3', 108],
			['35203-2018-G3-1', 110]
		]);
		expect(result.goals.find((g) => g.goal_id === '35203-2018-G1-2')).toMatchObject({
			parent_goal_id: '35203-2018-G1',
			level: 2,
			level_name_ja: '活動目標',
			title_ja: '福祉教育の推進とユニバーサルデザインの啓発'
		});
		expect(result.goals[0]).toMatchObject({ level: 1, level_name_ja: '基本目標', title_ja: '地域福祉を推進するひとづくり', parent_goal_id: null });
	});

	it('reads the first activity: both halves, targets with their years and FY2018 results', () => {
		const c = initiative('35203-001-c');
		expect(c).toMatchObject({ name_ja: '担い手の確保と育成の支援', code: '①', goal_id: '35203-2018-G1-1', departments: ['山口市社会福祉協議会'], actor: 'council', line_start: 28, line_end: 28 });
		expect(c.description_ja).toMatch(/^・市民に対するボランティア活動の周知・啓発・意識付け/);
		// H30(2018)～ 年2地区: from FY2018, two districts a year.
		expect(measuresOf('35203-001-c', 'target')).toEqual([
			expect.objectContaining({ label_ja: '地域ニーズに対するボランティア養成講座', value: 2, unit: '地区', fiscal_year: 2018, every_year: true, line: 28 })
		]);
		expect(measuresOf('35203-001-c', 'result').find((m) => m.value === 382)).toMatchObject({ unit: '人', fiscal_year: 2018, label_ja: '災害ボランティア研修会' });
		const s = initiative('35203-001-s');
		expect(s).toMatchObject({ departments: ['地域福祉課'], actor: 'city', name_ja: c.name_ja, goal_id: c.goal_id });
		expect(measuresOf('35203-001-s', 'target')).toEqual([
			expect.objectContaining({ label_ja: '介護予防・生活支援サポーター登録者数', value: 250, unit: '人', fiscal_year: 2020, every_year: false })
		]);
		const results = measuresOf('35203-001-s', 'result');
		expect(results[0]).toMatchObject({ value: null, fiscal_year: 2018, raw_text: expect.stringMatching(/^・災害ボランティア研修会の後援/) });
		expect(results[results.length - 1]).toMatchObject({ value: 44, unit: '人', fiscal_year: 2018, label_ja: '介護予防・生活支援サポーターフォローアップ講座受講者' });
		expect(measuresOf('35203-001-s', 'plan')).toEqual([expect.objectContaining({ fiscal_year: 2019, value: null })]);
	});

	it('numbers measures in the order of the columns: 実施状況, 実施予定, 指標, 実績', () => {
		const kinds = measuresOf('35203-030-s').map((m) => [m.measure_id, m.kind, m.fiscal_year]);
		expect(kinds).toEqual([
			['35203-030-s-m01', 'result', 2018],
			['35203-030-s-m02', 'plan', 2019],
			['35203-030-s-m03', 'target', null],
			['35203-030-s-m04', 'result', 2018]
		]);
	});

	it('reads the middle of the report: 子育て家庭の交流の推進', () => {
		expect(initiative('35203-013-s')).toMatchObject({ departments: ['こども未来課', '中央図書館', '子育て保健課'], line_start: 64, goal_id: '35203-2018-G2-2' });
		expect(measuresOf('35203-013-s', 'target')).toEqual([expect.objectContaining({ value: 85000, unit: '人', fiscal_year: 2020, label_ja: '地域子育て支援施設利用者数' })]);
		// 81,526人 has no words of its own: it counts what the indicator counts.
		expect(measuresOf('35203-013-s', 'result').at(-1)).toMatchObject({ value: 81526, unit: '人', label_ja: '地域子育て支援施設利用者数', fiscal_year: 2018 });
		expect(measuresOf('35203-012-s', 'result').at(-1)).toMatchObject({ value: 140, unit: 'グループ' });
		expect(measuresOf('35203-010-s', 'result').at(-1)).toMatchObject({ value: 44.1, unit: '%' });
	});

	it('reads the end of the report: 新たな包括的支援体制の構築', () => {
		const s = initiative('35203-030-s');
		expect(s.departments).toEqual(['地域福祉課', '高齢福祉課', '介護保険課', '障がい福祉課', '協働推進課', '子育て保健課', '健康増進課']);
		expect(s).toMatchObject({ line_start: 122, line_end: 122, goal_id: '35203-2018-G3-1', code: '④' });
		expect(measuresOf('35203-030-s', 'target')[0]).toMatchObject({ label_ja: '検討会議の開催', value: 2, unit: '回', qualifier: '以上', every_year: true, fiscal_year: null });
		expect(measuresOf('35203-030-s', 'result').at(-1)).toMatchObject({ value: 4, unit: '回', label_ja: '検討会議の開催' });
		// "—" in 30年度実績: no figure, never zero.
		expect(measuresOf('35203-030-c', 'result').at(-1)).toMatchObject({ raw_text: '—', value: null });
	});

	it('puts rows that add a 担当課 on the city half, each figure with its department', () => {
		const s = initiative('35203-003-s');
		expect(s.departments).toEqual(['地域福祉課', '協働推進課', 'ふるさと産業振興課']);
		expect(s).toMatchObject({ line_start: 30, line_end: 32 });
		expect(initiative('35203-003-c')).toMatchObject({ line_end: 30, departments: ['山口市社会福祉協議会'] });
		const ms = measuresOf('35203-003-s');
		expect(ms.find((m) => m.line === 31 && m.kind === 'result')).toMatchObject({ department: '協働推進課', label_ja: null, fiscal_year: 2018, value: null });
		expect(ms.find((m) => m.line === 32 && m.value === 6)).toMatchObject({ department: 'ふるさと産業振興課', label_ja: '事業認定', unit: '件', kind: 'result' });
		expect(ms.find((m) => m.line === 32 && m.kind === 'plan')).toMatchObject({ department: 'ふるさと産業振興課', label_ja: null, fiscal_year: 2019 });
		expect(ms.find((m) => m.line === 30 && m.kind === 'target')).toMatchObject({ department: '地域福祉課', label_ja: '多様な寄付の在り方についての検討会議を開催', value: 1, unit: '回' });
		// The 30年度実績 "—" takes the indicator's label, with no department prefix in it.
		expect(ms.find((m) => m.line === 30 && m.kind === 'result' && m.raw_text === '—')).toMatchObject({ department: '地域福祉課', label_ja: '多様な寄付の在り方についての検討会議を開催', value: null });
		// Every figure of the city half names its department; raw_text stays the source's text.
		expect(ms.map((m) => [m.line, m.department])).toEqual([
			...Array(4).fill([30, '地域福祉課']),
			...Array(2).fill([31, '協働推進課']),
			...Array(2).fill([32, 'ふるさと産業振興課'])
		]);
		expect(ms.every((m) => !m.label_ja?.includes('課'))).toBe(true);
		expect(ms.find((m) => m.value === 6)!.raw_text).toMatch(/^・ふるさと納税を活用した/);
		// The council half and halves without added rows report no department per figure.
		expect(measuresOf('35203-003-c').every((m) => m.department === null)).toBe(true);
		expect(result.measures.filter((m) => m.department !== null)).toHaveLength(10);
		// 被害防止 (line 96) lost its own 担当課; the added row (line 97) names 地域福祉課. The figures of
		// line 96 do not say whose they are; those of line 97 are 地域福祉課's.
		expect(initiative('35203-023-s')).toMatchObject({ departments: ['地域福祉課'], line_end: 97 });
		expect(measuresOf('35203-023-s').map((m) => [m.line, m.department])).toEqual([
			...Array(4).fill([96, null]),
			...Array(2).fill([97, '地域福祉課'])
		]);
	});

	it('reads rows whose columns shifted by their content and says so, never moving text to another activity', () => {
		const shifted = result.warnings.filter((w) => w.code === 'shifted_columns');
		expect(shifted.map((w) => [w.line, w.field, w.initiative_id])).toEqual([
			[94, '担当課', '35203-021-s'],
			[95, '担当課', '35203-022-s'],
			[96, '担当課', '35203-023-s'],
			[115, '担当課', '35203-027-s'],
			[116, '30年度実績', '35203-028-c']
		]);
		expect(initiative('35203-021-s').departments).toEqual([]);
		// Line 94: the city texts sit one column left; the 指標 and 実績 are still read as such.
		expect(measuresOf('35203-021-s', 'target')).toEqual([expect.objectContaining({ value: 21, unit: '箇所', fiscal_year: 2020, label_ja: '危険箇所看板作成数' })]);
		expect(measuresOf('35203-021-s', 'result').at(-1)).toMatchObject({ value: 15, unit: '箇所', fiscal_year: 2018 });
		// Line 116: the council half lacks its 30年度実績; the city half starts at the 取組み in cell 7.
		expect(initiative('35203-028-s').description_ja).toMatch(/^居住に課題を抱える者・世帯への横断的な支援の在り方/);
		expect(initiative('35203-028-s').departments).toEqual(['地域福祉課', '高齢福祉課', '障がい福祉課', '健康増進課', '子育て保健課']);
		expect(measuresOf('35203-028-s', 'target')).toEqual([expect.objectContaining({ value: 100, unit: '人', fiscal_year: 2020 })]);
		expect(measuresOf('35203-028-s', 'result').slice(-2).map((m) => [m.label_ja, m.value])).toEqual([
			['市長申立', 6],
			['報酬助成', 1]
		]);
		expect(measuresOf('35203-028-c', 'target')).toHaveLength(1);
		expect(measuresOf('35203-028-c', 'result').every((m) => m.raw_text !== '' && m.line === 116)).toBe(true);
	});

	it('keeps the roles on both halves of the activity', () => {
		expect(result.notes).toHaveLength(120);
		for (const id of ['35203-001-c', '35203-001-s']) {
			expect(result.notes.filter((n) => n.initiative_id === id).map((n) => [n.note_id, n.field, n.label_ja, n.text_ja])).toEqual([
				[`${id}-n1`, 'resident_role', '住民、地域の役割', '・地域福祉活動等への積極的な参加 ・若い世代への働きかけ'],
				[`${id}-n2`, 'agency_role', '関係機関の役割', '・情報交換会や研修会の開催による情報共有']
			]);
		}
		expect(result.notes.find((n) => n.note_id === '35203-030-s-n2')).toMatchObject({ text_ja: '・地域との協働による福祉課題の解決', line: 122 });
	});

	it('has no 再掲 initiative: the one 【再掲】 marks an item of a 取組み text, which is kept as printed', () => {
		expect(result.initiatives.every((i) => i.repost_of === null)).toBe(true);
		expect(initiative('35203-006-s').description_ja).toBe('・学校と地域の福祉教育協働事業への支援【再掲】');
	});

	it('reads every-year targets and keeps 隔年 apart', () => {
		const byLabel = (id: string, label: string) => measuresOf(id, 'target').find((m) => m.label_ja === label)!;
		expect(byLabel('35203-004-c', '指定小学校')).toMatchObject({ value: 2, unit: '校', every_year: true });
		expect(byLabel('35203-005-s', '福祉教育推進協力校')).toMatchObject({ value: 8, every_year: true, qualifier: '毎年' });
		expect(byLabel('35203-003-c', '活動資金を調達するための講座')).toMatchObject({ value: 1, unit: '回', every_year: false, qualifier: '隔年' });
		expect(byLabel('35203-024-s', '委員1人あたりの年間活動日数')).toMatchObject({ value: 152, unit: '日', every_year: true });
		expect(measuresOf('35203-010-c', 'target').map((m) => [m.value, m.unit, m.label_ja])).toEqual([
			[25, '地区社協', '小地域福祉活動計画策定委員会及び実行委員会の開催支援地区社協数'],
			[25, '地区社協', '小地区見守り訪問活動研修会開催支援地区社協数']
		]);
		// One cell, two indicators: the second names its own year.
		expect(measuresOf('35203-002-c', 'target').map((m) => [m.label_ja, m.value, m.fiscal_year, m.every_year])).toEqual([
			['地区社協連絡研修会', 2, null, true],
			['市市連研修会', 2, null, true],
			['交流会', 1, null, true],
			[null, null, 2018, false]
		]);
		expect(measuresOf('35203-009-c', 'target')[0]).toMatchObject({ value: 70, unit: '%', fiscal_year: 2022 });
	});

	it('flags figures it cannot read and names that differ from the 目次', () => {
		const figures = result.warnings.filter((w) => w.code === 'figure_without_unit').map((w) => [w.line, w.field]);
		// 年1企業 and 1法人 (line 47) are read: 企業 and 法人 are units. Every column is checked, not only
		// the 指標 and 実績: 中学校2校の指定(2年間) (line 37) is a duration no unit reads. Line 64's
		// 児童館2 放課後児童クラブ16 are read through two reviewed corrections (without them: flagged).
		expect(figures).toEqual([[37, '平成30年度実施状況']]);
		expect(plain.warnings.filter((w) => w.code === 'figure_without_unit').map((w) => [w.line, w.field])).toEqual([
			[37, '平成30年度実施状況'],
			[64, '主な活動指標'],
			[64, '30年度実績']
		]);
		expect(result.warnings.filter((w) => w.code === 'name_differs_from_contents')).toEqual([
			expect.objectContaining({ line: 105, initiative_id: '35203-025-c', message: expect.stringContaining('福祉員の活動の強化') })
		]);
		expect(result.warnings).toHaveLength(7);
	});

	it('applies the two reviewed corrections of line 64: the units the same row prints elsewhere', () => {
		expect(result.correctionsUsed).toEqual(['yamaguchi-2018-c01', 'yamaguchi-2018-c02']);
		// The 指標 and 実績 cells both begin 子育てサロン交流会の開催 (the 実施状況 cell does not).
		const row = (kind: string) => measuresOf('35203-013-c', kind).filter((m) => m.raw_text.startsWith('子育てサロン交流会の開催'));
		expect(row('target').map((m) => [m.label_ja, m.value, m.unit, m.every_year])).toEqual([
			['子育てサロン交流会の開催', 1, '回', true],
			['児童館及び放課後児童クラブの運営の充実 児童館', 2, '箇所', false],
			['放課後児童クラブ', 16, '学級', false],
			['子どもの遊び文化活動', 5, '件', true]
		]);
		expect(row('result').map((m) => [m.label_ja, m.value, m.unit])).toEqual([
			['子育てサロン交流会の開催', 1, '回'],
			['児童館及び放課後児童クラブの運営の充実(児童館)', 2, '箇所'],
			['放課後児童クラブ', 16, '学級'],
			['子どもの遊び文化活動の実施', 5, '件']
		]);
		// raw_text stays as printed.
		expect(measuresOf('35203-013-c', 'target')[1].raw_text).toContain('児童館2 放課後児童クラブ16 子ども');
	});

	it('reads every figure of the 実施状況 and 予定 texts too, with what it counts', () => {
		// Line 40: 平成30年度に10団体へ29万円の助成 — 万円 is a unit of this report.
		expect(measuresOf('35203-007-s', 'result').slice(0, 3).map((m) => [m.label_ja, m.value, m.unit])).toEqual([
			['やまぐち障がい者等専用駐車場利用証制度については、平成30年度に', 935, '枚'],
			['民間事業者への合理的配慮の実施支援について、平成30年度に', 10, '団体'],
			['助成', 29, '万円']
		]);
		// Line 64: 児童館(2箇所)及び放課後児童クラブ(16学級).
		expect(measuresOf('35203-013-c', 'result').slice(2, 4).map((m) => [m.label_ja, m.value, m.unit])).toEqual([
			['児童館', 2, '箇所'],
			['放課後児童クラブ', 16, '学級']
		]);
		// Line 77: 月1回のふれあい型給食弁当の配達 — once a month.
		expect(measuresOf('35203-016-c', 'result')[0]).toMatchObject({ label_ja: 'ふれあい型給食弁当の配達', value: 1, unit: '回', qualifier: '月', fiscal_year: 2018 });
		// Line 104: 7部会 are seven committees, not seven copies.
		expect(measuresOf('35203-024-c', 'result')[0]).toMatchObject({ value: 7, unit: '部会' });
		// Line 79: 1人ずつ — one in each of the two branches.
		expect(measuresOf('35203-018-c', 'result')[0]).toMatchObject({ value: 1, unit: '人', qualifier: 'ずつ' });
		// Line 115: a figure after a sentence is labelled by that sentence alone, not by the figure before it.
		expect(measuresOf('35203-027-s', 'result').slice(0, 2).map((m) => [m.label_ja, m.value])).toEqual([
			['山口防府圏域ケアマネジメント研修会に参加しました', 78],
			['山口市相談支援従事者研修会に参加しました', 24]
		]);
	});

	it('reads 年10ヵ所 as 10 places a year by rule, and applies or reports a documented correction', () => {
		expect(measuresOf('35203-012-c', 'target')[0]).toMatchObject({ label_ja: 'ふれあいいきいきサロン新規開設', value: 10, unit: 'ヵ所', every_year: true, raw_text: expect.stringContaining('年10ヵ所') });
		// A correction reads the cell as it says; raw_text stays as printed.
		const correction = { id: 'example-c01', source_file: entry.file, line: 63, field: '主な活動指標', text: '年10ヵ所', means: '年12ヵ所', why: 'example' };
		const corrected = read(doc, [correction]);
		expect(corrected.correctionsUsed).toEqual(['example-c01']);
		expect(corrected.measures.find((m) => m.initiative_id === '35203-012-c' && m.kind === 'target')).toMatchObject({ value: 12, raw_text: expect.stringContaining('年10ヵ所') });
		// A correction whose text is not on its line stops the run, naming the line; it is never applied elsewhere.
		const stray = { ...correction, line: 64 };
		expect(() => read(doc, [stray])).toThrowError(/^004_0e03a675e01c87c9\.txt:64 \(主な活動指標\): correction example-c01 expects "年10ヵ所" on line 64/);
	});

	it('passes the contract: every record is valid in the pipeline', () => {
		const { dataset, quality } = ingest({ manifest: { sources: [entry] }, documents: [doc], schemes: loadSchemes(), corrections: loadCorrections(), adapters: ADAPTERS });
		expect(dataset.initiatives).toHaveLength(60);
		expect(dataset.measures).toHaveLength(result.measures.length);
		expect(quality.sources[0]).toMatchObject({ unreadable: 0, corrections_used: ['yamaguchi-2018-c01', 'yamaguchi-2018-c02'], rows_found: { goals: 13, initiatives: 60, evaluations: 0, notes: 120 } });
		expect(new Set(result.measures.map((m) => m.measure_id)).size).toBe(result.measures.length);
	});
});

describe('the 山口市 adapter on a damaged copy', () => {
	it('reads the same records when a page header falls between a row and its added 担当課 rows', () => {
		const lines = [...doc.lines];
		lines.splice(30, 0, '', lines[2], '');
		const damaged = read(withLines(lines), []);
		expect(withoutLines(damaged)).toEqual(withoutLines(plain));
		expect(damaged.initiatives.find((i) => i.initiative_id === '35203-003-s')).toMatchObject({ line_start: 30, line_end: 35 });
	});

	it('reads the same figures when the added 担当課 rows come in another order', () => {
		const lines = [...doc.lines];
		[lines[30], lines[31]] = [lines[31], lines[30]];
		const damaged = read(withLines(lines), []);
		const key = (r: AdapterResult) => r.measures.filter((m) => m.initiative_id === '35203-003-s').map((m) => `${m.kind}|${m.label_ja}|${m.value}|${m.raw_text}`).sort();
		expect(key(damaged)).toEqual(key(plain));
		expect(new Set(damaged.initiatives.find((i) => i.initiative_id === '35203-003-s')!.departments)).toEqual(new Set(initiative('35203-003-s').departments));
	});

	it('stops with the line and field when a page break splits a row', () => {
		const lines = [...doc.lines];
		const cells = lines[36].split('\t');
		lines.splice(36, 1, cells.slice(0, 6).join('\t'), lines[2], cells.slice(6).join('\t'));
		// (without the corrections: the lines below the damage moved)
		expect(() => read(withLines(lines), [])).toThrowError(SourceError);
		expect(() => read(withLines(lines), [])).toThrowError(/004_0e03a675e01c87c9\.txt:37 \(担当課\)/);
	});

	it('stops rather than attach a row to the wrong activity when rows are out of order', () => {
		const lines = [...doc.lines];
		[lines[37], lines[38]] = [lines[38], lines[37]];
		expect(() => read(withLines(lines))).toThrowError(/:39 \(活動名\).*does not match the 目次/);
	});

	it('flags an activity of the 目次 that the body lost, and keeps the others in place', () => {
		const lines = [...doc.lines];
		lines.splice(64, 1);
		const damaged = read(withLines(lines));
		expect(damaged.initiatives).toHaveLength(58);
		expect(damaged.warnings.filter((w) => w.code === 'missing_activity')).toEqual([expect.objectContaining({ line: 12, raw: '③ 障がい者の交流の推進' })]);
		expect(damaged.initiatives.find((i) => i.name_ja === '地域住民の交流の推進')).toMatchObject({ goal_id: '35203-2018-G2-2', code: '④' });
	});

	it('stops when there is no 目次', () => {
		const lines = doc.lines.map((l) => (/^目\s*次$/.test(l.trim()) ? '' : l));
		expect(() => read(withLines(lines))).toThrowError(/:1 \(目次\)/);
	});
});

describe('the 山口市 reading helpers', () => {
	it('splits a 目次 activity cell and drops the page numbers', () => {
		expect(splitEntries('① 担い手の確保と育成の支援 ② 団体間の交流促進 ③ 新たな財源の確保 1 1 1')).toEqual({
			entries: [
				{ code: '①', name: '担い手の確保と育成の支援' },
				{ code: '②', name: '団体間の交流促進' },
				{ code: '③', name: '新たな財源の確保' }
			],
			pages: ['1', '1', '1']
		});
		const contents = readContentsTable('x.txt', doc.lines, spec.contents, ['基本目標', '活動目標']);
		expect(contents.goals.map((g) => g.aims.length)).toEqual([3, 6, 1]);
	});

	it('tells a 担当課 cell from a text cell', () => {
		expect(isDepartmentCell('地域福祉課 高齢福祉課 協働推進課')).toBe(true);
		expect(isDepartmentCell('こども未来課 中央図書館 子育て保健課')).toBe(true);
		expect(isDepartmentCell('「子ども110番の家」幟旗設置箇所の点検や増設等を推進しました。')).toBe(false);
		expect(isDepartmentCell('')).toBe(false);
	});

	it('reads the three row layouts and refuses others', () => {
		const cells = (n: number, at: Record<number, string>) => Array.from({ length: n }, (_, k) => at[k] ?? `t${k}`);
		const whole = readActivityRow(cells(14, { 0: '① 名前', 9: '地域福祉課' }))!;
		expect(whole).toMatchObject({ shift: null, city: { description: 't8', departments: ['地域福祉課'] }, council: { description: 't3' } });
		expect(named(whole.city.figures)).toMatchObject({ status: 't10', result: 't13' });
		expect(named(whole.council.figures)).toMatchObject({ result: 't7' });
		const noDept = readActivityRow(cells(14, { 0: '① 名前', 13: '' }))!;
		expect(noDept.city).toMatchObject({ departments: [], description: 't8' });
		expect(named(noDept.city.figures)).toMatchObject({ status: 't9', result: 't12' });
		const early = readActivityRow(cells(14, { 0: '② 名前', 8: '地域福祉課', 13: '' }))!;
		expect(early.city).toMatchObject({ description: 't7' });
		expect(named(early.council.figures)).toMatchObject({ indicator: 't6', result: '' });
		expect(named(early.city.figures)).toMatchObject({ status: 't9', result: 't12' });
		expect(readActivityRow(cells(12, { 0: '① 名前' }))).toBeNull();
		const added = readDepartmentRow(['', '', '', '', '', '', '', '', '', '協働推進課', 'a', 'b', '', ''])!;
		expect(added).toMatchObject({ departments: ['協働推進課'] });
		expect(named(added.figures)).toMatchObject({ status: 'a', plan: 'b' });
	});

	it('compares names loosely', () => {
		expect(nameSimilarity('福祉員の活動の強化と住民への周知・啓発', '福祉員活動の強化と住民への周知・啓発')).toBeGreaterThan(0.8);
		expect(nameSimilarity('高齢者の交流の推進', '災害ボランティア活動の推進')).toBeLessThan(0.5);
	});

	it('adjusts the shared reading for this report', () => {
		const base = { initiative_id: 'x', line: 1 };
		const ms = cellMeasures(new MeasureIds(), { ...base, kind: 'target', fiscal_year: null, text: '・有償在宅福祉サービス研修会等 年3回以上 ・介護予防・生活支援サポーター養成講座 年1回×2会場' });
		expect(ms.map((m) => [m.measure_id, m.label_ja, m.value, m.unit, m.every_year])).toEqual([
			['x-m01', '有償在宅福祉サービス研修会等', 3, '回', true],
			['x-m02', '介護予防・生活支援サポーター養成講座', 1, '回', true],
			['x-m03', '介護予防・生活支援サポーター養成講座', 2, '会場', true]
		]);
		const perDepartment = cellMeasures(new MeasureIds(), { ...base, kind: 'result', fiscal_year: 2018, text: '支援を行いました。(事業認定6件)', department: 'ふるさと産業振興課' });
		expect(perDepartment[0]).toMatchObject({ department: 'ふるさと産業振興課', label_ja: '事業認定', value: 6 });
		expect(cellMeasures(new MeasureIds(), { ...base, kind: 'result', fiscal_year: 2018, text: '(事業認定6件)' })[0].department).toBeNull();
		expect(indicatorItems('・a 年2回 ・b H30(2018)')).toEqual([
			{ text: 'a 年2回', fiscal_year: null, years: [] },
			{ text: 'b H30(2018)', fiscal_year: 2018, years: [2018] }
		]);
		expect(unreadFigures('子ども110番の家への登録 3箇所 児童館2')).toEqual(['児童館2']);
		expect(unreadFigures('見守り訪問グループ数の維持 H32(2020) 722グループ以上')).toEqual([]);
		// An age, a page reference and this report's own units are no unread figures.
		expect(unreadFigures('妊産婦・乳児及び2歳児の家庭訪問 協議会(P32参照) 10団体へ29万円 クラブ(16学級)')).toEqual([]);
		const local = cellMeasures(new MeasureIds(), { ...base, kind: 'result', fiscal_year: 2018, text: '児童館(2箇所)及び放課後児童クラブ(16学級)の運営' });
		expect(local.map((m) => [m.label_ja, m.value, m.unit, m.raw_text])).toEqual([
			['児童館', 2, '箇所', '児童館(2箇所)及び放課後児童クラブ(16学級)の運営'],
			['放課後児童クラブ', 16, '学級', '児童館(2箇所)及び放課後児童クラブ(16学級)の運営']
		]);
	});
});

describe('the 山口市 adapter: figures quoted in prose and figures in the 30年度実績 column', () => {
	it('marks the 実施状況 figures as narrative and the 30年度実績 figures as not (35203-004-c, line 37)', () => {
		const results = measuresOf('35203-004-c', 'result').map((m) => [m.label_ja, m.value, m.unit, m.narrative]);
		expect(results).toContainEqual(['中学校', 2, '校', true]);
		expect(results).toContainEqual(['福祉体験学習開催支援学校数', 35, '校', false]);
		expect(measuresOf('35203-004-c', 'target').every((m) => !m.narrative)).toBe(true);
	});
	it('reads 年10回 in the 令和元年度実施予定 cell as that year\'s plan, not a target for every year (35203-004-s)', () => {
		expect(measuresOf('35203-004-s', 'plan').map((m) => [m.fiscal_year, m.value, m.every_year])).toEqual([[2019, 10, false]]);
	});
});
