import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { expandRowsInSteps } from '../../../shared/ipc/compact-rows';
import { call, yieldToBrowser } from '../../lib/api';
import { createRowStore, type DataChange } from '../../lib/row-store';

/** Tables whose rows appear in a Partnerships grid row (names, region, town, areas, last activity). */
const SHOWN_TABLES = new Set([
  'partnerships',
  'municipalities',
  'districts',
  'regions',
  'foreign_towns',
  'partnership_areas',
  'activities',
]);

/** What a change means for the grid: the rows it names, else everything when it touched a shown table. */
export const partnershipsScope = (change: DataChange): 'none' | 'all' | number[] =>
  change.partnershipIds ?? (change.tables.some((table) => SHOWN_TABLES.has(table)) ? 'all' : 'none');

/** The Partnerships grid's rows, kept between visits of the screen (60,000 rows load once). */
export const partnershipsStore = createRowStore<PartnershipRow>({
  // Compact over the bridge, made into rows a few thousand at a time (the window stays responsive).
  loadAll: async () => expandRowsInSteps<PartnershipRow>(await call('partnerships:grid', {}), yieldToBrowser),
  loadSome: (ids) => call('partnerships:list', { ids }),
  idOf: (row) => row.id,
  scope: partnershipsScope,
});
