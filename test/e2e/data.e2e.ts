import { readFileSync, readdirSync } from 'node:fs';
import { parquetReadObjects } from 'hyparquet';
import { unzipSync, strFromU8 } from 'fflate';
import { csvParseRows } from 'd3-dsv';
import { test, expect, readTable } from './fixtures';

test('the data page lists every published table with its row count, and a download re-reads to the same rows', async ({ page, offsite, consoleErrors }) => {
	await page.goto('/data');
	const names = readdirSync('build/data').filter((f) => f.endsWith('.parquet')).map((f) => f.replace(/\.parquet$/, ''));
	expect(names.length).toBeGreaterThan(10);
	await expect(page.locator('[data-testid="tables"] > tbody > tr')).toHaveCount(names.length);
	for (const name of names) {
		const rows = await readTable(name);
		await expect(page.locator(`tr[data-table="${name}"] [data-col="rows"]`)).toHaveText(rows.length.toLocaleString('ja-JP'));
	}
	const [download] = await Promise.all([page.waitForEvent('download'), page.locator('tr[data-table="initiatives"] [data-testid="download"]').click()]);
	const bytes = readFileSync((await download.path())!);
	const downloaded = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
	const served = await readTable('initiatives');
	expect(downloaded.map((r) => [r.initiative_id, r.name_ja])).toEqual(served.map((r) => [r.initiative_id, r.name_ja]));

	// The whole dataset in one archive, beside its version and licence: every table the page lists as
	// Parquet (the served bytes) and CSV, the dictionary, the licence, a README naming the version shown.
	const version = (await page.getByTestId('archive-version').innerText()).trim();
	expect(version).toBe(JSON.parse(readFileSync('build/data/quality.json', 'utf8')).dataset_version);
	await expect(page.getByTestId('archive-licence')).toContainText('CC BY 4.0');
	await expect(page.getByTestId('archive-licence')).toContainText('利用規約を確認');
	const [zip] = await Promise.all([page.waitForEvent('download'), page.getByTestId('archive-download').click()]);
	expect(zip.suggestedFilename()).toBe('atlas-dataset.zip');
	const files = unzipSync(new Uint8Array(readFileSync((await zip.path())!)));
	const listed = await page.locator('[data-testid="tables"] > tbody > tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-table')!));
	const inZip = (dir: string, ext: string) => Object.keys(files).filter((f) => f.startsWith(`atlas-dataset/${dir}/`)).map((f) => f.slice(`atlas-dataset/${dir}/`.length).replace(ext, '')).sort();
	expect(inZip('parquet', '.parquet')).toEqual([...listed].sort());
	expect(inZip('csv', '.csv')).toEqual([...listed].sort());
	for (const name of listed) expect(Buffer.from(files[`atlas-dataset/parquet/${name}.parquet`]).equals(readFileSync(`build/data/${name}.parquet`)), name).toBe(true);
	// A CSV holds the table's rows under its column names, with the BOM.
	const csvBytes = files['atlas-dataset/csv/initiatives.csv'];
	expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	// TextDecoder (strFromU8) drops the byte-order mark it has just been shown to be there.
	const [header, ...rows] = csvParseRows(strFromU8(csvBytes));
	expect(header[0]).toBe('initiative_id');
	expect(rows.map((r) => r[0])).toEqual(served.map((r) => r.initiative_id));
	expect(strFromU8(files['atlas-dataset/README.md'])).toContain(`Dataset version: ${version}`);
	expect(strFromU8(files['atlas-dataset/LICENSE.md'])).toBe(readFileSync('data/LICENSE.md', 'utf8'));
	expect(strFromU8(files['atlas-dataset/DICTIONARY.md'])).toBe(readFileSync('data/DICTIONARY.md', 'utf8'));
	expect(offsite).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

test('the data page names each source with its quality figures and a citation with the dataset version', async ({ page }) => {
	const quality = JSON.parse(readFileSync('build/data/quality.json', 'utf8')) as {
		dataset_version: string;
		sources: { source_file: string; rows_found: { initiatives: number }; warnings: unknown[]; unreadable: number; corrections_used: string[] }[];
	};
	await page.goto('/en/data');
	await expect(page.locator('h1')).toHaveText('Data and sources');
	for (const s of quality.sources) {
		const row = page.locator(`tr[data-source-file="${s.source_file}"]`);
		await expect(row.locator('[data-col="initiatives"]')).toHaveText(s.rows_found.initiatives.toLocaleString('en-GB'));
		await expect(row.locator('[data-col="warnings"]')).toHaveText(String(s.warnings.length));
		await expect(row.locator('[data-col="unreadable"]')).toHaveText(String(s.unreadable));
		await expect(row.locator('[data-col="corrections"]')).toHaveText(String(s.corrections_used.length));
	}
	await expect(page.getByTestId('citation')).toContainText(quality.dataset_version);
	await expect(page.getByTestId('archive-version')).toHaveText(quality.dataset_version);
	await expect(page.getByTestId('archive-licence')).toContainText('CC BY 4.0');
	await expect(page.getByTestId('archive-licence')).toContainText('Check each one’s own terms of use');
	await expect(page.getByTestId('archive-download')).toHaveText(/^Download the whole dataset \(atlas-dataset\.zip, [\d.]+ MB\)$/);
	// A table name opens the SQL workbench on that table.
	await page.locator('tr[data-table="themes"] a').first().click();
	await expect(page).toHaveURL(/\/en\/sql\?q=SELECT/);
});

test('the data page explains every warning code of the quality report, with how often it occurs', async ({ page }) => {
	const quality = JSON.parse(readFileSync('build/data/quality.json', 'utf8')) as {
		warning_codes: { code: string; severity: string; unreadable: boolean; ja: string; en: string }[];
		sources: { warnings: { code: string }[] }[];
	};
	const used = quality.sources.flatMap((s) => s.warnings.map((w) => w.code));
	expect(used.length).toBeGreaterThan(0);
	await page.goto('/data');
	const rows = page.getByTestId('warning-codes').locator('tbody tr');
	await expect(rows).toHaveCount(quality.warning_codes.length);
	for (const w of quality.warning_codes) {
		const row = page.locator(`[data-testid="warning-codes"] tr[data-code="${w.code}"]`);
		await expect(row.locator('[data-col="meaning"]')).toHaveText(w.ja);
		await expect(row.locator('[data-col="count"]')).toHaveText(String(used.filter((c) => c === w.code).length));
		await expect(row.locator('[data-col="unreadable-kind"]')).toHaveCount(w.unreadable ? 1 : 0);
	}
	await page.goto('/en/data');
	await expect(page.locator('[data-testid="warning-codes"] tr[data-code="unreadable_grade"] [data-col="meaning"]')).toHaveText('the grade mark cannot be read: kept raw, grade left empty');
});
