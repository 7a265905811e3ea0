import { readFileSync } from 'node:fs';
import { QualityReport } from '../contract/quality';

let cached: QualityReport | null = null;

/** static/data/quality.json as the pipeline wrote it, validated by its schema; read once per build. */
export function qualityReport(): QualityReport {
	cached ??= QualityReport.parse(JSON.parse(readFileSync('static/data/quality.json', 'utf8')));
	return cached;
}
