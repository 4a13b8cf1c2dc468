import {
  COOPERATION_AREAS,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  type PartnershipStatus,
  type PartnershipType,
} from '../codes';
import { compareCzech } from '../text';
import type { StatsFilter } from './filter';
import type { Amounts, AreaFigures, AreaLevel, CountryCount, FundingRow, Statistics } from './schemas';

/**
 * The facts the statistics are computed from, as the repository loads them in a handful of
 * grouped queries. Everything the filter looks at (region, membership, type, status, start
 * year) is carried on each fact, so the filter is applied here, in one place, for every figure.
 */
export type StatsFacts = {
  regions: readonly { id: number; code: string; name: string }[];
  districts: readonly { id: number; code: string; name: string; regionId: number }[];
  /** Municipalities grouped by territory and membership (never one row per municipality needed). */
  municipalityGroups: readonly MunicipalityGroupFact[];
  partnerships: readonly PartnershipFact[];
  /** Areas of cooperation, counted per combination of the filter's dimensions. */
  areas: readonly (FilterDims & { area: string; count: number })[];
  /** Activities, summed per combination of the filter's dimensions, activity year, programme and currency. */
  funding: readonly FundingFact[];
};

/** The dimensions the filter looks at. `startYear` null = start unknown. */
export type FilterDims = {
  regionId: number | null;
  isMember: boolean;
  type: PartnershipType;
  status: PartnershipStatus;
  startYear: number | null;
};

export type MunicipalityGroupFact = {
  regionId: number | null;
  districtId: number | null;
  /** ORP code, else its name; null when unknown. */
  orpKey: string | null;
  orpName: string | null;
  isMember: boolean;
  count: number;
  population: number;
};

export type PartnershipFact = FilterDims & {
  id: number;
  municipalityId: number;
  foreignTownId: number;
  districtId: number | null;
  orpKey: string | null;
  orpName: string | null;
  countryCode: string;
  startedOn: string | null;
  termKind: string;
  termUntil: string | null;
  /** Date of the latest activity, null when none is recorded. */
  lastActivityOn: string | null;
};

export type FundingFact = FilterDims & {
  year: number | null;
  programme: string | null;
  /** Null when an amount was recorded without a currency. */
  currency: string | null;
  activities: number;
  participants: number;
  amount: number;
};

/** Statuses of a partnership that is running (the ones that can fall dormant). */
const RUNNING: readonly PartnershipStatus[] = ['active', 'dormant'];
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

/** Year of an ISO date, null when absent or not a date. */
export function yearOf(iso: string | null): number | null {
  if (iso === null || !/^\d{4}/.test(iso)) return null;
  return Number(iso.slice(0, 4));
}

/** The one predicate every figure uses: does a fact with these dimensions pass the filter? */
export function createFilterPredicate(
  filter: StatsFilter,
  regions: StatsFacts['regions'],
): (dims: FilterDims) => boolean {
  const regionId = filter.region === null ? null : (regions.find((r) => r.code === filter.region)?.id ?? -1);
  const types = new Set<string>(filter.types);
  const statuses = new Set<string>(filter.statuses);
  const hasYears = filter.fromYear !== null || filter.toYear !== null;
  return (d) => {
    if (!membershipPasses(filter, d.isMember)) return false;
    if (regionId !== null && d.regionId !== regionId) return false;
    if (types.size > 0 && !types.has(d.type)) return false;
    if (statuses.size > 0 && !statuses.has(d.status)) return false;
    if (hasYears) {
      if (d.startYear === null) return false;
      if (filter.fromYear !== null && d.startYear < filter.fromYear) return false;
      if (filter.toYear !== null && d.startYear > filter.toYear) return false;
    }
    return true;
  };
}

const membershipPasses = (filter: StatsFilter, isMember: boolean): boolean =>
  filter.membership === 'all' || (filter.membership === 'members') === isMember;

type Accumulator = {
  level: AreaLevel;
  code: string | null;
  name: string;
  regionCode: string | null;
  districtCode: string | null;
  municipalities: number;
  population: number;
  active: Set<number>;
  partnerships: number;
  byType: Record<PartnershipType, number>;
  byStatus: Record<PartnershipStatus, number>;
  dormant: number;
  expiring: number;
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
  active: new Set(),
  partnerships: 0,
  byType: zeros(PARTNERSHIP_TYPES),
  byStatus: zeros(PARTNERSHIP_STATUSES),
  dormant: 0,
  expiring: 0,
});

const finish = (a: Accumulator): AreaFigures => ({
  level: a.level,
  code: a.code,
  name: a.name,
  regionCode: a.regionCode,
  districtCode: a.districtCode,
  municipalities: a.municipalities,
  withActive: a.active.size,
  activeShare: a.municipalities === 0 ? null : a.active.size / a.municipalities,
  population: a.population,
  partnerships: a.partnerships,
  per10k: a.population === 0 ? null : (a.partnerships * 10000) / a.population,
  byType: a.byType,
  byStatus: a.byStatus,
  dormant: a.dormant,
  expiring: a.expiring,
});

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * Every figure of the statistics for one filter. Pure: the same facts, filter and `today` give
 * the same answer on the dashboard, in every export and in the CLI.
 */
export function computeStatistics(facts: StatsFacts, filter: StatsFilter, today: string): Statistics {
  const passes = createFilterPredicate(filter, facts.regions);
  const regionById = new Map(facts.regions.map((r) => [r.id, r]));
  const districtById = new Map(facts.districts.map((d) => [d.id, d]));
  const filterRegionId =
    filter.region === null ? null : (facts.regions.find((r) => r.code === filter.region)?.id ?? -1);
  const dormantBefore = shiftYears(today, -filter.dormantYears);
  const expiringUntil = shiftYears(today, 1);

  const total = newAccumulator('country', 'CZ', '', null, null);
  const regions = new Map<number | null, Accumulator>();
  const districts = new Map<string, Accumulator>();
  const orps = new Map<string, Accumulator>();
  // Every region is listed (a region with no members shows zeros), unless the filter picks one.
  for (const region of facts.regions) {
    if (filterRegionId === null || region.id === filterRegionId) {
      regions.set(region.id, newAccumulator('region', region.code, region.name, region.code, null));
    }
  }

  const regionAcc = (regionId: number | null): Accumulator => {
    let acc = regions.get(regionId);
    if (acc === undefined) {
      const region = regionId === null ? undefined : regionById.get(regionId);
      acc = newAccumulator('region', region?.code ?? null, region?.name ?? '', region?.code ?? null, null);
      regions.set(regionId, acc);
    }
    return acc;
  };
  const districtAcc = (regionId: number | null, districtId: number | null): Accumulator => {
    const key = `${regionId ?? ''}|${districtId ?? ''}`;
    let acc = districts.get(key);
    if (acc === undefined) {
      const district = districtId === null ? undefined : districtById.get(districtId);
      const regionCode = regionId === null ? null : (regionById.get(regionId)?.code ?? null);
      acc = newAccumulator(
        'district',
        district?.code ?? null,
        district?.name ?? '',
        regionCode,
        district?.code ?? null,
      );
      districts.set(key, acc);
    }
    return acc;
  };
  const orpAcc = (regionId: number | null, orpKey: string | null, orpName: string | null): Accumulator => {
    const key = `${regionId ?? ''}|${orpKey ?? ''}`;
    let acc = orps.get(key);
    if (acc === undefined) {
      const regionCode = regionId === null ? null : (regionById.get(regionId)?.code ?? null);
      acc = newAccumulator('orp', orpKey, orpName ?? '', regionCode, null);
      orps.set(key, acc);
    }
    return acc;
  };

  for (const group of facts.municipalityGroups) {
    if (!membershipPasses(filter, group.isMember)) continue;
    if (filterRegionId !== null && group.regionId !== filterRegionId) continue;
    for (const acc of [
      total,
      regionAcc(group.regionId),
      districtAcc(group.regionId, group.districtId),
      orpAcc(group.regionId, group.orpKey, group.orpName),
    ]) {
      acc.municipalities += group.count;
      acc.population += group.population;
    }
  }

  const years = new Map<number | null, number>();
  const countries = new Map<string, number>();
  const matrix = new Map<number | null, Map<string, number>>();
  for (const p of facts.partnerships) {
    if (!passes(p)) continue;
    const dormant = RUNNING.includes(p.status) && maxDate(p.lastActivityOn, p.startedOn, '') < dormantBefore;
    const expiring =
      p.termKind === 'fixed' &&
      p.status !== 'ended' &&
      p.termUntil !== null &&
      p.termUntil >= today &&
      p.termUntil <= expiringUntil;
    for (const acc of [
      total,
      regionAcc(p.regionId),
      districtAcc(p.regionId, p.districtId),
      orpAcc(p.regionId, p.orpKey, p.orpName),
    ]) {
      acc.partnerships += 1;
      acc.byType[p.type] += 1;
      acc.byStatus[p.status] += 1;
      if (p.status === 'active') acc.active.add(p.municipalityId);
      if (dormant) acc.dormant += 1;
      if (expiring) acc.expiring += 1;
    }
    years.set(p.startYear, (years.get(p.startYear) ?? 0) + 1);
    countries.set(p.countryCode, (countries.get(p.countryCode) ?? 0) + 1);
    let row = matrix.get(p.regionId);
    if (row === undefined) {
      row = new Map();
      matrix.set(p.regionId, row);
    }
    row.set(p.countryCode, (row.get(p.countryCode) ?? 0) + 1);
  }

  const totalFigures = finish(total);
  const partnershipsTotal = totalFigures.partnerships;
  const share = (n: number): number => (partnershipsTotal === 0 ? 0 : n / partnershipsTotal);

  const byRegion = (a: AreaFigures, b: AreaFigures): number =>
    (a.code === null ? 1 : 0) - (b.code === null ? 1 : 0) || compareCzech(a.name, b.name);
  const regionNameOf = (code: string | null): string => facts.regions.find((r) => r.code === code)?.name ?? '';
  const byParentThenName = (a: AreaFigures, b: AreaFigures): number =>
    (a.regionCode === null ? 1 : 0) - (b.regionCode === null ? 1 : 0) ||
    compareCzech(regionNameOf(a.regionCode), regionNameOf(b.regionCode)) ||
    (a.code === null ? 1 : 0) - (b.code === null ? 1 : 0) ||
    compareCzech(a.name, b.name);

  const regionRows = [...regions.values()].map(finish).sort(byRegion);
  const countryRows: CountryCount[] = [...countries.entries()]
    .map(([countryCode, count]) => ({ countryCode, count, share: share(count) }))
    .sort((a, b) => b.count - a.count || a.countryCode.localeCompare(b.countryCode));
  const countryOrder = countryRows.map((c) => c.countryCode);
  const regionIdByCode = new Map(facts.regions.map((r) => [r.code, r.id]));

  const yearRows = [...years.entries()]
    .map(([year, count]) => ({ year, count }))
    .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
  const decades = new Map<number | null, number>();
  for (const { year, count } of yearRows) {
    const decade = year === null ? null : Math.floor(year / 10) * 10;
    decades.set(decade, (decades.get(decade) ?? 0) + count);
  }

  const areaCounts = zeros<string>(COOPERATION_AREAS);
  for (const fact of facts.areas) {
    if (passes(fact)) areaCounts[fact.area] = (areaCounts[fact.area] ?? 0) + fact.count;
  }
  const areaOrder = new Map<string, number>(COOPERATION_AREAS.map((a, i) => [a, i]));

  return {
    filter: { ...filter, today },
    total: totalFigures,
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
      .map(([area, count]) => ({ area, count, share: share(count) }))
      .sort((a, b) => b.count - a.count || (areaOrder.get(a.area) ?? 99) - (areaOrder.get(b.area) ?? 99)),
    funding: computeFunding(facts.funding, passes),
  };
}

const maxDate = (...dates: (string | null)[]): string =>
  dates.reduce<string>((max, d) => (d !== null && d > max ? d : max), '');

function computeFunding(facts: readonly FundingFact[], passes: (d: FilterDims) => boolean): Statistics['funding'] {
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
    if (!passes(fact)) continue;
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
