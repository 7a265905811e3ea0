/**
 * npm run synth -- --municipalities 1741 --seed 1 [--out DIR]: a synthetic national dataset for
 * measuring the Atlas at the scale of the country (scripts/lib/synthetic-dataset.ts says what it
 * writes; src/lib/synthetic/generate.ts how it is drawn). Deterministic: one seed, one set of bytes.
 * Never written under static/ or build/.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateSynthetic } from '../../src/lib/synthetic/generate';
import { Shape, SHAPE_FILE } from '../../src/lib/synthetic/shape';
import { loadLocalGovernments, loadSchemes } from '../lib/sources';
import { loadCommonGroundInputs } from '../lib/dataset';
import { writeSyntheticDataset } from '../lib/synthetic-dataset';

export const DEFAULT_SYNTH_DIR = 'synthetic-data/input';

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { municipalities: { type: 'string', default: '1741' }, seed: { type: 'string', default: '1' }, out: { type: 'string', default: DEFAULT_SYNTH_DIR } } });
	const municipalities = Number(values.municipalities);
	const seed = Number(values.seed);
	if (!Number.isInteger(municipalities) || municipalities < 1) throw new Error(`--municipalities ${values.municipalities}: a positive whole number`);
	if (!Number.isInteger(seed)) throw new Error(`--seed ${values.seed}: a whole number`);
	const started = performance.now();
	const shapeText = readFileSync(SHAPE_FILE, 'utf8');
	const shape = Shape.parse(JSON.parse(shapeText));
	const { taxonomy, crosswalk } = loadCommonGroundInputs();
	const out = generateSynthetic({ shape, localGovernments: [...loadLocalGovernments().values()], taxonomy, schemes: loadSchemes(), crosswalk, municipalities, seed });
	await writeSyntheticDataset(values.out!, out.tables, out.crosswalk, {
		synthetic: true,
		about: 'SYNTHETIC data (合成データ), for measuring the Atlas at national scale only: drawn by npm run synth from the measured shape of the published reports onto the official municipality list. No row describes a real plan. Never publish it.',
		seed,
		municipalities,
		shape_file: SHAPE_FILE,
		shape_sha256: createHash('sha256').update(shapeText).digest('hex')
	});
	const t = out.tables;
	console.log(
		`synth: ${t.plans.length} plans, ${t.initiatives.length} initiatives, ${t.measures.length} measures, ${t.evaluations.length} evaluations, ${t.initiative_notes.length} notes (seed ${seed}) in ${values.out} in ${Math.round(performance.now() - started)} ms`
	);
}

main().catch((e: Error) => {
	console.error(`synth: ${e.message}`);
	process.exit(1);
});
