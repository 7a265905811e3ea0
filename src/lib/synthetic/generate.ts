import type { Evaluation, Goal, GradingSchemeLevel, Initiative, InitiativeNote, Measure, Municipality, Plan } from '../contract/tables';
import { ACTORS, MEASURE_KINDS } from '../contract/tables';
import type { GradingScheme } from '../contract/manifest';
import type { Crosswalk } from '../grading/crosswalk';
import type { Taxonomy } from '../themes/taxonomy';
import type { LocalGovernment } from '../municipalities/code';
import { fullName } from '../municipalities/code';
import type { Shape } from './shape';
import { hash32, Random } from './random';

/**
 * A synthetic national dataset in the contract's shape, for measuring pages, queries and builds at
 * the scale of the country. Never published: every row says what it is. Each id carries
 * SYNTHETIC_ID_MARK, every text a person would read starts with SYNTHETIC_TEXT_MARK, every plan's
 * adapter is SYNTHETIC_ADAPTER and its source file lies under synthetic/. The figures are drawn from
 * the measured shape of the published reports (data/synthetic/shape.json), not copied from them.
 */
export const SYNTHETIC_TEXT_MARK = '【合成】';
export const SYNTHETIC_ID_MARK = 'synth';
export const SYNTHETIC_ADAPTER = 'synthetic';

export interface SynthInput {
	shape: Shape;
	localGovernments: readonly LocalGovernment[];
	taxonomy: Taxonomy;
	/** the published grading schemes and their crosswalk entries: the templates a synthetic plan grades with */
	schemes: readonly GradingScheme[];
	crosswalk: Crosswalk;
	municipalities: number;
	seed: number;
}

export interface SynthOutput {
	tables: {
		municipalities: Municipality[];
		plans: Plan[];
		grading_schemes: GradingSchemeLevel[];
		goals: Goal[];
		initiatives: Initiative[];
		measures: Measure[];
		evaluations: Evaluation[];
		initiative_notes: InitiativeNote[];
	};
	/** the crosswalk of the synthetic schemes (each a copy of its template's mapping) */
	crosswalk: Crosswalk;
}

const QUANTILE_POINTS = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];

/** Words that fill a name or text to its drawn length; chosen to match no theme keyword. */
const NAME_FILLER = ['の推進', 'の充実', '事業', 'の実施', 'の強化', 'の展開', 'に関する取組'];
const TEXT_FILLER = '地域の実情に応じて関係機関と連携し、計画に沿って取組を進める。';
const DEPARTMENTS = ['福祉総務課', '高齢福祉課', '子育て支援課', '障がい福祉課', '健康推進課', '危機管理課', '生涯学習課', '社会福祉協議会'];
const NOTE_LABELS: Record<string, string> = {
	comment: 'コメント',
	evaluation_reason: '評価の理由',
	resident_role: '住民・地域の役割',
	agency_role: '行政・社協の役割',
	priority: '今後の推進強化項目',
	remark: '備考'
};
const LABELS = ['参加者数', '開催回数', '登録者数', '相談件数', '実施箇所数', '協力団体数', '研修受講者数', '配布枚数'];

/**
 * The municipalities a synthetic country is drawn onto: the 市, 町, 村 and 特別区 of the official list
 * (designated cities as one, no wards, not the Northern Territories villages), `n` of them spread
 * evenly over the list so that every prefecture has some.
 */
export function synthMunicipalities(list: readonly LocalGovernment[], n: number): LocalGovernment[] {
	const all = list.filter((g) => g.kind !== 'ward' && g.note === null);
	if (n > all.length) throw new Error(`--municipalities ${n}: the list has ${all.length} municipalities (市, 町, 村, 特別区)`);
	if (n === all.length) return all;
	return Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)]);
}

function fill(r: Random, start: string, length: number, filler: readonly string[] | string): string {
	let text = start;
	while (text.length < length) text += typeof filler === 'string' ? filler : r.pick(filler);
	return text.slice(0, Math.max(length, start.length));
}

/** The theme keyword a synthetic name carries so that the theme rules find that theme: its strongest term. */
function themeWords(taxonomy: Taxonomy): Map<string, string> {
	return new Map(
		taxonomy.themes.map((t) => {
			const best = [...t.keywords].sort((a, b) => b.weight - a.weight || a.term.length - b.term.length)[0];
			return [t.theme_id, best.term];
		})
	);
}

export function generateSynthetic(input: SynthInput): SynthOutput {
	const { shape } = input;
	const words = themeWords(input.taxonomy);
	const templates = input.schemes.filter((s) => input.crosswalk.schemes.some((c) => c.scheme_id === s.scheme_id));
	const out: SynthOutput = {
		tables: { municipalities: [], plans: [], grading_schemes: [], goals: [], initiatives: [], measures: [], evaluations: [], initiative_notes: [] },
		crosswalk: { ...input.crosswalk, schemes: [] }
	};
	const t = out.tables;
	const q = (r: Random, values: readonly number[]) => r.fromQuantiles(values, QUANTILE_POINTS);
	const levelCounts = shape.plans.goals_per_level_per_plan;
	const plansMeasured = shape.measured_from.plans;

	for (const g of synthMunicipalities(input.localGovernments, input.municipalities)) {
		// A stream per municipality: its data do not depend on how many others are drawn.
		const r = new Random(hash32(`${input.seed}:${g.code}`));
		const code = g.code;
		const name = fullName(g);
		t.municipalities.push({
			muni_code: code,
			name_ja: `${name}（合成）`,
			name_en: `${g.name_kana} (synthetic)`,
			prefecture_ja: g.prefecture_ja,
			prefecture_en: `${g.prefecture_ja} (synthetic)`,
			parent_code: null,
			parent_name_ja: null,
			parent_name_en: null,
			name_kana: g.name_kana,
			kind: g.kind,
			prefecture_code: g.prefecture_code,
			has_report: true,
			note: null
		});
		const year = Number(r.weighted(shape.plans.report_fiscal_year));
		const planId = `${code}-${year}-${SYNTHETIC_ID_MARK}`;
		const template = r.chance(shape.plans.graded) && templates.length ? r.pick(templates) : null;
		const schemeId = template ? `${code}-${SYNTHETIC_ID_MARK}-${template.scheme_id}` : null;
		const sourceFile = `synthetic/${code}.txt`;
		if (template && schemeId) {
			const mapping = input.crosswalk.schemes.find((c) => c.scheme_id === template.scheme_id)!;
			out.crosswalk.schemes.push({ ...mapping, scheme_id: schemeId });
			for (const l of template.levels)
				t.grading_schemes.push({
					scheme_id: schemeId,
					muni_code: code,
					grade: l.grade,
					rank: l.rank,
					definition_ja: `${SYNTHETIC_TEXT_MARK}${l.definition_ja}`,
					definition_en: `(synthetic) ${l.definition_en}`,
					score: null,
					band: null,
					mapping_reason_en: null,
					mapping_reason_ja: null,
					source_line: 1
				});
		}

		// Goals: level 1 always; a deeper level with the share of measured plans that have one.
		let line = 2;
		const goalsByLevel: Goal[][] = [];
		for (let level = 1; levelCounts[String(level)]; level++) {
			const counts = levelCounts[String(level)];
			if (level > 1 && r.next() >= counts.length / levelCounts[String(level - 1)].length) break;
			const parents = goalsByLevel[level - 2] ?? [null];
			const total = Math.max(parents.length, r.pick(counts));
			const row: Goal[] = [];
			for (let i = 0; i < total; i++) {
				const parent = parents[Math.floor((i * parents.length) / total)];
				const goalId = `${planId}-G${level}-${i + 1}`;
				row.push({
					goal_id: goalId,
					plan_id: planId,
					parent_goal_id: parent?.goal_id ?? null,
					level,
					level_name_ja: level === 1 ? '基本目標' : level === 2 ? '施策' : '取組の方向',
					code: String(i + 1),
					title_ja: `${SYNTHETIC_TEXT_MARK}${level === 1 ? '基本目標' : '施策'}${i + 1}`,
					description_ja: null,
					seq: 0,
					line: line++
				});
			}
			goalsByLevel.push(row);
		}
		const leaves = goalsByLevel[goalsByLevel.length - 1];
		// Goals in tree order (each parent followed by its children), as a report prints them.
		const ordered: Goal[] = [];
		const visit = (parentId: string | null, level: number) => {
			for (const goal of goalsByLevel[level - 1] ?? []) {
				if (goal.parent_goal_id !== parentId) continue;
				ordered.push(goal);
				visit(goal.goal_id, level + 1);
			}
		};
		visit(null, 1);
		ordered.forEach((goal, i) => (goal.seq = i));
		t.goals.push(...ordered);

		const initiativeCount = Math.max(1, Math.round(Number(r.weighted(shape.plans.initiatives_per_plan)) * (0.6 + 0.8 * r.next())));
		const years = new Set<number>([year]);
		for (let n = 1; n <= initiativeCount; n++) {
			const initiativeId = `${code}-${String(n).padStart(3, '0')}-${SYNTHETIC_ID_MARK}`;
			const goal = leaves[Math.floor(((n - 1) * leaves.length) / initiativeCount)];
			const themeCount = Number(r.weighted(shape.initiatives.themes_per_initiative));
			const themes = new Set<string>();
			for (let k = 0; k < themeCount; k++) themes.add(r.weighted(shape.initiatives.theme_mix));
			const keywords = [...themes].map((id) => words.get(id) ?? '').join('・');
			const start = line;
			const description = r.chance(shape.initiatives.description_share)
				? fill(r, `${SYNTHETIC_TEXT_MARK}${keywords ? `${keywords}について、` : ''}`, Math.round(q(r, shape.initiatives.description_length)), TEXT_FILLER)
				: null;
			const departments = Array.from({ length: Number(r.weighted(shape.initiatives.departments_per_initiative)) }, () => r.pick(DEPARTMENTS)).filter((d, i, all) => all.indexOf(d) === i);
			const actor = r.weighted(shape.initiatives.actor) as (typeof ACTORS)[number];
			line += Math.max(1, Math.round(q(r, shape.initiatives.lines_per_initiative)));
			t.initiatives.push({
				initiative_id: initiativeId,
				plan_id: planId,
				muni_code: code,
				goal_id: goal.goal_id,
				goal_ids: [goal.goal_id],
				seq: n - 1,
				code: String(n),
				name_ja: fill(r, `${SYNTHETIC_TEXT_MARK}${keywords}`, Math.round(q(r, shape.initiatives.name_length)) + SYNTHETIC_TEXT_MARK.length, NAME_FILLER),
				description_ja: description,
				departments,
				actor,
				repost_of: null,
				source_file: sourceFile,
				line_start: start,
				line_end: line - 1
			});

			// Measures: one indicator per initiative (its label and unit), several kinds and years of it.
			const measureCount = Number(r.weighted(shape.measures.per_initiative));
			const unit = r.weighted(shape.measures.unit) || null;
			const label = r.chance(shape.measures.label_share) ? `${SYNTHETIC_TEXT_MARK}${r.pick(LABELS)}` : null;
			const scale = q(r, shape.measures.value_log10);
			for (let m = 1; m <= measureCount; m++) {
				t.measures.push(synthMeasure(r, shape, { id: `${initiativeId}-m${m}`, initiativeId, goalId: null, year, unit, label, scale, line: start, years }));
			}

			if (schemeId && template) {
				const ranks = shape.evaluations.rank_share_by_scheme[template.scheme_id] ?? { '1': 1 };
				const count = Number(r.weighted(shape.evaluations.per_graded_initiative));
				for (let e = 1; e <= count; e++) {
					const rank = r.weighted(ranks);
					const level = template.levels.find((l) => String(l.rank) === rank);
					t.evaluations.push({
						evaluation_id: `${initiativeId}-e${e}`,
						initiative_id: initiativeId,
						fiscal_year: year,
						scheme_id: schemeId,
						// An unreadable mark keeps its raw text and gets no grade, as in the real reports.
						grade_raw: level ? level.grade : '？',
						grade: level ? level.grade : null,
						evaluator: count > 1 ? r.pick(DEPARTMENTS) : null,
						score: null,
						band: null,
						line: start
					});
				}
			}

			const noteCount = Number(r.weighted(shape.notes.per_initiative));
			for (let k = 1; k <= noteCount; k++) {
				const field = r.weighted(shape.notes.field);
				t.initiative_notes.push({
					note_id: `${initiativeId}-n${k}`,
					initiative_id: initiativeId,
					goal_id: null,
					field,
					label_ja: NOTE_LABELS[field] ?? field,
					text_ja: fill(r, SYNTHETIC_TEXT_MARK, Math.round(q(r, shape.notes.text_length)) + SYNTHETIC_TEXT_MARK.length, TEXT_FILLER),
					line: start,
					line_end: start
				});
			}
		}

		// Results reported for a goal as a whole (a merged cell), as some reports print them.
		const goalWide = Number(r.weighted(shape.measures.goal_wide_per_plan));
		for (let m = 1; m <= goalWide; m++) {
			const goal = r.pick(goalsByLevel[0]);
			const measure = synthMeasure(r, shape, { id: `${goal.goal_id}-m${m}`, initiativeId: null, goalId: goal.goal_id, year, unit: r.weighted(shape.measures.unit) || null, label: `${SYNTHETIC_TEXT_MARK}${r.pick(LABELS)}`, scale: q(r, shape.measures.value_log10), line: goal.line ?? 1, years });
			t.measures.push({ ...measure, kind: 'result' });
		}

		t.plans.push({
			plan_id: planId,
			muni_code: code,
			title_ja: `${SYNTHETIC_TEXT_MARK}${name}地域福祉計画 進捗状況`,
			title_en: `(synthetic) Regional welfare plan progress report of ${g.name_kana}`,
			report_fiscal_year: year,
			fiscal_years: [...years].sort((a, b) => a - b),
			scheme_id: schemeId,
			actor_ja: r.pick([name, `${name}社会福祉協議会`, `${name}・${name}社会福祉協議会`]),
			source_file: sourceFile,
			source_sha256: sha256Like(`${input.seed}:${code}`),
			adapter: SYNTHETIC_ADAPTER
		});
	}
	return out;
}

interface MeasureDraw {
	id: string;
	initiativeId: string | null;
	goalId: string | null;
	year: number;
	unit: string | null;
	label: string | null;
	scale: number;
	line: number;
	years: Set<number>;
}

function synthMeasure(r: Random, shape: Shape, d: MeasureDraw): Measure {
	const kind = r.weighted(shape.measures.kind) as (typeof MEASURE_KINDS)[number];
	const offset = r.weighted(shape.measures.year_offset);
	const fiscalYear = offset === 'none' ? null : d.year + Number(offset);
	if (fiscalYear !== null) d.years.add(fiscalYear);
	const notCarriedOut = kind === 'result' && r.chance(shape.measures.not_carried_out);
	const hasValue = !notCarriedOut && r.chance(shape.measures.has_value);
	// Around the indicator's own scale, as one indicator's plan and result are close to each other.
	const value = hasValue ? Math.max(0, Math.round(Math.pow(10, d.scale) * (0.7 + 0.5 * r.next()))) : null;
	const printed = notCarriedOut ? '中止' : value !== null ? `${value}${d.unit ?? ''}` : '実施';
	const rawLength = Math.round(r.fromQuantiles(shape.measures.raw_text_length, QUANTILE_POINTS));
	return {
		measure_id: d.id,
		initiative_id: d.initiativeId,
		goal_id: d.goalId,
		attached_to: d.initiativeId ? 'initiative' : 'goal',
		kind,
		fiscal_year: fiscalYear,
		every_year: kind === 'target' && r.chance(shape.measures.every_year),
		is_estimate: kind === 'result' && r.chance(shape.measures.is_estimate),
		is_cumulative: r.chance(shape.measures.is_cumulative),
		label_ja: d.label,
		department: null,
		status: notCarriedOut ? 'not_carried_out' : null,
		status_ja: notCarriedOut ? '中止' : null,
		narrative: r.chance(shape.measures.narrative),
		raw_text: fill(r, `${SYNTHETIC_TEXT_MARK}${d.label ?? ''} ${printed}`, rawLength, TEXT_FILLER),
		value,
		unit: value !== null ? d.unit : null,
		qualifier: null,
		line: d.line,
		line_end: d.line
	};
}

/** 64 hex digits derived from a text (the source_sha256 column's shape; there is no source file). */
function sha256Like(text: string): string {
	let out = '';
	for (let i = 0; out.length < 64; i++) out += hash32(`${i}:${text}`).toString(16).padStart(8, '0');
	return out.slice(0, 64);
}
