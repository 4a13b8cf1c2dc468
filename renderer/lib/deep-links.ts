/**
 * Deep links between screens live in the URL hash (`#/<screen>?<query>`), so a screen can open
 * another one preset without either importing the other. Every link is built and read here.
 */

/**
 * Filters preset by a deep link
 * `#/partnerships?municipality=<id>&country=<ISO2>&region=<NUTS3>&provenance=<filter>` (any subset).
 */
export type PartnershipLinkFilters = {
  municipalityId: number | null;
  countryCode: string | null;
  regionCode: string | null;
  /** "" (any), "unverified", "verified", an origin, or "import:<run id>". */
  provenance: string;
};

/** Where a record came from, as a provenance filter names it. */
export const PROVENANCE_ORIGINS = ['unverified', 'verified', 'manual', 'demo', 'request', 'unknown'] as const;

/** A filter value a link may carry (`?provenance=import:5`). */
export const isProvenanceFilter = (value: string): boolean =>
  value === '' || (PROVENANCE_ORIGINS as readonly string[]).includes(value) || /^import:\d{1,9}$/.test(value);

const queryOf = (hash: string): URLSearchParams =>
  new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');

export function parsePartnershipLink(hash: string): PartnershipLinkFilters {
  const params = queryOf(hash);
  const municipality = Number(params.get('municipality'));
  const country = (params.get('country') ?? '').toUpperCase();
  const region = (params.get('region') ?? '').toUpperCase();
  const provenance = params.get('provenance') ?? '';
  return {
    municipalityId: Number.isInteger(municipality) && municipality > 0 ? municipality : null,
    countryCode: /^[A-Z]{2}$/.test(country) ? country : null,
    regionCode: /^CZ[0-9A-Z]{3}$/.test(region) ? region : null,
    provenance: isProvenanceFilter(provenance) ? provenance : '',
  };
}

/** The Partnerships grid filtered to one member, a country or a region. */
export function partnershipsLink(
  filter: { municipality: number | null } | { country: string } | { region: string },
): string {
  if ('municipality' in filter) return `#/partnerships?municipality=${String(filter.municipality ?? '')}`;
  if ('country' in filter) return `#/partnerships?country=${filter.country}`;
  return `#/partnerships?region=${filter.region}`;
}

/** The partnership an Agreements link (`#/agreements?partnership=<id>`) names, if the hash holds a valid one. */
export function parseAgreementLink(hash: string): number | null {
  const value = Number(queryOf(hash).get('partnership'));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** Goes to a deep link (the screen it names reads it on hashchange or when it mounts). */
export function openLink(link: string): void {
  window.location.hash = link;
}
