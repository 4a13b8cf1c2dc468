import type { Knex } from 'knex';
import { columnNames, columnsOf, valuesOf } from './field-map';
import { insertRowTuples } from './import-repository';
import { orderByCzech } from '../db/dialect/collation';
import { isPostgres, jsonArrayOf, readAtOneMoment, selectTuples, whereIdIn } from '../db/dialect/index';
import type { IdRange } from '../db/dialect/types';
import { compareCzech } from '../../../shared/domain/text';
import { expandRows, type CompactRows } from '../../../shared/ipc/compact-rows';
import type { Gender, MunicipalityKind } from '../../../shared/domain/codes';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import type {
  ActivityKind,
  ContactSide,
  CooperationArea,
  Currency,
  FundingProgramme,
  PartnershipStatus,
  PartnershipType,
} from '../../../shared/domain/codes';
import type {
  MunicipalityDetail,
  MunicipalityFields,
  MunicipalityPatch,
} from '../../../shared/domain/municipality-rules';
import type { MemberOverview } from '../../../shared/ipc/channels/members';
import { rowsJsonInside } from '../db/compact-rows-json';
import { idRanges } from '../db/id-ranges';
import { countPartnershipChildren, type ChildCounts } from './partnerships-repository';

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
  /** Where the record came from (`import: file`, `demo`) and the import run that created it. */
  source?: string | null;
  importRunId?: number | null;
};

/** Columns of one municipality, snake_case, as `municipalities` stores them. */
const COLUMN_OF = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  districtId: 'district_id',
  orpCode: 'orp_code',
  orpName: 'orp_name',
  population: 'population',
  latitude: 'latitude',
  longitude: 'longitude',
  street: 'street',
  postalCode: 'postal_code',
  ico: 'ico',
  mayorName: 'mayor_name',
  mayorGender: 'mayor_gender',
  website: 'website',
  email: 'email',
  isMember: 'is_member',
  memberSince: 'member_since',
  memberUntil: 'member_until',
  notes: 'notes',
} as const satisfies Record<keyof MunicipalityFields, string>;

/** camelCase fields to snake_case columns (only the fields present). */
export const toColumns = (fields: MunicipalityPatch): Record<string, unknown> => columnsOf(COLUMN_OF, fields);

/** The columns of a whole new municipality, in the order `municipalityValues` gives them. */
const INSERT_COLUMNS = [...columnNames(COLUMN_OF), 'region_id', 'source', 'import_run_id', 'created_at', 'updated_at'];
const IS_MEMBER = INSERT_COLUMNS.indexOf('is_member');

/** A whole municipality as its row's values: every field (absent ones unknown), the region and the times. */
const municipalityValues = (m: MunicipalityInsert, now: string): unknown[] => {
  const values = valuesOf(COLUMN_OF, m);
  values[IS_MEMBER] = m.isMember ?? false;
  values.push(m.regionId, m.source ?? null, m.importRunId ?? null, now, now);
  return values;
};

/** Codes looked up per statement (well under SQLite's limit of bound variables). */
const CODES_PER_LOOKUP = 500;

/** Inserts municipalities in chunks (SQLite limits bound variables); returns code → id of those inserted. */
export async function insertMunicipalities(
  db: Knex,
  municipalities: readonly MunicipalityInsert[],
  now: string,
  afterBatch?: (done: number) => Promise<void>,
): Promise<Map<string, number>> {
  await insertRowTuples(
    db,
    'municipalities',
    INSERT_COLUMNS,
    municipalities.map((m) => municipalityValues(m, now)),
    afterBatch,
  );
  const ids = new Map<string, number>();
  for (let start = 0; start < municipalities.length; start += CODES_PER_LOOKUP) {
    const codes = municipalities.slice(start, start + CODES_PER_LOOKUP).map((m) => m.code);
    const rows = await db('municipalities').whereIn('code', codes).select<{ id: number; code: string }[]>('id', 'code');
    for (const row of rows) ids.set(row.code, row.id);
  }
  return ids;
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

/** The Members grid row's fields, in the order of `MUNICIPALITY_COLUMNS` (each column is the field of the same place). */
const MUNICIPALITY_FIELDS = [
  'id',
  'code',
  'name',
  'kind',
  'districtId',
  'districtName',
  'regionId',
  'regionCode',
  'regionName',
  'orpCode',
  'orpName',
  'population',
  'latitude',
  'longitude',
  'street',
  'postalCode',
  'ico',
  'mayorName',
  'mayorGender',
  'website',
  'email',
  'isMember',
  'memberSince',
  'memberUntil',
  'activePartnerships',
  'partnerships',
  'version',
  'source',
  'importRunId',
  'verifiedAt',
] as const satisfies readonly (keyof MunicipalityRow)[];
/** Every field of the row has its column (the compiler names a missing one here). */
export const MUNICIPALITY_FIELDS_COMPLETE: Exclude<
  keyof MunicipalityRow,
  (typeof MUNICIPALITY_FIELDS)[number]
> extends never
  ? true
  : never = true;

const IS_MEMBER_AT = MUNICIPALITY_COLUMNS.indexOf('is_member');
const ACTIVE_AT = MUNICIPALITY_COLUMNS.indexOf('active_partnerships');
const COUNT_AT = MUNICIPALITY_COLUMNS.indexOf('partnerships');

/**
 * The Members grid's query: municipalities with district, region and partnership counts; with
 * `range`, only the members with those ids (the counts, too, are grouped for those alone).
 */
function municipalityGridQuery(db: Knex, range: IdRange = { after: null, upTo: null }) {
  const counts = whereIdIn(db('partnerships'), 'municipality_id', range)
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
  return whereIdIn(query, 'm.id', range);
}

/**
 * The whole grid's answer (`listMunicipalityGrid` without options) as the JSON text the bridge
 * sends: written by the database where it can (SQLite, as UTF-8 bytes), so that core never holds
 * 100,000 rows as values nor their text as a string; elsewhere core writes the values as JSON.
 * Either way the rows are read in parts of consecutive ids (5,000 rows or `partRows`), all in one
 * read transaction.
 */
export async function listMunicipalityGridText(
  db: Knex,
  options: { partRows?: number } = {},
): Promise<string | Buffer> {
  const jsonArray = jsonArrayOf(db);
  const head = Buffer.from(`{"fields":${JSON.stringify(MUNICIPALITY_FIELDS)},"rows":[`);
  const comma = Buffer.from(',');
  const answer = (parts: readonly Buffer[]): Buffer =>
    Buffer.concat([head, ...parts.flatMap((part, index) => (index === 0 ? [part] : [comma, part])), Buffer.from(']}')]);
  if (jsonArray === null) {
    // Core writes the JSON (PostgreSQL): a part's values at a time, never all rows as values.
    return answer(
      await readAtOneMoment(db, async (trx) => {
        const parts: Buffer[] = [];
        for (const range of await idRanges(trx, 'municipalities', options.partRows)) {
          const part = rowsJsonInside((await listMunicipalityGrid(trx, { range })).rows);
          if (part.length > 0) parts.push(part);
        }
        return parts;
      }),
    );
  }
  const columns = MUNICIPALITY_COLUMNS.map((column) =>
    column === 'is_member'
      ? { column, as: 'boolean' as const }
      : column === 'active_partnerships' || column === 'partnerships'
        ? { column, as: 'count' as const }
        : column,
  );
  const source = {
    table: 'municipalities',
    query: municipalityGridQuery,
    ...(options.partRows === undefined ? {} : { rows: options.partRows }),
  };
  return answer(await jsonArray(db, source, columns));
}

/**
 * The Members grid in one query: municipalities joined with district and region, and the
 * partnership counts from one grouped subquery (never one query per row). In compact form
 * (`CompactRows`): the database's tuples are the answer's rows, no row object is made.
 */
export async function listMunicipalityGrid(
  db: Knex,
  options: { membersOnly?: boolean; ids?: readonly number[]; range?: IdRange } = {},
): Promise<CompactRows> {
  const query = municipalityGridQuery(db, options.range);
  if (options.membersOnly) query.where('m.is_member', true);
  if (options.ids !== undefined) query.whereIn('m.id', [...options.ids]);
  const tuples = await selectTuples(db, query, MUNICIPALITY_COLUMNS);
  for (const tuple of tuples) {
    tuple[IS_MEMBER_AT] = Boolean(tuple[IS_MEMBER_AT]); // 0/1 on SQLite
    // No partnership: no group (null); aggregates come back as strings on PostgreSQL.
    tuple[ACTIVE_AT] = Number(tuple[ACTIVE_AT] ?? 0);
    tuple[COUNT_AT] = Number(tuple[COUNT_AT] ?? 0);
  }
  return { fields: [...MUNICIPALITY_FIELDS], rows: tuples };
}

/** The same rows as objects (`MunicipalityRow`): every caller but the grid's first load. */
export async function listMunicipalityRows(
  db: Knex,
  options: { membersOnly?: boolean; ids?: readonly number[] } = {},
): Promise<MunicipalityRow[]> {
  return expandRows<MunicipalityRow>(await listMunicipalityGrid(db, options));
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

type DetailRecord = Omit<MunicipalityRecord, 'active_partnerships' | 'partnerships'> & { notes: string | null };

/** One municipality with every field and its partnership counts; undefined when there is none. */
export async function findMunicipalityDetail(db: Knex, id: number): Promise<MunicipalityDetail | undefined> {
  const row = await db('municipalities as m')
    .leftJoin('districts as d', 'd.id', 'm.district_id')
    .leftJoin('regions as r', 'r.id', 'm.region_id')
    .where('m.id', id)
    .first<DetailRecord | undefined>(
      'm.*',
      'd.name as district_name',
      'r.code as region_code',
      'r.name as region_name',
    );
  if (!row) return undefined;
  const counts = await db('partnerships')
    .where({ municipality_id: id })
    .first<{ total: number | string | null; active: number | string | null } | undefined>(
      db.raw('COUNT(*) as total'),
      db.raw("SUM(CASE WHEN status = 'active' THEN 1 ELSE 0 END) as active"),
    );
  return {
    ...toMunicipalityRow({ ...row, active_partnerships: counts?.active ?? 0, partnerships: counts?.total ?? 0 }),
    notes: row.notes,
  };
}

/** The region of a district, or undefined when the district does not exist. */
export async function regionOfDistrict(db: Knex, districtId: number): Promise<number | undefined> {
  const row = await db('districts').where({ id: districtId }).first<{ region_id: number } | undefined>('region_id');
  return row?.region_id;
}

/** The id of another municipality with that code, if any. */
export async function municipalityIdWithCode(db: Knex, code: string): Promise<number | undefined> {
  const row = await db('municipalities').where({ code }).first<{ id: number } | undefined>('id');
  return row?.id;
}

export async function insertMunicipalityRecord(
  db: Knex,
  fields: MunicipalityFields,
  regionId: number | null,
  now: string,
  source = 'manual',
): Promise<number> {
  const [inserted] = await db('municipalities')
    .insert({ ...toColumns(fields), region_id: regionId, version: 1, source, created_at: now, updated_at: now })
    .returning<{ id: number }[]>('id');
  if (!inserted) throw new Error('Insert of a municipality returned no id');
  return inserted.id;
}

/** Tables whose rows go with a municipality when it is deleted (ON DELETE CASCADE), parents first. */
const CASCADE_TABLES = [
  'partnerships',
  'partnership_areas',
  'partnership_participants',
  'contacts',
  'activities',
  'agreement_documents',
  // Only the attachments' rows: their bytes stay in `attachment_contents` for the undo.
  'attachments',
  'partnership_requests',
] as const;

type RawRow = Record<string, unknown>;

/**
 * Everything a delete of the municipality removes or unlinks, as raw rows: enough to put it all
 * back. Requests of other members that pointed at its partnerships are kept as links only.
 */
export type MunicipalitySnapshot = {
  municipality: RawRow;
  rows: Partial<Record<(typeof CASCADE_TABLES)[number], RawRow[]>>;
  requestLinks: { id: number; partnershipId: number }[];
};

/**
 * Whether a municipality exists, its row held until the caller's transaction ends (on a server;
 * SQLite runs one writer at a time). A delete holds it before its snapshot is read: a new
 * partnership or request of the member (its foreign-key check) waits for the delete instead of
 * being added unseen and removed by the cascade.
 */
export async function lockMunicipality(db: Knex, id: number): Promise<boolean> {
  const query = db('municipalities').where({ id }).first('id');
  return (await (isPostgres(db) ? query.forUpdate() : query)) !== undefined;
}

export async function snapshotMunicipality(db: Knex, id: number): Promise<MunicipalitySnapshot | undefined> {
  const municipality = await db('municipalities').where({ id }).first<RawRow | undefined>();
  if (!municipality) return undefined;
  const partnershipIds = db('partnerships').where({ municipality_id: id }).select('id');
  const rows: MunicipalitySnapshot['rows'] = {
    partnerships: await db('partnerships').where({ municipality_id: id }).select<RawRow[]>(),
    partnership_areas: await db('partnership_areas').whereIn('partnership_id', partnershipIds).select<RawRow[]>(),
    partnership_participants: await db('partnership_participants')
      .whereIn('partnership_id', partnershipIds)
      .select<RawRow[]>(),
    contacts: await db('contacts').whereIn('partnership_id', partnershipIds).select<RawRow[]>(),
    activities: await db('activities').whereIn('partnership_id', partnershipIds).select<RawRow[]>(),
    agreement_documents: await db('agreement_documents').whereIn('partnership_id', partnershipIds).select<RawRow[]>(),
    attachments: await db('attachments').whereIn('partnership_id', partnershipIds).select<RawRow[]>(),
    partnership_requests: await db('partnership_requests').where({ municipality_id: id }).select<RawRow[]>(),
  };
  const links = await db('partnership_requests')
    .whereIn('partnership_id', partnershipIds)
    .where((q) => {
      void q.whereNot({ municipality_id: id }).orWhereNull('municipality_id');
    })
    .select<{ id: number; partnership_id: number }[]>('id', 'partnership_id');
  return { municipality, rows, requestLinks: links.map((l) => ({ id: l.id, partnershipId: l.partnership_id })) };
}

/** How many records of each kind a delete of a municipality takes with it. */
export type CascadeCounts = ChildCounts & { partnerships: number; requests: number };

/** How many records a delete of the municipality would take with it, counted now. */
export async function countCascade(db: Knex, id: number): Promise<CascadeCounts> {
  const partnershipIds = db('partnerships').where({ municipality_id: id }).select('id');
  const count = async (query: Knex.QueryBuilder) =>
    Number((await query.count({ n: '*' }).first<{ n: number | string }>()).n);
  return {
    partnerships: await count(db('partnerships').where({ municipality_id: id })),
    ...(await countPartnershipChildren(db, partnershipIds)),
    requests: await count(db('partnership_requests').where({ municipality_id: id })),
  };
}

/** Puts back what `snapshotMunicipality` saw, with the same ids (SQLite AUTOINCREMENT never reuses them). */
export async function restoreMunicipalitySnapshot(db: Knex, snapshot: MunicipalitySnapshot): Promise<void> {
  await db('municipalities').insert(snapshot.municipality);
  for (const table of CASCADE_TABLES) {
    const rows = snapshot.rows[table] ?? [];
    for (let start = 0; start < rows.length; start += 20) await db(table).insert(rows.slice(start, start + 20));
  }
  for (const link of snapshot.requestLinks) {
    await db('partnership_requests')
      .where({ id: link.id })
      .whereNull('partnership_id')
      .update({ partnership_id: link.partnershipId });
  }
}

type PartnershipRecord = {
  id: number;
  foreign_town_id: number;
  town_name: string;
  town_name_cs: string | null;
  country_code: string;
  type: PartnershipType;
  status: PartnershipStatus;
  started_on: string | null;
  signed_on: string | null;
  last_activity_on: string | null;
};

/** A member's partnerships, activities and contacts: three queries plus one for areas. */
export async function listMemberRelations(
  db: Knex,
  id: number,
): Promise<Pick<MemberOverview, 'partnerships' | 'activities' | 'contacts'>> {
  const lastActivity = db('activities')
    .select('partnership_id')
    .max({ last_activity_on: 'date' })
    .groupBy('partnership_id')
    .as('la');
  const partnerships = await db('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .leftJoin(lastActivity, 'la.partnership_id', 'p.id')
    .where('p.municipality_id', id)
    .select<PartnershipRecord[]>(
      'p.id',
      'p.foreign_town_id',
      't.name as town_name',
      't.name_cs as town_name_cs',
      't.country_code',
      'p.type',
      'p.status',
      'p.started_on',
      'p.signed_on',
      'la.last_activity_on',
    );
  const ids = partnerships.map((p) => p.id);
  const areaRows = await db('partnership_areas')
    .whereIn('partnership_id', ids)
    .select<{ partnership_id: number; area: CooperationArea }[]>('partnership_id', 'area');
  const areas = new Map<number, CooperationArea[]>();
  for (const row of areaRows) areas.set(row.partnership_id, [...(areas.get(row.partnership_id) ?? []), row.area]);
  const townName = new Map(partnerships.map((p) => [p.id, p.town_name_cs ?? p.town_name]));

  const activities = await db('activities').whereIn('partnership_id', ids).orderBy('date', 'desc').select<
    {
      id: number;
      partnership_id: number;
      date: string;
      title: string;
      kind: ActivityKind;
      participants: number | null;
      funding_programme: FundingProgramme | null;
      funding_amount: number | string | null;
      currency: Currency | null;
    }[]
  >('id', 'partnership_id', 'date', 'title', 'kind', 'participants', 'funding_programme', 'funding_amount', 'currency');
  const contactQuery = db('contacts').whereIn('partnership_id', ids).orderBy(['partnership_id', 'side']);
  // Names in Czech order: in SQL where the engine can, else sorted again here (ties keep their group).
  const czechInSql = await orderByCzech(db, contactQuery, 'name');
  const contacts = await contactQuery.select<
    {
      id: number;
      partnership_id: number;
      side: ContactSide;
      name: string;
      role: string | null;
      email: string | null;
      phone: string | null;
    }[]
  >('id', 'partnership_id', 'side', 'name', 'role', 'email', 'phone');
  if (!czechInSql)
    contacts.sort(
      (a, b) =>
        a.partnership_id - b.partnership_id ||
        (a.side < b.side ? -1 : a.side > b.side ? 1 : 0) ||
        compareCzech(a.name, b.name),
    );

  return {
    partnerships: partnerships.map((p) => ({
      id: p.id,
      foreignTownId: p.foreign_town_id,
      townName: p.town_name,
      townNameCs: p.town_name_cs,
      countryCode: p.country_code,
      type: p.type,
      status: p.status,
      startedOn: p.started_on,
      signedOn: p.signed_on,
      areas: areas.get(p.id) ?? [],
      lastActivityOn: p.last_activity_on,
    })),
    activities: activities.map((a) => ({
      id: a.id,
      partnershipId: a.partnership_id,
      townName: townName.get(a.partnership_id) ?? '',
      date: a.date,
      title: a.title,
      kind: a.kind,
      participants: a.participants,
      fundingProgramme: a.funding_programme,
      fundingAmount: a.funding_amount === null ? null : Number(a.funding_amount),
      currency: a.currency,
    })),
    contacts: contacts.map((c) => ({
      id: c.id,
      partnershipId: c.partnership_id,
      townName: townName.get(c.partnership_id) ?? '',
      side: c.side,
      name: c.name,
      role: c.role,
      email: c.email,
      phone: c.phone,
    })),
  };
}
