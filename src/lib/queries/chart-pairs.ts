import type { Connector } from '../db/connector';
import { pairColumns, type PairShown } from './common';
import { prefixRange } from '../scale/key-range';

/**
 * Target–result pairs of initiatives (achievements) with the initiative's own grade where it has one:
 * what the pair charts draw (per theme, per municipality, and self-grade against achievement on
 * /grading). Pairs of goal-wide cells belong to no initiative and are not among them.
 */
export interface ChartPair extends PairShown {
	muni_code: string;
	muni_name_ja: string;
	muni_name_en: string;
	initiative_id: string;
	initiative_name_ja: string;
	/** the initiative's grades as printed (several evaluations joined by " / ") */
	grade_raw: string | null;
	/** mean common score of its evaluations, in [0, 1] */
	grade_score: number | null;
	/** the lowest common band among its evaluations */
	grade_band: string | null;
}

export type PairScope = { theme: string } | { muni: string } | 'all';

export async function chartPairs(db: Connector, scope: PairScope): Promise<ChartPair[]> {
	// The scope's initiatives, for the pairs and for the grades beside them (aggregating every grade of
	// the country for one municipality's chart took seconds a page at national scale). A municipality's
	// ids start with its code: its range is given as constants, so every table is read by key.
	if (scope !== 'all' && 'muni' in scope) {
		const range = prefixRange(scope.muni);
		return db.query<ChartPair & Record<string, unknown>>(
			pairsSql(`SELECT initiative_id FROM initiatives WHERE muni_code = ? AND ${range.sql('initiative_id')}`, range.sql),
			[scope.muni, ...range.params, ...range.params, ...range.params, ...range.params]
		);
	}
	const picked = scope === 'all' ? null : 'SELECT initiative_id FROM initiative_themes WHERE theme_id = ?';
	return db.query<ChartPair & Record<string, unknown>>(pairsSql(picked), scope === 'all' ? [] : [scope.theme]);
}

/** The pairs query over the picked initiatives (every one when null); `range` adds a constant key range to evaluations, pairs and initiatives. */
function pairsSql(picked: string | null, range?: (column: string) => string): string {
	const within = (column: string) => (range ? `${range(column)} AND ` : '');
	return `WITH ${picked ? `picked AS (${picked}), ` : ''}ev AS (
			SELECT initiative_id, string_agg(grade_raw, ' / ' ORDER BY evaluation_id) AS grade_raw, avg(score) AS grade_score, min_by(band, score) AS grade_band
			FROM evaluations ${picked ? `WHERE ${within('initiative_id')}initiative_id IN (SELECT initiative_id FROM picked)` : ''} GROUP BY initiative_id
		)
		SELECT ${pairColumns('a')}, a.muni_code, m.name_ja AS muni_name_ja, m.name_en AS muni_name_en, a.initiative_id, i.name_ja AS initiative_name_ja,
		       ev.grade_raw, ev.grade_score, ev.grade_band
		FROM achievements a JOIN initiatives i USING (initiative_id) JOIN municipalities m ON m.muni_code = a.muni_code LEFT JOIN ev USING (initiative_id)
		${picked ? `WHERE ${within('a.initiative_id')}${within('i.initiative_id')}a.initiative_id IN (SELECT initiative_id FROM picked)` : ''}
		ORDER BY a.muni_code, i.seq, a.initiative_id, a.achievement_id`;
}
