import { htmlToText, tidy } from '../normalize/text';

/**
 * One table cell as one line of text: the converter's stray HTML (<ul><li>, <br>) turned into text,
 * its line breaks into spaces, white space tidied. Every template reads its cells through this.
 */
export function cellText(cell: string | undefined): string {
	return tidy(htmlToText(cell ?? '').replace(/\n/g, ' '));
}

/** A tab-separated line as its cells, each read by cellText. */
export function cellsOf(line: string): string[] {
	return line.split('\t').map(cellText);
}
