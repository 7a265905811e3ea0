import { readFileSync } from 'node:fs';
import { QualityReport } from '../contract/quality';
import { SITE_DATA_DIR } from '../../../scripts/lib/site-dirs.js';

let cached: QualityReport | null = null;

/** <static>/data/quality.json (static/data for the published site) as the pipeline wrote it, validated by its schema; read once per build. */
export function qualityReport(): QualityReport {
	cached ??= QualityReport.parse(JSON.parse(readFileSync(`${SITE_DATA_DIR}/quality.json`, 'utf8')));
	return cached;
}
