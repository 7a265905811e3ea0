import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkDigit, isValidCode6, LocalGovernmentFile, fullName } from '../../../src/lib/municipalities/code';
import { loadManifest } from '../../../scripts/lib/sources';
import { municipalityProblem } from '../../../src/lib/municipalities/check';

const file = LocalGovernmentFile.parse(JSON.parse(readFileSync('data/municipalities/local-governments.json', 'utf8')));
const byCode = new Map(file.local_governments.map((g) => [g.code, g]));

/**
 * 市区町村数 per prefecture (市 + 町 + 村, and Tokyo's 23 特別区), as the official list counts them
 * on 2024-01-01; 北海道 with the 6 villages of the Northern Territories, which the code list carries.
 */
const OFFICIAL_PER_PREFECTURE: Record<string, number> = {
	北海道: 185, 青森県: 40, 岩手県: 33, 宮城県: 35, 秋田県: 25, 山形県: 35, 福島県: 59, 茨城県: 44, 栃木県: 25, 群馬県: 35,
	埼玉県: 63, 千葉県: 54, 東京都: 62, 神奈川県: 33, 新潟県: 30, 富山県: 15, 石川県: 19, 福井県: 17, 山梨県: 27, 長野県: 77,
	岐阜県: 42, 静岡県: 35, 愛知県: 54, 三重県: 29, 滋賀県: 19, 京都府: 26, 大阪府: 43, 兵庫県: 41, 奈良県: 39, 和歌山県: 30,
	鳥取県: 19, 島根県: 19, 岡山県: 27, 広島県: 23, 山口県: 19, 徳島県: 24, 香川県: 17, 愛媛県: 20, 高知県: 34, 福岡県: 60,
	佐賀県: 20, 長崎県: 21, 熊本県: 45, 大分県: 18, 宮崎県: 26, 鹿児島県: 43, 沖縄県: 41
};

/** Wards (行政区) of the 20 designated cities on 2024-01-01 (浜松市: 3 since its reorganisation). */
const OFFICIAL_WARDS: Record<string, number> = {
	札幌市: 10, 仙台市: 5, さいたま市: 10, 千葉市: 6, 横浜市: 18, 川崎市: 7, 相模原市: 3, 新潟市: 8, 静岡市: 3, 浜松市: 3,
	名古屋市: 16, 京都市: 11, 大阪市: 24, 堺市: 7, 神戸市: 9, 岡山市: 4, 広島市: 8, 北九州市: 7, 福岡市: 7, 熊本市: 5
};

describe('the check digit of a local government code', () => {
	it('is 11 minus the weighted sum (6, 5, 4, 3, 2) modulo 11, last digit', () => {
		expect(checkDigit('01100')).toBe('2'); // 札幌市 011002
		expect(checkDigit('01101')).toBe('1'); // 札幌市中央区 011011: remainder 0 → 11 → 1
		expect(checkDigit('13101')).toBe('6'); // 千代田区 131016
		expect(checkDigit('22138')).toBe('4'); // 浜松市中央区 221384
		expect(isValidCode6('151009')).toBe(true); // 新潟市
		expect(isValidCode6('151008')).toBe(false);
		expect(isValidCode6('010006')).toBe(true);
		expect(() => checkDigit('0123')).toThrow(/not a five-digit/);
	});
});

describe('data/municipalities/local-governments.json', () => {
	it('has every code once, each with its check digit', () => {
		expect(byCode.size).toBe(file.local_governments.length);
		expect(file.local_governments.filter((g) => !isValidCode6(g.code6))).toEqual([]);
		expect(file.prefectures.filter((p) => !isValidCode6(p.code6))).toEqual([]);
	});

	it('counts the official 市町村 and 特別区 per prefecture and per kind', () => {
		const counts: Record<string, number> = {};
		for (const g of file.local_governments) if (g.kind !== 'ward') counts[g.prefecture_ja] = (counts[g.prefecture_ja] ?? 0) + 1;
		expect(counts).toEqual(OFFICIAL_PER_PREFECTURE);
		const kinds: Record<string, number> = {};
		for (const g of file.local_governments) kinds[g.kind] = (kinds[g.kind] ?? 0) + 1;
		// 792 市 (20 of them designated cities), 743 町, 183 村 + the 6 Northern Territories villages, 23 特別区.
		expect(kinds).toEqual({ designated_city: 20, city: 772, town: 743, village: 189, special_ward: 23, ward: 171 });
		expect(file.local_governments.filter((g) => g.note?.startsWith('Northern Territories')).map((g) => g.code)).toEqual(['01695', '01696', '01697', '01698', '01699', '01700']);
	});

	it("gives every designated city its wards, each pointing at its city", () => {
		const wards: Record<string, number> = {};
		for (const g of file.local_governments) if (g.kind === 'ward') wards[g.parent_name_ja!] = (wards[g.parent_name_ja!] ?? 0) + 1;
		expect(wards).toEqual(OFFICIAL_WARDS);
		for (const g of file.local_governments.filter((x) => x.kind === 'ward')) expect(byCode.get(g.parent_code!)?.kind, g.code).toBe('designated_city');
		expect(['22131', '22137'].map((c) => byCode.has(c))).toEqual([false, false]);
	});

	it('knows the five sources by the codes the reports and the manifest give', () => {
		expect(['15107', '15106', '01230', '11233', '35203'].map((c) => fullName(byCode.get(c)!))).toEqual(['新潟市西区', '新潟市南区', '登別市', '北本市', '山口市']);
		for (const s of loadManifest().sources) expect(municipalityProblem(s.municipality, byCode), s.file).toBeNull();
	});
});
