import { tidy } from '../normalize/text';
import { VOCABULARY, characterClass, escapeRegExp } from './vocabulary';

/**
 * The 再掲 mark of a row that repeats an initiative printed elsewhere (高齢者等見守りネットワーク事業
 * <再掲>, 生活困窮者の相談支援（再掲）), in brackets of any width, as data/vocabulary.json lists them.
 */
const { word, open, close } = VOCABULARY.repost;
const MARK = `\\s*[${characterClass(open)}]\\s*${escapeRegExp(word)}\\s*[${characterClass(close)}]\\s*`;

export function hasRepostMark(name: string): boolean {
	return new RegExp(MARK).test(name);
}

/** The name without its 再掲 mark, tidied. */
export function withoutRepostMark(name: string): string {
	return tidy(name.replace(new RegExp(MARK, 'g'), ' '));
}
