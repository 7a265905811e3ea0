/**
 * npm run source:add -- FILE --template ID --code 01230 --name-ja … (see usage below)
 *
 * Adds a report to the dataset in one step: copies FILE into data/sources/ under the next number,
 * computes its sha256, writes its manifest entry (checked by the manifest's schema), starts its
 * corrections file, reads it once with its template to show what it gives, and rewrites the README's
 * per-source table. Nothing is copied or computed by hand. The template must exist
 * (src/lib/adapters/<ID>.json or .ts); a new template is its spec file, added before this command.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Manifest, SourceEntry } from '../src/lib/contract/manifest';
import { ADAPTERS } from '../src/lib/adapters/registry';
import { loadManifest, loadSchemes, sha256, DATA_DIR, SOURCES_DIR } from './lib/sources';

const USAGE = `usage: npm run source:add -- FILE --template ID --code NNNNN --name-ja 名前 --name-en NAME
    --prefecture-ja 都道府県 --prefecture-en PREFECTURE --title-ja 計画名 --title-en TITLE --actor-ja 作成者
    --report-year YYYY --years YYYY[,YYYY…] [--scheme SCHEME_ID] [--parent-code NNNNN --parent-name-ja 市 --parent-name-en CITY]`;

function fail(message: string): never {
	console.error(`source:add: ${message}\n${USAGE}`);
	process.exit(1);
}

export function addSource(argv: string[], dataDir = DATA_DIR, sourcesDir = SOURCES_DIR): SourceEntry {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: Object.fromEntries(
			['template', 'code', 'name-ja', 'name-en', 'prefecture-ja', 'prefecture-en', 'title-ja', 'title-en', 'actor-ja', 'report-year', 'years', 'scheme', 'parent-code', 'parent-name-ja', 'parent-name-en'].map((k) => [k, { type: 'string' as const }])
		)
	});
	const file = positionals[0];
	if (!file) throw new Error('name the report file (its text, extracted from the PDF)');
	if (!existsSync(file)) throw new Error(`${file}: no such file`);
	const need = ['template', 'code', 'name-ja', 'name-en', 'prefecture-ja', 'prefecture-en', 'title-ja', 'title-en', 'actor-ja', 'report-year', 'years'].filter((k) => !values[k]);
	if (need.length) throw new Error(`missing ${need.map((k) => `--${k}`).join(', ')}`);
	const template = values.template!;
	if (!ADAPTERS.has(template)) throw new Error(`--template ${template}: no such template; the templates are ${[...ADAPTERS.keys()].join(', ')} (a new one is a spec in src/lib/adapters/)`);
	if (values.scheme && !loadSchemes(dataDir).some((s) => s.scheme_id === values.scheme)) throw new Error(`--scheme ${values.scheme}: not in ${join(dataDir, 'grading-schemes.json')}`);

	const bytes = readFileSync(file);
	const hash = sha256(bytes);
	const manifest = loadManifest(sourcesDir);
	const already = manifest.sources.find((s) => s.sha256 === hash);
	if (already) throw new Error(`${file}: the manifest already has this report as ${already.file}`);
	// Next number, then the first 16 hex digits of the report's sha256: stable, and never two alike.
	const inPlace = resolve(file).startsWith(resolve(sourcesDir));
	const name = inPlace ? basename(file) : `${String(manifest.sources.length).padStart(3, '0')}_${hash.slice(0, 16)}.txt`;
	const years = values.years!.split(',').map(Number);
	const entry = SourceEntry.safeParse({
		file: name,
		sha256: hash,
		adapter: template,
		municipality: {
			muni_code: values.code,
			name_ja: values['name-ja'],
			name_en: values['name-en'],
			prefecture_ja: values['prefecture-ja'],
			prefecture_en: values['prefecture-en'],
			parent_code: values['parent-code'] ?? null,
			parent_name_ja: values['parent-name-ja'] ?? null,
			parent_name_en: values['parent-name-en'] ?? null
		},
		plan: {
			plan_id: `${values.code}-${values['report-year']}`,
			title_ja: values['title-ja'],
			title_en: values['title-en'],
			actor_ja: values['actor-ja'],
			report_fiscal_year: Number(values['report-year']),
			fiscal_years: years
		},
		scheme_id: values.scheme ?? null
	});
	if (!entry.success) {
		const issue = entry.error.issues[0];
		throw new Error(`the manifest entry would be invalid: ${issue.path.join('.')}: ${issue.message}`);
	}
	if (manifest.sources.some((s) => s.plan.plan_id === entry.data.plan.plan_id)) throw new Error(`plan ${entry.data.plan.plan_id} is already in the manifest`);

	if (!inPlace) copyFileSync(file, join(sourcesDir, name));
	// Appended as text, so the reviewed entries above keep their layout and the diff is the new entry only.
	const path = join(sourcesDir, 'manifest.json');
	const text = readFileSync(path, 'utf8');
	const end = text.lastIndexOf(']');
	const added = `${text.slice(0, end).trimEnd()},\n${JSON.stringify(entry.data, null, 2).replace(/^/gm, '    ')}\n  ${text.slice(end)}`;
	Manifest.parse(JSON.parse(added));
	writeFileSync(path, added);
	const corrections = join(dataDir, 'corrections', name.replace(/\.txt$/, '.json'));
	if (!existsSync(corrections)) writeFileSync(corrections, '{ "corrections": [] }\n');
	return entry.data;
}

if (process.argv[1]?.endsWith('add-source.ts')) {
	const argv = process.argv.slice(2);
	// --reviewed is for source:review: who read the report against its text, and when.
	const at = argv.indexOf('--reviewed');
	const reviewed = at >= 0 ? argv[at + 1] : undefined;
	let entry: SourceEntry;
	try {
		entry = addSource(at >= 0 ? argv.filter((_, i) => i !== at && i !== at + 1) : argv);
	} catch (e) {
		fail((e as Error).message);
	}
	const { readReport } = await import('../src/lib/template-kit/read');
	const { loadDocument, loadCorrections } = await import('./lib/sources');
	const scheme = loadSchemes().find((s) => s.scheme_id === entry.scheme_id) ?? null;
	const r = readReport(ADAPTERS.get(entry.adapter)!, loadDocument(entry), { scheme, corrections: loadCorrections() });
	console.log(`source:add: ${entry.file} (${entry.municipality.name_ja}, ${entry.adapter}): ${r.initiatives.length} initiatives, ${r.measures.length} measures, ${r.evaluations.length} grades, ${r.warnings.length} warnings`);
	const { execFileSync } = await import('node:child_process');
	if (reviewed) {
		execFileSync('npx', ['tsx', 'scripts/review-source.ts', '--reviewed', reviewed, entry.file], { stdio: 'inherit' });
		execFileSync('npx', ['tsx', 'scripts/write-readme.ts'], { stdio: 'inherit' });
		console.log(`source:add: now npm run test:unit writes its golden file test/golden/${entry.file.replace(/\.txt$/, '.jsonl')}: review it and commit`);
	} else {
		console.log(`source:add: read ${entry.file} against its report, then record that with npm run source:review -- --reviewed "<who, date, against what>" ${entry.file} and run npm run readme (or pass --reviewed to this command)`);
	}
}
