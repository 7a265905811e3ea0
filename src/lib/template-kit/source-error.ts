/** Raised for input a template cannot read at all; names the place (file, line, field). */
export class SourceError extends Error {
	constructor(
		readonly sourceFile: string,
		readonly line: number,
		readonly field: string | null,
		message: string
	) {
		super(`${sourceFile}:${line}${field ? ` (${field})` : ''}: ${message}`);
		this.name = 'SourceError';
	}
}
