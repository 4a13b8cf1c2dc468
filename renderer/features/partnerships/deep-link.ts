import { isProvenanceFilter } from '../../components/ProvenanceControls';

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

export function parsePartnershipLink(hash: string): PartnershipLinkFilters {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
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
