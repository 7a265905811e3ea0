// Every page is prerendered with its data: content shows before any JavaScript or wasm loads.
export const prerender = true;
export const trailingSlash = 'never';
