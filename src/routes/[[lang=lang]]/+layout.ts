import { langOf, langOfPath } from '$lib/i18n';
import type { LayoutLoad } from './$types';

// An address no route matches (the not-found page served for /en/anything) has no lang parameter:
// its language is read from the path. The server's data (dataset version, cited sources) passes through.
export const load: LayoutLoad = ({ params, url, data }) => ({ ...data, lang: params.lang ? langOf(params.lang) : langOfPath(url.pathname) });
