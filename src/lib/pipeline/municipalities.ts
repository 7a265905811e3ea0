import type { Municipality } from '../contract/tables';
import { fullName, type LocalGovernmentFile } from '../municipalities/code';
import { englishName, prefectureEnglish } from '../municipalities/names';

/**
 * The municipalities table: every local government of the official list (市, 町, 村, 特別区 and the
 * wards of designated cities), whether or not the dataset holds a report for it. A municipality with
 * a report keeps the names its manifest entry gives (reviewed with the source: their English is the
 * city's own); the others take the list's names and an English name read from the official reading.
 * A reporting code the list lacks cannot happen at build (the manifest check refuses it first), but
 * the step says so rather than drop the row.
 */
export function municipalityRows(reporting: readonly Municipality[], list: LocalGovernmentFile): Municipality[] {
	const byCode = new Map(reporting.map((m) => [m.muni_code, m]));
	const prefectureEn = new Map(list.prefectures.map((p) => [p.code, prefectureEnglish(p)]));
	const governments = new Map(list.local_governments.map((g) => [g.code, g]));
	for (const m of reporting) if (!governments.has(m.muni_code)) throw new Error(`municipalities: ${m.muni_code} (${m.name_ja}) has a report but is not in the official list`);
	return list.local_governments.map((g): Municipality => {
		const parent = g.parent_code ? governments.get(g.parent_code)! : null;
		const reported = byCode.get(g.code);
		const own = {
			muni_code: g.code,
			name_ja: fullName(g),
			name_en: parent ? `${englishName(g)}, ${englishName(parent)}` : englishName(g),
			name_kana: g.name_kana,
			kind: g.kind,
			prefecture_code: g.prefecture_code,
			prefecture_ja: g.prefecture_ja,
			prefecture_en: prefectureEn.get(g.prefecture_code)!,
			parent_code: g.parent_code,
			parent_name_ja: g.parent_name_ja,
			parent_name_en: parent ? englishName(parent) : null,
			has_report: false,
			note: g.note
		};
		if (!reported) return own;
		// The manifest's names win: they were checked against the list (name, prefecture, parent) and
		// their English is the one the city prints.
		return { ...own, name_ja: reported.name_ja, name_en: reported.name_en, prefecture_en: reported.prefecture_en, parent_name_en: reported.parent_name_en, has_report: true };
	});
}

/** What quality.json says about the list: where it comes from, its date, and how many have a report. */
export function municipalityCoverage(rows: readonly Municipality[], list: LocalGovernmentFile) {
	const byKind: Record<string, { listed: number; with_report: number }> = {};
	for (const r of rows) {
		const k = (byKind[r.kind ?? 'unlisted'] ??= { listed: 0, with_report: 0 });
		k.listed++;
		if (r.has_report) k.with_report++;
	}
	return {
		list_source: list.source,
		list_as_of: list.as_of,
		listed: rows.length,
		with_report: rows.filter((r) => r.has_report).length,
		prefectures: list.prefectures.length,
		prefectures_with_report: new Set(rows.filter((r) => r.has_report).map((r) => r.prefecture_code)).size,
		by_kind: byKind
	};
}
