import { strictSchema, type TableDef } from '../contract/column';

/** Where a record came from, for error messages: file and line. */
export interface RecordPlace {
	file: string;
	line: number | null;
}

export class ValidationError extends Error {
	constructor(
		readonly table: string,
		readonly place: RecordPlace,
		readonly field: string,
		readonly detail: string,
		readonly recordId: string | null
	) {
		super(
			`${place.file}${place.line ? `:${place.line}` : ''}: ${table}.${field}${recordId ? ` (${recordId})` : ''}: ${detail}`
		);
		this.name = 'ValidationError';
	}
}

/**
 * Check every record against its table's schema. The first failure stops with the file, line,
 * table and field, so a broken adapter or source never writes a half-right dataset.
 */
export function validateRows<T>(table: TableDef, rows: readonly unknown[], placeOf: (row: Record<string, unknown>) => RecordPlace): T[] {
	const out: T[] = [];
	const idColumn = Object.keys(table.schema.shape)[0];
	const seen = new Set<string>();
	const strict = strictSchema(table);
	for (const row of rows) {
		const rec = row as Record<string, unknown>;
		const parsed = strict.safeParse(row);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new ValidationError(table.name, placeOf(rec), issue.path.join('.') || '(record)', issue.message, String(rec[idColumn] ?? '') || null);
		}
		// orderBy doubles as the table's key: two rows with the same key would be ambiguous in every page.
		const key = table.orderBy.map((c) => String(rec[c])).join(' | ');
		if (seen.has(key)) {
			throw new ValidationError(table.name, placeOf(rec), table.orderBy.join(', '), `duplicate key ${key}`, String(rec[idColumn] ?? ''));
		}
		seen.add(key);
		out.push(parsed.data as T);
	}
	return out;
}
