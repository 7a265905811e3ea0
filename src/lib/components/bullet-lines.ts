/**
 * A cell printed as a bullet list (・市民に対する… ・ボランティア等の…) reaches us as one line, since the
 * PDF's list became running text. For display only, each ・ that follows a space starts a new line;
 * a ・ between words (学校・地域) is a conjunction and stays. The stored text is not changed.
 */
export function bulletLines(text: string): string {
	return text.replace(/[ \u3000]+(?=・)/g, '\n');
}
