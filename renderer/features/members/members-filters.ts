import type { MunicipalityKind } from '../../../shared/domain/codes';
import { membershipState, type MembershipState } from '../../../shared/domain/municipality-rules';
import { matchesProvenance } from '../../../shared/domain/provenance';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { compareCzech } from '../../../shared/domain/text';

/** The filter bar above the Members grid; empty string means "any". */
export type MemberFilters = {
  regionId: string;
  districtId: string;
  orp: string;
  kind: MunicipalityKind | '';
  membership: MembershipState | '';
  /** "" (any), "unverified", "verified", an origin, or "import:<run id>". */
  provenance: string;
};

export const NO_FILTERS: MemberFilters = {
  regionId: '',
  districtId: '',
  orp: '',
  kind: '',
  membership: '',
  provenance: '',
};

export const hasFilters = (filters: MemberFilters): boolean => Object.values(filters).some((value) => value !== '');

/** The rows the filter bar lets through (the grid's own column filters and search apply on top). */
export function filterMembers(rows: readonly MunicipalityRow[], filters: MemberFilters): MunicipalityRow[] {
  return rows.filter(
    (row) =>
      (filters.regionId === '' || String(row.regionId) === filters.regionId) &&
      (filters.districtId === '' || String(row.districtId) === filters.districtId) &&
      (filters.orp === '' || row.orpName === filters.orp) &&
      (filters.kind === '' || row.kind === filters.kind) &&
      (filters.membership === '' || membershipState(row) === filters.membership) &&
      matchesProvenance(row, filters.provenance),
  );
}

/** ORP names present in the rows (of the chosen region and district), in Czech order. */
export function orpOptions(rows: readonly MunicipalityRow[], filters: MemberFilters): string[] {
  const names = new Set<string>();
  for (const row of rows) {
    if (row.orpName === null) continue;
    if (filters.regionId !== '' && String(row.regionId) !== filters.regionId) continue;
    if (filters.districtId !== '' && String(row.districtId) !== filters.districtId) continue;
    names.add(row.orpName);
  }
  return [...names].sort(compareCzech);
}
