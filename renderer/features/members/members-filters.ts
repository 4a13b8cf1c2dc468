import { matchesProvenance } from '../../../shared/domain/provenance';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { passesMembership } from '../../../shared/domain/statistics/figures';
import { compareCzech } from '../../../shared/domain/text';
import type { MemberLinkFilters } from '../../lib/deep-links';

/**
 * The filter bar above the Members grid ("" means any), as a Members link carries it: region
 * (NUTS3 code), district, ORP, kind, membership (members by default: the statistics' rule,
 * `passesMembership`), provenance, and the municipalities of one statistics figure.
 */
export type MemberFilters = MemberLinkFilters;

/** The filter bar before the user touches it: the association's members. */
export const DEFAULT_FILTERS: MemberFilters = {
  region: '',
  districtId: '',
  orp: '',
  kind: '',
  membership: 'members',
  provenance: '',
  figure: null,
};

/** Whether the bar differs from its default (then a "clear filters" link is offered). */
export const hasFilters = (filters: MemberFilters): boolean =>
  (Object.keys(DEFAULT_FILTERS) as (keyof MemberFilters)[]).some((key) => filters[key] !== DEFAULT_FILTERS[key]);

/**
 * The rows the filter bar lets through (the grid's own column filters and search apply on top).
 * `figureIds`: the ids of the figure's rows (`filters.figure` set); none pass until core answered.
 */
export function filterMembers(
  rows: readonly MunicipalityRow[],
  filters: MemberFilters,
  figureIds?: ReadonlySet<number>,
): MunicipalityRow[] {
  return rows.filter((row) => memberPasses(row, filters, figureIds));
}

/** Whether one row passes the filter bar (the grid's external filter: called for every row). */
export const memberPasses = (row: MunicipalityRow, filters: MemberFilters, figureIds?: ReadonlySet<number>): boolean =>
  (filters.region === '' || row.regionCode === filters.region) &&
  (filters.districtId === '' || String(row.districtId) === filters.districtId) &&
  (filters.orp === '' || row.orpName === filters.orp) &&
  (filters.kind === '' || row.kind === filters.kind) &&
  passesMembership(filters.membership, row.isMember) &&
  matchesProvenance(row, filters.provenance) &&
  (filters.figure === null || (figureIds?.has(row.id) ?? false));

/** ORP names present in the rows (of the chosen region and district), in Czech order. */
export function orpOptions(rows: readonly MunicipalityRow[], filters: MemberFilters): string[] {
  const names = new Set<string>();
  for (const row of rows) {
    if (row.orpName === null) continue;
    if (filters.region !== '' && row.regionCode !== filters.region) continue;
    if (filters.districtId !== '' && String(row.districtId) !== filters.districtId) continue;
    names.add(row.orpName);
  }
  return [...names].sort(compareCzech);
}
