/**
 * Ready-to-run questions, one or more for each kind of user (DOMAIN.md): prefectural planners,
 * researchers, and municipal / 社協 staff. Every example must run without error on the published
 * tables: test/unit/sql-workbench/examples.test.ts runs them all on native DuckDB.
 */
export type Audience = 'planner' | 'researcher' | 'municipal';

export interface Example {
	id: string;
	audience: Audience;
	title: { ja: string; en: string };
	sql: string;
}

export const EXAMPLES: readonly Example[] = [
	{
		id: 'disaster-volunteer-measures',
		audience: 'planner',
		title: {
			ja: '災害ボランティアの取組：市区町村ごとの目標と実績',
			en: 'Disaster-volunteer initiatives: targets and results by municipality'
		},
		sql: `-- 共通テーマ「災害ボランティア」の取組と、その目標・実績（出典行つき）
SELECT m.name_ja AS municipality, i.initiative_id, i.name_ja AS initiative,
       x.kind, x.fiscal_year, x.value, x.unit, x.raw_text, x.line
FROM initiative_themes t
JOIN initiatives i USING (initiative_id)
JOIN municipalities m USING (muni_code)
LEFT JOIN measures x USING (initiative_id)
WHERE t.theme_id = 'disaster_volunteer'
ORDER BY m.muni_code, i.initiative_id, x.kind, x.fiscal_year`
	},
	{
		id: 'youth-carer-missing',
		audience: 'planner',
		title: {
			ja: 'ヤングケアラー・ケアラー支援の取組がない市区町村',
			en: 'Municipalities with no young-carer or carer-support initiative'
		},
		sql: `SELECT m.muni_code, m.name_ja, m.name_en
FROM municipalities m
WHERE m.has_report AND NOT EXISTS (
  SELECT 1
  FROM initiatives i JOIN initiative_themes t USING (initiative_id)
  WHERE i.muni_code = m.muni_code AND t.theme_id = 'youth_carer'
)
ORDER BY m.muni_code`
	},
	{
		id: 'achievement-below-half',
		audience: 'planner',
		title: {
			ja: '達成率が50%未満の取組（目標と実績の最終の組のみ）',
			en: 'Initiatives below 50% of their target (final pairs of target and result only)'
		},
		sql: `-- 途中経過（basis = 'interim'：目標年度より前の実績）は最終の判定ではないので除く
SELECT a.muni_code, a.initiative_id, i.name_ja, a.indicator_label,
       a.target_fiscal_year, a.target_value, a.result_fiscal_year, a.result_value, a.unit,
       a.basis, round(100 * a.ratio, 1) AS achievement_pct
FROM achievements a
LEFT JOIN initiatives i USING (initiative_id)
WHERE a.ratio < 0.5 AND a.basis <> 'interim'
ORDER BY a.ratio, a.achievement_id`
	},
	{
		id: 'interim-progress',
		audience: 'planner',
		title: {
			ja: '途中経過：目標年度より前の実績が、後の年度の目標の何%まで来ているか',
			en: 'Interim progress: how far results from before the target year have come towards a later target'
		},
		sql: `-- 途中経過の組には共通区分を付けない（最終の判定ではない）。実績の年度と目標の年度を並べて読む
SELECT a.muni_code, a.initiative_id, i.name_ja, a.indicator_label,
       a.result_fiscal_year, a.result_value, a.target_fiscal_year, a.target_value, a.unit,
       round(100 * a.ratio, 1) AS progress_pct
FROM achievements a
LEFT JOIN initiatives i USING (initiative_id)
WHERE a.basis = 'interim'
ORDER BY a.muni_code, a.ratio, a.achievement_id`
	},
	{
		id: 'themes-by-municipality',
		audience: 'planner',
		title: {
			ja: '共通テーマごと・市区町村ごとの取組数',
			en: 'Initiatives per common theme and municipality'
		},
		sql: `SELECT th.label_ja AS theme, m.name_ja AS municipality, count(*) AS initiatives
FROM initiative_themes t
JOIN themes th USING (theme_id)
JOIN initiatives i USING (initiative_id)
JOIN municipalities m USING (muni_code)
GROUP BY ALL
ORDER BY theme, municipality`
	},
	{
		id: 'grade-distribution',
		audience: 'researcher',
		title: {
			ja: '評価基準ごとの評価の分布と共通区分',
			en: 'Grade distribution per grading scheme, mapped to the common bands'
		},
		sql: `-- 各市の評価（原文の段階）と、共通尺度の区分（band）・スコア
SELECT g.scheme_id, g.rank, g.grade, g.band, g.score,
       count(e.evaluation_id) AS evaluations
FROM grading_schemes g
LEFT JOIN evaluations e ON e.scheme_id = g.scheme_id AND e.grade = g.grade
GROUP BY ALL
ORDER BY g.scheme_id, g.rank`
	},
	{
		id: 'bands-per-municipality',
		audience: 'researcher',
		title: {
			ja: '市区町村ごとの共通区分の割合（評価と、目標・実績の最終の組の達成率）',
			en: 'Share of each common band per municipality (grades, and achievement of final pairs)'
		},
		sql: `WITH graded AS (
  SELECT i.muni_code, 'grade' AS source, e.band
  FROM evaluations e JOIN initiatives i USING (initiative_id)
  WHERE e.band IS NOT NULL
), measured AS (
  -- 最終の組のみ：途中経過（interim）は目標年度前の実績で、区分で読むものではない
  SELECT muni_code, 'achievement' AS source, band FROM achievements WHERE band IS NOT NULL AND basis <> 'interim'
)
SELECT muni_code, source, band, count(*) AS n,
       round(100 * count(*) / sum(count(*)) OVER (PARTITION BY muni_code, source), 1) AS pct
FROM (SELECT * FROM graded UNION ALL SELECT * FROM measured)
GROUP BY muni_code, source, band
ORDER BY muni_code, source, band`
	},
	{
		id: 'counts-by-municipality',
		audience: 'researcher',
		title: {
			ja: '市区町村ごとの取組・指標・評価の件数',
			en: 'Initiatives, measures and grades per municipality'
		},
		sql: `SELECT m.muni_code, m.name_ja,
       count(DISTINCT i.initiative_id) AS initiatives,
       count(DISTINCT x.measure_id) AS measures,
       count(DISTINCT e.evaluation_id) AS evaluations
FROM municipalities m
LEFT JOIN initiatives i USING (muni_code)
LEFT JOIN measures x USING (initiative_id)
LEFT JOIN evaluations e USING (initiative_id)
WHERE m.has_report
GROUP BY ALL
ORDER BY m.muni_code`
	},
	{
		id: 'measures-per-year',
		audience: 'researcher',
		title: {
			ja: '年度・種別ごとの指標の件数',
			en: 'Measures per fiscal year and kind'
		},
		sql: `SELECT fiscal_year, kind, count(*) AS measures
FROM measures
WHERE fiscal_year IS NOT NULL
GROUP BY ALL
ORDER BY fiscal_year, kind`
	},
	{
		id: 'scheme-legends',
		audience: 'researcher',
		title: {
			ja: '評価基準の凡例（原文）と共通尺度への対応の理由',
			en: 'Grading scheme legends, verbatim, and why each level maps where it does'
		},
		sql: `SELECT scheme_id, muni_code, rank, grade, definition_ja, definition_en, band, mapping_reason_ja
FROM grading_schemes
ORDER BY scheme_id, rank`
	},
	{
		id: 'salon-like-ours',
		audience: 'municipal',
		title: {
			ja: 'サロン・茶の間・通いの場の取組と、その目標・実績（目標全体として報告された実績も。出典行つき）',
			en: 'Salon and drop-in initiatives with their targets and results, and salon results reported for a whole goal (with source lines)'
		},
		sql: `-- 取組の実績と、目標全体として報告された実績（reported_for = 'goal'：どの取組の実績かは書かれていない。
-- goal_initiatives はその目標の取組）を並べる
SELECT i.muni_code, 'initiative' AS reported_for, i.initiative_id, i.name_ja, NULL AS goal_initiatives,
       x.kind, x.fiscal_year, x.value, x.unit, x.raw_text, i.source_file, x.line
FROM initiative_themes t
JOIN initiatives i USING (initiative_id)
LEFT JOIN measures x USING (initiative_id)
WHERE t.theme_id = 'salon'
UNION ALL
SELECT p.muni_code, 'goal' AS reported_for, g.goal_id, g.level_name_ja || coalesce(g.code, '') || ' ' || g.title_ja,
       (SELECT string_agg(gi.name_ja, '、' ORDER BY gi.seq) FROM initiatives gi WHERE gi.goal_id = g.goal_id),
       x.kind, x.fiscal_year, x.value, x.unit, x.raw_text, p.source_file, x.line
FROM measure_themes t
JOIN measures x USING (measure_id)
JOIN goals g ON g.goal_id = t.goal_id
JOIN plans p ON p.plan_id = g.plan_id
WHERE t.theme_id = 'salon'
ORDER BY muni_code, reported_for DESC, initiative_id, line`
	},
	{
		id: 'initiatives-by-actor',
		audience: 'municipal',
		title: {
			ja: '主体（市・社協・共同）ごとの取組数',
			en: 'Initiatives per actor (city, council, joint)'
		},
		sql: `SELECT muni_code, actor, count(*) AS initiatives
FROM initiatives
GROUP BY ALL
ORDER BY muni_code, actor`
	},
	{
		id: 'text-search',
		audience: 'municipal',
		title: {
			ja: '取組名・内容の語句検索（例：見守り）',
			en: 'Search initiative names and descriptions for a word (e.g. 見守り)'
		},
		sql: `SELECT muni_code, initiative_id, name_ja, description_ja
FROM initiatives
WHERE name_ja LIKE '%見守り%' OR description_ja LIKE '%見守り%'
ORDER BY muni_code, initiative_id`
	}
];
