/**
 * Observable Plot labels each mark's <g> with aria-label ("bar", "rule"); ARIA does not allow a label
 * on an element without a role, and assistive technology reads the chart from its title and its
 * table anyway. The chart itself keeps its label and the role img.
 */
export function quietMarks(chart: Element): void {
	const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
	svg?.setAttribute('role', 'img');
	for (const g of chart.querySelectorAll('g[aria-label], g[aria-description]')) {
		g.removeAttribute('aria-label');
		g.removeAttribute('aria-description');
	}
}
