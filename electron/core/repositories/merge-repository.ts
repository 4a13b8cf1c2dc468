import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import { townNameKey } from '../../../shared/domain/text';
import { PARTNERSHIP_CHOOSABLE, type ChoosableField, type MergeClash } from '../../../shared/domain/partnership-merge';
import { isPostgres } from '../db/dialect/index';
import { deleteVersioned, updateVersioned } from './audit-repository';
import {
  lockPartnership,
  PARTNERSHIP_CHILD_TABLES,
  partnershipIdOfPair,
  type PartnershipSnapshot,
  snapshotPartnership,
} from './partnerships-repository';

/*
 * Merging two records that are one (two spellings of a foreign town, two partnerships of one
 * member with one town). Nothing is lost: the kept record keeps its values and gains what only
 * the other had (its names as alternates, its empty fields filled), children move to it, and the
 * returned snapshot holds everything needed to undo the merge exactly (same ids).
 */

type Row = Record<string, unknown>;

const withoutId = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'id'));

/**
 * Partnership fields a merge fills on the kept record when it has none. The term (its kind and end
 * date) is one value, taken whole (`mergedTerm`).
 */
const PARTNERSHIP_FILLABLE = [
  'started_on',
  'signed_on',
  'signed_place',
  'cz_resolution',
  'cz_resolution_date',
  'partner_resolution',
  'partner_resolution_date',
  'ended_on',
  'source',
  'import_run_id',
  'verified_at',
  'verified_by',
] as const;

/**
 * The term the kept partnership gains from the other: the other's whole term (kind and end date)
 * where the kept one's is not stated; the other's end date where both are fixed and the kept one
 * has none. Never an end date under another kind (it was hidden, and the next edit dropped it).
 */
function mergedTerm(kept: Row, other: Row): Row {
  if (kept.term_kind === 'unknown' && other.term_kind !== 'unknown')
    return { term_kind: other.term_kind, term_until: other.term_kind === 'fixed' ? other.term_until : null };
  if (
    kept.term_kind === 'fixed' &&
    isEmpty(kept.term_until) &&
    other.term_kind === 'fixed' &&
    !isEmpty(other.term_until)
  )
    return { term_until: other.term_until };
  return {};
}

/** The columns of a choosable field. */
export const COLUMNS_OF: Readonly<Record<ChoosableField, readonly string[]>> = {
  type: ['type'],
  status: ['status'],
  startedOn: ['started_on'],
  signedOn: ['signed_on'],
  signedPlace: ['signed_place'],
  czResolution: ['cz_resolution'],
  czResolutionDate: ['cz_resolution_date'],
  partnerResolution: ['partner_resolution'],
  partnerResolutionDate: ['partner_resolution_date'],
  term: ['term_kind', 'term_until'],
  endedOn: ['ended_on'],
};

/** Fields holding a date at its precision ("2009", "2009-03", "2009-03-01"). */
const DATE_FIELDS: ReadonlySet<ChoosableField> = new Set([
  'startedOn',
  'signedOn',
  'czResolutionDate',
  'partnerResolutionDate',
  'endedOn',
]);

/** A field's value as stated, or null when the record does not state it (empty, or "unknown"). */
export function statedValue(row: Row, field: ChoosableField): string | null {
  if (field === 'term') {
    if (row.term_kind === 'unknown' || isEmpty(row.term_kind)) return null;
    return row.term_kind === 'fixed' && !isEmpty(row.term_until)
      ? `fixed:${textOf(row.term_until)}`
      : textOf(row.term_kind);
  }
  const value = row[COLUMNS_OF[field][0] ?? ''];
  if (isEmpty(value) || ((field === 'type' || field === 'status') && value === 'unknown')) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Where two partnerships state different values. A date that only refines the other's (2009 and
 * 1. 3. 2009) is no clash: the more precise one is kept, as imports keep it.
 */
export function partnershipClashes(kept: Row, other: Row): MergeClash[] {
  const out: MergeClash[] = [];
  for (const field of PARTNERSHIP_CHOOSABLE) {
    const ours = statedValue(kept, field);
    const theirs = statedValue(other, field);
    if (ours === null || theirs === null || ours === theirs) continue;
    if (DATE_FIELDS.has(field) && (theirs.startsWith(ours) || ours.startsWith(theirs))) continue;
    out.push({ field, kept: ours, other: theirs });
  }
  return out;
}

/** The clashes of merging partnership `mergeId` into `keepId` as they are stored now; undefined when one is gone. */
export async function partnershipMergeClashes(
  db: Knex,
  keepId: number,
  mergeId: number,
): Promise<MergeClash[] | undefined> {
  const kept = await db('partnerships').where({ id: keepId }).first<Row | undefined>();
  const other = await db('partnerships').where({ id: mergeId }).first<Row | undefined>();
  return kept && other ? partnershipClashes(kept, other) : undefined;
}

/** The other record's more precise dates that refine the kept one's (1994 → 22. 5. 1994). */
function refinedDates(kept: Row, other: Row): Row {
  const out: Row = {};
  for (const field of DATE_FIELDS) {
    const ours = statedValue(kept, field);
    const theirs = statedValue(other, field);
    if (ours !== null && theirs !== null && theirs.length > ours.length && theirs.startsWith(ours))
      for (const column of COLUMNS_OF[field]) out[column] = other[column];
  }
  return out;
}

/** Children that move to the kept partnership (they keep their ids). */
export const MOVED_CHILDREN = ['contacts', 'activities', 'agreement_documents', 'attachments'] as const;
export type MovedChild = (typeof MOVED_CHILDREN)[number];

export type PartnershipMerge = {
  kind: 'partnerships';
  /** The kept partnership as it was before (every column), its areas and participant groups. */
  keptBefore: Row;
  keptSets: { areas: string[]; groups: string[] };
  keptVersionAfter: number;
  /** The merged partnership with its areas and groups (children moved, listed in `moved`). */
  merged: PartnershipSnapshot;
  moved: Partial<Record<MovedChild, number[]>>;
  requestIds: number[];
  /** The kept partnership's columns the merge changed, to their new values (absent in older merges). */
  changes?: Row;
};

export type TownMerge = {
  kind: 'foreign_towns';
  keptBefore: Row;
  keptVersionAfter: number;
  merged: Row;
  /** Partnerships of the merged town moved to the kept town. */
  movedPartnerships: number[];
  /** Partnerships of the merged town merged into the kept town's partnership of the same member. */
  partnershipMerges: PartnershipMerge[];
  /**
   * Requests whose town was the merged one, and import decisions that a town of a file is it: they
   * point at the kept town after the merge (deleting the town would have unlinked the requests and
   * dropped the decisions). Absent in merges recorded before they were moved.
   */
  movedRequests?: number[];
  movedDecisions?: number[];
  /** The kept town's columns the merge changed, to their new values (absent in older merges). */
  changes?: Row;
};

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** Holds a town until the caller's transaction ends (on a server; see `holdRecords`); false when it is gone. */
export async function lockTown(db: Knex, id: number): Promise<boolean> {
  const query = db('foreign_towns').where({ id }).first('id');
  return (await (isPostgres(db) ? query.forUpdate() : query)) !== undefined;
}

const byId = (ids: Iterable<number>): number[] => [...new Set(ids)].sort((a, b) => a - b);

/**
 * Holds the records a merge or its undo reads and writes until its transaction ends, before it
 * reads them (on a server, where READ COMMITTED would otherwise let a colleague's save commit
 * between the merge's read and its write, and the merge overwrite it with values worked out from
 * the record before: review S, finding 1). A save in progress is committed first and the merge
 * reads it; a save that starts later waits for the merge and is then refused by its version.
 * Towns first, then partnerships, then the children `children` names, each in id order, so that two
 * merges over the same records wait for each other instead of deadlocking. SQLite runs one writer
 * at a time and has no row locks: the helpers only read there.
 */
async function holdRecords(
  db: Knex,
  records: { towns?: Iterable<number>; partnerships?: Iterable<number>; children?: Iterable<[MovedChild, number[]]> },
): Promise<void> {
  for (const id of byId(records.towns ?? [])) await lockTown(db, id);
  for (const id of byId(records.partnerships ?? [])) await lockPartnership(db, id, 'update');
  if (!isPostgres(db)) return;
  for (const [table, ids] of records.children ?? [])
    if (ids.length > 0) await db(table).whereIn('id', byId(ids)).orderBy('id').forUpdate().select('id');
}

/** The children a merge of partnership `mergeId` moves, by table (ids). */
async function childrenOf(db: Knex, mergeId: number): Promise<[MovedChild, number[]][]> {
  const out: [MovedChild, number[]][] = [];
  for (const table of MOVED_CHILDREN)
    out.push([
      table,
      (await db(table).where({ partnership_id: mergeId }).pluck<(number | string)[]>('id')).map(Number),
    ]);
  return out;
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

/** Merges partnership `mergeId` into `keepId` (same member). Call inside a transaction. */
export async function mergePartnershipInto(
  db: Knex,
  keepId: number,
  mergeId: number,
  now: string,
  /** Clashing fields where the other record's value is taken (the kept one's stays elsewhere). */
  take: readonly ChoosableField[] = [],
): Promise<PartnershipMerge> {
  if (keepId === mergeId) throw new AppError('VALIDATION', 'A partnership cannot be merged with itself.');
  // Both held before they are read, then the children that move (a child written meanwhile holds
  // the partnership first: `lockPartnership(…, 'share')`).
  await holdRecords(db, { partnerships: [keepId, mergeId] });
  await holdRecords(db, { children: await childrenOf(db, mergeId) });
  const kept = await db('partnerships').where({ id: keepId }).first<Row | undefined>();
  const merged = await snapshotPartnership(db, mergeId);
  if (!kept || !merged) throw new AppError('NOT_FOUND', 'One of the partnerships no longer exists.');
  if (kept.municipality_id !== merged.partnership.municipality_id)
    throw new AppError('CONFLICT', 'Only partnerships of one member can be merged.', {
      reason: 'merge.error.otherMember',
    });
  const keptSets = await setsOf(db, keepId);
  const other = merged.partnership;
  const changes: Row = {};
  for (const column of PARTNERSHIP_FILLABLE)
    if (isEmpty(kept[column]) && !isEmpty(other[column])) changes[column] = other[column];
  for (const column of ['type', 'status'] as const)
    if (kept[column] === 'unknown' && other[column] !== 'unknown') changes[column] = other[column];
  Object.assign(changes, mergedTerm(kept, other));
  Object.assign(changes, refinedDates(kept, other));
  // What the user chose of the clashes the merge showed; a field that no longer clashes (equal
  // now, or stated by one record only) was settled above.
  for (const clash of partnershipClashes(kept, other))
    if (take.includes(clash.field)) for (const column of COLUMNS_OF[clash.field]) changes[column] = other[column];
  if (!isEmpty(other.notes) && other.notes !== kept.notes)
    changes.notes = isEmpty(kept.notes) ? other.notes : `${textOf(kept.notes)}\n\n${textOf(other.notes)}`;
  const moved: Partial<Record<MovedChild, number[]>> = {};
  for (const table of MOVED_CHILDREN) {
    const ids = await db(table).where({ partnership_id: mergeId }).pluck<number[]>('id');
    moved[table] = ids;
    if (ids.length > 0) await db(table).where({ partnership_id: mergeId }).update({ partnership_id: keepId });
  }
  const requestIds = await db('partnership_requests').where({ partnership_id: mergeId }).pluck<number[]>('id');
  if (requestIds.length > 0)
    await db('partnership_requests').where({ partnership_id: mergeId }).update({ partnership_id: keepId });
  for (const area of await db('partnership_areas').where({ partnership_id: mergeId }).pluck<string[]>('area'))
    if (!keptSets.areas.includes(area)) await db('partnership_areas').insert({ partnership_id: keepId, area });
  for (const group of await db('partnership_participants')
    .where({ partnership_id: mergeId })
    .pluck<string[]>('participant_group'))
    if (!keptSets.groups.includes(group))
      await db('partnership_participants').insert({ partnership_id: keepId, participant_group: group });
  // Both written only at the versions read (held above, so a second guard): a change committed
  // meanwhile is never overwritten, nor its version number taken again.
  await deleteVersioned(db, 'partnerships', mergeId, Number(other.version));
  const keptVersionAfter = Number(kept.version) + 1;
  await updateVersioned(db, 'partnerships', keepId, Number(kept.version), { ...changes, updated_at: now });
  return { kind: 'partnerships', keptBefore: kept, keptSets, keptVersionAfter, merged, moved, requestIds, changes };
}

/**
 * Whether the kept record is as the merge left it: its version (every edit raises it) and its
 * verification, which a verification writes without raising the version: an undo would put back
 * the record as it was before the merge and so take away a verification made since.
 */
async function keptAsMerged(db: Knex, table: 'partnerships' | 'foreign_towns', kept: Row, other: Row, version: number) {
  const now = await db(table)
    .where({ id: Number(kept.id) })
    .first<{ version: number; verified_at: unknown; verified_by: unknown } | undefined>(
      'version',
      'verified_at',
      'verified_by',
    );
  if (!now || now.version !== version) return false;
  // The merge filled the kept record's verification from the other's only when it had none.
  const merged = isEmpty(kept.verified_at) && !isEmpty(other.verified_at) ? other : kept;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const same = (a: unknown, b: unknown) => text(a) === text(b);
  return same(now.verified_at, merged.verified_at) && same(now.verified_by, merged.verified_by);
}

/** Undoes a partnership merge exactly (same ids). CONFLICT when the kept record changed since. */
export async function undoPartnershipMerge(db: Knex, merge: PartnershipMerge): Promise<void> {
  const keepId = Number(merge.keptBefore.id);
  const mergedId = Number(merge.merged.partnership.id);
  const refusal = () =>
    new AppError('CONFLICT', 'The kept partnership has changed since the merge; it cannot be undone.', {
      reason: 'merge.error.changedSince',
      // Which record blocks the undo (one of a town merge's partnerships, say): the service names who changed it.
      table: 'partnerships',
      recordId: keepId,
      expectedVersion: merge.keptVersionAfter,
    });
  // Held before the check (on a server): a save of the kept record in progress is committed first
  // and refuses the undo; a later one waits for the undo.
  await holdRecords(db, {
    partnerships: [keepId, mergedId],
    // Ids as stored in the merge's entry (JSON): compared as numbers.
    children: MOVED_CHILDREN.map((table): [MovedChild, number[]] => [table, (merge.moved[table] ?? []).map(Number)]),
  });
  if (!(await keptAsMerged(db, 'partnerships', merge.keptBefore, merge.merged.partnership, merge.keptVersionAfter)))
    throw refusal();
  await db('partnerships').insert(merge.merged.partnership);
  for (const table of PARTNERSHIP_CHILD_TABLES) {
    if ((MOVED_CHILDREN as readonly string[]).includes(table)) continue;
    const rows = merge.merged.children[table] ?? [];
    for (let start = 0; start < rows.length; start += 50) await db(table).insert(rows.slice(start, start + 50));
  }
  for (const table of MOVED_CHILDREN) {
    // A merge recorded before attachments existed lists none.
    const ids = merge.moved[table] ?? [];
    if (ids.length > 0) await db(table).whereIn('id', ids).update({ partnership_id: mergedId });
  }
  if (merge.requestIds.length > 0)
    await db('partnership_requests').whereIn('id', merge.requestIds).update({ partnership_id: mergedId });
  await db('partnership_areas').where({ partnership_id: keepId }).delete();
  for (const area of merge.keptSets.areas) await db('partnership_areas').insert({ partnership_id: keepId, area });
  await db('partnership_participants').where({ partnership_id: keepId }).delete();
  for (const group of merge.keptSets.groups)
    await db('partnership_participants').insert({ partnership_id: keepId, participant_group: group });
  const written = await db('partnerships')
    .where({ id: keepId, version: merge.keptVersionAfter })
    .update({ ...withoutId(merge.keptBefore), version: merge.keptVersionAfter + 1 });
  if (written !== 1) throw refusal();
}

/** Town fields a merge fills on the kept town when it has none. */
const TOWN_FILLABLE = [
  'name_cs',
  'admin_region',
  'population',
  'latitude',
  'longitude',
  'website',
  'language',
  'geonames_id',
  'notes',
  'source',
  'import_run_id',
  'verified_at',
  'verified_by',
  // The partner-town card (0013): a merge keeps what either record knew.
  'name_native',
  'address',
  'email',
  'mayor_name',
  'mayor_gender',
  'mayor_office',
  'mayor_title',
  'contracting_body',
  'id_number',
  'large_city',
  'history',
] as const;

/** Town texts a merge joins when both records have one (else the one there is fills the kept town). */
const JOINED_TOWN_TEXT = ['notes', 'history'] as const;

/** Other names of a town, stored one per line. */
export const alternateNames = (text: unknown): string[] =>
  typeof text === 'string' ? text.split('\n').filter((name) => name.trim() !== '') : [];

/**
 * The kept town's columns a merge of town `merged` into `kept` changes, to their new values (pure):
 * every spelling either record had kept (the other's names become alternates, each once), empty
 * fields filled, notes and history joined. The undo keeping later changes reads it again for a
 * merge recorded before merges kept it.
 */
export function townMergeChanges(kept: Row, merged: Row): Row {
  const alternates = [...alternateNames(kept.alt_names)];
  const seen = new Set([kept.name, kept.name_cs, ...alternates].filter((n): n is string => typeof n === 'string'));
  for (const name of [merged.name, merged.name_cs, ...alternateNames(merged.alt_names)]) {
    if (typeof name !== 'string' || name.trim() === '' || seen.has(name)) continue;
    seen.add(name);
    alternates.push(name);
  }
  const changes: Row = { alt_names: alternates.length > 0 ? alternates.join('\n') : null };
  for (const column of TOWN_FILLABLE)
    if (isEmpty(kept[column]) && !isEmpty(merged[column])) changes[column] = merged[column];
  // Notes and history are joined, as a partnership merge joins notes: neither record's text is lost.
  for (const column of JOINED_TOWN_TEXT)
    if (!isEmpty(kept[column]) && !isEmpty(merged[column]) && kept[column] !== merged[column])
      changes[column] = `${textOf(kept[column])}\n\n${textOf(merged[column])}`;
  return changes;
}

/** Merges foreign town `mergeId` into `keepId` (same country). Call inside a transaction. */
export async function mergeTownInto(db: Knex, keepId: number, mergeId: number, now: string): Promise<TownMerge> {
  if (keepId === mergeId) throw new AppError('VALIDATION', 'A town cannot be merged with itself.');
  // Both towns held before they are read; then the merged town's partnerships and the kept town's
  // of the same members (no partnership can come to either town while they are held: its foreign
  // key waits for them).
  await holdRecords(db, { towns: [keepId, mergeId] });
  const touched: number[] = [];
  for (const one of await db('partnerships')
    .where({ foreign_town_id: mergeId })
    .select<{ id: number; municipality_id: number }[]>('id', 'municipality_id')) {
    touched.push(one.id);
    const ours = await partnershipIdOfPair(db, one.municipality_id, keepId);
    if (ours !== null) touched.push(ours);
  }
  await holdRecords(db, { partnerships: touched });
  const kept = await db('foreign_towns').where({ id: keepId }).first<Row | undefined>();
  const merged = await db('foreign_towns').where({ id: mergeId }).first<Row | undefined>();
  if (!kept || !merged) throw new AppError('NOT_FOUND', 'One of the towns no longer exists.');
  if (kept.country_code !== merged.country_code)
    throw new AppError('CONFLICT', 'Only towns of one country can be merged.', { reason: 'merge.error.otherCountry' });
  const changes = townMergeChanges(kept, merged);
  // The gazetteer id is unique: the merged town gives it up before the kept town takes it.
  if (changes.geonames_id !== undefined) await db('foreign_towns').where({ id: mergeId }).update({ geonames_id: null });

  const movedPartnerships: number[] = [];
  const partnershipMerges: PartnershipMerge[] = [];
  const theirs = await db('partnerships')
    .where({ foreign_town_id: mergeId })
    .orderBy('id')
    .select<{ id: number; municipality_id: number }[]>('id', 'municipality_id');
  for (const partnership of theirs) {
    const ours = await partnershipIdOfPair(db, partnership.municipality_id, keepId);
    if (ours !== null) partnershipMerges.push(await mergePartnershipInto(db, ours, partnership.id, now));
    else {
      await db('partnerships').where({ id: partnership.id }).update({ foreign_town_id: keepId });
      movedPartnerships.push(partnership.id);
    }
  }
  /** Points what named the merged town at the kept one; the ids moved, for the undo. */
  const moveToKept = async (table: 'partnership_requests' | 'town_match_decisions'): Promise<number[]> => {
    const ids = await db(table).where({ foreign_town_id: mergeId }).pluck<number[]>('id');
    if (ids.length > 0) await db(table).whereIn('id', ids).update({ foreign_town_id: keepId });
    return ids;
  };
  const movedRequests = await moveToKept('partnership_requests');
  const movedDecisions = await moveToKept('town_match_decisions');
  // Both written only at the versions read (held above, so a second guard).
  await deleteVersioned(db, 'foreign_towns', mergeId, Number(merged.version));
  const keptVersionAfter = Number(kept.version) + 1;
  await updateVersioned(db, 'foreign_towns', keepId, Number(kept.version), { ...changes, updated_at: now });
  return {
    kind: 'foreign_towns',
    keptBefore: kept,
    keptVersionAfter,
    merged,
    movedPartnerships,
    partnershipMerges,
    movedRequests,
    movedDecisions,
    changes,
  };
}

/** Undoes a town merge exactly. CONFLICT when the kept town changed since. */
export async function undoTownMerge(db: Knex, merge: TownMerge): Promise<void> {
  const keepId = Number(merge.keptBefore.id);
  const refusal = () =>
    new AppError('CONFLICT', 'The kept town has changed since the merge; it cannot be undone.', {
      reason: 'merge.error.changedSince',
      table: 'foreign_towns',
      recordId: keepId,
      expectedVersion: merge.keptVersionAfter,
    });
  // Held before the check (on a server): the kept town, then the partnerships the undo moves back
  // or unmerges (each inner undo holds its children itself).
  await holdRecords(db, {
    towns: [keepId, Number(merge.merged.id)],
    partnerships: [
      ...merge.movedPartnerships.map(Number),
      ...merge.partnershipMerges.flatMap((inner) => [Number(inner.keptBefore.id), Number(inner.merged.partnership.id)]),
    ],
  });
  if (!(await keptAsMerged(db, 'foreign_towns', merge.keptBefore, merge.merged, merge.keptVersionAfter)))
    throw refusal();
  const written = await db('foreign_towns')
    .where({ id: keepId, version: merge.keptVersionAfter })
    .update({ ...withoutId(merge.keptBefore), version: merge.keptVersionAfter + 1 });
  if (written !== 1) throw refusal();
  await db('foreign_towns').insert(merge.merged);
  if (merge.movedPartnerships.length > 0)
    await db('partnerships').whereIn('id', merge.movedPartnerships).update({ foreign_town_id: merge.merged.id });
  // What pointed at the merged town points at it again (a merge recorded before these were moved lists none).
  for (const [table, ids] of [
    ['partnership_requests', merge.movedRequests ?? []],
    ['town_match_decisions', merge.movedDecisions ?? []],
  ] as const)
    if (ids.length > 0)
      await db(table)
        .whereIn('id', ids)
        .where({ foreign_town_id: keepId })
        .update({ foreign_town_id: merge.merged.id });
  for (const partnershipMerge of [...merge.partnershipMerges].reverse())
    await undoPartnershipMerge(db, partnershipMerge);
}

/** The towns of one country with their partnership counts. */
export function listTownsOfCountry(db: Knex, countryCode: string) {
  return db('foreign_towns as t')
    .where('t.country_code', countryCode)
    .select<
      { id: number; name: string; name_cs: string | null; alt_names: string | null; partnerships: number | string }[]
    >(
      't.id',
      't.name',
      't.name_cs',
      't.alt_names',
      db.raw('(select count(*) from partnerships p where p.foreign_town_id = t.id) as partnerships'),
    );
}

/**
 * Keeps the names of the partner town of a merged-away partnership with the kept one, when the two
 * named different towns (migration 0023): a file naming the merged-away pair then updates the kept
 * partnership instead of adding the duplicate again. Nothing when both named one town.
 */
export async function keepMergedTownNames(
  db: Knex,
  merge: PartnershipMerge,
  auditId: number,
  now: string,
): Promise<void> {
  const keptTown = Number(merge.keptBefore.foreign_town_id);
  const mergedTown = Number(merge.merged.partnership.foreign_town_id);
  if (keptTown === mergedTown) return;
  const town = await db('foreign_towns')
    .where({ id: mergedTown })
    .first<{ country_code: string; name: string; name_cs: string | null; alt_names: string | null } | undefined>(
      'country_code',
      'name',
      'name_cs',
      'alt_names',
    );
  if (!town) return;
  const keys = new Set(
    [town.name, town.name_cs ?? '', ...alternateNames(town.alt_names)]
      .filter((name) => name.trim() !== '')
      .map((name) => townNameKey(name).slice(0, 200)),
  );
  const rows = [...keys].map((nameKey) => ({
    partnership_id: Number(merge.keptBefore.id),
    country_code: town.country_code,
    name_key: nameKey,
    merge_audit_id: auditId,
    created_at: now,
  }));
  if (rows.length > 0) await db('partnership_merge_names').insert(rows);
}

/** Takes back the names a partnership merge kept (its undo). */
export async function dropMergedTownNames(db: Knex, auditId: number): Promise<void> {
  await db('partnership_merge_names').where({ merge_audit_id: auditId }).delete();
}

/*
 * Undoing a partnership merge while keeping what people changed since (walkthrough 22, finding 3):
 * the plain undo puts the kept record back as the merge found it and so is refused once anybody
 * edited it. This variant decides field by field, from the values the merge left (`keptBefore`
 * with `changes`) and the values stored now:
 * - a field the merge changed and nobody changed since goes back to its value before the merge;
 * - a field changed since keeps its current value (listed as kept; and clearly when the merge had
 *   changed it too);
 * areas and participant groups are each one such field (their whole set). The merged-away record
 * comes back with its id; the children the merge moved go back to it unless deleted since (listed)
 * or moved elsewhere since (listed; they stay there); children added to the kept record later stay.
 */

/** What happens to one field of the kept record when the merge is undone keeping later changes. */
export type UndoKeepingOutcome = 'restored' | 'keptLater' | 'keptBoth';

export type UndoKeepingField = {
  /** The field as the screens name it (`notes`, `signedOn`, `term`, `areas`, `participantGroups`). */
  field: string;
  outcome: UndoKeepingOutcome;
  /** Its value before the merge, as the merge left it, and now (a term as `{ termKind, termUntil }`). */
  before: unknown;
  merged: unknown;
  current: unknown;
};

export type UndoKeepingChild = {
  table: MovedChild;
  id: number;
  /** Its name as the merge found it (a contact's name, an activity's title, a file's name), or null. */
  label: string | null;
  /** Back to the merged-away record; deleted since (stays deleted); on another record now (stays there). */
  state: 'back' | 'deleted' | 'elsewhere';
};

export type UndoKeepingPlan = {
  keepId: number;
  mergedId: number;
  /** The kept record's version now: the undo is checked against it. */
  version: number;
  fields: UndoKeepingField[];
  children: UndoKeepingChild[];
  /** Columns of the kept record to write (the restored fields' values before the merge). */
  columns: Row;
  areas: string[] | null;
  groups: string[] | null;
  requestsBack: number[];
};

/** The kept record's columns taken as one field (a term is its kind and end date together). */
const FIELD_UNITS: readonly { field: string; columns: readonly string[] }[] = [
  ...Object.entries(COLUMNS_OF).map(([field, columns]) => ({ field, columns })),
  { field: 'notes', columns: ['notes'] },
  { field: 'foreignTownId', columns: ['foreign_town_id'] },
  { field: 'acknowledgedWarnings', columns: ['acknowledged_warnings'] },
  { field: 'source', columns: ['source'] },
  { field: 'importRunId', columns: ['import_run_id'] },
  { field: 'verifiedAt', columns: ['verified_at', 'verified_by'] },
];

/** One comparable text of a stored value (PostgreSQL gives numbers of some columns as text). */
const comparable = (value: unknown): string =>
  value === null || value === undefined || value === ''
    ? '\u0000'
    : typeof value === 'boolean'
      ? value
        ? '1'
        : '0'
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);

export const sameValue = (a: unknown, b: unknown) => comparable(a) === comparable(b);

/**
 * The fields of a kept record an undo keeping later changes lists, each unit of columns with its
 * outcome: `restored` (only the merge changed it: its value before the merge goes back, in
 * `columns`), `keptLater` (changed since, not by the merge), `keptBoth` (the merge and a later
 * change). `changes`: the columns the merge wrote; `now`: the record as it is; `valueOf` shows a unit.
 */
export function fieldOutcomes(
  units: readonly { field: string; columns: readonly string[] }[],
  keptBefore: Row,
  changes: Row,
  now: Row,
  valueOf: (row: Row, columns: readonly string[]) => unknown,
): { fields: UndoKeepingField[]; columns: Row } {
  const left: Row = { ...keptBefore, ...changes };
  const fields: UndoKeepingField[] = [];
  const columns: Row = {};
  for (const unit of units) {
    const mergeChanged = unit.columns.some((column) => column in changes);
    const laterChanged = unit.columns.some((column) => !sameValue(now[column], left[column]));
    if (!mergeChanged && !laterChanged) continue;
    const outcome: UndoKeepingOutcome = !laterChanged ? 'restored' : mergeChanged ? 'keptBoth' : 'keptLater';
    if (outcome === 'restored') for (const column of unit.columns) columns[column] = keptBefore[column] ?? null;
    fields.push({
      field: unit.field,
      outcome,
      before: valueOf(keptBefore, unit.columns),
      merged: valueOf(left, unit.columns),
      current: valueOf(now, unit.columns),
    });
  }
  return { fields, columns };
}
const sameSet = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());

/** A unit's value as one thing to show: the column's value, or the columns by their field names. */
function unitValue(row: Row, columns: readonly string[]): unknown {
  if (columns.length === 1) return row[columns[0] ?? ''] ?? null;
  const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return Object.fromEntries(columns.map((column) => [camel(column), row[column] ?? null]));
}

const CHILD_LABEL_COLUMNS = ['name', 'title', 'file_name', 'template'] as const;

function childLabel(row: Row | undefined): string | null {
  for (const column of CHILD_LABEL_COLUMNS) {
    const value = row?.[column];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}

/**
 * What undoing partnership merge `merge` while keeping later changes would do now (nothing
 * written). NOT_FOUND when the kept record is gone; CONFLICT (reason merge.keeping.unavailable)
 * for a merge recorded before merges kept what they changed.
 */
export async function undoKeepingPlanOf(db: Knex, merge: PartnershipMerge): Promise<UndoKeepingPlan> {
  const keepId = Number(merge.keptBefore.id);
  const mergedId = Number(merge.merged.partnership.id);
  const now = await db('partnerships').where({ id: keepId }).first<Row | undefined>();
  if (!now) throw new AppError('NOT_FOUND', 'The kept partnership no longer exists.');
  if (merge.changes === undefined)
    throw new AppError(
      'CONFLICT',
      'This merge was recorded before merges noted the fields they changed; it cannot be undone keeping later changes.',
      { reason: 'merge.keeping.unavailable' },
    );
  const changes = merge.changes;
  const { fields, columns } = fieldOutcomes(FIELD_UNITS, merge.keptBefore, changes, now, unitValue);
  const current = await setsOf(db, keepId);
  const setOf = (table: string, column: string) =>
    (merge.merged.children[table] ?? []).map((row) => String(row[column]));
  const sets = [
    { field: 'areas', before: merge.keptSets.areas, theirs: setOf('partnership_areas', 'area'), now: current.areas },
    {
      field: 'participantGroups',
      before: merge.keptSets.groups,
      theirs: setOf('partnership_participants', 'participant_group'),
      now: current.groups,
    },
  ];
  const restoredSets: Record<string, string[] | null> = { areas: null, participantGroups: null };
  for (const set of sets) {
    const leftSet = [...new Set([...set.before, ...set.theirs])].sort();
    const mergeChanged = !sameSet(leftSet, set.before);
    const laterChanged = !sameSet(set.now, leftSet);
    if (!mergeChanged && !laterChanged) continue;
    const outcome: UndoKeepingOutcome = !laterChanged ? 'restored' : mergeChanged ? 'keptBoth' : 'keptLater';
    if (outcome === 'restored') restoredSets[set.field] = [...set.before];
    fields.push({ field: set.field, outcome, before: set.before, merged: leftSet, current: [...set.now].sort() });
  }
  const children: UndoKeepingChild[] = [];
  for (const table of MOVED_CHILDREN) {
    // Ids as stored in the merge's entry (JSON), and as a driver gives them: compared as numbers.
    const ids: (number | string)[] = merge.moved[table] ?? [];
    if (ids.length === 0) continue;
    const rows = await db(table)
      .whereIn('id', ids)
      .select<{ id: number | string; partnership_id: number | string }[]>('id', 'partnership_id');
    const where = new Map(rows.map((row) => [Number(row.id), Number(row.partnership_id)]));
    const snapshot = new Map((merge.merged.children[table] ?? []).map((row) => [Number(row.id), row]));
    for (const id of ids.map(Number)) {
      const at = where.get(id);
      children.push({
        table,
        id,
        label: childLabel(snapshot.get(id)),
        state: at === undefined ? 'deleted' : at === keepId ? 'back' : 'elsewhere',
      });
    }
  }
  const requestsBack =
    merge.requestIds.length === 0
      ? []
      : (
          await db('partnership_requests')
            .whereIn('id', merge.requestIds)
            .where({ partnership_id: keepId })
            .pluck<(number | string)[]>('id')
        ).map(Number);
  return {
    keepId,
    mergedId,
    version: Number(now.version),
    fields,
    children,
    columns,
    areas: restoredSets.areas ?? null,
    groups: restoredSets.participantGroups ?? null,
    requestsBack,
  };
}

/**
 * Carries out `plan` (from `undoKeepingPlanOf` in the same transaction): the merged-away record
 * back with its id and its own areas and groups, the children listed as going back moved to it,
 * the kept record's restored fields and sets written with its version raised. Call inside a
 * transaction, after checking the plan against what the user confirmed.
 */
export async function undoPartnershipMergeKeeping(
  db: Knex,
  merge: PartnershipMerge,
  plan: UndoKeepingPlan,
  now: string,
): Promise<void> {
  const { keepId, mergedId } = plan;
  await db('partnerships').insert(merge.merged.partnership);
  for (const table of PARTNERSHIP_CHILD_TABLES) {
    if ((MOVED_CHILDREN as readonly string[]).includes(table)) continue;
    const rows = merge.merged.children[table] ?? [];
    for (let start = 0; start < rows.length; start += 50) await db(table).insert(rows.slice(start, start + 50));
  }
  for (const table of MOVED_CHILDREN) {
    const ids = plan.children.filter((child) => child.table === table && child.state === 'back').map((c) => c.id);
    if (ids.length > 0)
      await db(table).whereIn('id', ids).where({ partnership_id: keepId }).update({ partnership_id: mergedId });
  }
  if (plan.requestsBack.length > 0)
    await db('partnership_requests')
      .whereIn('id', plan.requestsBack)
      .where({ partnership_id: keepId })
      .update({ partnership_id: mergedId });
  if (plan.areas !== null) {
    await db('partnership_areas').where({ partnership_id: keepId }).delete();
    for (const area of plan.areas) await db('partnership_areas').insert({ partnership_id: keepId, area });
  }
  if (plan.groups !== null) {
    await db('partnership_participants').where({ partnership_id: keepId }).delete();
    for (const group of plan.groups)
      await db('partnership_participants').insert({ partnership_id: keepId, participant_group: group });
  }
  const written = await db('partnerships')
    .where({ id: keepId, version: plan.version })
    .update({ ...plan.columns, version: plan.version + 1, updated_at: now });
  if (written !== 1) throw new AppError('CONFLICT', 'The kept partnership changed meanwhile.');
}

/**
 * Whether merge entry `auditId` on partnership `keepId` was undone already (its undo's entry names
 * it): a merged-away record deleted again after an undo must not come back from the old merge.
 */
export async function mergeUndoneAlready(db: Knex, keepId: number, auditId: number): Promise<boolean> {
  const rows = await db('audit_log')
    .where({ table_name: 'partnerships', record_id: keepId, action: 'restore' })
    .where('id', '>', auditId)
    .select<{ after: string | null }[]>('after');
  return rows.some((row) => {
    const after: unknown = row.after === null ? null : JSON.parse(row.after);
    return typeof after === 'object' && after !== null && (after as { undoneMerge?: unknown }).undoneMerge === auditId;
  });
}

/**
 * The later audit entries of the kept partnership (after merge entry `auditId`), newest first,
 * with the fields each changed: who changed a field since the merge, and when.
 */
export async function laterEntriesOf(db: Knex, keepId: number, auditId: number) {
  return db('audit_log')
    .where({ table_name: 'partnerships', record_id: keepId })
    .where('id', '>', auditId)
    .whereNot('action', 'migrate')
    .orderBy('id', 'desc')
    .select<
      {
        id: number;
        before: string | null;
        after: string | null;
        actor: string;
        at: string;
        db_user: string | null;
        server_at: string | null;
      }[]
    >('id', 'before', 'after', 'actor', 'at', 'db_user', 'server_at');
}

/** The delete entry of a child the merge moved (who deleted it since, and when), if any. */
export async function deletedChildEntry(db: Knex, table: string, id: number) {
  return db('audit_log')
    .where({ table_name: table, record_id: id, action: 'delete' })
    .orderBy('id', 'desc')
    .first<AuditAuthor | undefined>('actor', 'at', 'db_user', 'server_at');
}

/** Who made an audit entry, and when: what a refusal names. */
export type AuditAuthor = { actor: string; at: string; db_user: string | null; server_at: string | null };

/**
 * The newest audit entry (not a migration's) of any of the given records, listed per table: who
 * changed what an undo's confirmation showed, when its plan no longer matches. One query for
 * both kinds of merge (partnership and town).
 */
export async function latestEntryAmong(
  db: Knex,
  records: Iterable<readonly [string, readonly number[]]>,
): Promise<AuditAuthor | undefined> {
  const lists = [...records].filter(([, ids]) => ids.length > 0);
  if (lists.length === 0) return undefined;
  return db('audit_log')
    .where((where) => {
      for (const [table, ids] of lists)
        void where.orWhere((one) => void one.where({ table_name: table }).whereIn('record_id', ids));
    })
    .whereNot('action', 'migrate')
    .orderBy('id', 'desc')
    .first<AuditAuthor | undefined>('actor', 'at', 'db_user', 'server_at');
}

/** The newest audit entry of the kept partnership or of the children a merge moved. */
export async function latestEntryOfMerge(db: Knex, keepId: number, moved: Partial<Record<MovedChild, number[]>>) {
  return latestEntryAmong(db, [
    ['partnerships', [keepId]],
    ...Object.entries(moved).map(([table, ids]) => [table, ids] as const),
  ]);
}
