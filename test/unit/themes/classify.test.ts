import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { classify, evidenceText, wordBoundaries, type InitiativeText } from '../../../src/lib/themes/classify';
import { TaxonomyFile, taxonomyProblems } from '../../../src/lib/themes/taxonomy';
import { normalizeJa } from '../../../src/lib/themes/normalize';

const taxonomy = TaxonomyFile.parse(JSON.parse(readFileSync('data/themes/taxonomy.json', 'utf8')));
const text = (name: string, description: string | null = null, extra: Partial<InitiativeText> = {}): InitiativeText => ({
	name,
	description,
	goals: [],
	measures: [],
	...extra
});
const themesOf = (t: InitiativeText) => classify(t, taxonomy).map((a) => a.theme_id).sort();

describe('taxonomy', () => {
	it('has the core themes, and every keyword in normalized form', () => {
		expect(taxonomyProblems(taxonomy, normalizeJa)).toEqual([]);
	});
});

describe('wordBoundaries', () => {
	it('uses the segmenter and adds kanji→hiragana changes', () => {
		const b = wordBoundaries('災害時に避難');
		expect(b.has(0)).toBe(true);
		expect(b.has(2)).toBe(true); // 災害|時
		expect(b.has(3)).toBe(true); // 時|に, added by the script change
	});
});

describe('classify, on strings from the sources', () => {
	it('西区: 支え合いのしくみづくり with 地域の茶の間 is a neighbourhood network and a salon', () => {
		const t = text(
			'支え合いのしくみづくりの推進',
			'支え合いのしくみづくりの推進のため、支え合いのしくみづくり会議や推進員、地域団体等と連携し、日常生活圏域ごとに住民主体の生活支援サービス等を創出し、地域の茶の間の新規・拡充を支援します。'
		);
		expect(themesOf(t)).toEqual(['salon', 'small_area_network']);
	});

	it('reads 茶の間 and サロン as the same theme, whatever the spelling of 支えあい', () => {
		expect(themesOf(text('地域の茶の間の立ち上げ支援'))).toContain('salon');
		expect(themesOf(text('サロン立上げ講座'))).toContain('salon');
		expect(themesOf(text('ささえあいのしくみづくり'))).toEqual(['small_area_network']);
	});

	it('西区: 見守り訪問活動 is watching, with evidence in name and description', () => {
		const [a] = classify(
			text('見守り訪問活動の推進', '見守りが必要な高齢者等の孤独感解消や安否確認のため、地域のボランティアや民生委員児童委員が乳酸菌飲料を持って訪問します（友愛訪問）。'),
			taxonomy
		);
		expect(a.theme_id).toBe('watching');
		expect(a.confidence).toBeGreaterThan(0.9);
		expect(evidenceText(a.matches)).toBe('name: 見守り訪問; description: 友愛訪問, 安否確認, 見守り');
	});

	it('西区: a disaster volunteer centre is disaster_volunteer, not general volunteering', () => {
		const t = text('災害ボランティ アセンター準備', '災害ボランティアセンターを学ぶ研修や立ち上げ訓練を実施、また日頃から関係団体・機関によるネットワークを構築し災害発生時の災害ボランティアセンター運営ができるよう準備を進めます。');
		expect(themesOf(t)).toEqual(['disaster_volunteer']);
	});

	it('北本市: ヤングケアラー in the name', () => {
		expect(themesOf(text('ケアラー、ヤングケアラーに関する広報', '○広報などを活用し、ケアラー・ヤングケア ラーの方などに必要な支援の情報が分かりやす く伝わるような情報発信の実施'))).toEqual(['information', 'youth_carer']);
	});

	it('南区: 要介護者 is not a carer being supported', () => {
		expect(themesOf(text('避難行動要支援者対策', '高齢者や障がい者、要介護者など災害時に自力で避難することが困難な方を対象として、避難行動要支援者名簿を作成し'))).toEqual(['evacuation_support']);
	});

	it('uses the goal an initiative sits under, weakly', () => {
		const t = text('家庭裁判所との連携', '○家庭裁判所との連携体制の整備', { goals: ['施策3-2 権利擁護の推進'] });
		expect(themesOf(t)).toContain('guardianship');
		// a goal word alone is not enough for a weak keyword
		expect(themesOf(text('社会参加の促進', null, { goals: ['きずなを護り強める ～支え合う地域をつくる取り組み～'] }))).toEqual([]);
	});

	it('assigns nothing where no theme is named', () => {
		expect(themesOf(text('敬老祝会助成事業', '75歳以上の高齢者の長寿を祝う敬老祝会を実施する自治会やコミ協に対し助成します。'))).toEqual([]);
	});
});
