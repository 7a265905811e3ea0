import { langOf } from '$lib/i18n';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = ({ params }) => ({ lang: langOf(params.lang) });
