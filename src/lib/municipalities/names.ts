import { toRomaji } from 'wanakana';
import type { LocalGovernment } from './code';

/**
 * English names for the local governments that have no report, read from the official reading
 * (name_kana) of data/municipalities/local-governments.json: the list carries no English names, and a
 * municipality with a report takes its English name from the manifest instead (reviewed with the source).
 *
 * Hepburn without long-vowel marks, as most municipalities spell themselves (とうきょう → Tokyo,
 * おおいた → Oita, ゆうばり → Yubari): ou and oo are folded to o, uu to u. Kana carry no word
 * boundaries, so a vowel pair across two words folds too (かつうら reads Katsura, where the city spells
 * Katsuura): the English pages print the Japanese name beside this one.
 */

/** The kana suffix of each kind's name (市 し, 町 ちょう/まち, 村 そん/むら, 区 く). */
const KANA_SUFFIX: Record<LocalGovernment['kind'], RegExp> = {
	designated_city: /し$/,
	city: /し$/,
	special_ward: /く$/,
	ward: /く$/,
	town: /(ちょう|まち)$/,
	village: /(そん|むら)$/
};

const KIND_EN: Record<LocalGovernment['kind'], string> = {
	designated_city: 'City',
	city: 'City',
	// The 23 special wards call themselves "City" in English (Minato City, Setagaya City).
	special_ward: 'City',
	ward: 'Ward',
	town: 'Town',
	village: 'Village'
};

/** A reading in Hepburn without long-vowel marks, capitalised: ほっかいどう → Hokkaido. */
export function romanize(kana: string): string {
	const r = toRomaji(kana)
		.replace(/'/g, '')
		.replace(/o[ou]/g, 'o')
		.replace(/uu/g, 'u');
	return r.charAt(0).toUpperCase() + r.slice(1);
}

/** The name without its kind, romanized: きたもとし (city) → Kitamoto. */
function stem(g: Pick<LocalGovernment, 'kind' | 'name_kana' | 'code'>): string {
	const suffix = KANA_SUFFIX[g.kind];
	if (!suffix.test(g.name_kana)) throw new Error(`${g.code}: the reading ${g.name_kana} does not end as a ${g.kind}'s does`);
	return romanize(g.name_kana.replace(suffix, ''));
}

/** English name of a local government on its own: Kitamoto City, Nishi Ward, Shirakawa Village. */
export function englishName(g: Pick<LocalGovernment, 'kind' | 'name_kana' | 'code'>): string {
	return `${stem(g)} ${KIND_EN[g.kind]}`;
}

/** English name of a prefecture from its reading: にいがたけん → Niigata, とうきょうと → Tokyo, ほっかいどう → Hokkaido. */
export function prefectureEnglish(p: { name_ja: string; name_kana: string }): string {
	if (p.name_ja === '北海道') return romanize(p.name_kana);
	const suffix = { 県: /けん$/, 府: /ふ$/, 都: /と$/ }[p.name_ja.slice(-1)];
	if (!suffix || !suffix.test(p.name_kana)) throw new Error(`${p.name_ja}: the reading ${p.name_kana} does not end as a prefecture's does`);
	return romanize(p.name_kana.replace(suffix, ''));
}
