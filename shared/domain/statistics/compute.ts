import {
  COOPERATION_AREAS,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  type PartnershipStatus,
  type PartnershipType,
} from '../codes';
import { compareCzech } from '../text';
import type { StatsFilter } from './filter';
import type { Amounts, AreaFigures, AreaLevel, CountryCount, FundingRow, Statistics, Territory } from './schemas';

/**
 * The facts the statistics are computed from. The repository applies the filter in SQL (one
 * function, `filteredPartnerships`, for every query) and groups the rows by the few keys the
 * figures need, so that the facts stay small (hundreds to a few thousand rows) whatever the size
 * of the registry. This module turns them into every figure: roll-ups to district, ORP, region
 * and country, shares, rates, orders, decades, the matrix and the funding tables.
 */
export type StatsFacts = {
  regions: readonly { id: number; code: string; name: string }[];
  districts: readonly { id: number; code: string; name: string; regionId: number }[];
  /** Municipalities that pass the membership and region filter, per territory. */
  /** `population`: the sum of the populations known; `populationKnown`: of how many municipalities. */
  municipalityGroups: readonly (TerritoryKey & { count: number; population: number; populationKnown: number })[];
  /** Filtered partnerships per territory, type and status; `dormant`/`expiring` count those flagged. */
  partnershipGroups: readonly (TerritoryKey & {
    type: PartnershipType;
    status: PartnershipStatus;
    count: number;
    dormant: number;
    expiring: number;
    /** Of `count`, those not ended whose term the source does not state. */
    termUnknown: number;
  })[];
  /** Municipalities with at least one filtered active partnership, per territory. */
  activeMunicipalities: readonly (TerritoryKey & { count: number })[];
  /** Filtered partnerships per start year (null = unknown). */
  years: readonly { year: number | null; count: number }[];
  /** Filtered partnerships per region and partner country. */
  countries: readonly { regionId: number | null; countryCode: string; count: number }[];
  /** Filtered partnerships naming each area of cooperation. */
  areas: readonly { area: string; count: number }[];
  /** Filtered partnerships naming at least one area (the others state none: not known). */
  areasStated: number;
  /** Activities of filtered partnerships per activity year, programme and currency. */
  funding: readonly FundingFact[];
};

/**
 * Where a municipality lies. A municipality lies in exactly one territory, so counts of distinct
 * municipalities per territory add up to correct counts per district, ORP, region and country.
 */
export type TerritoryKey = {
  regionId: number | null;
  districtId: number | null;
  /** ORP code, else its name; null when unknown. */
  orpKey: string | null;
  orpName: string | null;
};

export type FundingFact = {
  year: number | null;
  programme: string | null;
  /** Null when an amount was recorded without a currency. */
  currency: string | null;
  activities: number;
  participants: number;
  amount: number;
};

/**
 * Statuses of a partnership that is running (the ones that can fall dormant). A running
 * partnership is dormant when neither its latest activity nor its start is on or after
 * `dormantBefore`; a fixed term "expires" when it is not ended and its end date lies in
 * [today, expiringUntil].
 */
export const RUNNING_STATUSES: readonly PartnershipStatus[] = ['active', 'dormant'];
/** ISO 4217 code for "no currency": amounts recorded without a currency. */
export const NO_CURRENCY = 'XXX';
export const TOP_COUNTRIES = 10;

/** `iso` moved by whole years; 29 February becomes 28 February in a common year. */
export function shiftYears(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) + years;
  let rest = iso.slice(4, 10);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (rest === '-02-29' && !leap) rest = '-02-28';
  return `${String(year).padStart(4, '0')}${rest}`;
}

/** The date windows of a filter: before which a running partnership is dormant, and the expiry window. */
export function statsWindows(
  filter: StatsFilter,
  today: string,
): { dormantBefore: string; today: string; expiringUntil: string } {
  return { dormantBefore: shiftYears(today, -filter.dormantYears), today, expiringUntil: shiftYears(today, 1) };
}

type Accumulator = {
  level: AreaLevel;
  code: string | null;
  name: string;
  regionCode: string | null;
  districtCode: string | null;
  municipalities: number;
  population: number;
  /** Municipalities whose population the registry knows (the sum is the population only if all). */
  populationKnown: number;
  withActive: number;
  partnerships: number;
  byType: Record<PartnershipType, number>;
  byStatus: Record<PartnershipStatus, number>;
  dormant: number;
  expiring: number;
  termUnknown: number;
};

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const newAccumulator = (
  level: AreaLevel,
  code: string | null,
  name: string,
  regionCode: string | null,
  districtCode: string | null,
): Accumulator => ({
  level,
  code,
  name,
  regionCode,
  districtCode,
  municipalities: 0,
  population: 0,
  populationKnown: 0,
  withActive: 0,
  partnerships: 0,
  byType: zeros(PARTNERSHIP_TYPES),
  byStatus: zeros(PARTNERSHIP_STATUSES),
  dormant: 0,
  expiring: 0,
  termUnknown: 0,
});

/**
 * The population of an area: the sum only when every municipality's population is known (a sum
 * of some would understate it, and a per-10,000 figure from it would overstate); else unknown.
 * An area without municipalities has none (0).
 */
const populationOf = (a: Accumulator): number | null => (a.populationKnown === a.municipalities ? a.population : null);

const finish = (a: Accumulator): AreaFigures => ({
  level: a.level,
  code: a.code,
  name: a.name,
  regionCode: a.regionCode,
  districtCode: a.districtCode,
  municipalities: a.municipalities,
  withActive: a.withActive,
  activeShare: a.municipalities === 0 ? null : a.withActive / a.municipalities,
  population: populationOf(a),
  populationKnown: a.populationKnown,
  partnerships: a.partnerships,
  per10k: (populationOf(a) ?? 0) === 0 ? null : (a.partnerships * 10000) / (populationOf(a) ?? 1),
  byType: a.byType,
  byStatus: a.byStatus,
  dormant: a.dormant,
  expiring: a.expiring,
  termUnknown: a.termUnknown,
});

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The territory of a filter with nothing chosen: the whole country. */
export const WHOLE_COUNTRY: Territory = { regions: [], districts: [], orps: [] };

/**
 * Every figure of the statistics for one filter. Pure: the same facts, filter and `today` give
 * the same answer on the dashboard, in every export and in the CLI. `territory` names the units
 * the filter chose; `national` is the whole country under the same filter (for comparison).
 */
export function computeStatistics(
  facts: StatsFacts,
  filter: StatsFilter,
  today: string,
  territory: Territory = WHOLE_COUNTRY,
  national: Statistics['national'] = null,
): Statistics {
  const regionById = new Map(facts.regions.map((r) => [r.id, r]));
  const districtById = new Map(facts.districts.map((d) => [d.id, d]));
  const chosenRegions = new Set(filter.regions);
  const narrowed = filter.regions.length > 0 || filter.districts.length > 0 || filter.orps.length > 0;

  const total = newAccumulator('country', 'CZ', '', null, null);
  const regions = new Map<number | null, Accumulator>();
  const districts = new Map<string, Accumulator>();
  const orps = new Map<string, Accumulator>();
  // Every region is listed (a region with no members shows zeros); under a territory filter the
  // chosen kraje are (with zeros too), and the regions its okresy and ORPs lie in as they come.
  for (const region of facts.regions) {
    if (!narrowed || chosenRegions.has(region.code)) {
      regions.set(region.id, newAccumulator('region', region.code, region.name, region.code, null));
    }
  }
  const regionCodeOf = (regionId: number | null) =>
    regionId === null ? null : (regionById.get(regionId)?.code ?? null);
  /** The four accumulators a territory adds to: country, region, district, ORP. */
  const accumulatorsOf = (key: TerritoryKey): Accumulator[] => {
    let region = regions.get(key.regionId);
    if (region === undefined) {
      const r = key.regionId === null ? undefined : regionById.get(key.regionId);
      region = newAccumulator('region', r?.code ?? null, r?.name ?? '', r?.code ?? null, null);
      regions.set(key.regionId, region);
    }
    const districtKey = `${key.regionId ?? ''}|${key.districtId ?? ''}`;
    let district = districts.get(districtKey);
    if (district === undefined) {
      const d = key.districtId === null ? undefined : districtById.get(key.districtId);
      district = newAccumulator(
        'district',
        d?.code ?? null,
        d?.name ?? '',
        regionCodeOf(key.regionId),
        d?.code ?? null,
      );
      districts.set(districtKey, district);
    }
    const orpKey = `${key.regionId ?? ''}|${key.orpKey ?? ''}`;
    let orp = orps.get(orpKey);
    if (orp === undefined) {
      orp = newAccumulator('orp', key.orpKey, key.orpName ?? '', regionCodeOf(key.regionId), null);
      orps.set(orpKey, orp);
    }
    return [total, region, district, orp];
  };

  for (const group of facts.municipalityGroups) {
    for (const acc of accumulatorsOf(group)) {
      acc.municipalities += group.count;
      acc.population += group.population;
      acc.populationKnown += group.populationKnown;
    }
  }
  for (const group of facts.partnershipGroups) {
    for (const acc of accumulatorsOf(group)) {
      acc.partnerships += group.count;
      acc.byType[group.type] += group.count;
      acc.byStatus[group.status] += group.count;
      acc.dormant += group.dormant;
      acc.expiring += group.expiring;
      acc.termUnknown += group.termUnknown;
    }
  }
  for (const group of facts.activeMunicipalities) {
    for (const acc of accumulatorsOf(group)) acc.withActive += group.count;
  }

  const totalFigures = finish(total);
  const partnershipsTotal = totalFigures.partnerships;
  const share = (n: number): number => (partnershipsTotal === 0 ? 0 : n / partnershipsTotal);

  const unknownLast = (a: AreaFigures, b: AreaFigures): number => (a.code === null ? 1 : 0) - (b.code === null ? 1 : 0);
  const regionNames = new Map(facts.regions.map((r) => [r.code, r.name]));
  const byParentThenName = (a: AreaFigures, b: AreaFigures): number =>
    (a.regionCode === null ? 1 : 0) - (b.regionCode === null ? 1 : 0) ||
    compareCzech(regionNames.get(a.regionCode ?? '') ?? '', regionNames.get(b.regionCode ?? '') ?? '') ||
    unknownLast(a, b) ||
    compareCzech(a.name, b.name);

  const regionRows = [...regions.values()]
    .map(finish)
    .sort((a, b) => unknownLast(a, b) || compareCzech(a.name, b.name));
  const countryTotals = new Map<string, number>();
  const matrix = new Map<number | null, Map<string, number>>();
  for (const fact of facts.countries) {
    countryTotals.set(fact.countryCode, (countryTotals.get(fact.countryCode) ?? 0) + fact.count);
    let row = matrix.get(fact.regionId);
    if (row === undefined) {
      row = new Map();
      matrix.set(fact.regionId, row);
    }
    row.set(fact.countryCode, (row.get(fact.countryCode) ?? 0) + fact.count);
  }
  const countryRows: CountryCount[] = [...countryTotals.entries()]
    .map(([countryCode, count]) => ({ countryCode, count, share: share(count) }))
    .sort((a, b) => b.count - a.count || a.countryCode.localeCompare(b.countryCode));
  const countryOrder = countryRows.map((c) => c.countryCode);
  const regionIdByCode = new Map(facts.regions.map((r) => [r.code, r.id]));

  const yearRows = facts.years
    .filter((y) => y.count > 0)
    .map((y) => ({ year: y.year, count: y.count }))
    .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
  const decades = new Map<number | null, number>();
  for (const { year, count } of yearRows) {
    const decade = year === null ? null : Math.floor(year / 10) * 10;
    decades.set(decade, (decades.get(decade) ?? 0) + count);
  }

  const areaCounts = zeros<string>(COOPERATION_AREAS);
  for (const fact of facts.areas) areaCounts[fact.area] = (areaCounts[fact.area] ?? 0) + fact.count;
  const areaOrder = new Map<string, number>(COOPERATION_AREAS.map((a, i) => [a, i]));
  // As a status nobody stated: a partnership that names no area may work in any, so an area's
  // count is "not known" (null, never 0) when none of the counted partnerships names one, and its
  // share is of the partnerships that name areas (null without any).
  const areasStated = facts.areasStated;
  const areasKnown = areasStated > 0 || partnershipsTotal === 0;

  return {
    filter: { ...filter, today },
    territory,
    total: totalFigures,
    national,
    regions: regionRows,
    districts: [...districts.values()].map(finish).sort(byParentThenName),
    orps: [...orps.values()].map(finish).sort(byParentThenName),
    years: yearRows,
    decades: [...decades.entries()].map(([decade, count]) => ({ decade, count })),
    countries: countryRows,
    topCountries: countryRows.slice(0, TOP_COUNTRIES),
    matrix: {
      countries: countryOrder,
      rows: regionRows.map((region) => {
        const row = matrix.get(region.code === null ? null : (regionIdByCode.get(region.code) ?? null));
        const counts = countryOrder.map((c) => row?.get(c) ?? 0);
        return { regionCode: region.code, regionName: region.name, counts, total: region.partnerships };
      }),
    },
    areas: Object.entries(areaCounts)
      .map(([area, count]) => ({
        area,
        count: areasKnown ? count : null,
        share: areasStated === 0 ? null : count / areasStated,
      }))
      .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || (areaOrder.get(a.area) ?? 99) - (areaOrder.get(b.area) ?? 99)),
    areasStated,
    funding: computeFunding(facts.funding),
  };
}

function computeFunding(facts: readonly FundingFact[]): Statistics['funding'] {
  const rows = new Map<string, FundingRow>();
  const programmes = new Map<string, FundingRow>();
  const total: FundingRow = { programme: null, year: null, activities: 0, participants: 0, amounts: {} };
  const currencies = new Set<string>();
  const add = (row: FundingRow, fact: FundingFact) => {
    row.activities += fact.activities;
    row.participants += fact.participants;
    if (fact.amount !== 0 || fact.currency !== null) {
      const currency = fact.currency ?? NO_CURRENCY;
      currencies.add(currency);
      row.amounts[currency] = round2((row.amounts[currency] ?? 0) + fact.amount);
    }
  };
  for (const fact of facts) {
    const key = `${fact.programme ?? ''}|${fact.year ?? ''}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { programme: fact.programme, year: fact.year, activities: 0, participants: 0, amounts: {} };
      rows.set(key, row);
    }
    let programme = programmes.get(fact.programme ?? '');
    if (programme === undefined) {
      programme = { programme: fact.programme, year: null, activities: 0, participants: 0, amounts: {} };
      programmes.set(fact.programme ?? '', programme);
    }
    add(row, fact);
    add(programme, fact);
    add(total, fact);
  }
  const byProgramme = (a: FundingRow, b: FundingRow): number =>
    (a.programme === null ? 1 : 0) - (b.programme === null ? 1 : 0) ||
    (a.programme ?? '').localeCompare(b.programme ?? '');
  const sortedCurrencies = [...currencies].sort((a, b) => (a === 'CZK' ? -1 : b === 'CZK' ? 1 : a.localeCompare(b)));
  return {
    currencies: sortedCurrencies,
    byProgrammeYear: [...rows.values()].sort((a, b) => byProgramme(a, b) || (a.year ?? 0) - (b.year ?? 0)),
    byProgramme: [...programmes.values()].sort(byProgramme),
    total,
  };
}

/** Amounts as `1 234 CZK + 500 EUR` helpers need the currencies in a stable order. */
export const amountIn = (amounts: Amounts, currency: string): number => amounts[currency] ?? 0;
