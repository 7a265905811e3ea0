import type { SourceEntry } from '../contract/manifest';
import { fullName, type LocalGovernment } from './code';

/**
 * What is wrong with a manifest entry's municipality against the official list, or null: a code
 * that exists nowhere (00000), or a name, prefecture or parent city that does not go with the code.
 */
export function municipalityProblem(m: SourceEntry['municipality'], list: ReadonlyMap<string, LocalGovernment>): string | null {
	const g = list.get(m.muni_code);
	if (!g) return `muni_code ${m.muni_code} is not in the official list of local government codes (data/municipalities/local-governments.json)`;
	const problems: string[] = [];
	if (m.name_ja !== fullName(g)) problems.push(`name_ja is "${m.name_ja}" but ${m.muni_code} is ${fullName(g)}`);
	if (m.prefecture_ja !== g.prefecture_ja) problems.push(`prefecture_ja is "${m.prefecture_ja}" but ${m.muni_code} is in ${g.prefecture_ja}`);
	if (m.parent_code !== g.parent_code) problems.push(`parent_code is ${m.parent_code ?? 'null'} but ${m.muni_code}'s is ${g.parent_code ?? 'null (not a ward)'}`);
	else if (g.parent_code && m.parent_name_ja !== g.parent_name_ja) problems.push(`parent_name_ja is "${m.parent_name_ja}" but ${g.parent_code} is ${g.parent_name_ja}`);
	return problems.length ? problems.join('; ') : null;
}
