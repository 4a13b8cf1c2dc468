import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import {
  fieldOutcomes,
  sameValue,
  latestEntryAmong,
  townMergeChanges,
  undoKeepingPlanOf,
  undoPartnershipMergeKeeping,
  type MovedChild,
  type PartnershipMerge,
  type TownMerge,
  type UndoKeepingField,
  type UndoKeepingPlan,
} from './merge-repository';

/*
 * Undoing a TOWN merge while keeping what people changed since, as a partnership merge's undo
 * keeping later changes does (merge-repository): the kept town's card fields go back where only
 * the merge changed them and stay where changed since; the merged-away town comes back with its
 * id; the partnerships the merge moved go back to it unless deleted, merged or moved to another
 * town since (listed, they stay); the partnerships the merge merged (one member with both towns)
 * are undone the same way, or stay merged when that cannot be done (listed with why).
 */

type Row = Record<string, unknown>;

/** The kept town's columns taken as one field each (its card's names; a verification is two columns). */
const TOWN_UNITS: readonly { field: string; columns: readonly string[] }[] = [
  ...[
    'name',
    'name_cs',
    'alt_names',
    'name_native',
    'use_czech_name',
    'kind',
    'admin_region',
    'population',
    'latitude',
    'longitude',
    'address',
    'language',
    'website',
    'email',
    'mayor_name',
    'mayor_gender',
    'mayor_office',
    'mayor_title',
    'contracting_body',
    'id_number',
    'large_city',
    'history',
    'notes',
    'geonames_id',
    'source',
    'import_run_id',
  ].map((column) => ({ field: camel(column), columns: [column] })),
  { field: 'verifiedAt', columns: ['verified_at', 'verified_by'] },
];

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** A town field's value to show: other names as a list, a verification as its two fields. */
function townUnitValue(row: Row, columns: readonly string[]): unknown {
  if (columns.length > 1) return Object.fromEntries(columns.map((column) => [camel(column), row[column] ?? null]));
  const column = columns[0] ?? '';
  const value = row[column] ?? null;
  if (column === 'alt_names')
    return typeof value === 'string' ? value.split('\n').filter((name) => name.trim() !== '') : [];
  if ((column === 'large_city' || column === 'use_czech_name') && value !== null) return value === true || value === 1;
  return value;
}

/** A partnership the town merge moved to the kept town, and what its undo does with it. */
export type TownUndoPartnership = {
  id: number;
  /** Back to the merged-away town; deleted since, merged into another partnership since, or on another town now (stays). */
  state: 'back' | 'deleted' | 'merged' | 'elsewhere';
};

/** A partnership merge the town merge did (one member with both towns), and whether it is undone too. */
export type TownUndoInnerMerge = {
  merge: PartnershipMerge;
  /** Undone keeping later changes; stays merged: the kept partnership was deleted or merged away since, or the merge is too old. */
  state: 'undone' | 'keptGone' | 'unavailable';
  plan: UndoKeepingPlan | null;
};

export type TownUndoKeepingPlan = {
  keepId: number;
  mergedId: number;
  /** The kept town's version now: the undo is checked against it. */
  version: number;
  fields: UndoKeepingField[];
  /** Columns of the kept town to write (the restored fields' values before the merge). */
  columns: Row;
  /** The merged-away town as it comes back (its gazetteer id left out when another town holds it now). */
  mergedRow: Row;
  geonamesDropped: boolean;
  partnerships: TownUndoPartnership[];
  inner: TownUndoInnerMerge[];
  requestsBack: number[];
  decisionsBack: number[];
};

/**
 * The newest delete entry of a partnership after entry `auditId`, if any: who deleted it, when,
 * and what it kept (`before`, its snapshot).
 */
export function deleteEntryAfter(db: Knex, partnershipId: number, auditId: number) {
  return db('audit_log')
    .where({ table_name: 'partnerships', record_id: partnershipId, action: 'delete' })
    .where('id', '>', auditId)
    .orderBy('id', 'desc')
    .first<
      { actor: string; at: string; db_user: string | null; server_at: string | null; before: string | null } | undefined
    >('actor', 'at', 'db_user', 'server_at', 'before');
}

/** The member of partnership `id`, or undefined when it is gone. */
export async function memberOfPartnership(db: Knex, id: number): Promise<number | undefined> {
  const row = await db('partnerships').where({ id }).first<{ municipality_id: number } | undefined>('municipality_id');
  return row?.municipality_id;
}

/** The merge entry after `auditId` that merged partnership `partnershipId` into another one (who, when), if any. */
export async function mergedAwayEntryAfter(db: Knex, partnershipId: number, auditId: number) {
  const rows = await db('audit_log')
    .where({ table_name: 'partnerships', action: 'merge' })
    .where('id', '>', auditId)
    .orderBy('id', 'desc')
    .select<{ after: string | null; actor: string; at: string; db_user: string | null; server_at: string | null }[]>(
      'after',
      'actor',
      'at',
      'db_user',
      'server_at',
    );
  return rows.find((row) => {
    const after: unknown = row.after === null ? null : JSON.parse(row.after);
    return typeof after === 'object' && after !== null && (after as { mergedId?: unknown }).mergedId === partnershipId;
  });
}

/** The later entries of a record after entry `auditId`, newest first: who changed a field since, and when. */
export function laterEntriesOfRecord(db: Knex, table: string, recordId: number, auditId: number) {
  return db('audit_log')
    .where({ table_name: table, record_id: recordId })
    .where('id', '>', auditId)
    .whereNot('action', 'migrate')
    .orderBy('id', 'desc')
    .select<
      {
        id: number;
        action: string;
        before: string | null;
        after: string | null;
        actor: string;
        at: string;
        db_user: string | null;
        server_at: string | null;
      }[]
    >('id', 'action', 'before', 'after', 'actor', 'at', 'db_user', 'server_at');
}

/**
 * Whether town merge entry `auditId` on town `keepId` was undone already (an undo's entry names it).
 */
export async function townMergeUndoneAlready(db: Knex, keepId: number, auditId: number): Promise<boolean> {
  const rows = await db('audit_log')
    .where({ table_name: 'foreign_towns', record_id: keepId, action: 'restore' })
    .where('id', '>', auditId)
    .select<{ after: string | null }[]>('after');
  return rows.some((row) => {
    const after: unknown = row.after === null ? null : JSON.parse(row.after);
    return typeof after === 'object' && after !== null && (after as { undoneMerge?: unknown }).undoneMerge === auditId;
  });
}

/** Whether a town of id `id` exists (the merged-away town back, or its id taken again). */
export async function townIdExists(db: Knex, id: number): Promise<boolean> {
  return (await db('foreign_towns').where({ id }).first('id')) !== undefined;
}

/**
 * What undoing town merge `merge` (entry `auditId`) while keeping later changes would do now,
 * nothing written. NOT_FOUND when the kept town is gone; CONFLICT (merge.keeping.townNameTaken)
 * when another town of the country has the merged town's name now (it could not come back).
 */
export async function townUndoKeepingPlanOf(db: Knex, merge: TownMerge, auditId: number): Promise<TownUndoKeepingPlan> {
  const keepId = Number(merge.keptBefore.id);
  const mergedId = Number(merge.merged.id);
  const now = await db('foreign_towns').where({ id: keepId }).first<Row | undefined>();
  if (!now) throw new AppError('NOT_FOUND', 'The kept town no longer exists.');
  // A merge recorded before merges kept what they changed: the same rule worked out again from
  // the two rows it kept. Where that guess differed, a field reads as changed since and stays.
  const changes = merge.changes ?? townMergeChanges(merge.keptBefore, merge.merged);
  const { fields, columns } = fieldOutcomes(TOWN_UNITS, merge.keptBefore, changes, now, townUnitValue);
  const taken = await db('foreign_towns')
    .where({ country_code: merge.merged.country_code, name_key: merge.merged.name_key })
    .first<{ id: number; name: string } | undefined>('id', 'name');
  if (taken !== undefined)
    throw new AppError(
      'CONFLICT',
      `Another town of this country is called ${taken.name} now; the merged town cannot come back beside it.`,
      { reason: 'merge.keeping.townNameTaken', params: { name: taken.name } },
    );
  // The gazetteer id is unique: the merged town takes its own back only when no town holds it then.
  const mergedRow: Row = { ...merge.merged };
  let geonamesDropped = false;
  if (!isEmpty(merge.merged.geonames_id)) {
    const keptAfter = 'geonames_id' in columns ? columns.geonames_id : now.geonames_id;
    const other = await db('foreign_towns')
      .where({ geonames_id: merge.merged.geonames_id })
      .whereNot({ id: keepId })
      .first<{ id: number } | undefined>('id');
    if (other !== undefined || sameValue(keptAfter, merge.merged.geonames_id)) {
      mergedRow.geonames_id = null;
      geonamesDropped = true;
    }
  }
  const partnerships: TownUndoPartnership[] = [];
  for (const id of merge.movedPartnerships.map(Number)) {
    const row = await db('partnerships')
      .where({ id })
      .first<{ foreign_town_id: number | string } | undefined>('foreign_town_id');
    const state: TownUndoPartnership['state'] =
      row === undefined
        ? (await deleteEntryAfter(db, id, auditId)) !== undefined
          ? 'deleted'
          : 'merged'
        : Number(row.foreign_town_id) === keepId
          ? 'back'
          : 'elsewhere';
    partnerships.push({ id, state });
  }
  const inner: TownUndoInnerMerge[] = [];
  for (const one of [...merge.partnershipMerges].reverse()) {
    const keptId = Number(one.keptBefore.id);
    if ((await db('partnerships').where({ id: keptId }).first('id')) === undefined) {
      inner.push({ merge: one, state: 'keptGone', plan: null });
      continue;
    }
    try {
      inner.push({ merge: one, state: 'undone', plan: await undoKeepingPlanOf(db, one) });
    } catch (error) {
      if (!(error instanceof AppError) || error.details?.reason !== 'merge.keeping.unavailable') throw error;
      inner.push({ merge: one, state: 'unavailable', plan: null });
    }
  }
  const stillOnKept = async (table: 'partnership_requests' | 'town_match_decisions', ids: readonly number[]) =>
    ids.length === 0
      ? []
      : (
          await db(table)
            .whereIn('id', ids.map(Number))
            .where({ foreign_town_id: keepId })
            .pluck<(number | string)[]>('id')
        ).map(Number);
  return {
    keepId,
    mergedId,
    version: Number(now.version),
    fields,
    columns,
    mergedRow,
    geonamesDropped,
    partnerships,
    inner,
    requestsBack: await stillOnKept('partnership_requests', merge.movedRequests ?? []),
    decisionsBack: await stillOnKept('town_match_decisions', merge.movedDecisions ?? []),
  };
}

/**
 * Carries out `plan` (from `townUndoKeepingPlanOf` in the same transaction): the kept town's
 * restored fields written with its version raised, the merged-away town back with its id, the
 * partnerships listed as going back moved to it, and the partnership merges listed as undone
 * undone keeping their later changes. Call inside a transaction, after checking the plan against
 * what the user confirmed.
 */
export async function undoTownMergeKeeping(db: Knex, plan: TownUndoKeepingPlan, now: string): Promise<void> {
  const { keepId, mergedId } = plan;
  // The kept town first: a gazetteer id it gives back is free before the merged town takes it.
  const written = await db('foreign_towns')
    .where({ id: keepId, version: plan.version })
    .update({ ...plan.columns, version: plan.version + 1, updated_at: now });
  if (written !== 1) throw new AppError('CONFLICT', 'The kept town changed meanwhile.');
  await db('foreign_towns').insert(plan.mergedRow);
  const back = plan.partnerships.filter((one) => one.state === 'back').map((one) => one.id);
  if (back.length > 0)
    await db('partnerships')
      .whereIn('id', back)
      .where({ foreign_town_id: keepId })
      .update({ foreign_town_id: mergedId });
  for (const [table, ids] of [
    ['partnership_requests', plan.requestsBack],
    ['town_match_decisions', plan.decisionsBack],
  ] as const)
    if (ids.length > 0)
      await db(table).whereIn('id', ids).where({ foreign_town_id: keepId }).update({ foreign_town_id: mergedId });
  for (const one of plan.inner)
    if (one.state === 'undone' && one.plan !== null) await undoPartnershipMergeKeeping(db, one.merge, one.plan, now);
}

/**
 * The newest audit entry of what a town merge's undo looks at (the kept town, the partnerships it
 * moved or merged, the children of those merges): who changed what the confirmation showed.
 */
export async function latestEntryOfTownMerge(db: Knex, keepId: number, plan: TownUndoKeepingPlan) {
  const partnershipIds = [
    ...plan.partnerships.map((one) => one.id),
    ...plan.inner.map((one) => Number(one.merge.keptBefore.id)),
  ];
  const children = new Map<MovedChild, number[]>();
  for (const one of plan.inner)
    for (const [table, ids] of Object.entries(one.merge.moved) as [MovedChild, number[] | undefined][])
      children.set(table, [...(children.get(table) ?? []), ...(ids ?? []).map(Number)]);
  return latestEntryAmong(db, [['foreign_towns', [keepId]], ['partnerships', partnershipIds], ...children]);
}
