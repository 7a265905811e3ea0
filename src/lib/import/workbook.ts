import readXlsxFile from 'read-excel-file/universal';
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { csvParseRows } from 'd3-dsv';
import { decodeText, type TextEncodingName } from './decode';
import { ImportRefused, problem } from './problems';

/** A cell as a spreadsheet gives it: text, a number, a boolean, or empty. */
export type Cell = string | number | boolean | null;

/** One sheet: rows[0] is row 1 as the spreadsheet numbers it. */
export interface Sheet {
	name: string;
	rows: Cell[][];
}

export interface Workbook {
	fileName: string;
	format: 'xlsx' | 'csv';
	/** for CSV, the encoding it was read in */
	encoding: TextEncodingName | null;
	sheets: Sheet[];
}

/**
 * Larger than any plan's table by far (a 2,000-initiative workbook is about 180 KB): a bigger file is
 * refused before it is read, so a wrong file cannot freeze the page.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * What a workbook may unpack to. A plan's 2,000-row workbook unpacks to about 2 MB; a zip that
 * claims far more is refused before it is inflated, so a zip bomb cannot exhaust the tab.
 */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function refuse(ja: string, en: string): never {
	throw new ImportRefused([problem(null, null, null, null, ja, en)]);
}

function xlsxCell(v: unknown): Cell {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	return String(v);
}

/**
 * The workbook's XML parts, inflated here and packed again without compression, for
 * read-excel-file to parse. Its reader inflates with fflate's asynchronous `unzip`, which for a part
 * of 512 KB or more (a sheet of about 1,500 rows) starts a Web Worker from a blob: URL; the site's
 * Content-Security-Policy (worker-src 'self') refuses that worker, and the read never ends. A stored
 * part is only sliced, so no worker is started. The parts it does not read (images, printer
 * settings) are left out, as its own filter does.
 */
function storedCopy(bytes: Uint8Array): Uint8Array {
	let unpacked = 0;
	let parts: Unzipped;
	try {
		parts = unzipSync(bytes, {
			filter: (f) => {
				if (!f.name.endsWith('.xml') && !f.name.endsWith('.xml.rels')) return false;
				unpacked += f.originalSize;
				if (unpacked > MAX_UNPACKED_BYTES) throw new TooLarge();
				return true;
			}
		});
	} catch (e) {
		if (e instanceof TooLarge) refuse(`展開すると ${MAX_UNPACKED_BYTES / 1024 / 1024} MB を超えるため読めません。計画の表だけを保存したファイルを選んでください`, `The workbook unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB: choose a file that holds only the plan's table`);
		refuse(`.xlsxファイルとして読めません（zipとして壊れています：${(e as Error).message}）`, `This cannot be read as an .xlsx workbook (the zip is damaged: ${(e as Error).message})`);
	}
	return zipSync(parts, { level: 0 });
}
class TooLarge extends Error {}

/**
 * Read a file the user chose into sheets of cells. What the file is comes from its bytes, not its
 * name: a PDF renamed .xlsx is told apart from a workbook. Nothing here touches the network.
 */
export async function readWorkbook(fileName: string, bytes: Uint8Array): Promise<Workbook> {
	if (bytes.byteLength > MAX_FILE_BYTES) {
		const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
		refuse(`ファイルが大きすぎます（${mb} MB、上限 10 MB）。計画の表だけを保存したファイルを選んでください`, `The file is too large (${mb} MB; the limit is 10 MB). Choose a file that holds only the plan's table`);
	}
	if (!bytes.byteLength) refuse('ファイルが空です', 'The file is empty');
	if (startsWith(bytes, PDF)) refuse('PDFファイルです。表計算ファイル（.xlsx）かCSVを選んでください', 'This is a PDF, not a spreadsheet: choose an .xlsx workbook or a CSV file');
	if (startsWith(bytes, OLE)) refuse('古い形式の.xlsファイルは読めません。Excelで.xlsx形式に保存し直してください', 'Old .xls workbooks cannot be read: save it as .xlsx in Excel first');
	if (startsWith(bytes, ZIP)) {
		let sheets;
		try {
			sheets = await readXlsxFile(storedCopy(bytes).buffer as ArrayBuffer);
		} catch (e) {
			if (e instanceof ImportRefused) throw e;
			refuse(`.xlsxファイルとして読めません（${(e as Error).message}）`, `This cannot be read as an .xlsx workbook (${(e as Error).message})`);
		}
		return {
			fileName,
			format: 'xlsx',
			encoding: null,
			sheets: sheets.map((s) => ({ name: s.sheet, rows: s.data.map((r) => r.map(xlsxCell)) }))
		};
	}
	if (/\.xlsx$/i.test(fileName)) refuse('拡張子は.xlsxですが、中身は表計算ファイルではありません', 'The name ends in .xlsx but the file is not a spreadsheet');
	const { text, encoding } = decodeText(bytes);
	// A binary file that is not a zip or PDF: control characters other than tabs and line ends.
	if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) refuse('表計算ファイルでもCSVでもありません', 'This is neither a spreadsheet nor a CSV file');
	const rows = csvParseRows(text.replace(/^\uFEFF/, '')).map((r) => r.map((c) => (c === '' ? null : c)));
	// A trailing line end gives no extra row in d3-dsv, but blank lines at the end do: drop them.
	while (rows.length && rows[rows.length - 1].every((c) => c === null)) rows.pop();
	return { fileName, format: 'csv', encoding, sheets: [{ name: fileName.replace(/\.[^.]*$/, ''), rows }] };
}
