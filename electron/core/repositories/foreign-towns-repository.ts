import type { Knex } from 'knex';
import type { ForeignTown } from '../../../shared/domain/partnerships';
import { townNameKey } from '../../../shared/domain/text';
import {
  foreignTownKindOf,
  type ForeignTownKind,
  type TownCard,
  type TownCardPatch,
} from '../../../shared/domain/town-card';
import { columnsOf, fieldsOf, selectedColumns, type FieldMap } from './field-map';
import { insertRows } from './import-repository';

/* The foreign_towns table: partner towns abroad, one record per town (unique country + folded name). */

export type ForeignTownInsert = {
  name: string;
  nameCs?: string | null;
  countryCode: string;
  /** Not given: not stated (a town is never assumed). */
  kind?: ForeignTownKind;
  adminRegion?: string | null;
  population?: number | null;
  latitude?: number | null;
  longitude?: number | null;
  website?: string | null;
  language?: string | null;
  geonamesId?: number | null;
  /** Other names it is found by (a gazetteer town's English name: "Vienna" for Wien). */
  altNames?: readonly string[];
  /** The name in the country's own script, where that is not the Latin alphabet. */
  nameNative?: string | null;
  /** Where the town came from ("manual", "request 12"); demo towns are marked after loading. */
  source?: string | null;
  /** The import run that created it. */
  importRunId?: number | null;
};

/** A new town as its row (the one mapping of `foreign_towns` for inserts). */
const townRow = (town: ForeignTownInsert, now: string) => ({
  name: town.name,
  name_cs: town.nameCs ?? null,
  name_key: foreignTownKey(town.name),
  country_code: town.countryCode,
  kind: town.kind ?? 'unknown',
  admin_region: town.adminRegion ?? null,
  population: town.population ?? null,
  latitude: town.latitude ?? null,
  longitude: town.longitude ?? null,
  website: town.website ?? null,
  language: town.language ?? null,
  geonames_id: town.geonamesId ?? null,
  alt_names: town.altNames !== undefined && town.altNames.length > 0 ? town.altNames.join('\n') : null,
  name_native: town.nameNative ?? null,
  source: town.source ?? null,
  import_run_id: town.importRunId ?? null,
  created_at: now,
  updated_at: now,
});

/** Inserts new towns in batches (an import), inside the caller's transaction. */
export const insertForeignTowns = (
  db: Knex,
  towns: readonly ForeignTownInsert[],
  now: string,
  afterBatch?: (done: number) => Promise<void>,
): Promise<void> =>
  insertRows(
    db,
    'foreign_towns',
    towns.map((town) => townRow(town, now)),
    afterBatch,
  );

/**
 * Natural key of a foreign town, unique with its country: the folded spelling every matcher uses
 * (case, diacritics, ł/ß, hyphens and punctuation aside), so "Gießen" and "Giessen" are one town.
 */
export const foreignTownKey = (name: string): string => townNameKey(name);

/**
 * The town of that country whose Czech name or one of whose other (former) names folds to `key`,
 * as the import matches them (review 67: a request naming a town by its former name added a
 * second record of it); the lowest id when several do.
 */
async function townByOtherName(db: Knex, countryCode: string, key: string): Promise<{ id: number } | undefined> {
  const rows = await db('foreign_towns')
    .where({ country_code: countryCode })
    .where((q) => {
      void q.whereNotNull('alt_names').orWhereNotNull('name_cs');
    })
    .orderBy('id')
    .select<{ id: number; name_cs: string | null; alt_names: string | null }[]>('id', 'name_cs', 'alt_names');
  return rows.find(
    (row) =>
      (row.name_cs !== null && foreignTownKey(row.name_cs) === key) ||
      (row.alt_names ?? '').split('\n').some((other) => other.trim() !== '' && foreignTownKey(other) === key),
  );
}

/**
 * The town with that country and name (its own, or its Czech or a former name): found, or
 * inserted (`inserted` says which, so a caller audits only a town it added).
 */
export async function findOrInsertForeignTown(
  db: Knex,
  town: ForeignTownInsert,
  now: string,
): Promise<{ id: number; inserted: boolean }> {
  const nameKey = foreignTownKey(town.name);
  const existing = await db('foreign_towns')
    .where({ country_code: town.countryCode, name_key: nameKey })
    .first<{ id: number } | undefined>('id');
  if (existing) return { id: existing.id, inserted: false };
  const known = await townByOtherName(db, town.countryCode, nameKey);
  if (known) return { id: known.id, inserted: false };
  // Two windows (or two staff) adding the same new town at once: the unique key lets one insert
  // win and the other find it, never a second copy.
  const [added] = await db('foreign_towns')
    .insert(townRow(town, now))
    .onConflict(['country_code', 'name_key'])
    .ignore()
    .returning<{ id: number }[]>('id');
  if (added) return { id: added.id, inserted: true };
  const stored = await db('foreign_towns')
    .where({ country_code: town.countryCode, name_key: nameKey })
    .first<{ id: number } | undefined>('id');
  if (!stored) throw new Error('A foreign town was neither found nor inserted');
  return { id: stored.id, inserted: false };
}

type TownRecord = {
  id: number;
  name: string;
  name_cs: string | null;
  country_code: string;
  admin_region: string | null;
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  language: string | null;
  geonames_id: number | null;
  alt_names: string | null;
};

const toTown = (t: TownRecord): ForeignTown => ({
  id: t.id,
  name: t.name,
  nameCs: t.name_cs,
  countryCode: t.country_code,
  adminRegion: t.admin_region,
  population: t.population,
  latitude: t.latitude,
  longitude: t.longitude,
  language: t.language,
  geonamesId: t.geonames_id,
  altNames: (t.alt_names ?? '').split('\n').filter((name) => name.trim() !== ''),
});

const townColumns = [
  'id',
  'name',
  'name_cs',
  'country_code',
  'admin_region',
  'population',
  'latitude',
  'longitude',
  'language',
  'geonames_id',
  'alt_names',
];

export async function findForeignTown(db: Knex, id: number): Promise<ForeignTown | undefined> {
  const row = await db('foreign_towns').where({ id }).first<TownRecord | undefined>(townColumns);
  return row ? toTown(row) : undefined;
}

export async function findForeignTownByGeonamesId(db: Knex, geonamesId: number): Promise<ForeignTown | undefined> {
  const row = await db('foreign_towns').where({ geonames_id: geonamesId }).first<TownRecord | undefined>(townColumns);
  return row ? toTown(row) : undefined;
}

/** Every registry town (a few thousand at most), for the exonym-aware suggestion filter. */
export async function listForeignTowns(db: Knex): Promise<ForeignTown[]> {
  const rows = await db('foreign_towns').select<TownRecord[]>(townColumns);
  return rows.map(toTown);
}

/**
 * The registry towns of a country without a gazetteer id (typed by hand or imported under a Czech
 * exonym): the records a gazetteer town may already be, which `findOrAddTown` links instead of
 * adding the town twice.
 */
export async function listUnlinkedForeignTowns(db: Knex, countryCode: string): Promise<ForeignTown[]> {
  const rows = await db('foreign_towns')
    .where({ country_code: countryCode })
    .whereNull('geonames_id')
    .orderBy('id')
    .select<TownRecord[]>(townColumns);
  return rows.map(toTown);
}

/** What a registry town takes from the gazetteer town it is found to be: its id and what it lacked. */
export type GazetteerFill = {
  geonamesId: number;
  nameCs?: string;
  nameNative?: string;
  altNames?: readonly string[];
  adminRegion?: string;
  population?: number;
  latitude?: number;
  longitude?: number;
  website?: string;
  language?: string;
};

/**
 * The columns of a gazetteer fill (the caller has checked that each was empty and writes them with
 * the record's version check, `updateVersioned`).
 */
export function gazetteerFillColumns(fill: GazetteerFill): Record<string, unknown> {
  const { altNames, ...rest } = fill;
  const columns = columnsOf(CARD_COLUMN_OF, rest);
  if (altNames !== undefined && altNames.length > 0) columns.alt_names = altNames.join('\n');
  return columns;
}

/** The registry towns that have at least one partnership (every partner of one is a Czech municipality). */
export async function listTwinnedForeignTowns(db: Knex): Promise<ForeignTown[]> {
  const rows = await db('foreign_towns')
    .whereIn('id', db('partnerships').distinct('foreign_town_id'))
    .select<TownRecord[]>(townColumns);
  return rows.map(toTown);
}

/** The card's fields and their columns (the one map of `foreign_towns` for the card). */
const CARD_COLUMN_OF = {
  id: 'id',
  version: 'version',
  name: 'name',
  nameCs: 'name_cs',
  nameNative: 'name_native',
  useCzechName: 'use_czech_name',
  altNames: 'alt_names',
  countryCode: 'country_code',
  kind: 'kind',
  largeCity: 'large_city',
  adminRegion: 'admin_region',
  population: 'population',
  latitude: 'latitude',
  longitude: 'longitude',
  address: 'address',
  language: 'language',
  website: 'website',
  email: 'email',
  mayorName: 'mayor_name',
  mayorGender: 'mayor_gender',
  mayorOffice: 'mayor_office',
  mayorTitle: 'mayor_title',
  contractingBody: 'contracting_body',
  idNumber: 'id_number',
  history: 'history',
  notes: 'notes',
  geonamesId: 'geonames_id',
  source: 'source',
  importRunId: 'import_run_id',
  verifiedAt: 'verified_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const satisfies FieldMap;

/** A town's card without its partnerships, as stored. */
export type TownCardRecord = Omit<TownCard, 'partnerships'>;

const toCard = (row: Record<string, unknown>): TownCardRecord => {
  const fields = fieldsOf(CARD_COLUMN_OF, row);
  return {
    ...(fields as unknown as TownCardRecord),
    // SQLite answers 0/1, PostgreSQL a boolean.
    useCzechName: row.use_czech_name === true || row.use_czech_name === 1,
    altNames: typeof row.alt_names === 'string' ? row.alt_names.split('\n').filter((n) => n.trim() !== '') : [],
    kind: foreignTownKindOf(row.kind),
    // Stated or not (null: the population decides); SQLite answers 0/1.
    largeCity:
      row.large_city === null || row.large_city === undefined ? null : row.large_city === true || row.large_city === 1,
    mayorGender: row.mayor_gender === 'm' || row.mayor_gender === 'f' ? row.mayor_gender : null,
  };
};

export async function findTownCard(db: Knex, id: number): Promise<TownCardRecord | undefined> {
  const row = await db('foreign_towns')
    .where({ id })
    .first<Record<string, unknown> | undefined>(selectedColumns(CARD_COLUMN_OF));
  return row ? toCard(row) : undefined;
}

/** The columns of a card patch (other names one per line; the natural key follows the name). */
export function townCardColumns(patch: TownCardPatch): Record<string, unknown> {
  const { altNames, ...rest } = patch;
  const columns = columnsOf(CARD_COLUMN_OF, rest);
  if (altNames !== undefined) columns.alt_names = altNames.length > 0 ? altNames.join('\n') : null;
  if (patch.name !== undefined) columns.name_key = foreignTownKey(patch.name);
  return columns;
}

/** Another town of that country with the same folded name (what the unique key would refuse). */
export async function otherTownWithKey(db: Knex, countryCode: string, name: string, selfId: number) {
  return db('foreign_towns')
    .where({ country_code: countryCode, name_key: foreignTownKey(name) })
    .whereNot({ id: selfId })
    .first<{ id: number; name: string } | undefined>('id', 'name');
}

/** The partnerships of a town, with their members, in Czech order of the member's name (sorted by the caller). */
export async function listTownPartnerships(db: Knex, townId: number) {
  return db('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .leftJoin('regions as r', 'r.id', 'm.region_id')
    .where('p.foreign_town_id', townId)
    .select<
      {
        partnershipId: number;
        municipalityId: number;
        municipalityName: string;
        regionName: string | null;
        type: string;
        status: string;
      }[]
    >(
      'p.id as partnershipId',
      'm.id as municipalityId',
      'm.name as municipalityName',
      'r.name as regionName',
      'p.type',
      'p.status',
    );
}

/** How many records name a town: partnerships and requests (a town either names may not be deleted). */
export async function townReferences(db: Knex, townId: number): Promise<{ partnerships: number; requests: number }> {
  const count = async (table: string) =>
    Number((await db(table).where({ foreign_town_id: townId }).count<{ n: number | string }[]>({ n: '*' }))[0]?.n ?? 0);
  return { partnerships: await count('partnerships'), requests: await count('partnership_requests') };
}

/** A town no partnership or request names: left over after its partnership was deleted or added by mistake. */
export type UnusedTown = {
  id: number;
  version: number;
  name: string;
  countryCode: string;
  source: string | null;
  createdAt: string;
};

/** The towns no partnership and no request names, in Czech order of their names (sorted by the caller). */
export async function listUnusedTowns(db: Knex): Promise<UnusedTown[]> {
  return db('foreign_towns as t')
    .whereNotExists((q) => {
      void q.select(db.raw('1')).from('partnerships as p').whereRaw('p.foreign_town_id = t.id');
    })
    .whereNotExists((q) => {
      void q.select(db.raw('1')).from('partnership_requests as r').whereRaw('r.foreign_town_id = t.id');
    })
    .select<UnusedTown[]>(
      't.id',
      't.version',
      't.name',
      't.country_code as countryCode',
      't.source',
      't.created_at as createdAt',
    );
}

/** A town's stored row, every column as stored (what a delete keeps to bring it back exactly). */
export const storedTownRow = (db: Knex, id: number) =>
  db('foreign_towns').where({ id }).first<Record<string, unknown> | undefined>();

/** The import decisions that name a town ("this file's name is that town"): deleted with it, kept for its restore. */
export const townDecisions = (db: Knex, townId: number) =>
  db('town_match_decisions').where({ foreign_town_id: townId }).select<Record<string, unknown>[]>();

export async function deleteTownDecisions(db: Knex, townId: number): Promise<void> {
  await db('town_match_decisions').where({ foreign_town_id: townId }).delete();
}

/**
 * Puts a deleted town's import decisions back, each unless a decision about the same written name
 * was made since (the newer one stands); answers how many came back.
 */
export async function restoreTownDecisions(db: Knex, rows: readonly Record<string, unknown>[]): Promise<number> {
  let restored = 0;
  for (const row of rows) {
    const taken: unknown = await db('town_match_decisions')
      .where({ country_code: row.country_code, name_key: row.name_key })
      .first('id');
    if (taken !== undefined) continue;
    // A new id: the row's own may have been given to another decision meanwhile.
    await db('town_match_decisions').insert(
      Object.fromEntries(Object.entries(row).filter(([column]) => column !== 'id')),
    );
    restored += 1;
  }
  return restored;
}

/** Another record with the same gazetteer identity (what the unique key would refuse). */
export const otherTownWithGeonamesId = (db: Knex, geonamesId: number, selfId: number) =>
  db('foreign_towns')
    .where({ geonames_id: geonamesId })
    .whereNot({ id: selfId })
    .first<{ id: number; name: string } | undefined>('id', 'name');

/** Of these town ids, the ones no longer in the registry (deleted, or merged into another record). */
export async function missingTownIds(db: Knex, ids: readonly number[]): Promise<number[]> {
  const wanted = [...new Set(ids)];
  const present = new Set<number>();
  for (let start = 0; start < wanted.length; start += 500) {
    const rows = await db('foreign_towns')
      .whereIn('id', wanted.slice(start, start + 500))
      .select<{ id: number }[]>('id');
    for (const row of rows) present.add(row.id);
  }
  return wanted.filter((id) => !present.has(id));
}
