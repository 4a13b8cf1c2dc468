/**
 * Deep links between screens live in the URL hash (`#/<screen>?<query>`), so a screen can open
 * another one preset without either importing the other. Every link is built and read here.
 */

import { MUNICIPALITY_KINDS, type MunicipalityKind } from '../../shared/domain/codes';
import {
  FIGURE_GRID,
  MEMBERSHIP_FILTERS,
  STATS_FIGURES,
  type MembershipFilter,
  type StatsFigure,
} from '../../shared/domain/statistics/figures';
import type { StatsFilterInput } from '../../shared/domain/statistics/filter';

/**
 * A key figure of the statistics a grid shows the rows of: the figure and the statistics filter
 * it was counted with (the grid asks core for exactly those rows, `stats:figureRows`).
 */
export type StatsFigureLink = { figure: StatsFigure; filter: StatsFilterInput };

/**
 * Filters preset by a deep link
 * `#/partnerships?municipality=<id>&country=<ISO2>&region=<NUTS3>&provenance=<filter>&membership=<m>`
 * (any subset), plus a statistics figure (`figure=<figure>&from=…&to=…&type=…&status=…&dormant=…`).
 */
export type PartnershipLinkFilters = {
  municipalityId: number | null;
  countryCode: string | null;
  regionCode: string | null;
  /** "" (any), "unverified", "verified", an origin, or "import:<run id>". */
  provenance: string;
  /** Partnerships of members (the default), of non-members, or all. */
  membership: MembershipFilter;
  /** The rows of one statistics figure, or null. */
  figure: StatsFigureLink | null;
};

/** The filter bar of the Partnerships grid before the user touches it: partnerships of members. */
export const DEFAULT_PARTNERSHIP_FILTERS: PartnershipLinkFilters = {
  municipalityId: null,
  countryCode: null,
  regionCode: null,
  provenance: '',
  membership: 'members',
  figure: null,
};

/** Whether the Partnerships filter bar differs from its default (then "Clear filters" is offered). */
export const hasPartnershipFilters = (filters: PartnershipLinkFilters): boolean =>
  filters.municipalityId !== DEFAULT_PARTNERSHIP_FILTERS.municipalityId ||
  filters.countryCode !== DEFAULT_PARTNERSHIP_FILTERS.countryCode ||
  filters.regionCode !== DEFAULT_PARTNERSHIP_FILTERS.regionCode ||
  filters.provenance !== DEFAULT_PARTNERSHIP_FILTERS.provenance ||
  filters.membership !== DEFAULT_PARTNERSHIP_FILTERS.membership ||
  filters.figure !== DEFAULT_PARTNERSHIP_FILTERS.figure;

const isMembership = (value: string | null): value is MembershipFilter =>
  (MEMBERSHIP_FILTERS as readonly (string | null)[]).includes(value);

/** Where a record came from, as a provenance filter names it. */
export const PROVENANCE_ORIGINS = ['unverified', 'verified', 'manual', 'demo', 'request', 'unknown'] as const;

/** A filter value a link may carry (`?provenance=import:5`). */
export const isProvenanceFilter = (value: string): boolean =>
  value === '' || (PROVENANCE_ORIGINS as readonly string[]).includes(value) || /^import:\d{1,9}$/.test(value);

const queryOf = (hash: string): URLSearchParams =>
  new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');

const regionOf = (params: URLSearchParams, key = 'region'): string | null => {
  const region = (params.get(key) ?? '').toUpperCase();
  return /^CZ[0-9A-Z]{3}$/.test(region) ? region : null;
};

/**
 * The statistics figure a link names, with its filter (`figure`, `fregion`, `fdistrict`, `forp`,
 * `fmembership`, `from`, `to`, `type`, `status`, `dormant`, `today`), when the figure counts rows of `grid`. The figure's
 * region and membership have their own names: the grid's bar may be changed after (a saved view
 * keeps both). A filter the statistics would refuse gives no figure (`useFigureIds` drops it).
 */
function figureOf(params: URLSearchParams, grid: 'members' | 'partnerships'): StatsFigureLink | null {
  const figure = params.get('figure');
  if (!(STATS_FIGURES as readonly (string | null)[]).includes(figure)) return null;
  const chosen = figure as StatsFigure;
  if (FIGURE_GRID[chosen] !== grid) return null;
  return { figure: chosen, filter: statsFilterOf(params) };
}

/**
 * The statistics filter link parameters hold (written by `writeStatsFilter`), as read: it is
 * checked with the statistics' own rule where it is used (`useFigureIds`, the Map screen), which
 * keeps that rule (and zod) out of the first screen's script.
 */
function statsFilterOf(params: URLSearchParams): StatsFilterInput {
  const year = (key: string) => (/^\d{4}$/.test(params.get(key) ?? '') ? Number(params.get(key)) : null);
  const list = (key: string) => (params.get(key) ?? '').split(',').filter((code) => code !== '');
  const dormant = Number(params.get('dormant') ?? '3');
  // The territory: `fregion`, `fdistrict`, `forp`, each repeated per unit (an old link has one `fregion`).
  const units = (key: string) => params.getAll(key).filter((code) => code !== '');
  return {
    regions: units('fregion').map((code) => code.toUpperCase()),
    districts: units('fdistrict').map((code) => code.toUpperCase()),
    orps: units('forp'),
    membership: params.get('fmembership') ?? 'members',
    fromYear: year('from'),
    toYear: year('to'),
    types: list('type'),
    statuses: list('status'),
    dormantYears: dormant,
    today: params.get('today'),
  } as StatsFilterInput;
}

/**
 * The map with a statistics filter (`#/map?fregion=…&fdistrict=…&forp=…&from=…`): the Statistics
 * screen shows its territory on the map so. Read back by `parseMapLink`.
 */
export function mapLink(filter: StatsFilterInput): string {
  const params = new URLSearchParams();
  writeStatsFilter(params, filter);
  return `#/map?${params.toString()}`;
}

/** The map's filter from its link, as read (the Map screen checks it: one refused gives the default filter). */
export function parseMapLink(hash: string): StatsFilterInput {
  return statsFilterOf(queryOf(hash));
}

export function parsePartnershipLink(hash: string): PartnershipLinkFilters {
  const params = queryOf(hash);
  const municipality = Number(params.get('municipality'));
  const municipalityId = Number.isInteger(municipality) && municipality > 0 ? municipality : null;
  const country = (params.get('country') ?? '').toUpperCase();
  const provenance = params.get('provenance') ?? '';
  const membership = params.get('membership');
  return {
    municipalityId,
    countryCode: /^[A-Z]{2}$/.test(country) ? country : null,
    regionCode: regionOf(params),
    provenance: isProvenanceFilter(provenance) ? provenance : '',
    // A link to one municipality's partnerships shows them whether it is a member or not.
    membership: isMembership(membership) ? membership : municipalityId !== null ? 'all' : 'members',
    figure: figureOf(params, 'partnerships'),
  };
}

/**
 * Filters preset by a Members link
 * `#/members?region=<NUTS3>&district=<id>&orp=<name>&kind=<kind>&membership=<m>&provenance=<p>`
 * (any subset) plus a statistics figure; "" means any.
 */
export type MemberLinkFilters = {
  region: string;
  districtId: string;
  orp: string;
  kind: MunicipalityKind | '';
  membership: MembershipFilter;
  provenance: string;
  figure: StatsFigureLink | null;
};

export function parseMembersLink(hash: string): MemberLinkFilters {
  const params = queryOf(hash);
  const membership = params.get('membership');
  const district = params.get('district') ?? '';
  const kind = params.get('kind') ?? '';
  const provenance = params.get('provenance') ?? '';
  return {
    region: regionOf(params) ?? '',
    districtId: /^[1-9]\d{0,9}$/.test(district) ? district : '',
    orp: (params.get('orp') ?? '').slice(0, 200),
    kind: (MUNICIPALITY_KINDS as readonly string[]).includes(kind) ? (kind as MunicipalityKind) : '',
    membership: isMembership(membership) ? membership : 'members',
    provenance: isProvenanceFilter(provenance) ? provenance : '',
    figure: figureOf(params, 'members'),
  };
}

/** The Members grid's whole filter bar as a link (a saved view keeps it so; read back by `parseMembersLink`). */
export function membersFiltersLink(filters: MemberLinkFilters): string {
  const params = new URLSearchParams();
  if (filters.figure !== null) writeFigure(params, filters.figure.figure, filters.figure.filter);
  if (filters.region !== '') params.set('region', filters.region);
  if (filters.districtId !== '') params.set('district', filters.districtId);
  if (filters.orp !== '') params.set('orp', filters.orp);
  if (filters.kind !== '') params.set('kind', filters.kind);
  params.set('membership', filters.membership);
  if (filters.provenance !== '') params.set('provenance', filters.provenance);
  return `#/members?${params.toString()}`;
}

/** Writes a figure and its statistics filter into link parameters (read back by `figureOf`). */
function writeFigure(params: URLSearchParams, figure: StatsFigure, filter: StatsFilterInput): void {
  params.set('figure', figure);
  // The municipalities of a territory do not depend on the partnerships' years, types or statuses:
  // the grid's chip named a year filter that changed nothing (walkthrough 12).
  writeStatsFilter(
    params,
    figure === 'municipalities'
      ? {
          ...filter,
          fromYear: undefined,
          toYear: undefined,
          types: undefined,
          statuses: undefined,
          dormantYears: undefined,
        }
      : filter,
  );
}

/** Writes a statistics filter into link parameters (read back by `statsFilterOf`). */
function writeStatsFilter(params: URLSearchParams, filter: StatsFilterInput): void {
  const regions = [...(filter.region ? [filter.region] : []), ...(filter.regions ?? [])];
  if (regions.length === 0) params.set('fregion', '');
  for (const code of regions) params.append('fregion', code);
  for (const code of filter.districts ?? []) params.append('fdistrict', code);
  for (const key of filter.orps ?? []) params.append('forp', key);
  params.set('fmembership', filter.membership ?? 'members');
  if (filter.fromYear != null) params.set('from', String(filter.fromYear));
  if (filter.toYear != null) params.set('to', String(filter.toYear));
  if (filter.types && filter.types.length > 0) params.set('type', filter.types.join(','));
  if (filter.statuses && filter.statuses.length > 0) params.set('status', filter.statuses.join(','));
  if (filter.dormantYears !== undefined) params.set('dormant', String(filter.dormantYears));
  if (filter.today) params.set('today', filter.today);
}

/**
 * The grid that shows exactly the rows a statistics figure counts: Members for municipalities,
 * Partnerships for partnerships; the statistics filter goes along (region and membership also
 * set the grid's own filter bar).
 */
export function statsFigureLink(figure: StatsFigure, filter: StatsFilterInput): string {
  const params = new URLSearchParams();
  writeFigure(params, figure, filter);
  // The grid's own bar shows the same region (when the territory is one kraj) and membership.
  const regions = [...(filter.region ? [filter.region] : []), ...(filter.regions ?? [])];
  const only = regions.length === 1 && !filter.districts?.length && !filter.orps?.length ? regions[0] : undefined;
  if (only !== undefined) params.set('region', only);
  params.set('membership', filter.membership ?? 'members');
  return `#/${FIGURE_GRID[figure]}?${params.toString()}`;
}

/**
 * The Partnerships grid's whole filter bar as a link (a saved view keeps it so; read back by
 * `parsePartnershipLink`). A figure's region and membership are the bar's own.
 */
export function partnershipFiltersLink(filters: PartnershipLinkFilters): string {
  const params = new URLSearchParams();
  if (filters.figure !== null) writeFigure(params, filters.figure.figure, filters.figure.filter);
  if (filters.municipalityId !== null) params.set('municipality', String(filters.municipalityId));
  if (filters.countryCode !== null) params.set('country', filters.countryCode);
  if (filters.regionCode !== null) params.set('region', filters.regionCode);
  if (filters.provenance !== '') params.set('provenance', filters.provenance);
  params.set('membership', filters.membership);
  return `#/partnerships?${params.toString()}`;
}

/** The Partnerships grid filtered to one member, a country or a region. */
export function partnershipsLink(
  filter: { municipality: number | null } | { country: string } | { region: string; country?: string },
  /** Whose partnerships the grid shows (the map's "all municipalities": the grid said "0 z 964"). */
  membership?: string,
): string {
  const whose = membership === undefined || membership === 'members' ? '' : `&membership=${membership}`;
  if ('municipality' in filter) return `#/partnerships?municipality=${String(filter.municipality ?? '')}`;
  if ('region' in filter)
    return `#/partnerships?region=${filter.region}${filter.country ? `&country=${filter.country}` : ''}${whose}`;
  return `#/partnerships?country=${filter.country}${whose}`;
}

/**
 * One partnership's detail over the Partnerships grid filtered to its member (a member overview's
 * partner town opened the member's list, not that partnership: walkthrough 19).
 */
export const partnershipDetailLink = (municipalityId: number, partnershipId: number): string =>
  `#/partnerships?municipality=${String(municipalityId)}&open=${String(partnershipId)}`;

/** The partnership a Partnerships link asks to open (`open=<id>`), if any. */
export function parseOpenPartnership(hash: string): number | null {
  if (!hash.startsWith('#/partnerships?')) return null;
  const value = Number(queryOf(hash).get('open'));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** The Agreements screen with a partnership chosen ("Vytvořit smlouvu" in its detail, review D20). */
export const agreementLink = (partnershipId: number): string => `#/agreements?partnership=${String(partnershipId)}`;

/** The partnership an Agreements link (`#/agreements?partnership=<id>`) names, if the hash holds a valid one. */
export function parseAgreementLink(hash: string): number | null {
  const value = Number(queryOf(hash).get('partnership'));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** The Requests screen with one request shown (a partnership's history names the request it came from). */
export const requestLink = (requestId: number): string => `#/requests?request=${String(requestId)}`;

/** The request a Requests link (`#/requests?request=<id>`) names, if the hash holds a valid one. */
export function parseRequestLink(hash: string): number | null {
  if (!hash.startsWith('#/requests?')) return null;
  const value = Number(queryOf(hash).get('request'));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** Goes to a deep link (the screen it names reads it on hashchange or when it mounts). */
export function openLink(link: string): void {
  window.location.hash = link;
}
