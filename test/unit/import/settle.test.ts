import { describe, expect, it } from 'vitest';
import { BrowserRefused, settleOnRefusal } from '../../../src/lib/import/settle';

/** The event a browser reports to the document when its Content-Security-Policy refuses something. */
function violation(directive: string, blocked: string): Event {
	return Object.assign(new Event('securitypolicyviolation'), { effectiveDirective: directive, blockedURI: blocked });
}

describe('a read of the user\'s file always settles', () => {
	it('a read the browser refuses partway ends with the refusal, instead of waiting forever', async () => {
		const doc = new EventTarget();
		const never = settleOnRefusal(() => new Promise<never>(() => {}), doc);
		doc.dispatchEvent(violation('worker-src', 'blob'));
		await expect(never).rejects.toThrow(BrowserRefused);
		await expect(never).rejects.toThrow('the browser refused blob (worker-src)');
	});

	it('a read that ends gives its result or its error, and stops listening', async () => {
		const doc = new EventTarget();
		await expect(settleOnRefusal(async () => 42, doc)).resolves.toBe(42);
		await expect(settleOnRefusal(async () => { throw new Error('bad zip'); }, doc)).rejects.toThrow('bad zip');
		// A refusal after the read has ended belongs to something else.
		const later = settleOnRefusal(async () => 'done', doc);
		await later;
		doc.dispatchEvent(violation('img-src', 'https://example.org/x.png'));
		await expect(later).resolves.toBe('done');
	});
});
