import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { expandRowsInSteps } from '../../../shared/ipc/compact-rows';
import { call, yieldToBrowser } from '../../lib/api';
import { createRowStore, type DataChange } from '../../lib/row-store';

/** Tables whose rows appear in a Members grid row (names, district, region, partnership counts). */
const SHOWN_TABLES = new Set(['municipalities', 'districts', 'regions', 'partnerships']);

/**
 * What a change means for the Members grid: the municipalities it names; nothing for a change of
 * a partnership's own details (contacts, activities: the counts stay); else everything when it
 * touched a shown table (an import, a restored backup).
 */
export const membersScope = (change: DataChange): 'none' | 'all' | number[] => {
  if (change.municipalityIds !== undefined) return change.municipalityIds;
  if (change.partnershipIds !== undefined) return 'none';
  return change.tables.some((table) => SHOWN_TABLES.has(table)) ? 'all' : 'none';
};

/** The Members grid's rows, kept between visits of the screen (100,000 municipalities load once). */
export const membersStore = createRowStore<MunicipalityRow>({
  // Compact over the bridge, made into rows a few thousand at a time (the window stays responsive).
  loadAll: async () => expandRowsInSteps<MunicipalityRow>(await call('municipalities:grid', {}), yieldToBrowser),
  loadSome: (ids) => call('municipalities:list', { ids }),
  idOf: (row) => row.id,
  scope: membersScope,
});
