import type { Knex } from 'knex';
import { continueIdSequence } from '../db/dialect/index';
import { insertTuples, keysOf } from '../db/insert-values';

/**
 * SQL of the importer: snapshots of what exists (to compare a file against) and batch writes.
 * Batches stay under SQLite's bound-variable limit: at most 500 rows and 30,000 variables.
 */

export const batchSize = (columns: number): number =>
  Math.max(1, Math.min(500, Math.floor(30000 / Math.max(1, columns))));

/** A stored municipality as an import compares it (fields; district and region by their codes). */
export type ExistingMunicipality = {
  id: number;
  code: string;
  name: string;
  districtCode: string | null;
  regionCode: string | null;
  orpCode: string | null;
  orpName: string | null;
  postalCode: string | null;
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  memberSince: string | null;
  isMember: boolean;
  /** Not compared (no import writes it): tells an ended membership from one nothing stated. */
  memberUntil: string | null;
  version: number;
};

export async function loadMunicipalitySnapshot(db: Knex): Promise<Map<string, ExistingMunicipality>> {
  const rows = await db('municipalities as m')
    .leftJoin('districts as d', 'd.id', 'm.district_id')
    .leftJoin('regions as r', 'r.id', 'm.region_id')
    .select<(Omit<ExistingMunicipality, 'isMember'> & { isMember: number | boolean })[]>(
      'm.id',
      'm.code',
      'm.name',
      'd.code as districtCode',
      'r.code as regionCode',
      'm.orp_code as orpCode',
      'm.orp_name as orpName',
      'm.postal_code as postalCode',
      'm.population',
      'm.latitude',
      'm.longitude',
      'm.member_since as memberSince',
      'm.is_member as isMember',
      'm.member_until as memberUntil',
      'm.version',
    );
  // SQLite gives booleans as 0/1: compared with a file's yes/no they must be booleans.
  return new Map(rows.map((row) => [row.code, { ...row, isMember: Boolean(row.isMember) }]));
}

export async function loadRegionCodes(db: Knex): Promise<Map<string, number>> {
  const rows = await db('regions').select<{ id: number; code: string }[]>('id', 'code');
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function loadDistrictCodes(db: Knex): Promise<Map<string, { id: number; regionId: number }>> {
  const rows = await db('districts').select<{ id: number; code: string; region_id: number }[]>(
    'id',
    'code',
    'region_id',
  );
  return new Map(rows.map((r) => [r.code, { id: r.id, regionId: r.region_id }]));
}

/** Inserts rows given as objects in batches (`insertRowTuples`); a key a row lacks is null. */
export async function insertRows(
  db: Knex,
  table: string,
  rows: readonly Record<string, unknown>[],
  afterBatch?: (done: number) => Promise<void>,
): Promise<void> {
  // The columns of all rows at once: every batch names the same ones.
  const columns = keysOf(rows);
  const tuples = rows.map((row) => columns.map((column) => row[column]));
  await insertRowTuples(db, table, columns, tuples, afterBatch);
}

/**
 * Inserts rows given as arrays of values in the order of `columns`, in batches under SQLite's
 * bound-variable limit, each one statement (`insertTuples`).
 */
export async function insertRowTuples(
  db: Knex,
  table: string,
  columns: readonly string[],
  tuples: readonly (readonly unknown[])[],
  afterBatch?: (done: number) => Promise<void>,
): Promise<void> {
  if (tuples.length === 0) return;
  if (columns.length === 0) throw new Error(`Rows for ${table} without any column`);
  const size = batchSize(columns.length);
  for (let start = 0; start < tuples.length; start += size) {
    await insertTuples(db, table, columns, tuples.slice(start, start + size));
    if (afterBatch) await afterBatch(Math.min(tuples.length, start + size));
  }
  // Rows given with their ids: the next row inserted without one must not take one of them.
  if (columns.includes('id')) await continueIdSequence(db, table);
}

export async function updateById(db: Knex, table: string, id: number, columns: Record<string, unknown>): Promise<void> {
  await db(table)
    .where({ id })
    .update({ ...columns, version: db.raw('version + 1') });
}

export type ExistingTown = {
  id: number;
  country_code: string;
  name_key: string;
  name: string;
  name_cs: string | null;
  latitude: number | null;
  longitude: number | null;
  alt_names: string | null;
  /** The gazetteer's id of the town (unique): a file's exonym may name it under another spelling. */
  geonames_id: number | null;
};

export async function loadTownSnapshot(db: Knex): Promise<Map<string, ExistingTown>> {
  const rows = await db('foreign_towns').select<ExistingTown[]>(
    'id',
    'country_code',
    'name_key',
    'name',
    'name_cs',
    'latitude',
    'longitude',
    'alt_names',
    'geonames_id',
  );
  return new Map(rows.map((row) => [`${row.country_code}|${row.name_key}`, row]));
}

export type ExistingPartnership = {
  id: number;
  municipality_id: number;
  foreign_town_id: number;
  started_on: string | null;
  notes: string | null;
};

export async function loadPartnershipSnapshot(db: Knex): Promise<Map<string, ExistingPartnership>> {
  const rows = await db('partnerships').select<ExistingPartnership[]>(
    'id',
    'municipality_id',
    'foreign_town_id',
    'started_on',
    'notes',
  );
  return new Map(rows.map((row) => [`${row.municipality_id}|${row.foreign_town_id}`, row]));
}

/**
 * The partnerships that took in a merged-away partnership with another town record, by
 * `member id|country|folded name` of that town's names (migration 0023). A name kept for a
 * partnership that is no longer there finds nothing.
 */
export async function loadMergedPairNames(db: Knex): Promise<Map<string, ExistingPartnership>> {
  const rows = await db('partnership_merge_names as n')
    .join('partnerships as p', 'p.id', 'n.partnership_id')
    .orderBy('n.id')
    .select<(ExistingPartnership & { country_code: string; name_key: string })[]>(
      'p.id',
      'p.municipality_id',
      'p.foreign_town_id',
      'p.started_on',
      'p.notes',
      'n.country_code',
      'n.name_key',
    );
  const out = new Map<string, ExistingPartnership>();
  for (const { country_code: country, name_key: nameKey, ...partnership } of rows)
    out.set(`${String(partnership.municipality_id)}|${country}|${nameKey}`, partnership);
  return out;
}

export async function loadMunicipalityIndex(db: Knex): Promise<{ id: number; code: string; name: string }[]> {
  return db('municipalities').select<{ id: number; code: string; name: string }[]>('id', 'code', 'name');
}

/** Remembered decisions about possible duplicate towns, by `country|folded name`: a town id, or null for "a town of its own". */
export async function loadTownDecisions(db: Knex): Promise<Map<string, number | null>> {
  const rows = await db('town_match_decisions').select<
    { country_code: string; name_key: string; foreign_town_id: number | null }[]
  >('country_code', 'name_key', 'foreign_town_id');
  return new Map(rows.map((row) => [`${row.country_code}|${row.name_key}`, row.foreign_town_id]));
}

/** Keeps decisions (a later decision about the same name replaces the earlier one). */
export async function saveTownDecisions(
  db: Knex,
  decisions: readonly { countryCode: string; nameKey: string; townId: number | null }[],
  actor: string,
  at: string,
): Promise<void> {
  for (const decision of decisions) {
    await db('town_match_decisions')
      .insert({
        country_code: decision.countryCode,
        name_key: decision.nameKey,
        foreign_town_id: decision.townId,
        decided_by: actor.slice(0, 200),
        decided_at: at,
      })
      .onConflict(['country_code', 'name_key'])
      .merge(['foreign_town_id', 'decided_by', 'decided_at']);
  }
}
