import { describe, expect, it } from 'vitest';
import { bulletLines } from '../../../src/lib/components/bullet-lines';

describe('bulletLines shows a bullet list as lines', () => {
	it('starts a line at each ・ that follows a space (山口市 取組み text)', () => {
		expect(bulletLines('・市民に対するボランティア活動の周知・啓発・意識付け ・団体・グループの活動への助言・支援')).toBe(
			'・市民に対するボランティア活動の周知・啓発・意識付け\n・団体・グループの活動への助言・支援'
		);
	});
	it('leaves a ・ between words alone', () => {
		expect(bulletLines('学校・地域・企業など')).toBe('学校・地域・企業など');
	});
});
