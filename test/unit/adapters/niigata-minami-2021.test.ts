import { readReport } from '../../../src/lib/template-kit/read';
import { describe, expect, it } from 'vitest';
import { SourceError, type AdapterResult, type SourceDocument } from '../../../src/lib/adapters/adapter';
import type { Correction } from '../../../src/lib/contract/manifest';
import { ingest } from '../../../src/lib/pipeline/ingest';
import { ADAPTERS } from '../../../src/lib/adapters/registry';
import { loadCorrections, loadDocument, loadManifest, loadSchemes } from '../../../scripts/lib/sources';

const niigataMinami2021 = ADAPTERS.get('niigata-minami-2021')!;

const entry = loadManifest().sources.find((s) => s.adapter === 'niigata-minami-2021')!;
const doc = loadDocument(entry);
const scheme = loadSchemes().find((s) => s.scheme_id === entry.scheme_id)!;
const corrections = loadCorrections().filter((c) => c.source_file === entry.file);
const read = (d: SourceDocument = doc, cs: readonly Correction[] = corrections) => readReport(niigataMinami2021, d, { scheme, corrections: cs });
const result = read();

const initiative = (id: string) => result.initiatives.find((i) => i.initiative_id === id)!;
const measuresOf = (r: AdapterResult, id: string) => r.measures.filter((m) => m.initiative_id === id);
const figures = (id: string) => measuresOf(result, id).map((m) => [m.kind, m.fiscal_year, m.is_estimate, m.label_ja, m.value, m.unit, m.line]);
const withLines = (lines: string[]): SourceDocument => ({ entry, text: lines.join('\n'), lines });

/** Throws, and the error is a SourceError at this line and field. */
function expectSourceError(fn: () => unknown, line: number, field: string | RegExp) {
	let error: unknown;
	try {
		fn();
	} catch (e) {
		error = e;
	}
	expect(error).toBeInstanceOf(SourceError);
	const e = error as SourceError;
	expect(e.sourceFile).toBe(entry.file);
	expect(e.line).toBe(line);
	if (typeof field === 'string') expect(e.field).toBe(field);
	else expect(e.field).toMatch(field);
}

/** A reading of a copy with k lines inserted before `at`, with its line numbers moved back. */
function unshift(r: AdapterResult, at: number, k: number): AdapterResult {
	const back = (n: number) => (n >= at + k ? n - k : n);
	const fix = <T extends object>(rows: T[]): T[] =>
		rows.map((row) => {
			const out = { ...row } as Record<string, unknown>;
			for (const key of ['line', 'line_start', 'line_end']) if (typeof out[key] === 'number') out[key] = back(out[key] as number);
			return out as T;
		});
	return { ...r, goals: fix(r.goals), initiatives: fix(r.initiatives), measures: fix(r.measures), evaluations: fix(r.evaluations), notes: fix(r.notes), warnings: fix(r.warnings) };
}
/** Corrections written for the clean copy, moved to where their lines are in a copy with k lines inserted before `at`. */
const shiftedCorrections = (at: number, k: number) => corrections.map((c) => ({ ...c, line: c.line >= at ? c.line + k : c.line }));

describe('the 新潟市南区 adapter', () => {
	it('finds every row of the four sections: 56 initiatives', () => {
		// Counted by hand from the source: every row has exactly one 評価 mark (lines 38 … 1291).
		// 子ども・子育て支援 （１）4 （２）5 （３）2 = 11; 障がい者・生活困窮者支援 （１）2 （２）2 （３）6 = 10;
		// 高齢者介護者支援・健康寿命の延伸 （１）5 （２）5 （３）4 = 14 (three rows of （３） share one merged name cell);
		// 地域づくり （１）8 （２）7 （３）3 （４）3 = 21. 11 + 10 + 14 + 21 = 56, five of them （再掲）.
		expect(result.initiatives).toHaveLength(56);
		expect(result.initiatives.map((i) => i.initiative_id)).toEqual(Array.from({ length: 56 }, (_, n) => `15106-${String(n + 1).padStart(3, '0')}`));
		const perGoal = new Map<string, number>();
		for (const i of result.initiatives) perGoal.set(i.goal_id!, (perGoal.get(i.goal_id!) ?? 0) + 1);
		expect([...perGoal.values()]).toEqual([4, 5, 2, 2, 2, 6, 5, 5, 4, 8, 7, 3, 3]);
		// the one warning: section 4's header calls the 2020 results estimates and the 2021 results final
		expect(result.warnings.map((w) => [w.code, w.line, w.raw])).toEqual([['doubtful_estimate_flags', 916, '2020年度（見込み） / 2021年度計画 / 2021年度実績']]);
		expect(result.correctionsUsed).toEqual(corrections.map((c) => c.id));
	});

	it('builds the goal tree 分野別計画 > 基本目標 > 目標 from the banners and the （１） headings', () => {
		expect(result.goals.filter((g) => g.level === 1).map((g) => [g.goal_id, g.title_ja, g.line])).toEqual([
			['15106-2021-G1', '子ども・子育て支援', 208],
			['15106-2021-G2', '障がい者・生活困窮者支援', 523],
			['15106-2021-G3', '高齢者介護者支援・健康寿命の延伸', 794],
			['15106-2021-G4', '地域づくり', 1077]
		]);
		expect(result.goals.filter((g) => g.level === 2).map((g) => [g.goal_id, g.parent_goal_id, g.level_name_ja, g.title_ja])).toEqual([
			['15106-2021-G1-1', '15106-2021-G1', '基本目標', '安心して産み子育てできるまち'],
			['15106-2021-G2-1', '15106-2021-G2', '基本目標', '障がいのある人もない人も安心して暮らせるまち'],
			['15106-2021-G3-1', '15106-2021-G3', '基本目標', '高齢者も安心して暮らせるまち'],
			['15106-2021-G4-1', '15106-2021-G4', '基本目標', '私たちが支えあい、助けあうまち']
		]);
		const targets = result.goals.filter((g) => g.level === 3);
		expect(targets).toHaveLength(13);
		expect(targets[0]).toMatchObject({ goal_id: '15106-2021-G1-1-1', parent_goal_id: '15106-2021-G1-1', code: '（１）', title_ja: '妊娠期からの切れ目ない支援', line: 7 });
		expect(targets[12]).toMatchObject({ goal_id: '15106-2021-G4-1-4', code: '（４）', title_ja: '避難行動要支援者に対する支援の充実', line: 1254 });
		expect(initiative('15106-035')).toMatchObject({ goal_id: '15106-2021-G3-1-3', goal_ids: ['15106-2021-G3-1-3'] });
	});

	it('counts the grades by letter, full-width marks included, all for FY2021 under 15106-a-d', () => {
		const count = (g: string) => result.evaluations.filter((e) => e.grade === g).length;
		expect([count('A'), count('B'), count('C'), count('D')]).toEqual([40, 7, 5, 4]);
		expect(result.evaluations.every((e) => e.fiscal_year === 2021 && e.scheme_id === '15106-a-d' && e.score === null && e.band === null)).toBe(true);
		// Ｃ at lines 71 and 158, Ａ at line 330 are printed full-width: kept as printed, read as C and A.
		expect(result.evaluations.filter((e) => e.grade_raw !== e.grade).map((e) => [e.grade_raw, e.grade, e.line])).toEqual([
			['Ｃ', 'C', 71],
			['Ｃ', 'C', 158],
			['Ａ', 'A', 330]
		]);
	});

	it('reads the first row: name, 概要, department, three figure columns and a comment', () => {
		expect(initiative('15106-001')).toMatchObject({
			name_ja: '多様な手法による子育て情報の発信',
			description_ja: '各種健診や、育児相談会、訪問等の機会を利用し、子育てに関する情報を発信する。',
			departments: ['健康福祉課'],
			actor: 'city',
			line_start: 9,
			line_end: 40,
			repost_of: null
		});
		expect(figures('15106-001').slice(0, 4)).toEqual([
			['result', 2020, false, '股関節検診', 2, '回', 15],
			['result', 2020, false, '1歳歯科健診', 9, '回', 15],
			['result', 2020, false, '1歳6か月児健診,3歳児健診', 8, '回', 15],
			['result', 2020, false, '育児相談会', 18, '回', 15]
		]);
		expect(figures('15106-001').filter((m) => m[0] === 'result' && m[1] === 2021).map((m) => m[4])).toEqual([6, 8, 12, 11]);
		expect(measuresOf(result, '15106-001').every((m) => m.kind !== 'result' || m.fiscal_year !== 2021 || m.is_estimate)).toBe(true);
		expect(result.evaluations.find((e) => e.initiative_id === '15106-001')).toMatchObject({ grade_raw: 'A', grade: 'A', line: 38 });
		expect(result.notes.filter((n) => n.initiative_id === '15106-001')).toEqual([
			{ note_id: '15106-001-n1', initiative_id: '15106-001', goal_id: null, field: 'comment', label_ja: 'コメント・課題等', text_ja: 'コロナ禍により、育児相談会を１回中止、電話で相談対応。', line: 39, line_end: 40 }
		]);
	});

	it('joins a count broken over two lines and keeps statements without numbers as statements', () => {
		// 子育て広場　33回　延べ354 / 人 (lines 51–52)
		expect(figures('15106-002').slice(0, 4)).toEqual([
			['result', 2020, false, '子育て広場', 33, '回', 51],
			['result', 2020, false, '子育て広場', 354, '人', 51],
			['result', 2020, false, 'BP(親子の絆づくり)', 3, '回', 51],
			['result', 2020, false, 'BP(親子の絆づくり)', 19, '人', 51]
		]);
		expect(measuresOf(result, '15106-003').map((m) => [m.value, m.raw_text])).toEqual([
			[null, 'マタニティナビゲーター等による産婦への全数連絡 保健師，助産師等による訪問（訪問自粛期間は電話確認・相談）'],
			// 保健師，助産師等による全戸 / 訪問 (lines 100–101): 全戸 ends an item only as a value (新生児訪問　全戸)
			[null, 'マタニティナビゲーター等による産婦への全数連絡 保健師，助産師等による全戸訪問'],
			[null, 'マタニティナビゲーター等による産婦への全数連絡 保健師，助産師等による全戸訪問']
		]);
		// 講演会を3月27日に開催予定: a date, not 27 days
		expect(measuresOf(result, '15106-031').at(-1)).toMatchObject({ kind: 'result', value: null, unit: null, raw_text: '講演会を3月27日に開催予定', line: 784 });
	});

	it('reads cells printed side by side on one line with the 担当部署 and the 評価 (line 394)', () => {
		expect(initiative('15106-014')).toMatchObject({ departments: ['社会福祉協議会'], actor: 'council', line_start: 385, line_end: 400 });
		expect(figures('15106-014')).toEqual([
			['result', 2020, false, null, 1, '地区', 394],
			['plan', 2021, false, null, 6, '地区', 394],
			['result', 2021, true, null, 7, '地区', 394]
		]);
		// a row whose name, 概要, 担当部署 and 2020 cell share line 643
		expect(initiative('15106-025')).toMatchObject({ name_ja: '介護者の支援', description_ja: '圏域ごとに介護教室を開催する。', line_start: 643 });
		expect(measuresOf(result, '15106-025').map((m) => [m.kind, m.raw_text, m.line, m.line_end])).toEqual([
			['result', '介護教室は中止', 643, 643],
			['plan', '区内3圏域での介護教室の開催', 644, 645],
			['result', '介護教室は中止', 647, 647]
		]);
	});

	it('takes the fiscal years and the estimate flag from each section’s own header', () => {
		// Sections 1–3: 2020年度実績 / 2021年度計画 / 2021年度実績（見込み）; section 4: 2020年度（見込み） / 2021年度計画 / 2021年度実績.
		expect(figures('15106-038')).toEqual([
			['result', 2020, true, null, 1, '回', 960],
			['plan', 2021, false, null, 2, '回', 960],
			['result', 2021, false, null, 2, '回', 960]
		]);
		expect(figures('15106-021').map((m) => [m[0], m[1], m[2]])).toEqual([
			['result', 2020, false],
			['plan', 2021, false],
			['result', 2021, true]
		]);
	});

	it('marks results the report still calls 予定 as estimates', () => {
		// ウォーキング講座　３回　57 / 人の予定 in the 2020 results of line 861
		const walking = measuresOf(result, '15106-034').filter((m) => m.label_ja === 'ウォーキング講座');
		expect(walking.map((m) => [m.kind, m.fiscal_year, m.value, m.is_estimate])).toEqual([
			['result', 2020, 3, true],
			['result', 2020, 57, true],
			['plan', 2021, 3, false]
		]);
		expect(measuresOf(result, '15106-034').filter((m) => m.kind === 'result' && m.fiscal_year === 2020 && m.is_estimate)).toHaveLength(2);
		// 戸別訪問　１回（予定） in the 2021 results of section 4, whose header has no 見込み
		expect(measuresOf(result, '15106-055').filter((m) => m.fiscal_year === 2021 && m.kind === 'result').map((m) => [m.label_ja, m.is_estimate])).toEqual([
			['戸別訪問', true],
			['区だより掲載', false]
		]);
	});

	it('reads several departments and sets the actor from them', () => {
		expect(initiative('15106-022')).toMatchObject({ departments: ['健康福祉課', '社会福祉協議会'], actor: 'joint' });
		expect(initiative('15106-023').departments).toEqual(['健康福祉課', '社会福祉協議会', '支え合いのしくみづくり会議及び推進員']);
		expect(initiative('15106-029')).toMatchObject({ departments: ['健康福祉課', '地域包括支援センター', 'NPO法人'], actor: 'city' });
		expect(initiative('15106-009')).toMatchObject({ departments: ['社会福祉協議会'], actor: 'council' }); // 社会福祉協議 / 会 over two lines
		expect(initiative('15106-054')).toMatchObject({ departments: ['健康福祉課', '地域総務課'], actor: 'city' });
	});

	it('points each （再掲） row to its original by name, keeping its own figures and grade', () => {
		const reposts = result.initiatives.filter((i) => i.repost_of).map((i) => [i.initiative_id, i.repost_of]);
		expect(reposts).toEqual([
			['15106-005', '15106-002'],
			['15106-010', '15106-007'],
			['15106-018', '15106-014'],
			['15106-027', '15106-022'],
			['15106-028', '15106-026']
		]);
		expect(initiative('15106-018').name_ja).toBe('民生委員・児童委員、地区社会福祉協議会や地域コミュニティ協議会及びその他の団体との連携強化（再掲）');
		// the repost of 連携強化 is the ward office's own row, graded D where the original got A
		expect(initiative('15106-018').departments).toEqual(['健康福祉課']);
		expect(result.evaluations.find((e) => e.initiative_id === '15106-018')!.grade).toBe('D');
		expect(figures('15106-010')[0]).toEqual(['result', 2020, false, '白根つくし園利用者数', 5883, '人', 288]);
	});

	it('names the three rows under the merged name cell printed after them (line 915)', () => {
		const merged = ['15106-032', '15106-033', '15106-034'].map(initiative);
		expect(merged.map((i) => [i.name_ja, i.line_start])).toEqual([
			['健康寿命延伸に向けた取り組みの実施', 807],
			['健康寿命延伸に向けた取り組みの実施', 830],
			['健康寿命延伸に向けた取り組みの実施', 854]
		]);
		expect(merged[1].description_ja).toBe('誰もが取り組みやすい「はかろう体重！あるこう南区！大作戦」を実施する。');
		expect(initiative('15106-035')).toMatchObject({ name_ja: '地区保健会活動の推進', line_end: 913 });
		expect(figures('15106-033')).toEqual([
			['result', 2020, false, 'カード配布', 8658, '枚', 835],
			['result', 2020, false, 'カード提出', 757, '枚', 835],
			['plan', 2021, false, 'カード配布', 10000, '枚', 840],
			['plan', 2021, false, 'カード提出', 1000, '枚', 840],
			['result', 2021, true, 'カード配布', 9630, '枚', 843],
			['result', 2021, true, 'カード提出', 640, '枚', 843]
		]);
	});

	it('applies the reviewed cell-boundary corrections', () => {
		// c01: 随時 alone is the 2021 plan of 生活困窮者の相談支援
		expect(measuresOf(result, '15106-020').map((m) => [m.kind, m.value, m.raw_text, m.line])).toEqual([
			['result', 62, '新規相談件数 62件 他機関へ紹介や各事業活用63%', 490],
			['result', 63, '新規相談件数 62件 他機関へ紹介や各事業活用63%', 490],
			['plan', null, '随時', 494],
			['result', 60, '新規相談件数 60件 他機関へ紹介・各事業活用 60％', 495],
			['result', 60, '新規相談件数 60件 他機関へ紹介・各事業活用 60％', 495]
		]);
		// c08: 他機関へ紹介・各事業 / 活用　60％ (lines 496–497) is one indicator, as the 2020 cell prints it
		expect(measuresOf(result, '15106-020').map((m) => m.label_ja)).toEqual(['新規相談件数', '他機関へ紹介や各事業活用', null, '新規相談件数', '他機関へ紹介・各事業活用']);
		// c06, c07: a blank line inside the 2021 result cell
		expect(measuresOf(result, '15106-050').filter((m) => m.fiscal_year === 2021 && m.kind === 'result').map((m) => [m.label_ja, m.value, m.line, m.line_end])).toEqual([
			['白南・白根第一圏域', 1, 1171, 1174],
			['地区', 3, 1171, 1174]
		]);
		expect(figures('15106-053').slice(-2)).toEqual([
			['result', 2021, false, '個別ケース検討会議', 10, '回', 1242],
			['result', 2021, false, 'ひとり親世帯及び生活困窮者世帯への食料支援', 6, '回', 1242]
		]);
	});

	it('keeps the items of a figure cell apart where the row’s other cells or a closing phrase show a new one', () => {
		// 区だよりに連載記事を掲載 / 出張相談を計8回開催し、併 (lines 625–626): the 2021 result counts 出張相談を too
		const news = measuresOf(result, '15106-024');
		expect(news.filter((m) => m.value !== null).map((m) => [m.kind, m.fiscal_year, m.label_ja, m.value, m.unit, m.qualifier]).filter((m) => m[2] === '出張相談を')).toEqual([
			['result', 2020, '出張相談を', 8, '回', '計'],
			['result', 2021, '出張相談を', 6, '回', '年間']
		]);
		expect(news.map((m) => m.raw_text).slice(0, 2)).toEqual([
			'区だよりに連載記事を掲載 出張相談を計8回開催し、併せて周知用チラシを配布',
			'区だよりを通じた情報の発信 出張相談の開催及び周知用チラシの配布'
		]);
		// …の活動推進 / 区、圏域のしくみづくり会議 (lines 599–600); …ケア会議の開催 / 個別ケア会議の開催 (663–664)
		expect(measuresOf(result, '15106-023').find((m) => m.kind === 'plan')!.raw_text).toBe(
			'地域の茶の間の新設または開催回数の増などの活動推進 区、圏域のしくみづくり会議の開催 支え合いのしくみづくりフォーラムの開催 300人'
		);
		expect(measuresOf(result, '15106-026').find((m) => m.kind === 'plan')!.raw_text).toBe('区及び圏域ケア会議の開催 個別ケア会議の開催');
		// a wrapped line that begins with a label and a count the other cells do not count stays joined
		expect(figures('15106-022')[0]).toEqual(['result', 2020, false, 'ふれあい・いきいきネットワーク事業 活動団体数', 2, '団体', 560]);
		expect(figures('15106-023')[2]).toEqual(['result', 2020, false, '支え合いのしくみづくりフォーラム', 182, '人', 591]);
		// an aside in brackets on its own line stays with its item (lines 477–478)
		expect(measuresOf(result, '15106-019').at(-1)).toMatchObject({ label_ja: '就職実積率', value: 63, unit: '%', raw_text: '就労支援対象者 24人 就職者 15名（就職実積率63％）' });
	});

	it('keeps the paragraphs of a comment apart where a line stops short of the column', () => {
		const comment = (id: string) => result.notes.find((n) => n.initiative_id === id && n.field === 'comment')!.text_ja;
		// 関係機関合同研修会：コロナ禍により中止 / 関係者が一堂に会して… (lines 459–460): not 中止関係者
		expect(comment('15106-018')).toBe('関係機関合同研修会：コロナ禍により中止 関係者が一堂に会しての研修会の実施が難しい中、連携強化の進め方について検討中。');
		expect(comment('15106-013').startsWith('関係機関合同研修会：コロナ禍により中止 代替として')).toBe(true);
		// a sentence wrapped at a comma or around half-width dates stays one paragraph (lines 305–306, 410–411)
		expect(comment('15106-010').startsWith('コロナ禍による休館（9/3～9/16、1/21～3/6）あり。')).toBe(true);
		expect(comment('15106-015')).toContain('書き方講座を行うことで、ボランティアを受ける側');
	});

	it('reads a comma after a count as the end of its clause, and 強 / 弱 after a count as qualifiers', () => {
		// 7月は中止，10月は２会場で / 実施，受診者291人 (lines 811–812)
		expect(figures('15106-032').slice(0, 2)).toEqual([
			['result', 2020, false, '7月は中止,10月は', 2, '会場', 811],
			['result', 2020, false, '受診者', 291, '人', 811]
		]);
		// 1歳6か月児健診，3歳児健診 / 各8回: a comma between names keeps both in the label
		expect(figures('15106-001')[2]).toEqual(['result', 2020, false, '1歳6か月児健診,3歳児健診', 8, '回', 15]);
		// 実施率　2割強 / ７割以上 / 4割弱 (line 1291)
		expect(measuresOf(result, '15106-056').map((m) => [m.value, m.unit, m.qualifier])).toEqual([
			[2, '割', '強'],
			[7, '割', '以上'],
			[4, '割', '弱']
		]);
	});

	it('reads the last row with its comment and the 備考 printed after it', () => {
		expect(initiative('15106-056')).toMatchObject({ name_ja: '自主防災訓練を通しての要支援者支援訓練の実施', departments: ['地域総務課'], actor: 'city', line_start: 1287, line_end: 1299 });
		expect(figures('15106-056')).toEqual([
			['result', 2020, true, '実施率', 2, '割', 1291],
			['plan', 2021, false, '実施率', 7, '割', 1291],
			['result', 2021, false, '実施率', 4, '割', 1291]
		]);
		expect(result.notes.filter((n) => n.initiative_id === '15106-056').map((n) => [n.field, n.label_ja, n.text_ja, n.line, n.line_end])).toEqual([
			['comment', 'コメント・課題等', '全23組織中、実施は9組織。(実施率39.1％) 新型コロナウイルス感染予防に特に配慮が必要な年であり、各組織が訓練規模の縮小、時間の短縮を行ったことで未達となった。', 1293, 1296],
			['remark', '備考', '警報以上の発令月 4～６，8～10，1～3', 1298, 1299]
		]);
	});

	it('passes the contract checks of the pipeline', () => {
		const { dataset, quality } = ingest({ manifest: { sources: [entry] }, documents: [doc], schemes: loadSchemes(), corrections: loadCorrections(), adapters: ADAPTERS });
		expect(dataset.initiatives).toHaveLength(56);
		expect(dataset.measures).toHaveLength(result.measures.length);
		expect(quality.sources[0]).toMatchObject({ unreadable: 0, warnings: [expect.objectContaining({ code: 'doubtful_estimate_flags', line: 916 })], rows_found: { goals: 21, initiatives: 56, evaluations: 56, notes: result.notes.length } });
		expect(new Set(result.measures.map((m) => m.measure_id)).size).toBe(result.measures.length);
	});
});

describe('the 新潟市南区 adapter: work that did not happen, and a result of 0', () => {
	const outcomes = (id: string) => measuresOf(result, id).map((m) => [m.kind, m.fiscal_year, m.label_ja, m.value, m.status, m.status_ja, m.line]);
	it('reads 1回 / 1回 / 未実施 (line 1015) as a FY2021 result not carried out', () => {
		expect(outcomes('15106-044')).toEqual([
			['result', 2020, null, 1, null, null, 1015],
			['plan', 2021, null, 1, null, null, 1015],
			['result', 2021, null, null, 'not_carried_out', '未実施', 1015]
		]);
	});
	it('reads 相談会 1回 研修会 中止 (line 1030) as one figure and one item not carried out', () => {
		expect(outcomes('15106-045').filter((m) => m[0] === 'result' && m[1] === 2021)).toEqual([
			['result', 2021, '相談会', 1, null, null, 1030],
			['result', 2021, '研修会', null, 'not_carried_out', '研修会 中止', 1030]
		]);
	});
	it('reads フォーラム中止 beside the counts of the same cell (line 605) and 講演会を3月27日に開催予定 (line 784)', () => {
		expect(outcomes('15106-023').filter((m) => m[4])).toEqual([['result', 2021, 'フォーラム', null, 'not_carried_out', 'フォーラム中止', 605]]);
		expect(outcomes('15106-031').filter((m) => m[4])).toEqual([['result', 2021, '講演会', null, 'not_carried_out', '講演会を3月27日に開催予定', 784]]);
	});
	it('reads 12回 72人 → 0回 (line 769) as a result of 0, not as no result', () => {
		expect(outcomes('15106-030').filter((m) => m[1] === 2021 && m[0] === 'result')).toEqual([['result', 2021, null, 0, null, null, 769]]);
	});
});

describe('the 新潟市南区 adapter on a damaged copy', () => {
	// A page break as the PDF text prints it: the column header, the legend and the two banners.
	const pageBreak = (headerLines: string[], legend: number, basic: number, field: number) => [
		'',
		...headerLines,
		'',
		doc.lines[legend - 1],
		'',
		doc.lines[basic - 1],
		'',
		doc.lines[field - 1],
		''
	];
	const section1Break = pageBreak(doc.lines.slice(212, 217), 219, 221, 223);
	const section4Break = pageBreak([doc.lines[1109]], 1112, 1114, 1116);

	it('reads the same records when page furniture falls inside a cell (between lines 51 and 52)', () => {
		const furniture = section1Break.filter((l) => l !== '');
		const lines = [...doc.lines];
		lines.splice(51, 0, ...furniture);
		const damaged = unshift(read(withLines(lines), shiftedCorrections(52, furniture.length)), 52, furniture.length);
		// the goals' banner lines now point at the inserted banners, the first of their section
		expect(damaged.goals.map((g) => ({ ...g, line: null }))).toEqual(result.goals.map((g) => ({ ...g, line: null })));
		expect({ ...damaged, goals: [] }).toEqual({ ...result, goals: [] });
	});

	it('reads the same records when a page break falls between the cells of a row (line 1279)', () => {
		const lines = [...doc.lines];
		lines.splice(1279, 0, ...section4Break);
		const damaged = read(withLines(lines), shiftedCorrections(1280, section4Break.length));
		expect(unshift(damaged, 1280, section4Break.length)).toEqual(result);
	});

	it('stops when a page break with its blank lines splits a cell, rather than guess which cell goes on', () => {
		const lines = [...doc.lines];
		lines.splice(51, 0, ...section1Break);
		expectSourceError(() => read(withLines(lines), shiftedCorrections(52, section1Break.length)), 49, /2021年度計画/);
	});

	it('stops when a section loses its column header, rather than read its years from the section before', () => {
		const lines = [...doc.lines];
		lines[915] = '';
		expectSourceError(() => read(withLines(lines)), 918, 'header');
	});

	it('keeps a shuffle inside a figure cell inside that cell', () => {
		const lines = [...doc.lines];
		lines.splice(23, 6, ...doc.lines.slice(23, 29).reverse());
		const damaged = read(withLines(lines));
		expect(damaged.initiatives).toEqual(result.initiatives);
		expect(damaged.evaluations).toEqual(result.evaluations);
		expect(damaged.notes).toEqual(result.notes);
		const cell = (r: AdapterResult) => r.measures.filter((m) => m.initiative_id === '15106-001' && m.kind === 'plan');
		expect(cell(damaged).map((m) => m.value).sort()).toEqual(cell(result).map((m) => m.value).sort());
		expect(cell(damaged).every((m) => m.line === 24 && m.line_end === 29)).toBe(true);
		const others = (r: AdapterResult) => r.measures.filter((m) => !(m.initiative_id === '15106-001' && m.kind === 'plan')).map((m) => ({ ...m, measure_id: '' }));
		expect(others(damaged)).toEqual(others(result));
	});

	it('stops at the row when a shuffle moves a line across the 概要 / 担当部署 boundary', () => {
		const lines = [...doc.lines];
		[lines[46], lines[48]] = [lines[48], lines[46]]; // 士が交流できる場を提供する。 <-> 健康福祉課
		expectSourceError(() => read(withLines(lines)), 45, '概要');
		const swapped = [...doc.lines];
		[swapped[12], swapped[14]] = [swapped[14], swapped[12]]; // 健康福祉課 <-> 股関節検診　2回（中止期間中
		expectSourceError(() => read(withLines(swapped)), 9, '具体的な取り組み・事業');
	});

	it('stops when a row loses its 評価 mark', () => {
		const lines = [...doc.lines];
		lines[124] = '';
		expectSourceError(() => read(withLines(lines)), 127, '評価');
	});

	it('keeps a grade outside the legend raw and flags it; reads an OCR look-alike', () => {
		const lines = [...doc.lines];
		lines[37] = 'E';
		lines[107] = 'А'; // Cyrillic
		const damaged = read(withLines(lines));
		expect(damaged.evaluations[0]).toMatchObject({ grade_raw: 'E', grade: null, line: 38 });
		expect(damaged.evaluations[2]).toMatchObject({ grade_raw: 'А', grade: 'A' });
		expect(damaged.warnings.filter((w) => w.code !== 'doubtful_estimate_flags')).toEqual([expect.objectContaining({ code: 'grade_outside_scheme', line: 38, initiative_id: '15106-001' })]);
	});

	it('needs the reviewed item join at line 497, and refuses it when the line changes', () => {
		const withoutJoin = read(doc, corrections.filter((c) => c.id !== '15106-2021-c08'));
		expect(measuresOf(withoutJoin, '15106-020').at(-1)!.label_ja).toBe('活用');
		const lines = [...doc.lines];
		lines[496] = '活用　61％';
		expectSourceError(() => read(withLines(lines)), 497, '2021年度実績（見込み）の項目');
	});

	it('refuses a correction that no longer fits its line, and needs the corrections to read the cells they fix', () => {
		const lines = [...doc.lines];
		lines.splice(400, 0, '');
		expectSourceError(() => read(withLines(lines)), 495, '2021年度実績（見込み）');
		expectSourceError(() => read(doc, []), 489, /2021年度計画/);
	});
});
