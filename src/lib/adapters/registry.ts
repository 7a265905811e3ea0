import type { Adapter } from './adapter';
import { kitamoto2023 } from './kitamoto-2023';
import { niigataMinami2021 } from './niigata-minami-2021';
import { niigataNishi2020 } from './niigata-nishi-2020';
import { noboribetsuKizuna2017 } from './noboribetsu-kizuna-2017';
import { yamaguchi2018 } from './yamaguchi-2018';
import { tabularSpec } from './tabular-spec';

/** Every template reader, by the id the manifest names. */
export const ADAPTERS: ReadonlyMap<string, Adapter> = new Map(
	[niigataNishi2020, noboribetsuKizuna2017, yamaguchi2018, kitamoto2023, niigataMinami2021, tabularSpec].map((a) => [a.id, a])
);
