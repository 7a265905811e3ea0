import { BASE_SCHEMA } from '../db/connector';
import { stripComments } from './statements';

/**
 * The loaded tables live in a schema of their own and users see views over them: dropping a view
 * loses nothing (reset brings it back). DuckDB has no per-connection permissions, so the workbench
 * refuses, before running, any statement that names that schema or changes which schema unqualified
 * names resolve to (which could make DROP TABLE reach the loaded tables), and statements that would
 * download extensions or change the settings that keep every request on this machine.
 */
export type Refusal = 'names_base_schema' | 'changes_search_path' | 'attaches_database' | 'loads_extension';

export function refusalOf(sql: string): Refusal | null {
	const code = stripComments(sql);
	// Also inside strings: SET search_path = 'atlas_base' names it in a string.
	if (new RegExp(`\\b${BASE_SCHEMA}\\b`, 'i').test(code)) return 'names_base_schema';
	const head = code.trim().toLowerCase();
	if (/^use\b/.test(head)) return 'changes_search_path';
	if (/^(set|reset)\b[\s\S]*\b(search_path|schema)\b/.test(head)) return 'changes_search_path';
	if (/^(attach|detach)\b/.test(head)) return 'attaches_database';
	// Extensions would be downloaded from outside; their settings stay as the workbench set them.
	if (/^(force\s+)?(install|load)\b/.test(head)) return 'loads_extension';
	if (/^(set|reset|pragma)\b[\s\S]*(extension|external_access)/.test(head)) return 'loads_extension';
	return null;
}
