import type { Knex } from 'knex';
import {
  COOPERATION_AREAS,
  PARTICIPANT_GROUPS,
  type CooperationArea,
  type ParticipantGroup,
  type PartnershipStatus,
  type PartnershipType,
  type TermKind,
} from '../../../shared/domain/codes';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import {
  areasJsonColumnOf,
  isPostgres,
  jsonLinesOf,
  partnershipAreasColumn,
  readAtOneMoment,
  selectTupleParts,
  selectTuples,
  whereIdIn,
} from '../db/dialect/index';
import type { IdRange } from '../db/dialect/types';
import { columnsOf, fieldsOf } from './field-map';
import { insertRows } from './import-repository';
import { czechOrder, sortByCzech } from '../../../shared/domain/text';
import { expandRows, type CompactRows } from '../../../shared/ipc/compact-rows';
import { rowsJsonLines } from '../db/compact-rows-json';
import { PART_ROWS } from '../db/id-ranges';

type RowRecord = {
  id: number;
  version: number;
  municipality_id: number;
  municipality_name: string;
  municipality_code: string;
  /** 0/1 on SQLite, a boolean on PostgreSQL. */
  municipality_is_member: number | boolean;
  district_name: string | null;
  region_code: string | null;
  region_name: string | null;
  foreign_town_id: number;
  town_name: string;
  town_name_cs: string | null;
  town_other_names: string | null;
  town_admin_region: string | null;
  town_population: number | null;
  country_code: string;
  type: PartnershipRow['type'];
  status: PartnershipRow['status'];
  started_on: string | null;
  signed_on: string | null;
  term_kind: PartnershipRow['termKind'];
  term_until: string | null;
  areas: string | null;
  last_activity_on: string | null;
  source: string | null;
  import_run_id: number | null;
  verified_at: string | null;
};

const areaOrder = new Map<string, number>(COOPERATION_AREAS.map((area, index) => [area, index]));
const isArea = (value: string): value is CooperationArea => areaOrder.has(value);

/** Areas in the catalogue's order (the grouped column comes back in no defined order). */
export const parseAreas = (text: string | null): CooperationArea[] =>
  (text ?? '')
    .split(',')
    .filter(isArea)
    .sort((a, b) => (areaOrder.get(a) ?? 0) - (areaOrder.get(b) ?? 0));

/** The grid row's columns, in the order `selectTuples` returns them. */
const ROW_COLUMNS = [
  'id',
  'version',
  'municipality_id',
  'municipality_name',
  'municipality_code',
  'municipality_is_member',
  'district_name',
  'region_code',
  'region_name',
  'foreign_town_id',
  'town_name',
  'town_name_cs',
  'town_other_names',
  'town_admin_region',
  'town_population',
  'country_code',
  'type',
  'status',
  'started_on',
  'signed_on',
  'term_kind',
  'term_until',
  'areas',
  'last_activity_on',
  'source',
  'import_run_id',
  'verified_at',
] as const satisfies readonly (keyof RowRecord)[];

/** The grid row's fields, in the order of `ROW_COLUMNS` (each column is the field of the same place). */
const ROW_FIELDS = [
  'id',
  'version',
  'municipalityId',
  'municipalityName',
  'municipalityCode',
  'municipalityIsMember',
  'districtName',
  'regionCode',
  'regionName',
  'foreignTownId',
  'townName',
  'townNameCs',
  'townOtherNames',
  'townAdminRegion',
  'townPopulation',
  'countryCode',
  'type',
  'status',
  'startedOn',
  'signedOn',
  'termKind',
  'termUntil',
  'areas',
  'lastActivityOn',
  'source',
  'importRunId',
  'verifiedAt',
] as const satisfies readonly (keyof PartnershipRow)[];
/** Every field of the row has its column (the compiler names a missing one here). */
export const ROW_FIELDS_COMPLETE: Exclude<keyof PartnershipRow, (typeof ROW_FIELDS)[number]> extends never
  ? true
  : never = true;

const MEMBER_AT = ROW_COLUMNS.indexOf('municipality_is_member');
const AREAS_AT = ROW_COLUMNS.indexOf('areas');
const NAME_AT = ROW_COLUMNS.indexOf('municipality_name');

/**
 * The stored fields and names of a partnership as the grid shows them (joins to member, district,
 * region and town), without per-row aggregates: the grid's query adds those, the benchmark takes
 * this as its floor.
 */
export const selectPartnershipBase = (db: Knex) =>
  db('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .leftJoin('districts as d', 'd.id', 'm.district_id')
    .leftJoin('regions as r', 'r.id', 'm.region_id')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .select(
      'p.id',
      'p.version',
      'p.municipality_id',
      'm.name as municipality_name',
      'm.code as municipality_code',
      'm.is_member as municipality_is_member',
      'd.name as district_name',
      'r.code as region_code',
      'r.name as region_name',
      'p.foreign_town_id',
      't.name as town_name',
      't.name_cs as town_name_cs',
      // The quick search finds Wien by „Vienna“ (its alternate since migration 0024) and Moskva by
      // „Москва“: the alternates (one a line) and the native name, unless the row has it already.
      // Null for most towns: one short value in the compact rows, no work per row in the renderer.
      db.raw(
        `case
          when t.name_native is null or t.name_native = t.name or t.name_native = coalesce(t.name_cs, '') then t.alt_names
          when t.alt_names is null then t.name_native
          else t.alt_names || ? || t.name_native
        end as town_other_names`,
        ['\n'],
      ),
      't.admin_region as town_admin_region',
      't.population as town_population',
      't.country_code',
      'p.type',
      'p.status',
      'p.started_on',
      'p.signed_on',
      'p.term_kind',
      'p.term_until',
    );

/**
 * The Partnerships grid's query (see `listPartnershipGrid`); `areas` is the areas column as the
 * caller reads it (text to split, or SQLite's JSON for the first load).
 */
const partnershipGridQuery = (db: Knex, areas: Knex.Raw = partnershipAreasColumn(db)) =>
  selectPartnershipBase(db)
    .select(
      areas,
      db.raw('(select max(ac.date) from activities ac where ac.partnership_id = p.id) as last_activity_on'),
      'p.source',
      'p.import_run_id',
      'p.verified_at',
    )
    // Partnerships of one member stay in id order after the sort by its name, on every engine.
    .orderBy('p.id');

/**
 * The grid's values as the row wants them: a boolean for membership (0/1 on SQLite), the areas
 * as an array. Few distinct combinations of areas: each is parsed once (`parsed`, shared between
 * the parts of one answer); every row gets its own array.
 */
function prepareGridTuples(tuples: unknown[][], parsed: Map<unknown, CooperationArea[]>): void {
  for (const tuple of tuples) {
    tuple[MEMBER_AT] = Boolean(tuple[MEMBER_AT]);
    const text = tuple[AREAS_AT];
    let areas = parsed.get(text);
    if (areas === undefined) {
      areas = parseAreas(typeof text === 'string' ? text : null);
      parsed.set(text, areas);
    }
    tuple[AREAS_AT] = [...areas];
  }
}

/**
 * The rows of the Partnerships grid in ONE query: joins member, district, region and town; areas
 * grouped and the last activity date come from correlated subqueries over indexed keys. With
 * `ids`, only those partnerships (a grid refreshes the rows a change touched). In compact form
 * (`CompactRows`): the database's tuples are the answer's rows, no row object is made.
 */
export async function listPartnershipGrid(db: Knex, filter: { ids?: readonly number[] } = {}): Promise<CompactRows> {
  const query = partnershipGridQuery(db);
  if (filter.ids !== undefined) query.whereIn('p.id', [...filter.ids]);
  const tuples = await selectTuples(db, query, ROW_COLUMNS);
  prepareGridTuples(tuples, new Map());
  // In the grid's first order (member, Czech). SQLite knows no Czech order; here it costs ~60 ms
  // at 60,000 rows and spares the grid a slow first sort (already sorted input sorts in one pass).
  sortByCzech(tuples, (tuple) => tuple[NAME_AT] as string);
  return { fields: [...ROW_FIELDS], rows: tuples };
}

/**
 * The whole grid's answer (`listPartnershipGrid` without ids) as the JSON text the bridge sends.
 * Where the database writes JSON (SQLite), core never holds the rows as values nor their text as
 * a string: SQLite writes each row's array as UTF-8 bytes, core only puts the lines in Czech order
 * of the member's name (which SQLite does not know) by copying bytes; SQLite writes them in parts
 * of consecutive ids. Elsewhere core writes the same lines from the values, read through a
 * cursor. Either way parts of 5,000 rows (or `partRows`) in one read transaction: neither the
 * database's text nor core's values of all rows exist at once.
 */
export async function listPartnershipGridText(db: Knex, options: { partRows?: number } = {}): Promise<string | Buffer> {
  const jsonLines = jsonLinesOf(db);
  const areasJson = areasJsonColumnOf(db);
  const head = `{"fields":${JSON.stringify(ROW_FIELDS)},"rows":`;
  if (jsonLines === null || areasJson === null) {
    // Core writes the JSON (PostgreSQL): one statement read through a cursor, a part's values
    // at a time written as lines and let go; never all rows as values.
    const parts = await readAtOneMoment(db, async (trx) => {
      const lines: Buffer[] = [];
      const parsed = new Map<unknown, CooperationArea[]>();
      await selectTupleParts(trx, partnershipGridQuery(trx), ROW_COLUMNS, options.partRows ?? PART_ROWS, (tuples) => {
        prepareGridTuples(tuples, parsed);
        lines.push(rowsJsonLines(tuples, NAME_AT));
      });
      return lines;
    });
    return jsonArrayInOrder(parts, czechOrder, head, '}');
  }
  const query = (trx: Knex, range: IdRange) =>
    whereIdIn(partnershipGridQuery(trx, areasJson(trx, COOPERATION_AREAS)), 'p.id', range);
  const columns = ROW_COLUMNS.map((column) =>
    column === 'municipality_is_member'
      ? { column, as: 'boolean' as const }
      : column === 'areas'
        ? { column, as: 'json' as const }
        : column,
  );
  const source = {
    table: 'partnerships',
    query,
    ...(options.partRows === undefined ? {} : { rows: options.partRows }),
  };
  const lines = await jsonLines(db, source, columns, 'municipality_name');
  return jsonArrayInOrder(lines, czechOrder, head, '}');
}

const NEWLINE = 0x0a;
const TAB = 0x09;
const COMMA = 0x2c;

/**
 * Lines of `selectJsonLines` (each: a key as JSON, a tab, a row's JSON; in one or more parts) as
 * one JSON array of the rows in the order `order` gives for the keys, between `head` and `tail`;
 * the rows' bytes are copied as they are, only the keys are decoded.
 */
export function jsonArrayInOrder(
  parts: Buffer | readonly Buffer[],
  order: (keys: readonly string[]) => number[],
  head: string,
  tail: string,
): Buffer {
  const lines = Buffer.isBuffer(parts) ? [parts] : parts;
  const partOf: number[] = [];
  const tabs: number[] = [];
  const ends: number[] = [];
  const keys: string[] = [];
  lines.forEach((part, partIndex) => {
    for (let start = 0; start < part.length;) {
      const found = part.indexOf(NEWLINE, start);
      const end = found === -1 ? part.length : found;
      const tab = part.indexOf(TAB, start);
      if (tab === -1 || tab > end) throw new Error('A line of the grid has no key');
      keys.push(JSON.parse(part.toString('utf8', start, tab)) as string);
      partOf.push(partIndex);
      tabs.push(tab);
      ends.push(end);
      start = end + 1;
    }
  });
  const ordered = order(keys);
  const before = Buffer.from(`${head}[`);
  const after = Buffer.from(`]${tail}`);
  let size = before.length + after.length + Math.max(0, ordered.length - 1);
  for (const index of ordered) size += (ends[index] as number) - (tabs[index] as number) - 1;
  const out = Buffer.allocUnsafe(size);
  let at = before.copy(out, 0);
  ordered.forEach((index, position) => {
    if (position > 0) out[at++] = COMMA;
    at += (lines[partOf[index] as number] as Buffer).copy(out, at, (tabs[index] as number) + 1, ends[index]);
  });
  at += after.copy(out, at);
  if (at !== size) throw new Error('The grid text is not as long as counted');
  return out;
}

/** The same rows as objects (`PartnershipRow`): every caller but the grid's first load. */
export async function listPartnershipRows(
  db: Knex,
  filter: { ids?: readonly number[] } = {},
): Promise<PartnershipRow[]> {
  return expandRows<PartnershipRow>(await listPartnershipGrid(db, filter));
}

/**
 * Writes fields of a partnership only if its version is still `expectedVersion`, without a new
 * version: what does not change the record's content (its verification, confirmed warnings) must
 * not invalidate an edit someone has open. False when the row changed or is gone.
 */
export async function updateUnversioned(
  db: Knex,
  id: number,
  expectedVersion: number,
  fields: Partial<Record<keyof typeof PARTNERSHIP_COLUMN_OF, unknown>>,
): Promise<boolean> {
  return (await db('partnerships').where({ id, version: expectedVersion }).update(partnershipColumns(fields))) === 1;
}

/** One grid row, or undefined. */
export async function findPartnershipRow(db: Knex, id: number): Promise<PartnershipRow | undefined> {
  const [row] = await listPartnershipRows(db, { ids: [id] });
  return row;
}

/** The one field ↔ column map of `partnerships` (every stored field but the id). */
const PARTNERSHIP_COLUMN_OF = {
  municipalityId: 'municipality_id',
  foreignTownId: 'foreign_town_id',
  type: 'type',
  status: 'status',
  startedOn: 'started_on',
  signedOn: 'signed_on',
  signedPlace: 'signed_place',
  czResolution: 'cz_resolution',
  czResolutionDate: 'cz_resolution_date',
  partnerResolution: 'partner_resolution',
  partnerResolutionDate: 'partner_resolution_date',
  termKind: 'term_kind',
  termUntil: 'term_until',
  endedOn: 'ended_on',
  notes: 'notes',
  source: 'source',
  importRunId: 'import_run_id',
  /** JSON text: warning code → the values it judged when a person confirmed it. */
  acknowledgedWarnings: 'acknowledged_warnings',
  verifiedAt: 'verified_at',
  verifiedBy: 'verified_by',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const;

/** A partnership as stored, in fields. */
export type PartnershipRecord = {
  id: number;
  municipalityId: number;
  foreignTownId: number;
  type: PartnershipType;
  status: PartnershipStatus;
  startedOn: string | null;
  signedOn: string | null;
  signedPlace: string | null;
  czResolution: string | null;
  czResolutionDate: string | null;
  partnerResolution: string | null;
  partnerResolutionDate: string | null;
  termKind: TermKind;
  termUntil: string | null;
  endedOn: string | null;
  notes: string | null;
  source: string | null;
  importRunId: number | null;
  acknowledgedWarnings: string | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

type StoredField = keyof typeof PARTNERSHIP_COLUMN_OF;

/** The columns of the fields present (a patch writes only what it names). */
export const partnershipColumns = (fields: Partial<Record<StoredField, unknown>>): Record<string, unknown> =>
  columnsOf(PARTNERSHIP_COLUMN_OF, fields);

/** How many records of each kind deleting partnerships takes with them. */
export type ChildCounts = { contacts: number; activities: number; agreements: number; attachments: number };

/** The children of the partnerships (their ids, or a query of them) counted now. */
export async function countPartnershipChildren(
  db: Knex,
  partnershipIds: number[] | Knex.QueryBuilder,
): Promise<ChildCounts> {
  const count = async (table: string) =>
    Number(
      (await db(table).whereIn('partnership_id', partnershipIds).count({ n: '*' }).first<{ n: number | string }>()).n,
    );
  return {
    contacts: await count('contacts'),
    activities: await count('activities'),
    agreements: await count('agreement_documents'),
    attachments: await count('attachments'),
  };
}

/** The fields of the columns present in `columns` (the reverse of `partnershipColumns`). */
export const partnershipFieldsOfColumns = (columns: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(PARTNERSHIP_COLUMN_OF)
      .filter(([, column]) => Object.prototype.hasOwnProperty.call(columns, column))
      .map(([field, column]) => [field, columns[column] ?? null]),
  );

export async function findPartnershipRecord(db: Knex, id: number): Promise<PartnershipRecord | undefined> {
  const row = await db('partnerships').where({ id }).first<Record<string, unknown> | undefined>();
  return row ? ({ id: row.id, ...fieldsOf(PARTNERSHIP_COLUMN_OF, row) } as PartnershipRecord) : undefined;
}

export async function partnershipSets(
  db: Knex,
  id: number,
): Promise<{ areas: CooperationArea[]; participantGroups: ParticipantGroup[] }> {
  const areas = await db('partnership_areas').where({ partnership_id: id }).pluck<string[]>('area');
  const groups = await db('partnership_participants')
    .where({ partnership_id: id })
    .pluck<string[]>('participant_group');
  const groupOrder = new Map<string, number>(PARTICIPANT_GROUPS.map((g, i) => [g, i]));
  return {
    areas: parseAreas(areas.join(',')),
    participantGroups: PARTICIPANT_GROUPS.filter((g) => groups.includes(g)).sort(
      (a, b) => (groupOrder.get(a) ?? 0) - (groupOrder.get(b) ?? 0),
    ),
  };
}

/** The partnership of a member with a town (the registry holds one per pair), or null. */
export async function partnershipIdOfPair(
  db: Knex,
  municipalityId: number,
  foreignTownId: number,
): Promise<number | null> {
  const row = await db('partnerships')
    .where({ municipality_id: municipalityId, foreign_town_id: foreignTownId })
    .first<{ id: number } | undefined>('id');
  return row?.id ?? null;
}

export const partnershipExists = async (db: Knex, municipalityId: number, foreignTownId: number): Promise<boolean> =>
  (await partnershipIdOfPair(db, municipalityId, foreignTownId)) !== null;

/** Tables holding a partnership's children, which a delete removes (cascade) and a restore puts back. */
export const PARTNERSHIP_CHILD_TABLES = [
  'partnership_areas',
  'partnership_participants',
  'contacts',
  'activities',
  'agreement_documents',
  // Only the attachments' rows: their bytes (`attachment_contents`) stay for the undo.
  'attachments',
] as const;

/**
 * The tables of the registry's records, parents first: what a run that reads and writes many of
 * them (an import's undo, the demo removal) locks on a server before it reads, in this order, so
 * that two such runs wait for each other instead of deadlocking.
 */
export const RECORD_TABLES_PARENTS_FIRST = [
  'municipalities',
  'foreign_towns',
  'partnerships',
  ...PARTNERSHIP_CHILD_TABLES,
  'partnership_requests',
  'town_match_decisions',
];

/** Every stored row of a partnership and its children, exactly as stored: what an undo restores. */
export type PartnershipSnapshot = {
  partnership: Record<string, unknown>;
  children: Record<string, Record<string, unknown>[]>;
  /** Requests that pointed at the partnership (their link is set to null by the delete). */
  requestIds: number[];
};

export async function snapshotPartnership(db: Knex, id: number): Promise<PartnershipSnapshot | undefined> {
  const partnership = await db('partnerships').where({ id }).first<Record<string, unknown> | undefined>();
  if (!partnership) return undefined;
  const children: Record<string, Record<string, unknown>[]> = {};
  for (const table of PARTNERSHIP_CHILD_TABLES) {
    children[table] = await db(table).where({ partnership_id: id }).select<Record<string, unknown>[]>();
  }
  const requestIds = await db('partnership_requests').where({ partnership_id: id }).pluck<number[]>('id');
  return { partnership, children, requestIds };
}

/** Puts a snapshot back (same ids). Call inside a transaction. */
export async function restoreSnapshot(db: Knex, snapshot: PartnershipSnapshot): Promise<void> {
  await db('partnerships').insert(snapshot.partnership);
  for (const table of PARTNERSHIP_CHILD_TABLES) {
    const rows = snapshot.children[table] ?? [];
    // Small chunks keep below SQLite's bound-variable limit for any number of children.
    for (let start = 0; start < rows.length; start += 50) await db(table).insert(rows.slice(start, start + 50));
  }
  if (snapshot.requestIds.length > 0) {
    await db('partnership_requests')
      .whereIn('id', snapshot.requestIds)
      .whereNull('partnership_id')
      .update({ partnership_id: snapshot.partnership.id });
  }
}

/** The tables of a partnership's child records (contacts on both sides, activities, attachments). */
export type PartnershipChildTable = 'contacts' | 'activities' | 'attachments';

/** The ids of a municipality's partnerships (the Partnerships grid rows that show its name). */
export async function partnershipIdsOfMunicipality(db: Knex, municipalityId: number): Promise<number[]> {
  return db('partnerships').where({ municipality_id: municipalityId }).orderBy('id').pluck<number[]>('id');
}

export async function partnershipIdExists(db: Knex, id: number): Promise<boolean> {
  return (await db('partnerships').where({ id }).first('id')) !== undefined;
}

/**
 * Whether a partnership exists, its row held until the caller's transaction ends (on a server;
 * SQLite runs one writer at a time, and Knex has no row locks there). `update`: a delete, which
 * then reads its snapshot only after every write of a child in progress has committed. `share`:
 * a write of one of its children, which waits for a delete in progress and then finds the
 * partnership gone (false) instead of writing a child the delete removes without its snapshot.
 */
export async function lockPartnership(db: Knex, id: number, mode: 'update' | 'share'): Promise<boolean> {
  const query = db('partnerships').where({ id }).first('id');
  const held = !isPostgres(db) ? query : mode === 'update' ? query.forUpdate() : query.forShare();
  return (await held) !== undefined;
}

/** Inserts one child record of a partnership; returns its id. */
export async function insertPartnershipChild(
  db: Knex,
  table: PartnershipChildTable,
  partnershipId: number,
  columns: Record<string, unknown>,
  now: string,
): Promise<number> {
  const [row] = await db(table)
    .insert({ partnership_id: partnershipId, ...columns, created_at: now, updated_at: now })
    .returning<{ id: number }[]>('id');
  if (!row) throw new Error(`Insert into ${table} returned no id`);
  return row.id;
}

/** When a contact, activity or attachment was added (what its delete keeps for the undo). */
export async function childCreatedAt(db: Knex, table: PartnershipChildTable, id: number): Promise<string | undefined> {
  const row = await db(table).where({ id }).first<{ created_at: string } | undefined>('created_at');
  return row?.created_at;
}

/**
 * Puts a deleted contact, activity or attachment back with its id (undo from the bin), with the
 * version and the time of adding the undo gives it (a version above any it had: a form still
 * open on an older one gets CONFLICT).
 */
export async function restorePartnershipChild(
  db: Knex,
  table: PartnershipChildTable,
  id: number,
  partnershipId: number,
  columns: Record<string, unknown>,
  kept: { version: number; createdAt: string },
  now: string,
): Promise<void> {
  await db(table).insert({
    id,
    partnership_id: partnershipId,
    ...columns,
    version: kept.version,
    created_at: kept.createdAt,
    updated_at: now,
  });
}

/** Names of municipalities and foreign towns by id (for labels of deleted partnerships). */
export async function namesByIds(
  db: Knex,
  table: 'municipalities' | 'foreign_towns',
  ids: readonly number[],
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db(table)
      .whereIn('id', ids.slice(start, start + 500))
      .select<{ id: number; name: string }[]>('id', 'name');
    for (const row of rows) out.set(row.id, row.name);
  }
  return out;
}

export type PartnershipInsert = {
  municipalityId: number;
  foreignTownId: number;
  type: PartnershipType;
  status: PartnershipStatus;
  startedOn?: string | null;
  signedOn?: string | null;
  signedPlace?: string | null;
  czResolution?: string | null;
  czResolutionDate?: string | null;
  partnerResolution?: string | null;
  partnerResolutionDate?: string | null;
  termKind?: TermKind;
  termUntil?: string | null;
  endedOn?: string | null;
  notes?: string | null;
  source?: string | null;
  importRunId?: number | null;
  acknowledgedWarnings?: string | null;
  areas?: readonly CooperationArea[];
  participantGroups?: readonly ParticipantGroup[];
};

/** A new partnership as its row (absent fields unknown, the term too). */
const partnershipRow = (p: PartnershipInsert, now: string): Record<string, unknown> => {
  // Areas and groups live in their own tables (`replacePartnershipSets`); the map has no column for them.
  return columnsOf(
    PARTNERSHIP_COLUMN_OF,
    { ...p, termKind: p.termKind ?? 'unknown', version: 1, createdAt: now, updatedAt: now },
    { every: true },
  );
};

export async function insertPartnership(db: Knex, p: PartnershipInsert, now: string): Promise<number> {
  const [inserted] = await db('partnerships').insert(partnershipRow(p, now)).returning<{ id: number }[]>('id');
  if (!inserted) throw new Error('Insert of a partnership returned no id');
  await replacePartnershipSets(db, inserted.id, p.areas ?? [], p.participantGroups ?? []);
  return inserted.id;
}

/** Inserts partnerships without areas or groups in batches (an import), inside the caller's transaction. */
export async function insertPartnershipRows(
  db: Knex,
  partnerships: readonly Omit<PartnershipInsert, 'areas' | 'participantGroups'>[],
  now: string,
  afterBatch?: (done: number) => Promise<void>,
): Promise<void> {
  await insertRows(
    db,
    'partnerships',
    partnerships.map((p) => partnershipRow(p, now)),
    afterBatch,
  );
}

/** Replaces the multi-valued sets (areas, participant groups) of one partnership. */
export async function replacePartnershipSets(
  db: Knex,
  partnershipId: number,
  areas: readonly CooperationArea[],
  groups: readonly ParticipantGroup[],
): Promise<void> {
  await db('partnership_areas').where({ partnership_id: partnershipId }).delete();
  await db('partnership_participants').where({ partnership_id: partnershipId }).delete();
  const uniqueAreas = [...new Set(areas)];
  const uniqueGroups = [...new Set(groups)];
  if (uniqueAreas.length > 0) {
    await db('partnership_areas').insert(uniqueAreas.map((area) => ({ partnership_id: partnershipId, area })));
  }
  if (uniqueGroups.length > 0) {
    await db('partnership_participants').insert(
      uniqueGroups.map((group) => ({ partnership_id: partnershipId, participant_group: group })),
    );
  }
}
