import { describe, expect, it } from 'vitest';
import { hookedTemplate } from '../../../src/lib/template-kit/table-spec';
import { registrySource } from '../../../scripts/write-registry';
import { nameSimilarity } from '../../../src/lib/template-kit/names';
import { ContentsGoals, ContentsPlacer, readContentsTable, splitEntries } from '../../../src/lib/template-kit/contents';
import { headerYears, isHeaderRow } from '../../../src/lib/template-kit/header-years';
import { cellMeasures, rowFigureMeasures, unreadFigures } from '../../../src/lib/template-kit/measure-wording';
import { MeasureIds } from '../../../src/lib/template-kit/records';
import { hooks } from '../../../src/lib/adapters/yamaguchi-2018/hooks';
import yamaguchi from '../../../src/lib/adapters/yamaguchi-2018.json';

describe('a template as a spec plus hooks', () => {
	it('refuses a spec its hooks cannot read, naming the template and the field', () => {
		expect(() => hookedTemplate({ ...yamaguchi, contents: { ...yamaguchi.contents, start: '(' } }, hooks)).toThrowError(/^template spec yamaguchi-2018: contents\.start: not a valid regular expression/);
		expect(() => hookedTemplate({ ...yamaguchi, columns: yamaguchi.columns.slice(1) }, hooks)).toThrowError(/^template spec yamaguchi-2018: columns/);
		expect(hookedTemplate(yamaguchi, hooks)).toMatchObject({ id: 'yamaguchi-2018', describes: yamaguchi.describes });
	});

	it('is wired by the registry: <id>.json beside <id>/hooks.ts', () => {
		const text = registrySource(['a-2020.json', 'b-2021.json', 'c-2022.ts'], (id) => id === 'b-2021');
		expect(text).toContain("import { hookedTemplate, tableTemplate } from '../template-kit/table-spec';");
		expect(text).toContain("import { hooks as b2021Hooks } from './b-2021/hooks';");
		expect(text).toContain('[tableTemplate(a2020Spec), hookedTemplate(b2021Spec, b2021Hooks), c2022]');
		expect(registrySource(['a-2020.json'], () => false)).not.toContain('hookedTemplate');
	});
});

describe('rows placed against a table of contents', () => {
	const entries = [
		{ code: '①', name: '見守り活動の推進', group: 1 },
		{ code: '②', name: '居場所づくり', group: 1 },
		{ code: '③', name: '担い手の育成', group: 1 },
		{ code: '①', name: '相談窓口の周知', group: 2 }
	];
	const placer = () => {
		const passed: string[] = [];
		const p = new ContentsPlacer(entries, { here: 0.5, later: 0.8, sameGroup: (a, b) => a.group === b.group, passed: (e, why, line) => passed.push(`${e.code}${e.name} ${why}@${line}`) });
		return { p, passed };
	};

	it('takes the entry the contents expect, a name printed a little differently included', () => {
		const { p, passed } = placer();
		expect(p.place('①', '見守り活動推進', 10, 'row')).toBe(entries[0]);
		expect(p.expected).toBe(entries[1]);
		expect(passed).toEqual([]);
	});

	it('skips entries the body lost within a group, telling of each, but never a loose match', () => {
		const { p, passed } = placer();
		expect(p.place('③', '担い手の育成', 12, 'row ③')).toBe(entries[2]);
		expect(passed).toEqual(['①見守り活動の推進 row ③@12', '②居場所づくり row ③@12']);
		expect(placer().p.place('③', '担い手', 12, 'row')).toBeNull();
		// the next group's entry is reached by its heading only
		expect(placer().p.place('①', '相談窓口の周知', 12, 'row')).toBeNull();
	});

	it('moves to a heading and tells of what is left at the end', () => {
		const { p, passed } = placer();
		expect(p.heading((e) => e.group === 2, 20, 'heading 2')).toBe(true);
		expect(p.heading((e) => e.group === 1, 21, 'heading 1')).toBe(false);
		p.finish(30, 'end');
		expect(passed).toEqual(['①見守り活動の推進 heading 2@20', '②居場所づくり heading 2@20', '③担い手の育成 heading 2@20', '①相談窓口の周知 end@30']);
	});

	it('compares names by their character pairs', () => {
		expect(nameSimilarity('地域 の 見守り', '地域の見守り')).toBe(1);
		expect(nameSimilarity('見守り活動の推進', '見守り活動推進')).toBeGreaterThan(0.75);
		expect(nameSimilarity('見守り活動の推進', '相談窓口の周知')).toBeLessThan(0.2);
	});
});

describe('the wording rules of figures', () => {
	const base = { initiative_id: 'x', line: 1, kind: 'result' as const, fiscal_year: 2018 };
	const read = (text: string, wording?: Parameters<typeof cellMeasures>[2]) => cellMeasures(new MeasureIds(), { ...base, text }, wording).map((m) => [m.label_ja, m.value, m.unit, m.qualifier]);

	it('read a rate, ずつ and 隔年 the way reports word them', () => {
		expect(read('委員1人あたりの年間活動日数 152日')).toEqual([['委員1人あたりの年間活動日数', 152, '日', null]]);
		expect(read('各地区 1人ずつ')).toEqual([['各地区', 1, '人', 'ずつ']]);
		expect(cellMeasures(new MeasureIds(), { ...base, kind: 'target', fiscal_year: null, text: '交流会 隔年1回' })[0]).toMatchObject({ label_ja: '交流会', qualifier: '隔年', every_year: false });
	});

	it('read the units a template lists, and units that run on into a longer one, only where the template says so', () => {
		const wording = { units: [{ unit: '万円', stand_in: '会場' }], compound_units: [{ unit: '部', then: '会' }] };
		expect(read('専門部会 7部会', wording)).toEqual([['専門部会', 7, '部会', null]]);
		expect(read('専門部会 7部会')).toEqual([['専門部会', 7, '部', null]]);
		expect(read('助成 29万円', wording)).toEqual([['助成', 29, '万円', null]]);
		expect(unreadFigures('助成 29万円', wording)).toEqual([]);
		expect(unreadFigures('助成 29万円')).toEqual(['29万円']);
	});
});

describe('a table of contents printed as a table, and the goals it names', () => {
	const spec = { start: '^目\\s*次$', end: '^基本目標\\s*\\d', header_word: '活動目標', numbered: '^(\\d+)\\s*(.+)$', here: 0.5, later: 0.8 };
	const lines = ['目 次', '理念\t基本目標\t活動目標\t取組み', '支え合い\t1 つながる\t1 見守る\t① 訪問 ② 居場所 3 4', '\t\t2 育てる\t① 担い手 5', '基本目標1 つながる地域'];

	it('reads the rows from the right, the merged first-level cell on a group\'s first row only', () => {
		const contents = readContentsTable('x.txt', lines, spec, ['基本目標', '活動目標']);
		expect(contents.lastLine).toBe(4);
		expect(contents.goals).toEqual([
			{ no: 1, title: 'つながる', line: 3, aims: [
				{ no: 1, title: '見守る', line: 3, entries: [{ code: '①', name: '訪問' }, { code: '②', name: '居場所' }] },
				{ no: 2, title: '育てる', line: 4, entries: [{ code: '①', name: '担い手' }] }
			] }
		]);
		expect(splitEntries('① a ② b 1 1').pages).toEqual(['1', '1']);
		expect(() => readContentsTable('x.txt', ['目 次', 'a\tb'], spec, ['基本目標', '活動目標'])).toThrowError(/^x\.txt:2 \(取組み\)/);
		expect(() => readContentsTable('x.txt', ['本文'], spec, ['基本目標', '活動目標'])).toThrowError(/^x\.txt:1 \(目次\)/);
	});

	it('builds the goal tree, a body heading replacing the contents\' title and line, a differing one told', () => {
		const goals = new ContentsGoals('p', readContentsTable('x.txt', lines, spec, ['基本目標', '活動目標']), ['基本目標', '活動目標']);
		const told: string[] = [];
		expect(goals.heading('p-G1', 'つながる地域', 5, (t) => told.push(t))).toBe(true);
		expect(goals.heading('p-G9', 'x', 6, (t) => told.push(t))).toBe(false);
		expect(told).toEqual(['つながる']);
		expect(goals.records().map((g) => [g.goal_id, g.parent_goal_id, g.level, g.level_name_ja, g.title_ja, g.line, g.seq])).toEqual([
			['p-G1', null, 1, '基本目標', 'つながる地域', 5, 0],
			['p-G1-1', 'p-G1', 2, '活動目標', '見守る', 3, 1],
			['p-G1-2', 'p-G1', 2, '活動目標', '育てる', 4, 2]
		]);
	});
});

describe('a heading row and its years', () => {
	const spec = { cells: ['活動名', '担当課'], year_cell: '年度(?:実施状況|実績)$', years: { status: { cell: '実施状況$' }, result: { cell: '年度実績$', era: 'H' as const } } };
	it('is a row of headings only, and the one naming the first year column gives every year', () => {
		expect(isHeaderRow(['活動名', '', '平成30年度実施状況', '30年度実績'], spec)).toBe(true);
		expect(isHeaderRow(['活動名', '見守り'], spec)).toBe(false);
		expect(headerYears(['活動名', '平成30年度実施状況', '30年度実績'], spec, 'x.txt', 3)).toEqual({ status: 2018, result: 2018 });
		expect(headerYears(['活動名', '30年度実績'], spec, 'x.txt', 3)).toBeNull();
		expect(() => headerYears(['年度実施状況', '30年度実績'], spec, 'x.txt', 3)).toThrowError(/^x\.txt:3 \(header\)/);
	});
});

describe('the figure columns of a row', () => {
	it('reads each column, numbers them in column order, labels a bare figure by the one target and reports unread figures', () => {
		const columns = [
			{ field: '実施状況', kind: 'result' as const, year: 'a', narrative: true, indicator: false, label_from_indicator: false },
			{ field: '指標', kind: 'target' as const, narrative: false, indicator: true, label_from_indicator: false },
			{ field: '実績', kind: 'result' as const, year: 'a', narrative: false, indicator: false, label_from_indicator: true }
		];
		const warned: string[] = [];
		const ms = rowFigureMeasures(new MeasureIds(), columns, { initiative_id: 'x', line: 7, department: null, texts: ['訪問しました。児童館2', '・訪問件数 H32(2020) 50件', '40件'], years: { a: 2018 }, readAs: () => null, warn: (w) => warned.push(`${w.code} ${w.field}`) }, { units: [], compound_units: [] });
		expect(ms.map((m) => [m.measure_id, m.kind, m.fiscal_year, m.label_ja, m.value, m.narrative])).toEqual([
			['x-m01', 'result', 2018, null, null, true],
			['x-m02', 'target', 2020, '訪問件数', 50, false],
			['x-m03', 'result', 2018, '訪問件数', 40, false]
		]);
		expect(warned).toEqual(['figure_without_unit 実施状況']);
	});
});
