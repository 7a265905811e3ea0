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

	it('北本市: a centre named as the partner to call is not consultation (cue without a keyword of its own)', () => {
		const t = text(
			'高齢者等見守りネットワーク事業',
			'○協力者の事業活動や地域の日常生活の中で高齢者などの異変が見受けられた場合に、市や地域包括支援センターへ連絡してもらい、支援につなげる活動の推進',
			{ measures: ['高齢者見守りネットワーク連絡会の実施', '新規登録者'] }
		);
		expect(themesOf(t)).toEqual(['watching']);
	});

	it('北本市: a check-up that hosts a parenting course is not health', () => {
		const t = text('家庭教育支援', '○入学前児童の保護者を対象とした子育て講座などの開催 ○保護者への効果的な家庭教育の方策検討', {
			measures: ['就学時健診等を活用した子育て講座を小学校', 'PTA家庭教育学級を小学校']
		});
		expect(themesOf(t)).toEqual(['child_rearing']);
	});

	it('北本市: food drives and fund-raising events named as chances to volunteer are not themes of their own', () => {
		const t = text(
			'ボランティア参加の推進',
			'○子ども食堂やフードドライブのお手伝いなど、一時的なボランティア活動に携われる取組の推進 ○福祉まつりや募金活動などのイベント開催に合わせたボランティアの募集'
		);
		expect(themesOf(t)).toEqual(['volunteer']);
	});

	it('北本市: newsletters of the district councils and the volunteer centre are information only', () => {
		const t = text(
			'地域福祉活動に関する情報発信',
			'○社協だより「やさしい手」の発行 ○支部社協だよりの発行 ○ボランティアセンターだよりの発行 ○社会資源の紹介・周知 ○SNS、ホームページの活用 ○アウトリーチによる情報発信'
		);
		expect(themesOf(t)).toEqual(['information']);
	});

	it('北本市: lifelong-learning courses that list a walking course are not health', () => {
		const t = text('市民大学きたもと学苑 (キタガク)', '○地域組織で勉強する機会を設けるため、キタガク講座を実施 (開講実績)・介護講座・親子体操講座・健康ウォーキング講座', {
			measures: ['キタガク講座の開催数(年間)']
		});
		expect(themesOf(t)).toEqual([]);
	});

	it('北本市: examples in brackets of a measure do not assign their theme', () => {
		const t = text('サロン活動への支援', null, { measures: ['サロン開催箇所数', '高齢者サロン', '子どもの居場所(こども食堂、学習支援)'] });
		expect(themesOf(t)).toEqual(['salon']);
	});

	it('西区: courses listed as the object of the clause count (…や…などを実施します)', () => {
		const t = text(
			'福祉教育の推進 (出前講座)',
			'学校、地域、企業等からの依頼により、福祉全般に関する学びの場を提供します。併せて福祉の学びの機会を広めるため、市民や学校に向けて周知、啓発します。 認知症サポーター養成講座や防災訓練での車いすを使用した避難などを実施します。',
			{ measures: ['小学校', '中学校'] }
		);
		expect(themesOf(t)).toEqual(['dementia', 'welfare_education']);
	});

	it('西区: dementia supporter courses in schools are welfare education (小中学生 next to 養成)', () => {
		const t = text(
			'小中学生認知症サポーター養成事業',
			'認知症の方が住み慣れた地域で暮らせるために、次代を担う小中学生に認知症について知ってもらうことを目的として、小・中学校において認知症サポーター養成講座を開催します。'
		);
		expect(themesOf(t)).toEqual(['dementia', 'welfare_education']);
		// 北本市: schools named as the venue of human-rights education, with no course or experience word, are not
		expect(themesOf(text('社会人権教育推進事業', '○公民館、小・中学校PTAなどで人権教育を 実施'))).toEqual([]);
	});

	it('山口市: 小地区 only qualifies the watch-over visits; passing mentions need an anchor', () => {
		const t = text('一人暮らし高齢者等の見守り訪問活動の推進', '・小地区見守り訪問活動の推進 ・ふれあいいきいきサロン事業の推進 ・ふれあい型給食サービス事業の推進 ・お元氣コールの実施', {
			goals: ['地域の支え合い活動の推進'],
			measures: ['小地区見守り訪問活動研修会の開催支援 地区社協数', '小地区見守り訪問活動研修会']
		});
		expect(themesOf(t)).toEqual(['salon', 'watching']);
	});

	it('山口市: 周知・啓発 of other work is not information; making a service known (…の周知) is', () => {
		expect(themesOf(text('民生委員・児童委員の活動の強化と住民への周知・啓発'))).toEqual([]);
		expect(themesOf(text('社会・地域貢献活動の周知・啓発、情報交換の場づくり', '・民間事業者の社会貢献活動の情報収集と啓発 ・福祉施設の地域貢献活動の促進'))).toEqual([]);
		expect(themesOf(text('高齢者の総合相談窓口「地域包括支援センター」の周知'))).toEqual(['consultation', 'information']);
	});

	it('山口市: 生活支援・介護予防 names the support-coordinator scheme, not health work', () => {
		const t = text('地域の支え合い活動の仕組みづくり', '・生活支援コーディネーターによる集いの場の創出やニーズと取組みのマッチング ・介護予防・生活支援サポーターの養成 ・介護予防・生活支援体制の整備 ・小地区見守り訪問活動促進事業の支援', {
			measures: ['生活支援・介護予防体制整備事業補助金を活用し', '生活支援コーディネーターを配置']
		});
		expect(themesOf(t)).not.toContain('health');
	});

	it('北本市: the same word in the description and the goal corroborates', () => {
		const t = text('民生委員・児童委員活動', '○日常的な活動を通じて、緊急時に支援を必要とする人の情報把握の促進', {
			goals: ['緊急時に支援を必要とする人の把握方法', '支援を必要とする人を見守る活動の推進']
		});
		expect(themesOf(t)).toEqual(['evacuation_support']);
	});
});

describe('a donation is fundraising only where money for welfare is the subject', () => {
	it('北本市 福祉の心を育む交流事業: 学校と施設の寄付寄贈や交流活動 is an exchange, not 財源確保', () => {
		const t: InitiativeText = { name: '福祉の心を育む交流事業', description: '○学校と施設の寄付寄贈や交流活動を推進 ○児童生徒に対する福祉意識の醸成と、施設などの社会貢献活動を推進', goals: [], measures: [] };
		expect(themesOf(t)).not.toContain('fundraising');
	});
	it('山口市 新たな財源の確保: 寄付 beside 財源 still counts, and 寄付金 alone does', () => {
		expect(themesOf({ name: '新たな財源の確保', description: '寄付やクラウドファンディングによる財源の確保', goals: [], measures: [] })).toContain('fundraising');
		expect(themesOf({ name: '寄付金の受付', description: null, goals: [], measures: [] })).toContain('fundraising');
	});
});
