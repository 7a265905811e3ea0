/**
 * What a page shows: the data prerendered with it first, then DuckDB-wasm's answer to the same
 * query once the in-browser database is up. When new prerendered data arrives (a client-side
 * navigation to another page of the same route), it is shown again until the browser answers for it.
 */
export class LiveView<T> {
	#answer = $state.raw<{ for: T; value: T } | null>(null);

	constructor(private readonly prerendered: () => T) {}

	#current(): { for: T; value: T } | null {
		const answer = this.#answer;
		return answer && answer.for === this.prerendered() ? answer : null;
	}

	get value(): T {
		return this.#current()?.value ?? this.prerendered();
	}

	/** Where the shown data comes from; pages expose it (data-source) so tests can wait for the browser. */
	get source(): 'prerender' | 'browser' {
		return this.#current() ? 'browser' : 'prerender';
	}

	/** Run the page's query in the browser; an empty answer (not found) keeps the prerendered data. */
	async refresh(query: () => Promise<T | null | undefined>): Promise<void> {
		const asked = this.prerendered();
		const value = await query();
		if (value) this.#answer = { for: asked, value };
	}
}
