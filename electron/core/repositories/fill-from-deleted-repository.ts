import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import {
  FILL_CHILDREN,
  PARTNERSHIP_CHOOSABLE,
  TOWN_FILL_FIELDS,
  type AnyFillField,
  type FillChild,
  type FillChildRow,
  type FillField,
  type FillFieldRow,
  type TownFillField,
} from '../../../shared/domain/partnership-merge';
import { otherTownWithGeonamesId, otherTownWithKey } from './foreign-towns-repository';
import { COLUMNS_OF, lockTown, statedValue, type PartnershipMerge, type TownMerge } from './merge-repository';
import { lockPartnership, type PartnershipSnapshot } from './partnerships-repository';

/*
 * Filling the live partnership of a pair from a deleted one of the same pair (walkthrough 22,
 * finding 1: a colleague re-added the pair, the restore is refused, and the deleted record's
 * values were left in the bin). The partnership merge with a deleted source: the same record of
 * what changed (`PartnershipMerge`, audited on the live record and undone by `merges:restore`),
 * but only what the user ticked is written, and the deleted record's children are put back onto
 * the live one from the delete's snapshot instead of being moved.
 */

type Row = Record<string, unknown>;

/** A fill as its audit entry keeps it: a partnership merge whose source was in the bin. */
export type FillMerge = PartnershipMerge & {
  /** The delete's audit entry the values came from (the deleted record stays there). */
  fromDelete: number;
  /** Areas and groups the fill added (the undo takes them back). */
  addedSets: { areas: string[]; groups: string[] };
  /** The children put onto the live record, by table, as (snapshot id → id given). */
  childIds: Partial<Record<FillChild, [number, number][]>>;
  /** Each inserted child's version when inserted (a child edited since blocks the undo). */
  childVersions: Partial<Record<FillChild, Record<string, number>>>;
};

export const isFillMerge = (merge: unknown): merge is FillMerge | TownFillMerge =>
  typeof merge === 'object' && merge !== null && typeof (merge as { fromDelete?: unknown }).fromDelete === 'number';

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';
const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** Columns that make two children "the same" (not the ids, the owner, the bookkeeping). */
const BOOKKEEPING = new Set(['id', 'partnership_id', 'version', 'created_at', 'updated_at', 'activity_id']);

/** A child's content as comparable text (a decimal read as 1200 or "1200.00" is one value). */
function contentOf(row: Row): string {
  const entries = Object.entries(row)
    .filter(([column]) => !BOOKKEEPING.has(column))
    .map(([column, value]): [string, string] => {
      if (value === null || value === undefined || value === '') return [column, ''];
      const number = typeof value === 'number' || typeof value === 'string' ? Number(value) : Number.NaN;
      return [
        column,
        typeof value !== 'boolean' && Number.isFinite(number) && text(value).trim() !== ''
          ? String(number)
          : text(value),
      ];
    })
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

/** What a person reads of a child: its name or title, its date, its other texts, an activity's funding. */
function describeChild(table: FillChild, row: Row): Omit<FillChildRow, 'table' | 'id' | 'duplicate'> {
  const texts = (...parts: unknown[]) => parts.map(text).filter((part) => part.trim() !== '');
  const date = (value: unknown) => (text(value) === '' ? null : text(value));
  switch (table) {
    case 'contacts':
      return { label: text(row.name), date: null, texts: texts(row.role, row.email, row.phone), funding: null };
    case 'activities':
      return {
        label: text(row.title),
        date: date(row.date),
        texts: [],
        funding:
          isEmpty(row.funding_programme) && isEmpty(row.funding_amount)
            ? null
            : {
                programme: date(row.funding_programme),
                amount: isEmpty(row.funding_amount) ? null : text(row.funding_amount),
                currency: date(row.currency),
              },
      };
    case 'agreement_documents':
      return { label: text(row.file_name) || text(row.template), date: date(row.created_at), texts: [], funding: null };
    case 'attachments':
      return { label: text(row.file_name), date: null, texts: texts(row.description), funding: null };
  }
}

async function setsOf(db: Knex, id: number) {
  return {
    areas: await db('partnership_areas').where({ partnership_id: id }).orderBy('area').pluck<string[]>('area'),
    groups: await db('partnership_participants')
      .where({ partnership_id: id })
      .orderBy('participant_group')
      .pluck<string[]>('participant_group'),
  };
}

const snapshotSets = (snapshot: PartnershipSnapshot) => ({
  areas: (snapshot.children.partnership_areas ?? []).map((row) => text(row.area)).sort(),
  groups: (snapshot.children.partnership_participants ?? []).map((row) => text(row.participant_group)).sort(),
});

type PartnershipFieldRow = FillFieldRow & { field: FillField };

/**
 * The fields the deleted record states that the live one does not state alike: every choosable
 * field (a date the live record states more precisely already is left out), the notes (unless the
 * live notes hold them already) and the sets with codes the live record lacks.
 */
function fillFields(
  live: Row,
  liveSets: { areas: string[]; groups: string[] },
  deleted: Row,
  deletedSets: { areas: string[]; groups: string[] },
): PartnershipFieldRow[] {
  const out: PartnershipFieldRow[] = [];
  for (const field of PARTNERSHIP_CHOOSABLE) {
    const theirs = statedValue(deleted, field);
    const ours = statedValue(live, field);
    if (theirs === null || ours === theirs || (ours !== null && ours.startsWith(theirs))) continue;
    out.push({ field, deleted: theirs, live: ours });
  }
  const notes = text(deleted.notes).trim();
  if (notes !== '' && !text(live.notes).includes(notes))
    out.push({ field: 'notes', deleted: text(deleted.notes), live: isEmpty(live.notes) ? null : text(live.notes) });
  for (const [field, ours, theirs] of [
    ['areas', liveSets.areas, deletedSets.areas],
    ['participantGroups', liveSets.groups, deletedSets.groups],
  ] as const)
    if (theirs.some((code) => !ours.includes(code)))
      out.push({ field, deleted: theirs.join(','), live: ours.length === 0 ? null : ours.join(',') });
  return out;
}

/** The deleted record's children as the fill lists them, each marked when the live record has its twin. */
async function fillChildren(db: Knex, liveId: number, snapshot: PartnershipSnapshot): Promise<FillChildRow[]> {
  const out: FillChildRow[] = [];
  for (const table of FILL_CHILDREN) {
    const rows = snapshot.children[table] ?? [];
    if (rows.length === 0) continue;
    const live = new Set(
      (await db(table).where({ partnership_id: liveId }).select<Row[]>()).map((row) => contentOf(row)),
    );
    for (const row of rows)
      out.push({ table, id: Number(row.id), ...describeChild(table, row), duplicate: live.has(contentOf(row)) });
  }
  return out;
}

/** What filling `liveId` from `snapshot` would offer (nothing written); undefined when the live record is gone. */
export async function fillPreviewOf(
  db: Knex,
  liveId: number,
  snapshot: PartnershipSnapshot,
): Promise<{ version: number; fields: FillFieldRow[]; children: FillChildRow[] } | undefined> {
  const live = await db('partnerships').where({ id: liveId }).first<Row | undefined>();
  if (!live) return undefined;
  return {
    version: Number(live.version),
    fields: fillFields(live, await setsOf(db, liveId), snapshot.partnership, snapshotSets(snapshot)),
    children: await fillChildren(db, liveId, snapshot),
  };
}

/**
 * Fills partnership `liveId` from a deleted one's snapshot: the ticked fields (`take`; a field no
 * longer listed is skipped), the ticked children (`childIds`, by table; one the live record has
 * already is skipped) put onto it with their ids where free. Call inside a transaction, after the
 * live record's version was checked.
 */
export async function fillFromSnapshot(
  db: Knex,
  input: {
    liveId: number;
    deleteAuditId: number;
    snapshot: PartnershipSnapshot;
    take: readonly FillField[];
    childIds: Partial<Record<FillChild, readonly number[]>>;
    now: string;
  },
): Promise<FillMerge> {
  const { liveId, snapshot } = input;
  const kept = await db('partnerships').where({ id: liveId }).first<Row | undefined>();
  if (!kept) throw new AppError('NOT_FOUND', 'The partnership no longer exists.');
  const keptSets = await setsOf(db, liveId);
  const deleted = snapshot.partnership;
  const deletedSets = snapshotSets(snapshot);
  const listed = fillFields(kept, keptSets, deleted, deletedSets);
  const changes: Row = {};
  const addedSets = { areas: [] as string[], groups: [] as string[] };
  for (const row of listed) {
    if (!input.take.includes(row.field)) continue;
    if (row.field === 'notes')
      changes.notes = isEmpty(kept.notes) ? deleted.notes : `${text(kept.notes)}\n\n${text(deleted.notes)}`;
    else if (row.field === 'areas') addedSets.areas = deletedSets.areas.filter((a) => !keptSets.areas.includes(a));
    else if (row.field === 'participantGroups')
      addedSets.groups = deletedSets.groups.filter((g) => !keptSets.groups.includes(g));
    else for (const column of COLUMNS_OF[row.field]) changes[column] = deleted[column] ?? null;
  }
  for (const area of addedSets.areas) await db('partnership_areas').insert({ partnership_id: liveId, area });
  for (const group of addedSets.groups)
    await db('partnership_participants').insert({ partnership_id: liveId, participant_group: group });

  const listedChildren = await fillChildren(db, liveId, snapshot);
  const childIds: FillMerge['childIds'] = {};
  const childVersions: FillMerge['childVersions'] = {};
  const activityIds = new Map<number, number>();
  for (const table of FILL_CHILDREN) {
    const wanted = new Set(input.childIds[table] ?? []);
    const skipped = new Set(listedChildren.filter((c) => c.table === table && c.duplicate).map((c) => c.id));
    for (const row of snapshot.children[table] ?? []) {
      const oldId = Number(row.id);
      if (!wanted.has(oldId) || skipped.has(oldId)) continue;
      const values: Row = { ...row, partnership_id: liveId };
      if (table === 'attachments') {
        const activity = row.activity_id === null || row.activity_id === undefined ? null : Number(row.activity_id);
        values.activity_id = activity === null ? null : (activityIds.get(activity) ?? null);
      }
      // The same id where nobody has taken it since (SQLite may reuse the highest id).
      const taken = (await db(table).where({ id: oldId }).first('id')) !== undefined;
      if (taken) delete values.id;
      const [inserted] = await db(table).insert(values).returning<{ id: number }[]>('id');
      if (!inserted) throw new Error(`Insert into ${table} returned no id`);
      const newId = inserted.id;
      (childIds[table] ??= []).push([oldId, newId]);
      if (typeof values.version === 'number') (childVersions[table] ??= {})[String(newId)] = values.version;
      if (table === 'activities') activityIds.set(oldId, newId);
    }
  }
  const keptVersionAfter = Number(kept.version) + 1;
  await db('partnerships')
    .where({ id: liveId })
    .update({ ...changes, version: keptVersionAfter, updated_at: input.now });
  return {
    kind: 'partnerships',
    keptBefore: kept,
    keptSets,
    keptVersionAfter,
    merged: snapshot,
    moved: {},
    requestIds: [],
    changes,
    fromDelete: input.deleteAuditId,
    addedSets,
    childIds,
    childVersions,
  };
}

/**
 * Undoes a fill: the live record back as the fill found it (its fields, areas and groups), the
 * children it put there taken away (the deleted record's snapshot still holds them). CONFLICT
 * (reason merge.error.changedSince, as a merge's undo) when the live record or one of those
 * children changed since: the undo would overwrite that change.
 */
export async function undoFill(db: Knex, merge: FillMerge): Promise<void> {
  const liveId = Number(merge.keptBefore.id);
  const refuse = () =>
    new AppError('CONFLICT', 'The partnership has changed since it was filled; the fill cannot be undone.', {
      reason: 'merge.error.changedSince',
      table: 'partnerships',
      recordId: liveId,
      expectedVersion: merge.keptVersionAfter,
    });
  // Held before the check (on a server): a save of the live record in progress is committed first
  // and refuses the undo; a later one waits for it (a child written meanwhile holds it first too).
  await lockPartnership(db, liveId, 'update');
  const now = await db('partnerships')
    .where({ id: liveId })
    .first<{ version: number; verified_at: unknown; verified_by: unknown } | undefined>(
      'version',
      'verified_at',
      'verified_by',
    );
  if (!now || now.version !== merge.keptVersionAfter) throw refuse();
  // A verification writes no version: one made since the fill would be taken away by the undo.
  const same = (a: unknown, b: unknown) => (typeof a === 'string' ? a : '') === (typeof b === 'string' ? b : '');
  if (!same(now.verified_at, merge.keptBefore.verified_at) || !same(now.verified_by, merge.keptBefore.verified_by))
    throw refuse();
  for (const table of FILL_CHILDREN) {
    const ids = (merge.childIds[table] ?? []).map(([, id]) => id);
    if (ids.length === 0) continue;
    const rows = await db(table).whereIn('id', ids).where({ partnership_id: liveId }).select<Row[]>();
    if (rows.length !== ids.length) throw refuse();
    const versions = merge.childVersions[table] ?? {};
    if (rows.some((row) => versions[String(row.id)] !== undefined && Number(row.version) !== versions[String(row.id)]))
      throw refuse();
  }
  // Attachments first: they may name an activity the undo takes away.
  for (const table of [...FILL_CHILDREN].reverse()) {
    const ids = (merge.childIds[table] ?? []).map(([, id]) => id);
    if (ids.length > 0) await db(table).whereIn('id', ids).delete();
  }
  if (merge.addedSets.areas.length > 0)
    await db('partnership_areas').where({ partnership_id: liveId }).whereIn('area', merge.addedSets.areas).delete();
  if (merge.addedSets.groups.length > 0)
    await db('partnership_participants')
      .where({ partnership_id: liveId })
      .whereIn('participant_group', merge.addedSets.groups)
      .delete();
  const columns = Object.fromEntries(Object.entries(merge.keptBefore).filter(([column]) => column !== 'id'));
  // Written only at the version checked (held above, so a second guard).
  const written = await db('partnerships')
    .where({ id: liveId, version: merge.keptVersionAfter })
    .update({ ...columns, version: merge.keptVersionAfter + 1 });
  if (written !== 1) throw refuse();
}

/*
 * The same for a partner town (walkthrough 22, finding 1, follow-up): a deleted town card whose
 * restore is refused because a town of the same name and country was added meanwhile. A deleted
 * town has no partnerships or requests (a town one names cannot be deleted), so its fill is fields
 * only; the import decisions its delete kept stay with the delete (its restore brings them back).
 */

/** A town fill as its audit entry keeps it: a town merge whose source was in the bin, moving nothing. */
export type TownFillMerge = TownMerge & {
  /** The delete's audit entry the values came from (the deleted town stays there). */
  fromDelete: number;
  /** The live town's columns the fill changed, to their new values. */
  changes: Row;
};

/** The columns of each town field a fill offers (coordinates are one pair). */
const TOWN_COLUMNS_OF: Readonly<Record<Exclude<TownFillField, 'altNames'>, readonly string[]>> = {
  nameCs: ['name_cs'],
  nameNative: ['name_native'],
  kind: ['kind'],
  largeCity: ['large_city'],
  adminRegion: ['admin_region'],
  population: ['population'],
  coordinates: ['latitude', 'longitude'],
  address: ['address'],
  language: ['language'],
  website: ['website'],
  email: ['email'],
  mayorName: ['mayor_name'],
  mayorGender: ['mayor_gender'],
  mayorOffice: ['mayor_office'],
  mayorTitle: ['mayor_title'],
  contractingBody: ['contracting_body'],
  idNumber: ['id_number'],
  geonamesId: ['geonames_id'],
  history: ['history'],
  notes: ['notes'],
};

/** Town texts a fill joins when the live town has some already (neither text is lost). */
const JOINED_TOWN_FIELDS = new Set<TownFillField>(['history', 'notes']);

/** A town field's value as stated, or null when the town does not state it (empty, a kind "unknown"). */
function statedTownValue(row: Row, field: Exclude<TownFillField, 'altNames'>): string | null {
  const number = (value: unknown) => (isEmpty(value) || !Number.isFinite(Number(value)) ? null : String(Number(value)));
  switch (field) {
    case 'coordinates': {
      const lat = number(row.latitude);
      const lon = number(row.longitude);
      return lat === null || lon === null ? null : `${lat},${lon}`;
    }
    case 'kind':
      return row.kind === 'town' || row.kind === 'municipality' ? row.kind : null;
    case 'largeCity':
      // SQLite answers 0/1, PostgreSQL a boolean; null: not stated (the population decides).
      return isEmpty(row.large_city) ? null : row.large_city === true || row.large_city === 1 ? 'true' : 'false';
    case 'population':
    case 'geonamesId':
      return number(row[TOWN_COLUMNS_OF[field][0] ?? '']);
    default: {
      const value = text(row[TOWN_COLUMNS_OF[field][0] ?? '']);
      return value.trim() === '' ? null : value;
    }
  }
}

const townNames = (value: unknown): string[] =>
  typeof value === 'string' ? value.split('\n').filter((name) => name.trim() !== '') : [];

/** The names of the deleted town the live one lacks: its name (another spelling) and its other names. */
function missingNames(live: Row, deleted: Row): { all: string[]; missing: string[] } {
  const all = [text(deleted.name), ...townNames(deleted.alt_names)].filter(
    (name, index, names) => name.trim() !== '' && names.indexOf(name) === index && name !== text(live.name),
  );
  const known = new Set([text(live.name), text(live.name_cs), ...townNames(live.alt_names)]);
  return { all, missing: all.filter((name) => !known.has(name)) };
}

/**
 * The fields the deleted town states that the live one does not state alike: each card field, its
 * other names the live town lacks, and its notes and history unless the live texts hold them. Its
 * gazetteer id is left out when another town holds it (the id is unique), its mayor's office when
 * the two are of different countries (an office is a country's).
 */
type TownFieldRow = FillFieldRow & { field: TownFillField };

async function townFillFields(db: Knex, live: Row, deleted: Row): Promise<TownFieldRow[]> {
  const out: TownFieldRow[] = [];
  for (const field of TOWN_FILL_FIELDS) {
    if (field === 'altNames') {
      const names = missingNames(live, deleted);
      if (names.missing.length > 0) {
        const ours = townNames(live.alt_names);
        out.push({ field, deleted: names.all.join('\n'), live: ours.length === 0 ? null : ours.join('\n') });
      }
      continue;
    }
    const theirs = statedTownValue(deleted, field);
    const ours = statedTownValue(live, field);
    if (theirs === null || theirs === ours) continue;
    if (JOINED_TOWN_FIELDS.has(field) && ours !== null && ours.includes(theirs.trim())) continue;
    if (field === 'mayorOffice' && live.country_code !== deleted.country_code) continue;
    if (
      field === 'geonamesId' &&
      (await db('foreign_towns')
        .where({ geonames_id: Number(theirs) })
        .whereNot({ id: Number(live.id) })
        .first('id')) !== undefined
    )
      continue;
    out.push({ field, deleted: theirs, live: ours });
  }
  return out;
}

/** What filling town `liveId` from a deleted town's row would offer (nothing written); undefined when it is gone. */
export async function townFillPreviewOf(
  db: Knex,
  liveId: number,
  deleted: Row,
): Promise<{ version: number; name: string; fields: FillFieldRow[] } | undefined> {
  const live = await db('foreign_towns').where({ id: liveId }).first<Row | undefined>();
  if (!live) return undefined;
  return { version: Number(live.version), name: text(live.name), fields: await townFillFields(db, live, deleted) };
}

/** Holds the live town for the fill (on a server: a second fill from the same delete waits for this one). */
export { lockTown };

/**
 * Fills town `liveId` from a deleted town's row: the ticked fields (`take`; a field no longer
 * listed is skipped), notes and history joined after the live town's, the missing names added to
 * its other names. Call inside a transaction, after the live town's version was checked.
 */
export async function fillTownFromRow(
  db: Knex,
  input: { liveId: number; deleteAuditId: number; deleted: Row; take: readonly AnyFillField[]; now: string },
): Promise<TownFillMerge> {
  const kept = await db('foreign_towns').where({ id: input.liveId }).first<Row | undefined>();
  if (!kept) throw new AppError('NOT_FOUND', 'The town no longer exists.');
  const { deleted } = input;
  const changes: Row = {};
  for (const row of await townFillFields(db, kept, deleted)) {
    if (!input.take.includes(row.field)) continue;
    if (row.field === 'altNames')
      changes.alt_names = [...townNames(kept.alt_names), ...missingNames(kept, deleted).missing].join('\n');
    else if (JOINED_TOWN_FIELDS.has(row.field)) {
      const column = row.field;
      changes[column] = isEmpty(kept[column]) ? deleted[column] : `${text(kept[column])}\n\n${text(deleted[column])}`;
    } else for (const column of TOWN_COLUMNS_OF[row.field]) changes[column] = deleted[column] ?? null;
  }
  const keptVersionAfter = Number(kept.version) + 1;
  await db('foreign_towns')
    .where({ id: input.liveId })
    .update({ ...changes, version: keptVersionAfter, updated_at: input.now });
  return {
    kind: 'foreign_towns',
    keptBefore: kept,
    keptVersionAfter,
    merged: deleted,
    movedPartnerships: [],
    partnershipMerges: [],
    movedRequests: [],
    movedDecisions: [],
    changes,
    fromDelete: input.deleteAuditId,
  };
}

/**
 * Undoes a town fill: the live town back exactly as the fill found it. CONFLICT (reason
 * merge.error.changedSince, as a merge's undo) when it changed since (its version, or a
 * verification, which writes no version): the undo would overwrite that change.
 */
export async function undoTownFill(db: Knex, merge: TownFillMerge): Promise<void> {
  const liveId = Number(merge.keptBefore.id);
  const refuse = () =>
    new AppError('CONFLICT', 'The town has changed since it was filled; the fill cannot be undone.', {
      reason: 'merge.error.changedSince',
      table: 'foreign_towns',
      recordId: liveId,
      expectedVersion: merge.keptVersionAfter,
    });
  // Held before the check (on a server): a save of the live town in progress is committed first
  // and refuses the undo; a later one waits for it.
  await lockTown(db, liveId);
  const now = await db('foreign_towns')
    .where({ id: liveId })
    .first<{ version: number; verified_at: unknown; verified_by: unknown } | undefined>(
      'version',
      'verified_at',
      'verified_by',
    );
  const same = (a: unknown, b: unknown) => (typeof a === 'string' ? a : '') === (typeof b === 'string' ? b : '');
  if (
    !now ||
    now.version !== merge.keptVersionAfter ||
    !same(now.verified_at, merge.keptBefore.verified_at) ||
    !same(now.verified_by, merge.keptBefore.verified_by)
  )
    throw refuse();
  const columns = Object.fromEntries(Object.entries(merge.keptBefore).filter(([column]) => column !== 'id'));
  // Written only at the version checked (held above, so a second guard).
  const written = await db('foreign_towns')
    .where({ id: liveId, version: merge.keptVersionAfter })
    .update({ ...columns, version: merge.keptVersionAfter + 1 });
  if (written !== 1) throw refuse();
}

/**
 * The town a deleted town's restore is refused for: another town of the same name in its country,
 * else one with its gazetteer id (as the restore checks), or undefined.
 */
export async function liveTownOf(
  db: Knex,
  deleted: Row,
  deletedId: number,
): Promise<{ id: number; name: string } | undefined> {
  return (
    (await otherTownWithKey(db, text(deleted.country_code), text(deleted.name), deletedId)) ??
    (typeof deleted.geonames_id === 'number'
      ? await otherTownWithGeonamesId(db, deleted.geonames_id, deletedId)
      : undefined)
  );
}

/** Who deleted a record and when, as its delete's audit entry says. */
export type OriginalDeletion = { actor: string; at: string };

const fieldOf = (json: string | null, field: string): unknown => {
  if (json === null) return undefined;
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
};

/**
 * Of the delete entries `auditIds`, those a fill's undo wrote (the deleted record back in the bin,
 * `after.undoneFill`), each with the deletion it stands for: the first delete of the chain
 * delete → fill → undo (→ fill → undo …), followed through each fill's `fromDelete`. The undo's
 * entry carries its own actor and time (the audit log says truthfully who undid what); the bin
 * names the person who deleted the record and when. Entries of no fill's undo are left out.
 */
export async function originalDeletionsOf(
  db: Knex,
  auditIds: readonly number[],
): Promise<Map<number, OriginalDeletion>> {
  type Entry = { id: number; actor: string; at: string; after: string | null };
  const byId = new Map<number, Entry>();
  const readDeletes = async (ids: readonly number[], onlyUndone: boolean) => {
    const found: Entry[] = [];
    for (let start = 0; start < ids.length; start += 500) {
      const rows = await db('audit_log')
        .where({ action: 'delete' })
        .whereIn('id', ids.slice(start, start + 500))
        // Most deletions are no fill's undo: only those are read whole.
        .modify((query: Knex.QueryBuilder) => {
          if (onlyUndone) void query.where('after', 'like', '%undoneFill%');
        })
        .select<Entry[]>('id', 'actor', 'at', 'after');
      found.push(...rows);
    }
    for (const entry of found) byId.set(entry.id, entry);
    return found;
  };
  const undoneFillOf = (entry: Entry): number | null => {
    const fillId = fieldOf(entry.after, 'undoneFill');
    return typeof fillId === 'number' ? fillId : null;
  };
  const undone = (await readDeletes(auditIds, true)).filter((entry) => undoneFillOf(entry) !== null);
  // Each fill's undo → the delete its fill started from (one step of the chain).
  const previous = new Map<number, number>();
  let pending = undone;
  while (pending.length > 0) {
    const fillIds = [...new Set(pending.map(undoneFillOf).filter((id): id is number => id !== null))];
    const fromDelete = new Map<number, number>();
    for (let start = 0; start < fillIds.length; start += 500)
      for (const fill of await db('audit_log')
        .where({ action: 'merge' })
        .whereIn('id', fillIds.slice(start, start + 500))
        .select<{ id: number; before: string | null }[]>('id', 'before')) {
        const merge = fieldOf(fill.before, 'merge');
        if (isFillMerge(merge)) fromDelete.set(fill.id, merge.fromDelete);
      }
    const next: number[] = [];
    for (const entry of pending) {
      const fillId = undoneFillOf(entry);
      const from = fillId === null ? undefined : fromDelete.get(fillId);
      // A delete is always older than the fill made from it: the chain cannot loop.
      if (from === undefined || from >= entry.id) continue;
      previous.set(entry.id, from);
      if (!byId.has(from)) next.push(from);
    }
    pending = (await readDeletes([...new Set(next)], false)).filter((entry) => undoneFillOf(entry) !== null);
  }
  const out = new Map<number, OriginalDeletion>();
  for (const entry of undone) {
    let first = entry;
    for (let from = previous.get(first.id); from !== undefined; from = previous.get(first.id)) {
      const earlier = byId.get(from);
      if (earlier === undefined) break;
      first = earlier;
    }
    // Unknown stays unknown: a chain whose first delete is not found leaves the entry as it is.
    if (first !== entry && undoneFillOf(first) === null) out.set(entry.id, { actor: first.actor, at: first.at });
  }
  return out;
}
