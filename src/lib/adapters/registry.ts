import type { Adapter } from './adapter';
import { niigataNishi2020 } from './niigata-nishi-2020';

/** Every template reader, by the id the manifest names. */
export const ADAPTERS: ReadonlyMap<string, Adapter> = new Map(
	[niigataNishi2020].map((a) => [a.id, a])
);
