/** The browser refused something the read needed (its Content-Security-Policy). */
export class BrowserRefused extends Error {
	constructor(
		readonly directive: string,
		readonly blocked: string
	) {
		super(`the browser refused ${blocked || 'a resource'} (${directive})`);
		this.name = 'BrowserRefused';
	}
}

/**
 * Run a read of the user's file so that it always settles. A read the browser stops partway (a
 * library starting a worker from a blob: URL, which the site's worker-src 'self' refuses) can
 * otherwise wait forever on a worker that was never made, and the page would say nothing: the
 * refusal, reported to the document as a `securitypolicyviolation` event, ends it with an error.
 */
export function settleOnRefusal<T>(read: () => Promise<T>, target: EventTarget = document): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const refused = (e: Event) => {
			const v = e as SecurityPolicyViolationEvent;
			reject(new BrowserRefused(v.effectiveDirective ?? '', v.blockedURI ?? ''));
		};
		target.addEventListener('securitypolicyviolation', refused);
		read()
			.then(resolve, reject)
			.finally(() => target.removeEventListener('securitypolicyviolation', refused));
	});
}
