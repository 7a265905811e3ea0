// Where the site build reads its static files (and the dataset under <static>/data) and where it
// writes the site. The published site: static/ → build/. `npm run build:synthetic` points both
// elsewhere (synthetic-data/static → build-synthetic), so the synthetic national data never mixes
// with the published files. Plain JavaScript: svelte.config.js reads it before TypeScript runs.
export const STATIC_DIR = process.env.ATLAS_STATIC_DIR ?? 'static';
export const BUILD_DIR = process.env.ATLAS_BUILD_OUT ?? 'build';
export const SITE_DATA_DIR = `${STATIC_DIR}/data`;
