import type { Lang } from './index';

/**
 * The level names plans give their goals (基本目標, 施策 …), in English. A plan may name a level no
 * list here knows: it is then shown as printed, marked Japanese (it is source text, not the page's).
 */
const LEVELS_EN: Record<string, string> = {
	基本目標: 'Basic goal',
	目標: 'Goal',
	活動目標: 'Activity goal',
	基本施策: 'Basic policy',
	施策: 'Policy',
	取組: 'Action area',
	分野別計画: 'Field plan'
};

/** The level's name in the page's language, and the language it is in. */
export function goalLevel(lang: Lang, levelJa: string): { text: string; lang: Lang } {
	if (lang === 'ja') return { text: levelJa, lang: 'ja' };
	const en = LEVELS_EN[levelJa];
	return en ? { text: en, lang: 'en' } : { text: levelJa, lang: 'ja' };
}
