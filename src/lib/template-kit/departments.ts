import type { Initiative } from '../contract/tables';
import { VOCABULARY, alternation } from './vocabulary';

/** Departments and who runs an initiative, read the same way in every template (data/vocabulary.json). */

const COUNCIL = new RegExp(alternation(VOCABULARY.departments.council));
const SUFFIX = alternation(VOCABULARY.departments.suffixes);

/** The council's names as a regular-expression alternation, for templates that match whole words. */
export const COUNCIL_NAMES = alternation(VOCABULARY.departments.council);

/** The council of social welfare (社会福祉協議会) under either of its names. */
export function isCouncilBody(department: string): boolean {
	return COUNCIL.test(department);
}

/**
 * The endings a template's report uses, where it uses fewer than the vocabulary lists (南区 opens its
 * 担当部署 cell with a …課 only); each must be one the vocabulary lists, so a new ending is added there.
 */
export function departmentSuffixes(used: readonly string[]): readonly string[] {
	const unknown = used.filter((s) => !VOCABULARY.departments.suffixes.includes(s));
	if (unknown.length) throw new Error(`department endings ${unknown.join(', ')} are not in data/vocabulary.json`);
	return used;
}

/**
 * A pattern for one department name: no white space, ending in one of `suffixes` (by default every
 * ending the vocabulary lists: …課, …室, …館, …局, …センター, …事務所). A template narrows it where its
 * report uses fewer (北本市: 課 and 室 only).
 */
export function departmentPattern(suffixes: readonly string[] = VOCABULARY.departments.suffixes): RegExp {
	return new RegExp(`^\\S+(?:${suffixes === VOCABULARY.departments.suffixes ? SUFFIX : alternation(suffixes)})$`);
}

/**
 * Who runs an initiative, from its departments: council for the 社協, city for the municipality's
 * own departments, joint for both, unknown when no department says. `isCityBody` says which names
 * count as the city's (a ward's …課 in 南区; anything but the 社協 in 北本市), so that partner bodies
 * (地域包括支援センター, NPO法人) do not decide it where a report lists them.
 */
export function actorOfDepartments(departments: readonly string[], isCityBody: (d: string) => boolean = (d) => !isCouncilBody(d)): Initiative['actor'] {
	const council = departments.some(isCouncilBody);
	const city = departments.some((d) => !isCouncilBody(d) && isCityBody(d));
	return council && city ? 'joint' : council ? 'council' : city ? 'city' : 'unknown';
}
