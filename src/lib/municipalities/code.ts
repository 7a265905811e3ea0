import { z } from 'zod';

/**
 * 全国地方公共団体コード (local government codes): two digits of prefecture and three of the
 * municipality, plus a check digit in the six-digit form. The five-digit form is what the
 * manifest and the dataset use (muni_code).
 */

/**
 * The check digit of a five-digit code: the digits weighted 6, 5, 4, 3, 2, summed, the remainder
 * of the sum divided by 11 taken from 11, and the last digit of that (so 10 → 0 and 11 → 1).
 * 01100 (札幌市) → 2, 01101 (札幌市中央区) → 1.
 */
export function checkDigit(code5: string): string {
	if (!/^\d{5}$/.test(code5)) throw new Error(`"${code5}" is not a five-digit local government code`);
	const sum = [...code5].reduce((n, d, i) => n + Number(d) * (6 - i), 0);
	return String((11 - (sum % 11)) % 10);
}

/** True for a six-digit code whose last digit is the check digit of the first five. */
export function isValidCode6(code6: string): boolean {
	return /^\d{6}$/.test(code6) && checkDigit(code6.slice(0, 5)) === code6[5];
}

export const LOCAL_GOVERNMENT_KINDS = ['designated_city', 'city', 'special_ward', 'town', 'village', 'ward'] as const;

/** One 市町村, 特別区 or designated-city ward (行政区) of data/municipalities/local-governments.json. */
export const LocalGovernment = z
	.object({
		code: z.string().regex(/^\d{5}$/),
		code6: z.string().regex(/^\d{6}$/),
		/** designated_city (政令指定都市), city (市), special_ward (東京都の特別区), town (町), village (村), ward (政令指定都市の区) */
		kind: z.enum(LOCAL_GOVERNMENT_KINDS),
		/** the name as the list prints it; a ward's own name (西区), its city in parent_name_ja */
		name_ja: z.string().min(1),
		name_kana: z.string().min(1),
		prefecture_code: z.string().regex(/^\d{2}$/),
		prefecture_ja: z.string().min(1),
		/** the designated city of a ward; null for everything else */
		parent_code: z.string().regex(/^\d{5}$/).nullable(),
		parent_name_ja: z.string().nullable(),
		/** why an entry is special (the Northern Territories villages), else null */
		note: z.string().nullable()
	})
	.strict()
	.refine((g) => g.code6.startsWith(g.code) && isValidCode6(g.code6), { message: 'code6 must be code plus its check digit' })
	.refine((g) => (g.kind === 'ward') === (g.parent_code !== null), { message: 'a ward, and only a ward, has a parent city' })
	.refine((g) => g.code.startsWith(g.prefecture_code), { message: 'a code starts with its prefecture code' });
export type LocalGovernment = z.infer<typeof LocalGovernment>;

export const Prefecture = z
	.object({ code: z.string().regex(/^\d{2}$/), code6: z.string().regex(/^\d{6}$/), name_ja: z.string().min(1), name_kana: z.string().min(1) })
	.strict()
	.refine((p) => p.code6.startsWith(`${p.code}000`) && isValidCode6(p.code6), { message: 'code6 must be the prefecture code, 000 and its check digit' });

export const LocalGovernmentFile = z
	.object({
		/** where the list comes from and what was changed after, in words */
		source: z.string().min(1),
		/** the date the list stands at (YYYY-MM-DD) */
		as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
		prefectures: z.array(Prefecture).length(47),
		local_governments: z.array(LocalGovernment).min(1)
	})
	.strict();
export type LocalGovernmentFile = z.infer<typeof LocalGovernmentFile>;

/** The full name a report or the manifest uses: a ward with its city (新潟市西区), else the name. */
export const fullName = (g: LocalGovernment): string => (g.parent_name_ja ? `${g.parent_name_ja}${g.name_ja}` : g.name_ja);
