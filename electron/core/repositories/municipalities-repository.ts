import type { Knex } from 'knex';
import { selectTuples } from '../db/dialect';
import type { Gender, MunicipalityKind } from '../../../shared/domain/codes';
import type { MunicipalityRow } from '../../../shared/domain/schemas';

/** Columns of `municipalities` as written (camelCase in, snake_case out). */
export type MunicipalityInsert = {
  code: string;
  name: string;
  kind: MunicipalityKind;
  districtId: number | null;
  regionId: number | null;
  orpCode?: string | null;
  orpName?: string | null;
  population?: number | null;
  latitude?: number | null;
  longitude?: number | null;
  street?: string | null;
  postalCode?: string | null;
  ico?: string | null;
  mayorName?: string | null;
  mayorGender?: Gender | null;
  website?: string | null;
  email?: string | null;
  isMember?: boolean;
  memberSince?: string | null;
  memberUntil?: string | null;
  notes?: string | null;
};

export const toMunicipalityColumns = (m: MunicipalityInsert, now: string) => ({
  code: m.code,
  name: m.name,
  kind: m.kind,
  district_id: m.districtId,
  region_id: m.regionId,
  orp_code: m.orpCode ?? null,
  orp_name: m.orpName ?? null,
  population: m.population ?? null,
  latitude: m.latitude ?? null,
  longitude: m.longitude ?? null,
  street: m.street ?? null,
  postal_code: m.postalCode ?? null,
  ico: m.ico ?? null,
  mayor_name: m.mayorName ?? null,
  mayor_gender: m.mayorGender ?? null,
  website: m.website ?? null,
  email: m.email ?? null,
  is_member: m.isMember ?? false,
  member_since: m.memberSince ?? null,
  member_until: m.memberUntil ?? null,
  notes: m.notes ?? null,
  created_at: now,
  updated_at: now,
});

/** Inserts municipalities in chunks (SQLite limits bound variables); returns code → id. */
export async function insertMunicipalities(
  db: Knex,
  municipalities: readonly MunicipalityInsert[],
  now: string,
): Promise<Map<string, number>> {
  const rows = municipalities.map((m) => toMunicipalityColumns(m, now));
  // 25 columns × 30 rows stays far below SQLite's bound-variable limit.
  for (let start = 0; start < rows.length; start += 30) {
    await db('municipalities').insert(rows.slice(start, start + 30));
  }
  return municipalityIdsByCode(db);
}

export async function municipalityIdExists(db: Knex, id: number): Promise<boolean> {
  return (await db('municipalities').where({ id }).first('id')) !== undefined;
}

export async function municipalityIdsByCode(db: Knex): Promise<Map<string, number>> {
  const rows = await db('municipalities').select<{ id: number; code: string }[]>('id', 'code');
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** A municipality row joined with its district and region, as SQLite returns it. */
export type MunicipalityRecord = {
  id: number;
  code: string;
  name: string;
  kind: MunicipalityKind;
  district_id: number | null;
  district_name: string | null;
  region_id: number | null;
  region_code: string | null;
  region_name: string | null;
  orp_code: string | null;
  orp_name: string | null;
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  street: string | null;
  postal_code: string | null;
  ico: string | null;
  mayor_name: string | null;
  mayor_gender: Gender | null;
  website: string | null;
  email: string | null;
  is_member: number | boolean;
  member_since: string | null;
  member_until: string | null;
  // Aggregates come back as strings on PostgreSQL.
  active_partnerships: number | string | null;
  partnerships: number | string | null;
  version: number;
  source: string | null;
  import_run_id: number | null;
  verified_at: string | null;
};

/** The Members grid's columns, in the order `selectTuples` returns them. */
const MUNICIPALITY_COLUMNS = [
  'id',
  'code',
  'name',
  'kind',
  'district_id',
  'district_name',
  'region_id',
  'region_code',
  'region_name',
  'orp_code',
  'orp_name',
  'population',
  'latitude',
  'longitude',
  'street',
  'postal_code',
  'ico',
  'mayor_name',
  'mayor_gender',
  'website',
  'email',
  'is_member',
  'member_since',
  'member_until',
  'active_partnerships',
  'partnerships',
  'version',
  'source',
  'import_run_id',
  'verified_at',
] as const satisfies readonly (keyof MunicipalityRecord)[];

/**
 * The Members grid in one query: municipalities joined with district and region, and the
 * partnership counts from one grouped subquery (never one query per row).
 */
export async function listMunicipalityRows(
  db: Knex,
  options: { membersOnly?: boolean; ids?: readonly number[] } = {},
): Promise<MunicipalityRow[]> {
  const counts = db('partnerships')
    .select('municipality_id')
    .count({ partnerships: '*' })
    .sum({ active_partnerships: db.raw("CASE WHEN status = 'active' THEN 1 ELSE 0 END") })
    .groupBy('municipality_id')
    .as('pc');
  const query = db('municipalities as m')
    .leftJoin('districts as d', 'd.id', 'm.district_id')
    .leftJoin('regions as r', 'r.id', 'm.region_id')
    .leftJoin(counts, 'pc.municipality_id', 'm.id')
    .select(
      'm.id',
      'm.code',
      'm.name',
      'm.kind',
      'm.district_id',
      'd.name as district_name',
      'm.region_id',
      'r.code as region_code',
      'r.name as region_name',
      'm.orp_code',
      'm.orp_name',
      'm.population',
      'm.latitude',
      'm.longitude',
      'm.street',
      'm.postal_code',
      'm.ico',
      'm.mayor_name',
      'm.mayor_gender',
      'm.website',
      'm.email',
      'm.is_member',
      'm.member_since',
      'm.member_until',
      'pc.active_partnerships',
      'pc.partnerships',
      'm.version',
      'm.source',
      'm.import_run_id',
      'm.verified_at',
    );
  if (options.membersOnly) query.where('m.is_member', true);
  if (options.ids !== undefined) query.whereIn('m.id', [...options.ids]);
  const tuples = await selectTuples(db, query, MUNICIPALITY_COLUMNS);
  return tuples.map((tuple) => {
    const record: Record<string, unknown> = {};
    for (let index = 0; index < MUNICIPALITY_COLUMNS.length; index += 1)
      record[MUNICIPALITY_COLUMNS[index] as string] = tuple[index];
    return toMunicipalityRow(record as MunicipalityRecord);
  });
}

export const toMunicipalityRow = (row: MunicipalityRecord): MunicipalityRow => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind,
  districtId: row.district_id,
  districtName: row.district_name,
  regionId: row.region_id,
  regionCode: row.region_code,
  regionName: row.region_name,
  orpCode: row.orp_code,
  orpName: row.orp_name,
  population: row.population,
  latitude: row.latitude,
  longitude: row.longitude,
  street: row.street,
  postalCode: row.postal_code,
  ico: row.ico,
  mayorName: row.mayor_name,
  mayorGender: row.mayor_gender,
  website: row.website,
  email: row.email,
  isMember: Boolean(row.is_member),
  memberSince: row.member_since,
  memberUntil: row.member_until,
  activePartnerships: Number(row.active_partnerships ?? 0),
  partnerships: Number(row.partnerships ?? 0),
  version: row.version,
  source: row.source,
  importRunId: row.import_run_id,
  verifiedAt: row.verified_at,
});
