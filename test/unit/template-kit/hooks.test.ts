import { describe, expect, it } from 'vitest';
import { hookedTemplate } from '../../../src/lib/template-kit/table-spec';
import { registrySource } from '../../../scripts/write-registry';
import { nameSimilarity } from '../../../src/lib/template-kit/names';
import { ContentsPlacer } from '../../../src/lib/template-kit/contents';
import { cellMeasures, unreadFigures } from '../../../src/lib/template-kit/measure-wording';
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
