import taxonomyJson from '../../../data/themes/taxonomy.json';
import crosswalkJson from '../../../data/crosswalk.json';
import { TaxonomyFile } from '../themes/taxonomy';
import { CrosswalkFile } from '../grading/crosswalk';
import type { CommonGroundInputs } from '../pipeline/common-ground';

/**
 * The reviewed inputs of the common-ground step, bundled into the import page: the same theme
 * taxonomy and band thresholds as the build, so an imported plan is classified and banded alike.
 */
export const IMPORT_COMMON_GROUND: CommonGroundInputs = {
	taxonomy: TaxonomyFile.parse(taxonomyJson),
	overrides: [],
	crosswalk: CrosswalkFile.parse(crosswalkJson)
};
