import { z } from 'zod';
import { column, defineTable } from './column';

/** Computed once by the pipeline (src/lib/comparable/rank.ts), read by the initiative page. */
export const comparableInitiatives = defineTable({
	name: 'comparable_initiatives',
	rowEn: 'one initiative of another municipality that does comparable work, with its rank and why',
	rowJa: '他の市区町村の類似する取組 1件（順位と理由つき）',
	orderBy: ['initiative_id', 'rank'],
	schema: z.object({
		initiative_id: column(z.string().min(1), 'VARCHAR', 'the initiative compared', '比較の起点となる取組ID'),
		rank: column(z.number().int().positive(), 'INTEGER', '1 = most comparable (more shared themes, then more similar names, then id); at most 10 per initiative', '順位（1＝最も類似。共有テーマ数、名称の類似度、IDの順。取組ごとに最大10件）'),
		comparable_id: column(z.string().min(1), 'VARCHAR', 'the comparable initiative, in another municipality; never a 再掲 row', '類似する取組ID（他の市区町村、再掲は除く）'),
		shared_themes: column(z.array(z.string()), 'VARCHAR[]', 'themes both carry (initiative_themes), sorted', '共有するテーマID'),
		similarity: column(z.number().min(0).max(1), 'DOUBLE', 'Jaccard similarity of the two names over distinct character bigrams, two decimals', '名称の類似度（文字バイグラムのJaccard係数、小数2桁）'),
		reason: column(z.enum(['shared_themes', 'similar_name']), 'VARCHAR', 'shared_themes: they share at least one theme; similar_name: no shared theme, names at least 0.2 alike', '理由（shared_themes＝テーマを共有、similar_name＝テーマの共有はなく名称の類似度が0.2以上）')
	})
});

export type ComparableInitiativeRow = z.infer<typeof comparableInitiatives.schema>;
