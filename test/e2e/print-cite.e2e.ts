import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { test, expect, readTables } from './fixtures';

/** The text of a PDF, page by page, as pdf.js reads it. */
async function pdfText(bytes: Buffer): Promise<string[]> {
	const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
	const pages: string[] = [];
	for (let k = 1; k <= doc.numPages; k++) {
		const content = await (await doc.getPage(k)).getTextContent();
		// NFKC: the PDF's CJK fonts map some kanji to their compatibility radicals (⼿ for 手).
		pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' ').normalize('NFKC'));
	}
	await doc.destroy();
	return pages;
}

test('a municipality page prints as an A4 handout: title, date, dataset version, figures and source lines, no navigation or buttons', async ({ page }) => {
	const { quality } = { quality: JSON.parse((await import('node:fs')).readFileSync('build/data/quality.json', 'utf8')) };
	await page.goto('/en/municipalities/15106');
	await expect(page.getByTestId('db-status').first()).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	await expect(page.getByTestId('print-line')).toContainText(new Date().toISOString().slice(0, 10));
	const pdf = await page.pdf({ format: 'A4', printBackground: false });
	const pages = await pdfText(pdf);
	const all = pages.join('\n').replace(/\s+/g, ' ');
	expect(pages.length).toBeGreaterThan(0);
	expect(all).toContain('Minami Ward');
	expect(all).toContain(`Dataset version ${quality.dataset_version}`);
	expect(all).toContain(new Date().toISOString().slice(0, 10));
	// The pairs table with its figures, and the quality report's source file.
	expect(all).toContain('Target');
	expect(all).toContain('001_c33035deea92b73f.txt');
	// No navigation, buttons or the database's status line.
	for (const chrome of ['Overview', 'Download CSV', 'Download SVG', 'Cite this page', 'In-browser database ready']) expect(all).not.toContain(chrome);
});

test('an initiative page prints its source lines', async ({ page }) => {
	const { initiatives } = await readTables('initiatives');
	const i = initiatives.find((x) => x.initiative_id === '15106-001')!;
	await page.goto('/initiatives/15106-001');
	const pdf = await page.pdf({ format: 'A4' });
	const all = (await pdfText(pdf)).join('\n').replace(/\s+/g, '');
	expect(all).toContain(String(i.name_ja).normalize('NFKC').replace(/\s+/g, ''));
	expect(all).toContain(String(i.source_file));
	expect(all).not.toContain('ダウンロード');
});

test('every page offers a citation in plain text and BibTeX with its title, version, date, address and sources, and copies it', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const quality = JSON.parse((await import('node:fs')).readFileSync('build/data/quality.json', 'utf8'));
	const { plans } = await readTables('plans');
	const today = new Date().toISOString().slice(0, 10);
	await page.goto('/en/municipalities/15106');
	await page.getByTestId('cite').locator('summary').click();
	const text = page.getByTestId('cite-text');
	await expect(text).toContainText('Welfare Plan Atlas');
	const plain = (await text.textContent())!;
	expect(plain).toContain(`Dataset version ${quality.dataset_version}`);
	expect(plain).toContain(`accessed ${today}`);
	expect(plain).toContain(page.url());
	const own = plans.filter((p) => p.muni_code === '15106');
	for (const p of own) expect(plain).toContain(String(p.title_ja));
	// Only this municipality's reports on its page.
	for (const p of plans.filter((p) => p.muni_code !== '15106')) expect(plain).not.toContain(String(p.title_ja));
	const bibtex = (await page.getByTestId('cite-bibtex').textContent())!;
	expect(bibtex).toMatch(/^@misc\{atlas-[A-Za-z0-9]+-\d{8},/);
	expect(bibtex).toContain(`url = {${page.url()}}`);
	expect(bibtex).toContain(`urldate = {${today}}`);
	expect(bibtex).toContain(`version = {${quality.dataset_version.replace(/_/g, '\\_')}}`);
	await page.getByTestId('cite-copy-bibtex').click();
	await expect(page.getByTestId('cite-copied')).not.toBeEmpty();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex);
	await page.getByTestId('cite-copy-text').click();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(plain);
	// Elsewhere, every source.
	await page.goto('/themes/salon');
	await page.getByTestId('cite').locator('summary').click();
	for (const p of plans) await expect(page.getByTestId('cite-text')).toContainText(String(p.title_ja));
});
