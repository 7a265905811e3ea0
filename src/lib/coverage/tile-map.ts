import * as Plot from '@observablehq/plot';
import type { Lang } from '../i18n';
import { ramp } from '../components/charts/palette';
import type { PrefectureCoverage } from '../queries/prefecture';

/**
 * The coverage map: one square tile per prefecture on a grid, north at the top. The layout is this
 * site's own, placed by hand from where each prefecture lies on a map of Japan: neighbours share an
 * edge where the grid allows (新潟 beside 山形, 福島, 群馬, 長野, 富山), the four main islands keep
 * their shape and order, and 沖縄 stands apart in the south-west. No map data, no map server, no
 * tiles from anywhere: the positions below are all there is. x grows to the east, y to the south.
 */
export const TILE_POSITIONS: Readonly<Record<string, readonly [x: number, y: number]>> = {
	'01': [12, 0], // 北海道
	'02': [12, 1], // 青森
	'05': [11, 2], // 秋田
	'03': [12, 2], // 岩手
	'06': [11, 3], // 山形
	'04': [12, 3], // 宮城
	'17': [9, 4], // 石川
	'16': [10, 4], // 富山
	'15': [11, 4], // 新潟
	'07': [12, 4], // 福島
	'31': [5, 5], // 鳥取
	'32': [4, 5], // 島根
	'18': [8, 5], // 福井
	'21': [9, 5], // 岐阜
	'20': [10, 5], // 長野
	'10': [11, 5], // 群馬
	'09': [12, 5], // 栃木
	'08': [13, 5], // 茨城
	'35': [3, 6], // 山口
	'34': [4, 6], // 広島
	'33': [5, 6], // 岡山
	'28': [6, 6], // 兵庫
	'26': [7, 6], // 京都
	'25': [8, 6], // 滋賀
	'23': [9, 6], // 愛知
	'19': [10, 6], // 山梨
	'11': [11, 6], // 埼玉
	'12': [12, 6], // 千葉
	'41': [1, 7], // 佐賀
	'40': [2, 7], // 福岡
	'27': [6, 7], // 大阪
	'29': [7, 7], // 奈良
	'24': [8, 7], // 三重
	'22': [9, 7], // 静岡
	'14': [10, 7], // 神奈川
	'13': [11, 7], // 東京
	'42': [0, 8], // 長崎
	'43': [1, 8], // 熊本
	'44': [2, 8], // 大分
	'38': [4, 8], // 愛媛
	'37': [5, 8], // 香川
	'36': [6, 8], // 徳島
	'30': [7, 8], // 和歌山
	'46': [1, 9], // 鹿児島
	'45': [2, 9], // 宮崎
	'39': [5, 9], // 高知
	'47': [0, 11] // 沖縄
};

export interface Tile extends PrefectureCoverage {
	x: number;
	y: number;
	/** the short name drawn on the tile (北海道, 新潟, Niigata) */
	label: string;
	/** tile colour: grey without a report, else darker for a larger share covered */
	colour: string;
	href: string;
	/** what the tile says in words (its title, for a pointer and a screen reader) */
	title: string;
}

export const NO_REPORT_COLOUR = '#d9d9d9';

/** The tiles of the map, from the coverage rows (all 47), in the page's language. */
export function tiles(coverage: readonly PrefectureCoverage[], lang: Lang, link: (code: string) => string, describe: (c: PrefectureCoverage, name: string) => string): Tile[] {
	const maxShare = Math.max(0, ...coverage.map((c) => c.covered / c.municipalities));
	return coverage.map((c) => {
		const at = TILE_POSITIONS[c.prefecture_code];
		if (!at) throw new Error(`tile map: no position for prefecture ${c.prefecture_code}`);
		const name = lang === 'ja' ? c.prefecture_ja : c.prefecture_en;
		const share = c.covered / c.municipalities;
		return {
			...c,
			x: at[0],
			y: at[1],
			label: lang === 'ja' && c.prefecture_ja !== '北海道' ? c.prefecture_ja.replace(/[都府県]$/, '') : name,
			colour: c.covered === 0 ? NO_REPORT_COLOUR : ramp(0.35 + 0.65 * (maxShare ? share / maxShare : 0)),
			href: link(c.prefecture_code),
			title: describe(c, name)
		};
	});
}

export const COLUMNS = 14;
export const ROWS = 12;
/** Gap between tiles, as a share of a tile's cell. */
const GAP = 0.07;

/**
 * The chart as Observable Plot draws it, for a drawing of the given width (the charts' ChartSpec): a
 * square per tile (a link to the prefecture's page, titled with its figures) with its short name and
 * its number of reports. Tiles scale with the width, never past 52 px.
 */
export function coverageMapSpec(rows: readonly Tile[], title: string, width: number): Plot.PlotOptions {
	const cell = Math.min(52, Math.floor(width / COLUMNS));
	const tile = cell * (1 - GAP);
	const text = (dy: number, value: (t: Tile) => string, extra: Record<string, unknown>) =>
		Plot.text(rows, { x: (t: Tile) => t.x * cell + tile / 2, y: (t: Tile) => t.y * cell + tile * dy, text: value, fill: '#111', pointerEvents: 'none', ...extra });
	return {
		width: COLUMNS * cell,
		height: ROWS * cell,
		margin: 0,
		ariaLabel: title,
		x: { axis: null, domain: [0, COLUMNS * cell], range: [0, COLUMNS * cell] },
		// y grows to the south, as the positions do.
		y: { axis: null, domain: [0, ROWS * cell], range: [0, ROWS * cell] },
		marks: [
			Plot.rect(rows, {
				x1: (t: Tile) => t.x * cell,
				x2: (t: Tile) => t.x * cell + tile,
				y1: (t: Tile) => t.y * cell,
				y2: (t: Tile) => t.y * cell + tile,
				fill: (t: Tile) => t.colour,
				stroke: '#555',
				strokeWidth: 0.5,
				href: (t: Tile) => t.href,
				title: (t: Tile) => t.title
			}),
			text(0.32, (t) => t.label, { fontSize: Math.max(8, Math.round(cell / 5.5)) }),
			text(0.7, (t) => String(t.reports), { fontSize: Math.max(10, Math.round(cell / 4)), fontWeight: 'bold' })
		]
	};
}
