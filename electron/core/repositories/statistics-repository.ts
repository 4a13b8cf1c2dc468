import type { Knex } from 'knex';
import type { PartnershipStatus, PartnershipType } from '../../../shared/domain/codes';
import { RUNNING_STATUSES, type StatsFacts, type TerritoryKey } from '../../../shared/domain/statistics/compute';
import { membershipFlag, type StatsFigure, type StatsFilter } from '../../../shared/domain/statistics/filter';
import type { MapRow } from '../../../shared/domain/statistics/map';
import type { DistrictSeed, DistrictUnit } from '../../../shared/domain/statistics/district-shapes';
import { selectTuples } from '../db/dialect/index';

/** Aggregates come back as strings on PostgreSQL, as numbers on SQLite. */
const num = (value: number | string | null | undefined): number =>
  value === null || value === undefined ? 0 : Number(value);
const yearOrNull = (value: string | null): number | null =>
  value !== null && /^\d{4}$/.test(value) ? Number(value) : null;
/** `substr` exists under this name in SQLite and PostgreSQL alike. */
const yearAs = (db: Knex, column: string, alias: string) => db.raw('substr(??, 1, 4) as ??', [column, alias]);
const countAs = (db: Knex, alias: string) => db.raw('count(*) as ??', [alias]);
const sumAs = (db: Knex, column: string, alias: string) => db.raw('sum(??) as ??', [column, alias]);
/** How many rows have a value in the column (null: not counted). */
const knownAs = (db: Knex, column: string, alias: string) => db.raw('count(??) as ??', [column, alias]);

export type StatsWindows = { dormantBefore: string; today: string; expiringUntil: string };

/**
 * Municipalities that pass the filter's membership and territory: the `m` every query starts from.
 * Territory: the chosen kraje OR each other, the okresy OR each other, the ORPs OR each other; the
 * three levels AND (kraj Vysočina with ORP Třebíč = the municipalities of ORP Třebíč in Vysočina).
 * An ORP is matched by its code, or by its name where a municipality has no ORP code recorded
 * (the key the statistics group ORPs by).
 */
function whereMunicipality(db: Knex, query: Knex.QueryBuilder, filter: StatsFilter, alias: string): Knex.QueryBuilder {
  const isMember = membershipFlag(filter.membership);
  if (isMember !== null) query.where(`${alias}.is_member`, isMember);
  if (filter.regions.length > 0)
    query.whereIn(`${alias}.region_id`, db('regions').select('id').whereIn('code', filter.regions));
  if (filter.districts.length > 0)
    query.whereIn(`${alias}.district_id`, db('districts').select('id').whereIn('code', filter.districts));
  if (filter.orps.length > 0) {
    const keys = filter.orps;
    query.where((orp) => {
      orp.whereIn(`${alias}.orp_code`, keys).orWhere((byName) => {
        byName.whereNull(`${alias}.orp_code`).whereIn(`${alias}.orp_name`, keys);
      });
    });
  }
  return query;
}

/** The partnership half of the filter: type, status and the start year (a year range leaves out unknown starts). */
function wherePartnership(query: Knex.QueryBuilder, filter: StatsFilter, alias: string): Knex.QueryBuilder {
  if (filter.types.length > 0) query.whereIn(`${alias}.type`, filter.types);
  if (filter.statuses.length > 0) query.whereIn(`${alias}.status`, filter.statuses);
  // ISO dates compare as text: every date of year Y is >= 'Y' and < 'Y+1' (also a bare 'Y').
  if (filter.fromYear !== null) query.where(`${alias}.started_on`, '>=', String(filter.fromYear));
  if (filter.toYear !== null) query.where(`${alias}.started_on`, '<', String(filter.toYear + 1));
  return query;
}

/**
 * THE filter, in SQL: partnerships `p` joined with their municipality `m`, restricted by
 * membership, region, type, status and the start year. Every statistics query starts from this
 * builder (or, for "municipalities with an active partnership", from its two halves), so no figure
 * can use another rule.
 */
export function filteredPartnerships(db: Knex, filter: StatsFilter): Knex.QueryBuilder {
  const query = db('partnerships as p').join('municipalities as m', 'm.id', 'p.municipality_id');
  whereMunicipality(db, query, filter, 'm');
  return wherePartnership(query, filter, 'p');
}

/*
 * The two flags are built with Knex (values bound, no SQL text assembled): each is a `select 1
 * where …` on the partnership `p` of the enclosing query, so that the same condition is a WHERE
 * (`whereExists`) and a count of a grouped query (`countWhere`). SQLite and PostgreSQL both take
 * a SELECT without FROM.
 */

/** Dormant: running, started before the window, and no activity on or after its start (on `p`). */
const dormantCondition = (db: Knex, windows: StatsWindows): Knex.QueryBuilder =>
  db
    .select(db.raw('1'))
    .whereIn('p.status', RUNNING_STATUSES)
    .where(db.raw('coalesce(??, ?)', ['p.started_on', '']), '<', windows.dormantBefore)
    .whereNotExists(
      db('activities as a')
        .select(db.raw('1'))
        .whereRaw('?? = ??', ['a.partnership_id', 'p.id'])
        .where('a.date', '>=', windows.dormantBefore),
    );

/** Expiring: a fixed term, not ended, whose end lies in [today, expiringUntil] (on `p`). */
const expiringCondition = (db: Knex, windows: StatsWindows): Knex.QueryBuilder =>
  db
    .select(db.raw('1'))
    .where('p.term_kind', 'fixed')
    .whereNot('p.status', 'ended')
    .where('p.term_until', '>=', windows.today)
    .where('p.term_until', '<=', windows.expiringUntil);

/** How many rows of a group meet a condition: `sum(case when exists (<condition>) then 1 else 0 end)`. */
const countWhere = (db: Knex, condition: Knex.QueryBuilder, alias: string): Knex.Raw =>
  db.raw('sum(case when exists ? then 1 else 0 end) as ??', [condition, alias]);

/** Municipalities with at least one filtered active partnership (the `withActive` figure). */
function withActiveMunicipalities(db: Knex, filter: StatsFilter): Knex.QueryBuilder {
  // Walks the municipalities in the order of their territory index (no sort), asking each
  // whether it has a filtered active partnership.
  return whereMunicipality(db, db('municipalities as m'), filter, 'm').whereExists(
    wherePartnership(
      db('partnerships as p').select(db.raw('1')).whereRaw('?? = ??', ['p.municipality_id', 'm.id']),
      filter,
      'p',
    ).where('p.status', 'active'),
  );
}

/**
 * The ids of the rows a key figure counts (municipalities or partnerships), from the same
 * conditions as the figure itself, so that the grid a figure opens shows exactly its rows.
 */
export async function loadFigureIds(
  db: Knex,
  filter: StatsFilter,
  windows: StatsWindows,
  figure: StatsFigure,
): Promise<number[]> {
  let query: Knex.QueryBuilder;
  let id = 'm.id';
  if (figure === 'municipalities') query = whereMunicipality(db, db('municipalities as m'), filter, 'm');
  else if (figure === 'withActive') query = withActiveMunicipalities(db, filter);
  else {
    id = 'p.id';
    query = filteredPartnerships(db, filter);
    if (figure === 'dormant') query.whereExists(dormantCondition(db, windows));
    else if (figure === 'expiring') query.whereExists(expiringCondition(db, windows));
    // The rows that make a status or term figure unknown: no status stated; not ended, no term stated.
    else if (figure === 'statusUnknown') query.where('p.status', 'unknown');
    else if (figure === 'termUnknown') query.where('p.term_kind', 'unknown').whereNot('p.status', 'ended');
  }
  const rows = await query.select<{ id: number }[]>(`${id} as id`).orderBy(id);
  return rows.map((row) => row.id);
}

/**
 * How many partnerships pass the filter except its period but state no start year: a period
 * (`fromYear`/`toYear`) leaves them out, since their year cannot be in any range, and the
 * statistics say how many that is (walkthrough 23 finding 1).
 */
export async function countUnknownStarts(db: Knex, filter: StatsFilter): Promise<number> {
  const rows = await filteredPartnerships(db, { ...filter, fromYear: null, toYear: null })
    .whereNull('p.started_on')
    .select<{ n: number | string }[]>(countAs(db, 'n'));
  return num(rows[0]?.n);
}

type TerritoryRecord = {
  region_id: number | null;
  district_id: number | null;
  orp_code: string | null;
  orp_name: string | null;
};
const TERRITORY = ['m.region_id', 'm.district_id', 'm.orp_code', 'm.orp_name'] as const;
const territory = (row: TerritoryRecord): TerritoryKey => ({
  regionId: row.region_id,
  districtId: row.district_id,
  orpKey: row.orp_code ?? row.orp_name ?? null,
  orpName: row.orp_name,
});

/**
 * Loads the facts for a filter in ten grouped queries (never one per row): each answers a few
 * hundred to a few thousand rows however large the registry is. Dormant and expiring are flagged
 * in SQL against the windows the domain computed (`statsWindows`). The queries only read, and run
 * at once when `db` has several connections (the database's `reader`).
 */
export async function loadStatsFacts(
  db: Knex,
  filter: StatsFilter,
  windows: StatsWindows,
  options: { totalsOnly?: boolean } = {},
): Promise<StatsFacts> {
  // For the national comparison only the territory figures and the countries are needed.
  const none = <T>(): Promise<T[]> => Promise.resolve([]);
  const totalsOnly = options.totalsOnly === true;
  const dormant = dormantCondition(db, windows);
  const expiring = expiringCondition(db, windows);
  const [
    regions,
    districts,
    municipalityGroups,
    partnershipGroups,
    activeMunicipalities,
    years,
    countries,
    areas,
    areasStated,
    funding,
  ] = await Promise.all([
    db('regions').select<{ id: number; code: string; name: string }[]>('id', 'code', 'name'),
    db('districts').select<{ id: number; code: string; name: string; region_id: number }[]>(
      'id',
      'code',
      'name',
      'region_id',
    ),
    whereMunicipality(db, db('municipalities as m'), filter, 'm')
      .groupBy(...TERRITORY)
      .select<(TerritoryRecord & { n: number | string; population: number | string | null; known: number | string })[]>(
        ...TERRITORY,
        countAs(db, 'n'),
        sumAs(db, 'm.population', 'population'),
        knownAs(db, 'm.population', 'known'),
      ),
    filteredPartnerships(db, filter)
      .groupBy(...TERRITORY, 'p.type', 'p.status')
      .select<
        (TerritoryRecord & {
          type: PartnershipType;
          status: PartnershipStatus;
          n: number | string;
          dormant: number | string | null;
          expiring: number | string | null;
          term_unknown: number | string | null;
        })[]
      >(
        ...TERRITORY,
        'p.type',
        'p.status',
        countAs(db, 'n'),
        countWhere(db, dormant, 'dormant'),
        countWhere(db, expiring, 'expiring'),
        // Of those that could end (not ended, as `expiring` counts them): no term stated.
        db.raw(`sum(case when p.term_kind = 'unknown' and p.status <> 'ended' then 1 else 0 end) as term_unknown`),
      ),
    withActiveMunicipalities(db, filter)
      .groupBy(...TERRITORY)
      .select<(TerritoryRecord & { n: number | string })[]>(...TERRITORY, countAs(db, 'n')),
    totalsOnly
      ? none<{ start_year: string | null; n: number | string }>()
      : filteredPartnerships(db, filter)
          .groupBy('start_year')
          .select<{ start_year: string | null; n: number | string }[]>(
            yearAs(db, 'p.started_on', 'start_year'),
            countAs(db, 'n'),
          ),
    filteredPartnerships(db, filter)
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .groupBy('m.region_id', 't.country_code')
      .select<{ region_id: number | null; country_code: string; n: number | string }[]>(
        'm.region_id',
        't.country_code',
        countAs(db, 'n'),
      ),
    totalsOnly
      ? none<{ area: string; n: number | string }>()
      : filteredPartnerships(db, filter)
          .join('partnership_areas as pa', 'pa.partnership_id', 'p.id')
          .groupBy('pa.area')
          .select<{ area: string; n: number | string }[]>('pa.area', countAs(db, 'n')),
    // The partnerships that name at least one area: the shares of the areas are of these.
    totalsOnly
      ? none<{ n: number | string }>()
      : filteredPartnerships(db, filter)
          .whereExists(
            db('partnership_areas as pa').select(db.raw('1')).whereRaw('?? = ??', ['pa.partnership_id', 'p.id']),
          )
          .select<{ n: number | string }[]>(countAs(db, 'n')),
    totalsOnly
      ? none<{
          year: string | null;
          programme: string | null;
          currency: string | null;
          n: number | string;
          participants: number | string | null;
          amount: number | string | null;
        }>()
      : filteredPartnerships(db, filter)
          .join('activities as a', 'a.partnership_id', 'p.id')
          .groupBy('year', 'a.funding_programme', 'a.currency')
          .select<
            {
              year: string | null;
              programme: string | null;
              currency: string | null;
              n: number | string;
              participants: number | string | null;
              amount: number | string | null;
            }[]
          >(
            yearAs(db, 'a.date', 'year'),
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
    municipalityGroups: municipalityGroups.map((g) => ({
      ...territory(g),
      count: num(g.n),
      population: num(g.population),
      populationKnown: num(g.known),
    })),
    partnershipGroups: partnershipGroups.map((g) => ({
      ...territory(g),
      type: g.type,
      status: g.status,
      count: num(g.n),
      dormant: num(g.dormant),
      expiring: num(g.expiring),
      termUnknown: num(g.term_unknown),
    })),
    activeMunicipalities: activeMunicipalities.map((g) => ({ ...territory(g), count: num(g.n) })),
    years: years.map((y) => ({ year: yearOrNull(y.start_year), count: num(y.n) })),
    countries: countries.map((c) => ({ regionId: c.region_id, countryCode: c.country_code, count: num(c.n) })),
    areas: areas.map((a) => ({ area: a.area, count: num(a.n) })),
    areasStated: num(areasStated[0]?.n),
    funding: funding.map((f) => ({
      year: yearOrNull(f.year),
      programme: f.programme,
      currency: f.currency,
      activities: num(f.n),
      participants: num(f.participants),
      amount: num(f.amount),
    })),
  };
}

/** The map query's columns, in the order `selectTuples` returns them. */
const MAP_COLUMNS = [
  'id',
  'region_id',
  'district_code',
  'type',
  'status',
  'municipality_id',
  'municipality_name',
  'm_lat',
  'm_lon',
  'town_id',
  'town_name',
  'town_name_cs',
  'country_code',
  't_lat',
  't_lon',
] as const;

type MapTuple = [
  id: number,
  regionId: number | null,
  districtCode: string | null,
  type: PartnershipType,
  status: PartnershipStatus,
  municipalityId: number,
  municipalityName: string,
  mLat: number | null,
  mLon: number | null,
  townId: number,
  townName: string,
  townNameCs: string | null,
  countryCode: string,
  tLat: number | null,
  tLon: number | null,
];

/**
 * The filtered partnerships with both ends' names and coordinates, in one query. The rows come as
 * arrays of values (`selectTuples`: on SQLite one JSON text the database writes): the driver's
 * row objects for 60,000 partnerships took ~150 MB of native memory that the process kept after
 * the answer (figure 7 of the benchmark).
 */
export async function loadMapRows(db: Knex, filter: StatsFilter): Promise<MapRow[]> {
  const query = filteredPartnerships(db, filter)
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .leftJoin('districts as md', 'md.id', 'm.district_id')
    .select(
      'p.id',
      'm.region_id',
      'md.code as district_code',
      'p.type',
      'p.status',
      'p.municipality_id',
      'm.name as municipality_name',
      'm.latitude as m_lat',
      'm.longitude as m_lon',
      't.id as town_id',
      't.name as town_name',
      't.name_cs as town_name_cs',
      't.country_code',
      't.latitude as t_lat',
      't.longitude as t_lon',
    );
  const tuples = (await selectTuples(db, query, MAP_COLUMNS)) as MapTuple[];
  return tuples.map((r) => ({
    id: r[0],
    regionId: r[1],
    districtCode: r[2],
    type: r[3],
    status: r[4],
    municipalityId: r[5],
    municipalityName: r[6],
    municipalityLatitude: r[7],
    municipalityLongitude: r[8],
    townId: r[9],
    townName: r[10],
    townNameCs: r[11],
    countryCode: r[12],
    townLatitude: r[13],
    townLongitude: r[14],
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

/**
 * What the approximate okres shapes are derived from: every okres with its kraj, and the position
 * and okres of every municipality that has both.
 */
export async function loadDistrictSeeds(db: Knex): Promise<{ units: DistrictUnit[]; seeds: DistrictSeed[] }> {
  const [units, seeds] = await Promise.all([
    db('districts as d')
      .join('regions as r', 'r.id', 'd.region_id')
      .select<DistrictUnit[]>('d.code', 'd.name', 'r.code as regionCode'),
    // As arrays of values (`selectTuples`): 100,000 driver row objects took ~200 MB of native memory.
    selectTuples(
      db,
      db('municipalities as m')
        .join('districts as d', 'd.id', 'm.district_id')
        .whereNotNull('m.latitude')
        .whereNotNull('m.longitude')
        .select('m.longitude', 'm.latitude', 'd.code as district_code'),
      ['longitude', 'latitude', 'district_code'],
    ),
  ]);
  return {
    units,
    seeds: (seeds as [number | string, number | string, string][]).map(([longitude, latitude, districtCode]) => ({
      longitude: Number(longitude),
      latitude: Number(latitude),
      districtCode,
    })),
  };
}

/** Regions (id, code, name) for the map's bubbles. */
export const loadRegions = (db: Knex) =>
  db('regions').select<{ id: number; code: string; name: string }[]>('id', 'code', 'name');

type UnitRecord = { code: string; name: string; region_code: string | null };
type OrpRecord = {
  orp_code: string | null;
  orp_name: string | null;
  region_code: string | null;
  district_code: string | null;
};

/** An ORP's key (its code, else its name) as the statistics and the filter use it. */
const orpKeyOf = (row: { orp_code: string | null; orp_name: string | null }): string | null =>
  row.orp_code ?? row.orp_name;

/**
 * Every kraj, okres and ORP the registry knows (the territory filter's choices): kraje and okresy
 * from their tables, ORPs from the municipalities (ORP is recorded on the municipality), each ORP
 * with its name, kraj and the okresy its municipalities lie in. Unsorted (the service sorts).
 */
export async function loadTerritoryUnits(db: Knex): Promise<{
  regions: UnitRecord[];
  districts: UnitRecord[];
  orps: { key: string; name: string; regionCode: string | null; districtCodes: string[] }[];
}> {
  const [regions, districts, orpRows] = await Promise.all([
    db('regions').select<UnitRecord[]>('code', 'name', db.raw('null as region_code')),
    db('districts as d')
      .leftJoin('regions as r', 'r.id', 'd.region_id')
      .select<UnitRecord[]>('d.code', 'd.name', 'r.code as region_code'),
    db('municipalities as m')
      .leftJoin('regions as r', 'r.id', 'm.region_id')
      .leftJoin('districts as d', 'd.id', 'm.district_id')
      .where((q) => {
        q.whereNotNull('m.orp_code').orWhereNotNull('m.orp_name');
      })
      .distinct<OrpRecord[]>('m.orp_code', 'm.orp_name', 'r.code as region_code', 'd.code as district_code'),
  ]);
  const orps = new Map<string, { key: string; name: string; regionCode: string | null; districtCodes: string[] }>();
  for (const row of orpRows) {
    const key = orpKeyOf(row);
    if (key === null) continue;
    let orp = orps.get(key);
    if (orp === undefined) {
      orp = { key, name: row.orp_name ?? key, regionCode: row.region_code, districtCodes: [] };
      orps.set(key, orp);
    }
    if (row.district_code !== null && !orp.districtCodes.includes(row.district_code))
      orp.districtCodes.push(row.district_code);
  }
  return { regions, districts, orps: [...orps.values()] };
}

/** The newest entry of the audit log: what the statistics' cache compares to see that data changed. */
export type AuditMark = { id: number; at: string; table: string; recordId: number };

type AuditMarkRecord = { id: number | string; at: string; table_name: string; record_id: number | string };
const auditMark = (row: AuditMarkRecord | undefined): AuditMark | null =>
  row === undefined ? null : { id: Number(row.id), at: row.at, table: row.table_name, recordId: Number(row.record_id) };

/** The newest audit entry (by its id: the primary key, one index step), or null for an empty log. */
export async function loadNewestAuditMark(db: Knex): Promise<AuditMark | null> {
  return auditMark(
    await db('audit_log')
      .orderBy('id', 'desc')
      .first<AuditMarkRecord | undefined>('id', 'at', 'table_name', 'record_id'),
  );
}

/**
 * The server's current snapshot (`xmin:xmax:ids in progress`, PostgreSQL): it is the same text
 * exactly while no transaction that may write has started and committed since, cluster-wide. Read
 * in a statement of its own, it gets no transaction id and changes nothing.
 */
export async function loadServerSnapshot(db: Knex): Promise<string> {
  const result = await db.raw<{ rows: { snapshot: string }[] }>('select txid_current_snapshot()::text as snapshot');
  const snapshot = result.rows[0]?.snapshot;
  if (typeof snapshot !== 'string' || snapshot === '') throw new Error('The server gave no snapshot.');
  return snapshot;
}

/** The audit entry with this id as it is now (null when there is none): is the log still the one we read? */
export async function loadAuditMark(db: Knex, id: number): Promise<AuditMark | null> {
  return auditMark(
    await db('audit_log').where('id', id).first<AuditMarkRecord | undefined>('id', 'at', 'table_name', 'record_id'),
  );
}

/** The tables named by the audit entries after one id up to another (a range of the primary key). */
export async function loadAuditedTablesBetween(db: Knex, afterId: number, upToId: number): Promise<string[]> {
  return db('audit_log')
    .where('id', '>', afterId)
    .where('id', '<=', upToId)
    .distinct<{ table_name: string }[]>('table_name')
    .then((rows) => rows.map((row) => row.table_name));
}
