import type { ParamMatcher } from '@sveltejs/kit';

/** Japanese is the default and has no prefix; English pages live under /en/. */
export const match: ParamMatcher = (param) => param === 'en';
