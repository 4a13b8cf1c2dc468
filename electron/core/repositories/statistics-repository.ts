import type { Knex } from 'knex';
import type { PartnershipStatus, PartnershipType } from '../../../shared/domain/codes';
import type { FundingFact, PartnershipFact, StatsFacts } from '../../../shared/domain/statistics/compute';

/** Aggregates come back as strings on PostgreSQL, as numbers on SQLite. */
const num = (value: number | string | null | undefined): number =>
  value === null || value === undefined ? 0 : Number(value);
const bool = (value: number | boolean | string | null): boolean => value === true || value === 1 || value === '1';
const yearOrNull = (value: string | null): number | null =>
  value !== null && /^\d{4}$/.test(value) ? Number(value) : null;
/** `substr` exists under this name in SQLite and PostgreSQL alike. */
const yearOf = (db: Knex, column: string, alias: string) => db.raw('substr(??, 1, 4) as ??', [column, alias]);
const countAs = (db: Knex, alias: string) => db.raw('count(*) as ??', [alias]);
const sumAs = (db: Knex, column: string, alias: string) => db.raw('sum(??) as ??', [column, alias]);

type MunicipalityGroupRecord = {
  region_id: number | null;
  district_id: number | null;
  orp_code: string | null;
  orp_name: string | null;
  is_member: number | boolean;
  n: number | string;
  population: number | string | null;
};

type PartnershipRecord = {
  id: number;
  municipality_id: number;
  foreign_town_id: number;
  region_id: number | null;
  district_id: number | null;
  orp_code: string | null;
  orp_name: string | null;
  is_member: number | boolean;
  type: PartnershipType;
  status: PartnershipStatus;
  started_on: string | null;
  term_kind: string;
  term_until: string | null;
  country_code: string;
  last_activity_on: string | null;
};

type DimsRecord = {
  region_id: number | null;
  is_member: number | boolean;
  type: PartnershipType;
  status: PartnershipStatus;
  start_year: string | null;
};

type FundingRecord = DimsRecord & {
  year: string | null;
  programme: string | null;
  currency: string | null;
  n: number | string;
  participants: number | string | null;
  amount: number | string | null;
};

const toDims = (row: DimsRecord) => ({
  regionId: row.region_id,
  isMember: bool(row.is_member),
  type: row.type,
  status: row.status,
  startYear: yearOrNull(row.start_year),
});

const orpKeyOf = (code: string | null, name: string | null): string | null => code ?? name ?? null;

/**
 * Loads every fact the statistics need in six queries, whatever the size of the registry:
 * municipalities are grouped by territory and membership, areas and activities by the filter's
 * dimensions; only partnerships come one row each (they are what is counted). The filter itself
 * is applied by the pure module (`shared/domain/statistics`), so every figure uses one rule.
 */
export async function loadStatsFacts(db: Knex): Promise<StatsFacts> {
  const [regions, districts, groups, partnerships, areas, funding] = await Promise.all([
    db('regions').select<{ id: number; code: string; name: string }[]>('id', 'code', 'name'),
    db('districts').select<{ id: number; code: string; name: string; region_id: number }[]>(
      'id',
      'code',
      'name',
      'region_id',
    ),
    db('municipalities')
      .groupBy('region_id', 'district_id', 'orp_code', 'orp_name', 'is_member')
      .select<MunicipalityGroupRecord[]>(
        'region_id',
        'district_id',
        'orp_code',
        'orp_name',
        'is_member',
        countAs(db, 'n'),
        sumAs(db, 'population', 'population'),
      ),
    loadPartnershipRecords(db),
    db('partnership_areas as pa')
      .join('partnerships as p', 'p.id', 'pa.partnership_id')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .groupBy('m.region_id', 'm.is_member', 'p.type', 'p.status', 'start_year', 'pa.area')
      .select<(DimsRecord & { area: string; n: number | string })[]>(
        'm.region_id',
        'm.is_member',
        'p.type',
        'p.status',
        yearOf(db, 'p.started_on', 'start_year'),
        'pa.area',
        countAs(db, 'n'),
      ),
    db('activities as a')
      .join('partnerships as p', 'p.id', 'a.partnership_id')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .groupBy('m.region_id', 'm.is_member', 'p.type', 'p.status', 'start_year', 'year', 'programme', 'a.currency')
      .select<FundingRecord[]>(
        'm.region_id',
        'm.is_member',
        'p.type',
        'p.status',
        yearOf(db, 'p.started_on', 'start_year'),
        yearOf(db, 'a.date', 'year'),
        'a.funding_programme as programme',
        'a.currency',
        countAs(db, 'n'),
        sumAs(db, 'a.participants', 'participants'),
        sumAs(db, 'a.funding_amount', 'amount'),
      ),
  ]);
  return {
    regions,
    districts: districts.map((d) => ({ id: d.id, code: d.code, name: d.name, regionId: d.region_id })),
    municipalityGroups: groups.map((g) => ({
      regionId: g.region_id,
      districtId: g.district_id,
      orpKey: orpKeyOf(g.orp_code, g.orp_name),
      orpName: g.orp_name,
      isMember: bool(g.is_member),
      count: num(g.n),
      population: num(g.population),
    })),
    partnerships: partnerships.map((p): PartnershipFact => ({
      id: p.id,
      municipalityId: p.municipality_id,
      foreignTownId: p.foreign_town_id,
      regionId: p.region_id,
      districtId: p.district_id,
      orpKey: orpKeyOf(p.orp_code, p.orp_name),
      orpName: p.orp_name,
      isMember: bool(p.is_member),
      type: p.type,
      status: p.status,
      startYear: yearOrNull(p.started_on === null ? null : p.started_on.slice(0, 4)),
      startedOn: p.started_on,
      termKind: p.term_kind,
      termUntil: p.term_until,
      countryCode: p.country_code,
      lastActivityOn: p.last_activity_on,
    })),
    areas: areas.map((a) => ({ ...toDims(a), area: a.area, count: num(a.n) })),
    funding: funding.map((f): FundingFact => ({
      ...toDims(f),
      year: yearOrNull(f.year),
      programme: f.programme,
      currency: f.currency,
      activities: num(f.n),
      participants: num(f.participants),
      amount: num(f.amount),
    })),
  };
}

/** Every partnership with its municipality's territory, partner country and latest activity date. */
function loadPartnershipRecords(db: Knex): Promise<PartnershipRecord[]> {
  const lastActivity = db('activities')
    .select('partnership_id')
    .max({ last_activity_on: 'date' })
    .groupBy('partnership_id')
    .as('la');
  return db('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .leftJoin(lastActivity, 'la.partnership_id', 'p.id')
    .select<PartnershipRecord[]>(
      'p.id',
      'p.municipality_id',
      'p.foreign_town_id',
      'm.region_id',
      'm.district_id',
      'm.orp_code',
      'm.orp_name',
      'm.is_member',
      'p.type',
      'p.status',
      'p.started_on',
      'p.term_kind',
      'p.term_until',
      't.country_code',
      'la.last_activity_on',
    );
}

export type MapMunicipalityRecord = { id: number; name: string; latitude: number; longitude: number };
export type MapTownRecord = {
  id: number;
  name: string;
  nameCs: string | null;
  countryCode: string;
  latitude: number | null;
  longitude: number | null;
};

/** Names and coordinates of the municipalities that have partnerships and coordinates, in one query. */
export async function loadMapMunicipalities(db: Knex): Promise<MapMunicipalityRecord[]> {
  const rows = await db('municipalities')
    .whereNotNull('latitude')
    .whereNotNull('longitude')
    .whereIn('id', db('partnerships').select('municipality_id'))
    .select<{ id: number; name: string; latitude: number; longitude: number }[]>('id', 'name', 'latitude', 'longitude');
  return rows;
}

/** Every foreign town that is a partner of some municipality, in one query. */
export async function loadMapTowns(db: Knex): Promise<MapTownRecord[]> {
  const rows = await db('foreign_towns')
    .whereIn('id', db('partnerships').select('foreign_town_id'))
    .select<
      {
        id: number;
        name: string;
        name_cs: string | null;
        country_code: string;
        latitude: number | null;
        longitude: number | null;
      }[]
    >('id', 'name', 'name_cs', 'country_code', 'latitude', 'longitude');
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    nameCs: r.name_cs,
    countryCode: r.country_code,
    latitude: r.latitude,
    longitude: r.longitude,
  }));
}

/** Mean position of each region's municipalities that have coordinates (where its bubble goes). */
export async function loadRegionCentres(
  db: Knex,
): Promise<{ regionId: number; latitude: number; longitude: number }[]> {
  const rows = await db('municipalities')
    .whereNotNull('region_id')
    .whereNotNull('latitude')
    .whereNotNull('longitude')
    .select('region_id')
    .avg<{ region_id: number; latitude: number | string; longitude: number | string }[]>({
      latitude: 'latitude',
      longitude: 'longitude',
    })
    .groupBy('region_id');
  return rows.map((r) => ({ regionId: r.region_id, latitude: Number(r.latitude), longitude: Number(r.longitude) }));
}
