import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import type { AppContext } from '../context';
import { createHash } from 'node:crypto';
import { findAuditEntry, versionFailure, writerOf } from '../repositories/audit-repository';
import { auditedChange, type AuditEntryOfChange, type Change } from './audited-change';
import { unlinkStrayAttachments } from './partnership-children-service';
import {
  countPartnershipChildren,
  lockPartnership,
  namesByIds,
  partnershipIdExists,
  partnershipIdOfPair,
  type PartnershipSnapshot,
  partnershipFieldsOfColumns,
} from '../repositories/partnerships-repository';
import { sortByCzech } from '../../../shared/domain/text';
import {
  FILL_FIELDS,
  TOWN_FILL_FIELDS,
  type AnyFillField,
  type ChoosableField,
  type FillChild,
  type FillField,
  type FillTable,
} from '../../../shared/domain/partnership-merge';
import {
  fillFromSnapshot,
  fillPreviewOf,
  fillTownFromRow,
  isFillMerge,
  liveTownOf,
  lockTown,
  townFillPreviewOf,
  undoFill,
  undoTownFill,
  type FillMerge,
  type TownFillMerge,
} from '../repositories/fill-from-deleted-repository';
import { listTownPartnerships } from '../repositories/foreign-towns-repository';
import {
  deleteEntryAfter,
  laterEntriesOfRecord,
  latestEntryOfTownMerge,
  memberOfPartnership,
  mergedAwayEntryAfter,
  townIdExists,
  townMergeUndoneAlready,
  townUndoKeepingPlanOf,
  undoTownMergeKeeping,
  type TownUndoKeepingPlan,
} from '../repositories/town-merge-undo-repository';
import { keptByDelete, laterEntryOf } from './undo';
import { correctRestoredTerms } from '../db/unstated-terms';
import {
  alternateNames,
  partnershipMergeClashes,
  dropMergedTownNames,
  keepMergedTownNames,
  listTownsOfCountry,
  mergePartnershipInto,
  mergeTownInto,
  deletedChildEntry,
  laterEntriesOf,
  latestEntryOfMerge,
  mergeUndoneAlready,
  undoKeepingPlanOf,
  undoPartnershipMerge,
  undoPartnershipMergeKeeping,
  undoTownMerge,
  type PartnershipMerge,
  type UndoKeepingField,
  type UndoKeepingPlan,
  type TownMerge,
} from '../repositories/merge-repository';

/*
 * Merging duplicates the registry already holds: two spellings of one foreign town, or two
 * partnerships of one member with one town. Audited on the kept record with everything the undo
 * needs; `merges:restore { auditId }` undoes it (the one undo protocol).
 */

/**
 * The entries a town merge writes in the histories of the partnerships it touched: a moved one now
 * has the kept town as its partner ("Partnerské město: Lobau → Löbau"), a kept one took in the
 * merged town's partnership of the same member. Its undo (`undone`) says the opposite.
 */
const partnershipEntriesOfTownMerge = (
  merge: TownMerge,
  undone: boolean,
  members: ReadonlyMap<number, string>,
): AuditEntryOfChange[] => {
  const keptTown = Number(merge.keptBefore.id);
  const mergedTown = Number(merge.merged.id);
  const action = undone ? ('unmerge' as const) : ('merge' as const);
  const from = undone ? keptTown : mergedTown;
  const to = undone ? mergedTown : keptTown;
  return [
    ...merge.movedPartnerships.map((recordId) => ({
      table: 'partnerships',
      recordId,
      action,
      before: { foreignTownId: from },
      after: { foreignTownId: to },
    })),
    ...merge.partnershipMerges.map((inner) => ({
      table: 'partnerships',
      recordId: Number(inner.keptBefore.id),
      action,
      before: null,
      after: {
        mergedId: Number(inner.merged.partnership.id),
        ...mergedNameOf(members.get(Number(inner.merged.partnership.municipality_id)), merge.merged.name),
      },
    })),
  ];
};

/**
 * The partnerships of a town a merge or its undo kept: their rows show the town's other names
 * (the quick search reads them), which the merge or undo changed, so the grids refresh them too
 * (walkthrough 25: after an undo the search still found Aš – Oelsnitz by „Oelzsnitz“).
 */
const keptTownPartnerships = async (db: Knex, townId: number): Promise<number[]> =>
  (await listTownPartnerships(db, townId)).map((p) => p.partnershipId);

/**
 * A merged-away partnership as its merge entry names it ("Kolín – Żagań"): the member's and the
 * town's names at the merge. Nothing when either is not known (unknown stays unknown).
 */
const mergedNameOf = (member: unknown, town: unknown): { mergedName?: string } =>
  typeof member === 'string' && member !== '' && typeof town === 'string' && town !== ''
    ? { mergedName: `${member} – ${town}` }
    : {};

/** The names of the members of the partnerships a town merge merged (for their entries). */
const membersOfTownMerge = (db: Knex, merge: TownMerge) =>
  namesByIds(
    db,
    'municipalities',
    merge.partnershipMerges.map((inner) => Number(inner.merged.partnership.municipality_id)),
  );

const partnershipIdsOf = (merge: PartnershipMerge): number[] => [
  Number(merge.keptBefore.id),
  Number(merge.merged.partnership.id),
];

/** Merges foreign town `mergeId` into `keepId`: names kept as alternates, partnerships moved or merged. */
export async function mergeTowns(ctx: AppContext, input: { keepId: number; mergeId: number }) {
  const { auditId, merge } = await auditedChange(ctx, async ({ trx, at, audit, auditMany, touch }) => {
    const done = await mergeTownInto(trx, input.keepId, input.mergeId, at);
    const id = await audit({
      table: 'foreign_towns',
      recordId: input.keepId,
      action: 'merge',
      before: { merge: done },
      after: { mergedId: input.mergeId, mergedName: done.merged.name },
    });
    // Each partnership's history says it too (its partner town changed without an edit of its own).
    await auditMany(partnershipEntriesOfTownMerge(done, false, await membersOfTownMerge(trx, done)));
    touch({
      tables: ['foreign_towns', 'partnerships'],
      partnershipIds: [
        ...done.movedPartnerships,
        ...done.partnershipMerges.flatMap(partnershipIdsOf),
        ...(await keptTownPartnerships(trx, input.keepId)),
      ],
    });
    return { auditId: id, merge: done };
  });
  return {
    auditId,
    movedPartnerships: merge.movedPartnerships.length,
    mergedPartnerships: merge.partnershipMerges.length,
  };
}

/** Bookkeeping columns a merge changes that a history does not show as the record's fields. */
const UNSHOWN_COLUMNS = new Set(['source', 'import_run_id', 'verified_at', 'verified_by']);

/**
 * The fields a partnership merge changed on the kept record, before and after, for its history
 * entry (walkthrough 20: "sloučeno" named no field although the type, notes and areas changed).
 */
function changedFieldsOf(merge: PartnershipMerge): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const shown = Object.fromEntries(
    Object.entries(merge.changes ?? {}).filter(([column]) => !UNSHOWN_COLUMNS.has(column)),
  );
  const before = partnershipFieldsOfColumns(
    Object.fromEntries(Object.keys(shown).map((column) => [column, merge.keptBefore[column] ?? null])),
  );
  const after = partnershipFieldsOfColumns(shown);
  const mergedAreas = (merge.merged.children.partnership_areas ?? []).map((row) => String(row.area));
  const areas = [...new Set([...merge.keptSets.areas, ...mergedAreas])].sort();
  if (areas.length > merge.keptSets.areas.length) {
    before.areas = merge.keptSets.areas;
    after.areas = areas;
  }
  return { before, after };
}

/** The clashes a merge of `mergeId` into `keepId` would show, and what would move (nothing written). */
export async function partnershipMergePreview(ctx: AppContext, input: { keepId: number; mergeId: number }) {
  const clashes = await partnershipMergeClashes(ctx.db.knex, input.keepId, input.mergeId);
  if (clashes === undefined) throw new AppError('NOT_FOUND', 'One of the partnerships no longer exists.');
  return { clashes, moves: await countPartnershipChildren(ctx.db.knex, [input.mergeId]) };
}

/** Merges partnership `mergeId` into `keepId` (same member): empty fields filled, children moved. */
export async function mergePartnerships(
  ctx: AppContext,
  input: { keepId: number; mergeId: number; take?: readonly ChoosableField[] | undefined },
) {
  return auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const merge = await mergePartnershipInto(trx, input.keepId, input.mergeId, at, input.take ?? []);
    const fields = changedFieldsOf(merge);
    // The merged-away partnership by name (walkthrough 20: "sloučeno" did not say with what); its
    // member and town are still there (a partnership merge removes neither).
    const { municipality_id: memberId, foreign_town_id: townId } = merge.merged.partnership;
    const member = await namesByIds(trx, 'municipalities', [Number(memberId)]);
    const town = await namesByIds(trx, 'foreign_towns', [Number(townId)]);
    const auditId = await audit({
      table: 'partnerships',
      recordId: input.keepId,
      action: 'merge',
      before: { merge, ...fields.before },
      after: {
        mergedId: input.mergeId,
        ...mergedNameOf(member.get(Number(memberId)), town.get(Number(townId))),
        ...fields.after,
      },
    });
    await keepMergedTownNames(trx, merge, auditId, at);
    touch({
      tables: ['partnerships', 'contacts', 'activities'],
      partnershipIds: partnershipIdsOf(merge),
      municipalityIds: [Number(merge.keptBefore.municipality_id)],
    });
    return { auditId };
  });
}

/**
 * The refusal to undo a merge whose kept record changed since (walkthrough 22, finding 3: it named
 * nobody and gave no next step): who changed it last and when (`changedAt`, as a save's conflict
 * names them), which record that is, what was merged into it, and that the merged record's values
 * stay in the bin. The undo puts the kept record back as the merge found it, so it would overwrite
 * the later change: it stays refused, nothing is written. Other errors pass unchanged.
 */
async function namedRefusal(
  db: Knex,
  error: unknown,
  merge: TownMerge | PartnershipMerge,
  after: string | null,
): Promise<unknown> {
  const details = error instanceof AppError ? error.details : undefined;
  if (details?.reason !== 'merge.error.changedSince') return error;
  const table = details.table === 'foreign_towns' ? 'foreign_towns' : 'partnerships';
  const recordId = typeof details.recordId === 'number' ? details.recordId : Number(merge.keptBefore.id);
  const expected = typeof details.expectedVersion === 'number' ? details.expectedVersion : merge.keptVersionAfter;
  const inner =
    merge.kind === 'foreign_towns'
      ? merge.partnershipMerges.find((one) => Number(one.keptBefore.id) === recordId)
      : merge;
  const keptRow = table === 'foreign_towns' ? merge.keptBefore : (inner?.keptBefore ?? merge.keptBefore);
  const kept =
    table === 'foreign_towns'
      ? typeof keptRow.name === 'string' && keptRow.name !== ''
        ? keptRow.name
        : `#${String(recordId)}`
      : await partnershipName(db, keptRow);
  const parsed: unknown = after === null ? null : JSON.parse(after);
  const mergedName =
    typeof parsed === 'object' && parsed !== null && typeof (parsed as { mergedName?: unknown }).mergedName === 'string'
      ? (parsed as { mergedName: string }).mergedName
      : null;
  const mergedId = merge.kind === 'foreign_towns' ? merge.merged.id : merge.merged.partnership.id;
  const merged = mergedName ?? `#${String(mergedId)}`;
  const failure = await versionFailure(db, table, recordId, expected);
  // The kept record deleted since: said as a delete (who, when, the bin), not as a change.
  if (failure.code === 'NOT_FOUND') return failure;
  const by = failure.details?.reason === 'error.conflictBy' ? failure.details : undefined;
  const name = typeof by?.changedBy === 'string' ? by.changedBy : null;
  return new AppError(
    'CONFLICT',
    `${kept} has changed since the merge${name === null ? '' : ` (${name})`}; undoing the merge would overwrite that change, so nothing was changed. The values of ${merged} are in the bin.`,
    {
      reason: name === null ? 'merge.error.changedSinceKept' : 'merge.error.changedSinceBy',
      table,
      recordId,
      params: { kept, merged, ...(name === null ? {} : { name }) },
      ...(name === null || typeof by?.changedAt !== 'string' ? {} : { changedAt: by.changedAt }),
    },
  );
}

/** A partnership as its member and partner town are called now ("Tábor – Škofja Loka"). */
async function partnershipName(db: Knex, row: Record<string, unknown>): Promise<string> {
  const memberId = Number(row.municipality_id);
  const townId = Number(row.foreign_town_id);
  const member = (await namesByIds(db, 'municipalities', [memberId])).get(memberId);
  const town = (await namesByIds(db, 'foreign_towns', [townId])).get(townId);
  return mergedNameOf(member, town).mergedName ?? `#${String(row.id)}`;
}

/** Undoes a merge from its audit entry: both records back with the same ids and their children. */
export async function undoMerge(ctx: AppContext, input: { auditId: number }) {
  return auditedChange(ctx, async ({ trx, at, audit, auditMany, touch }) => {
    const entry = await findAuditEntry(trx, input.auditId);
    if (!entry || entry.action !== 'merge' || entry.before === null)
      throw new AppError('NOT_FOUND', 'There is no merge to undo under this entry.');
    const { merge } = JSON.parse(entry.before) as { merge: TownMerge | PartnershipMerge };
    const fill = isFillMerge(merge) ? merge : null;
    try {
      if (fill !== null && fill.kind === 'foreign_towns') await undoTownFill(trx, fill);
      else if (fill !== null) await undoFill(trx, fill);
      else if (merge.kind === 'foreign_towns') await undoTownMerge(trx, merge);
      else await undoPartnershipMerge(trx, merge);
    } catch (error) {
      throw await namedRefusal(trx, error, merge, entry.after);
    }
    if (fill !== null) {
      if (fill.kind === 'foreign_towns')
        await undoneTownFillBackInBin({ trx, audit, touch }, fill, input.auditId, entry.record_id);
      else await undoneFillBackInBin({ trx, audit, touch }, fill, input.auditId, entry.record_id);
      return { table: entry.table_name, recordId: entry.record_id };
    }
    if (merge.kind === 'foreign_towns')
      await auditMany(partnershipEntriesOfTownMerge(merge, true, await membersOfTownMerge(trx, merge)));
    else await dropMergedTownNames(trx, input.auditId);
    await audit({
      table: entry.table_name,
      recordId: entry.record_id,
      action: 'restore',
      before: null,
      after: { undoneMerge: input.auditId },
    });
    const partnershipIds =
      merge.kind === 'foreign_towns'
        ? [
            ...merge.movedPartnerships,
            ...merge.partnershipMerges.flatMap(partnershipIdsOf),
            ...(await keptTownPartnerships(trx, Number(merge.keptBefore.id))),
          ]
        : partnershipIdsOf(merge);
    // Both partnerships are put back as the merge found them: a merge older than migration 0022
    // brings back an indefinite term nobody stated (0022 had corrected the kept one): corrected again.
    const putBack =
      merge.kind === 'foreign_towns' ? merge.partnershipMerges.flatMap(partnershipIdsOf) : partnershipIdsOf(merge);
    await correctRestoredTerms(trx, putBack, input.auditId, at);
    touch({ tables: ['foreign_towns', 'partnerships', 'contacts', 'activities'], partnershipIds });
    // A file linked after the merge to an activity that now goes back to the other partnership.
    await unlinkStrayAttachments({ trx, at, audit, touch }, partnershipIds);
    return { table: entry.table_name, recordId: entry.record_id };
  });
}

/**
 * The merge of merge entry `auditId`, for an undo keeping later changes (a merge of two
 * partnerships or of two partner towns): NOT_FOUND when the entry is no merge; CONFLICT (reason
 * merge.keeping.unavailable) for a fill from the bin (its undo stays as it is); CONFLICT
 * (undo.alreadyRestored) when the merge was undone already or the merged-away record's id is
 * taken again.
 */
async function mergeOfEntry(db: Knex, auditId: number) {
  const entry = await findAuditEntry(db, auditId);
  if (
    !entry ||
    entry.action !== 'merge' ||
    entry.before === null ||
    (entry.table_name !== 'partnerships' && entry.table_name !== 'foreign_towns')
  )
    throw new AppError('NOT_FOUND', 'There is no merge to undo under this entry.');
  const { merge } = JSON.parse(entry.before) as { merge: PartnershipMerge | TownMerge | undefined };
  if (merge === undefined) throw new AppError('NOT_FOUND', 'There is no merge to undo under this entry.');
  if (isFillMerge(merge))
    throw new AppError('CONFLICT', 'A fill from the bin cannot be undone keeping later changes.', {
      reason: 'merge.keeping.unavailable',
    });
  const keepId = Number(merge.keptBefore.id);
  const undone =
    merge.kind === 'partnerships'
      ? (await partnershipIdExists(db, Number(merge.merged.partnership.id))) ||
        (await mergeUndoneAlready(db, keepId, auditId))
      : (await townIdExists(db, Number(merge.merged.id))) || (await townMergeUndoneAlready(db, keepId, auditId));
  if (undone) throw new AppError('CONFLICT', 'This merge has already been undone.', { reason: 'undo.alreadyRestored' });
  return { merge, entry };
}

/** The fields an audit entry names for one field of the undo's list (a term is two, a verification two). */
const ENTRY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  term: ['termKind', 'termUntil'],
  verifiedAt: ['verifiedAt', 'verifiedBy'],
};

/** A short fingerprint of a plan: the confirmation is checked against the one it showed. */
const planCheck = (plan: UndoKeepingPlan): string =>
  createHash('sha256')
    .update(JSON.stringify({ version: plan.version, fields: plan.fields, children: plan.children }))
    .digest('hex')
    .slice(0, 32);

/**
 * The fields of an undo's list with who changed each since and when (null: unknown), from the
 * record's later entries (`later`, newest first).
 */
function describedFields(
  fields: readonly UndoKeepingField[],
  laterRows: readonly {
    before: string | null;
    after: string | null;
    actor: string;
    at: string;
    db_user: string | null;
    server_at: string | null;
  }[],
) {
  const later = laterRows.map((row) => {
    const named = new Set<string>();
    for (const text of [row.before, row.after]) {
      const value: unknown = text === null ? null : JSON.parse(text);
      if (isRow(value)) for (const key of Object.keys(value)) named.add(key);
    }
    return { named, by: writerOf(row) };
  });
  return fields.map((field) => {
    const by =
      field.outcome === 'restored'
        ? null
        : (later.find((one) => (ENTRY_FIELDS[field.field] ?? [field.field]).some((name) => one.named.has(name)))?.by ??
          null);
    return { ...field, changedBy: by?.name ?? null, changedAt: by?.at ?? null };
  });
}

/** The plan as a confirmation shows it: each later change with who made it and when (null: unknown). */
async function describedPlan(db: Knex, plan: UndoKeepingPlan, merge: PartnershipMerge, auditId: number) {
  const fields = describedFields(plan.fields, await laterEntriesOf(db, plan.keepId, auditId));
  const children = [];
  for (const child of plan.children) {
    const by = child.state === 'deleted' ? await deletedChildEntry(db, child.table, child.id) : undefined;
    const writer = by === undefined ? null : writerOf(by);
    children.push({ ...child, changedBy: writer?.name ?? null, changedAt: writer?.at ?? null });
  }
  return {
    kind: 'partnerships' as const,
    auditId,
    keepId: plan.keepId,
    mergedId: plan.mergedId,
    version: plan.version,
    check: planCheck(plan),
    kept: await partnershipName(db, merge.keptBefore),
    merged: await partnershipName(db, merge.merged.partnership),
    fields,
    children,
    town: null,
  };
}

/**
 * The refusal of an undo keeping later changes whose plan changed after its confirmation was
 * shown: names who changed it last and when (`last`, the newest entry of what the plan reads).
 */
function changedMeanwhile(last: Parameters<typeof writerOf>[0] | undefined): AppError {
  const by = last === undefined ? null : writerOf(last);
  return new AppError(
    'CONFLICT',
    `What the undo would do changed meanwhile${by === null ? '' : ` (${by.name}, ${by.at})`}; nothing was changed. Open the undo again.`,
    {
      reason: by === null ? 'merge.keeping.changedMeanwhile' : 'merge.keeping.changedMeanwhileBy',
      ...(by === null ? {} : { params: { name: by.name }, changedBy: by.name, changedAt: by.at }),
    },
  );
}

/** A short fingerprint of a town merge's plan: the confirmation is checked against the one it showed. */
const townPlanCheck = (plan: TownUndoKeepingPlan): string =>
  createHash('sha256')
    .update(
      JSON.stringify({
        version: plan.version,
        fields: plan.fields,
        partnerships: plan.partnerships,
        geonamesDropped: plan.geonamesDropped,
        inner: plan.inner.map((one) => ({
          id: one.merge.keptBefore.id,
          state: one.state,
          plan: one.plan === null ? null : planCheck(one.plan),
        })),
      }),
    )
    .digest('hex')
    .slice(0, 32);

/** A town as a confirmation names it. */
const townLabel = (row: Record<string, unknown>): string =>
  typeof row.name === 'string' && row.name !== '' ? row.name : `#${String(row.id)}`;

/** A partnership a town merge moved, named by its member and the merged-away town ("Tábor – Lobau"). */
async function movedPartnershipName(db: Knex, id: number, townName: string, auditId: number): Promise<string> {
  let memberId = await memberOfPartnership(db, id);
  if (memberId === undefined) {
    // Deleted since: its delete kept it (a merge into another partnership kept nothing to name it by).
    const snapshot = keptByDelete((await deleteEntryAfter(db, id, auditId))?.before, 'snapshot');
    if (isSnapshot(snapshot)) memberId = Number(snapshot.partnership.municipality_id);
  }
  if (memberId === undefined) return `#${String(id)}`;
  const member = (await namesByIds(db, 'municipalities', [memberId])).get(memberId);
  return mergedNameOf(member, townName).mergedName ?? `#${String(id)}`;
}

/** A town merge's plan as a confirmation shows it (see `merges:undoKeepingPreview`). */
async function describedTownPlan(db: Knex, plan: TownUndoKeepingPlan, merge: TownMerge, auditId: number) {
  const mergedTown = townLabel(merge.merged);
  const partnerships = [];
  for (const one of plan.partnerships) {
    const by =
      one.state === 'deleted'
        ? await deleteEntryAfter(db, one.id, auditId)
        : one.state === 'merged'
          ? await mergedAwayEntryAfter(db, one.id, auditId)
          : one.state === 'elsewhere'
            ? (await laterEntriesOfRecord(db, 'partnerships', one.id, auditId)).find((row) => {
                const after: unknown = row.after === null ? null : JSON.parse(row.after);
                return isRow(after) && 'foreignTownId' in after;
              })
            : undefined;
    const writer = by === undefined ? null : writerOf(by);
    partnerships.push({
      ...one,
      label: await movedPartnershipName(db, one.id, mergedTown, auditId),
      changedBy: writer?.name ?? null,
      changedAt: writer?.at ?? null,
    });
  }
  const innerMerges = [];
  for (const one of plan.inner) {
    const keepId = Number(one.merge.keptBefore.id);
    const described = one.plan === null ? null : await describedPlan(db, one.plan, one.merge, auditId);
    const gone = one.state === 'keptGone' ? await deleteEntryAfter(db, keepId, auditId) : undefined;
    const writer = gone === undefined ? null : writerOf(gone);
    innerMerges.push({
      keepId,
      mergedId: Number(one.merge.merged.partnership.id),
      kept: described?.kept ?? (await partnershipName(db, one.merge.keptBefore)),
      merged:
        mergedNameOf(
          (await namesByIds(db, 'municipalities', [Number(one.merge.merged.partnership.municipality_id)])).get(
            Number(one.merge.merged.partnership.municipality_id),
          ),
          mergedTown,
        ).mergedName ?? `#${String(one.merge.merged.partnership.id)}`,
      state: one.state,
      changedBy: writer?.name ?? null,
      changedAt: writer?.at ?? null,
      fields: described?.fields ?? [],
      children: described?.children ?? [],
    });
  }
  return {
    kind: 'foreign_towns' as const,
    auditId,
    keepId: plan.keepId,
    mergedId: plan.mergedId,
    version: plan.version,
    check: townPlanCheck(plan),
    kept: townLabel(merge.keptBefore),
    merged: mergedTown,
    fields: describedFields(plan.fields, await laterEntriesOfRecord(db, 'foreign_towns', plan.keepId, auditId)),
    children: [],
    town: { partnerships, innerMerges, geonamesDropped: plan.geonamesDropped },
  };
}

/**
 * What undoing partnership merge entry `auditId` while keeping the changes made since would do
 * (nothing written; see `merges:undoKeepingPreview`).
 */
export async function undoMergeKeepingPreview(ctx: AppContext, input: { auditId: number }) {
  const db = ctx.db.knex;
  const { merge } = await mergeOfEntry(db, input.auditId);
  if (merge.kind === 'foreign_towns')
    return describedTownPlan(db, await townUndoKeepingPlanOf(db, merge, input.auditId), merge, input.auditId);
  return describedPlan(db, await undoKeepingPlanOf(db, merge), merge, input.auditId);
}

/**
 * Undoes partnership merge entry `auditId` keeping the changes made since (see
 * `merges:undoKeeping`): checked against the kept record's `version` and the plan (`check`) the
 * confirmation showed; a change meanwhile refuses naming who and when, nothing written. One
 * audited restore entry on the kept record, as the plain undo writes.
 */
export async function undoMergeKeeping(ctx: AppContext, input: { auditId: number; version: number; check: string }) {
  const entry = await findAuditEntry(ctx.db.knex, input.auditId);
  if (entry?.table_name === 'foreign_towns') return undoTownMergeKeepingChange(ctx, input);
  return auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const { merge, entry } = await mergeOfEntry(trx, input.auditId);
    if (merge.kind !== 'partnerships')
      throw new AppError('NOT_FOUND', 'There is no partnership merge under this entry.');
    const keepId = Number(merge.keptBefore.id);
    // The kept record held first (on a server): a second undo waits, then finds this one's entry.
    if (!(await lockPartnership(trx, keepId, 'update')))
      throw await versionFailure(trx, 'partnerships', keepId, input.version);
    const { merge: held } = await mergeOfEntry(trx, input.auditId);
    if (held.kind !== 'partnerships')
      throw new AppError('NOT_FOUND', 'There is no partnership merge under this entry.');
    const plan = await undoKeepingPlanOf(trx, held);
    if (plan.version !== input.version) throw await versionFailure(trx, 'partnerships', keepId, input.version);
    if (planCheck(plan) !== input.check) {
      throw changedMeanwhile(await latestEntryOfMerge(trx, keepId, held.moved));
    }
    const now = await trx('partnerships').where({ id: keepId }).first<Record<string, unknown>>();
    await undoPartnershipMergeKeeping(trx, held, plan, at);
    await dropMergedTownNames(trx, input.auditId);
    const restored = plan.fields.filter((field) => field.outcome === 'restored');
    const setField = (name: string, value: unknown) =>
      restored.some((field) => field.field === name) ? { [name]: value } : {};
    const current = (name: string) => restored.find((field) => field.field === name)?.current;
    await audit({
      table: 'partnerships',
      recordId: keepId,
      action: 'restore',
      before: {
        ...partnershipFieldsOfColumns(Object.fromEntries(Object.keys(plan.columns).map((c) => [c, now[c] ?? null]))),
        ...setField('areas', current('areas')),
        ...setField('participantGroups', current('participantGroups')),
      },
      after: {
        undoneMerge: input.auditId,
        ...partnershipFieldsOfColumns(plan.columns),
        ...setField('areas', plan.areas),
        ...setField('participantGroups', plan.groups),
        keptLater: plan.fields.filter((field) => field.outcome !== 'restored').map((field) => field.field),
        childrenNotBack: plan.children
          .filter((child) => child.state !== 'back')
          .map(({ table, id, state }) => ({ table, id, state })),
      },
    });
    const partnershipIds = [keepId, plan.mergedId];
    // A merge older than migration 0022 brings back an indefinite term nobody stated: corrected again.
    await correctRestoredTerms(
      trx,
      restored.some((field) => field.field === 'term') ? partnershipIds : [plan.mergedId],
      input.auditId,
      at,
    );
    touch({
      tables: ['partnerships', 'contacts', 'activities', 'agreement_documents', 'attachments'],
      partnershipIds,
      municipalityIds: [Number(merge.keptBefore.municipality_id)],
    });
    await unlinkStrayAttachments({ trx, at, audit, touch }, partnershipIds);
    return { table: entry.table_name, recordId: keepId };
  });
}

/**
 * Undoes town merge entry `auditId` keeping the changes made since (see `merges:undoKeeping`):
 * checked against the kept town's `version` and the plan (`check`) the confirmation showed; a
 * change meanwhile refuses naming who and when, nothing written. One audited restore entry on the
 * kept town (what it put back, what it kept, which partnerships stay); each partnership that goes
 * back, or whose merge is undone, says so in its own history, as the plain undo writes it.
 */
async function undoTownMergeKeepingChange(ctx: AppContext, input: { auditId: number; version: number; check: string }) {
  return auditedChange(ctx, async ({ trx, at, audit, auditMany, touch }) => {
    const { merge } = await mergeOfEntry(trx, input.auditId);
    if (merge.kind !== 'foreign_towns') throw new AppError('NOT_FOUND', 'There is no town merge under this entry.');
    const keepId = Number(merge.keptBefore.id);
    // The kept town and the partnerships it merged held first (on a server): a second undo waits,
    // then finds this one's entry.
    if (!(await lockTown(trx, keepId))) throw await versionFailure(trx, 'foreign_towns', keepId, input.version);
    for (const one of merge.partnershipMerges) await lockPartnership(trx, Number(one.keptBefore.id), 'update');
    const { merge: held, entry } = await mergeOfEntry(trx, input.auditId);
    if (held.kind !== 'foreign_towns') throw new AppError('NOT_FOUND', 'There is no town merge under this entry.');
    const plan = await townUndoKeepingPlanOf(trx, held, input.auditId);
    if (plan.version !== input.version) throw await versionFailure(trx, 'foreign_towns', keepId, input.version);
    if (townPlanCheck(plan) !== input.check) {
      throw changedMeanwhile(await latestEntryOfTownMerge(trx, keepId, plan));
    }
    const now = await trx('foreign_towns').where({ id: keepId }).first<Record<string, unknown>>();
    const undoneInner = plan.inner.filter((one) => one.state === 'undone' && one.plan !== null);
    const innerBefore = new Map<number, Record<string, unknown>>();
    for (const one of undoneInner) {
      const id = Number(one.merge.keptBefore.id);
      innerBefore.set(id, await trx('partnerships').where({ id }).first<Record<string, unknown>>());
    }
    await undoTownMergeKeeping(trx, plan, at);
    await audit({
      table: 'foreign_towns',
      recordId: keepId,
      action: 'restore',
      before: townFieldsOfColumns(Object.fromEntries(Object.keys(plan.columns).map((c) => [c, now[c] ?? null]))),
      after: {
        undoneMerge: input.auditId,
        ...townFieldsOfColumns(plan.columns),
        keptLater: plan.fields.filter((field) => field.outcome !== 'restored').map((field) => field.field),
        partnershipsNotBack: plan.partnerships
          .filter((one) => one.state !== 'back')
          .map(({ id, state }) => ({ id, state })),
        mergesKept: plan.inner
          .filter((one) => one.state !== 'undone')
          .map((one) => ({
            keepId: Number(one.merge.keptBefore.id),
            mergedId: Number(one.merge.merged.partnership.id),
            state: one.state,
          })),
        ...(plan.geonamesDropped ? { mergedWithoutGeonamesId: true } : {}),
      },
    });
    const back = plan.partnerships.filter((one) => one.state === 'back').map((one) => one.id);
    const members = await membersOfTownMerge(trx, held);
    await auditMany([
      ...back.map((recordId) => ({
        table: 'partnerships',
        recordId,
        action: 'unmerge' as const,
        before: { foreignTownId: keepId },
        after: { foreignTownId: plan.mergedId },
      })),
      ...undoneInner.map((one) => {
        const id = Number(one.merge.keptBefore.id);
        const columns = one.plan?.columns ?? {};
        const before = innerBefore.get(id) ?? {};
        return {
          table: 'partnerships',
          recordId: id,
          action: 'unmerge' as const,
          before: partnershipFieldsOfColumns(
            Object.fromEntries(Object.keys(columns).map((c) => [c, before[c] ?? null])),
          ),
          after: {
            mergedId: Number(one.merge.merged.partnership.id),
            ...mergedNameOf(members.get(Number(one.merge.merged.partnership.municipality_id)), held.merged.name),
            ...partnershipFieldsOfColumns(columns),
          },
        };
      }),
    ]);
    const innerIds = undoneInner.flatMap((one) => partnershipIdsOf(one.merge));
    // A merge older than migration 0022 brings back an indefinite term nobody stated: corrected again.
    await correctRestoredTerms(
      trx,
      undoneInner.flatMap((one) =>
        one.plan?.fields.some((field) => field.field === 'term' && field.outcome === 'restored') === true
          ? partnershipIdsOf(one.merge)
          : [Number(one.merge.merged.partnership.id)],
      ),
      input.auditId,
      at,
    );
    const partnershipIds = [...back, ...innerIds, ...(await keptTownPartnerships(trx, keepId))];
    touch({
      tables: ['foreign_towns', 'partnerships', 'contacts', 'activities', 'agreement_documents', 'attachments'],
      partnershipIds,
    });
    await unlinkStrayAttachments({ trx, at, audit, touch }, innerIds);
    return { table: entry.table_name, recordId: keepId };
  });
}

/** The towns of one country, for choosing what to merge. */
export async function townsOfCountry(ctx: AppContext, input: { countryCode: string }) {
  const rows = await listTownsOfCountry(ctx.db.knex, input.countryCode);
  return sortByCzech(
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      nameCs: row.name_cs,
      altNames: alternateNames(row.alt_names),
      partnerships: Number(row.partnerships),
    })),
    (town) => town.name,
  );
}

/** A deleted partnership as its delete's audit entry keeps it: the snapshot its restore puts back. */
const isSnapshot = (value: unknown): value is PartnershipSnapshot =>
  typeof value === 'object' &&
  value !== null &&
  'partnership' in value &&
  'children' in value &&
  typeof (value as { partnership: unknown }).partnership === 'object';

/**
 * The deleted partnership of delete entry `auditId` and the live partnership of the same pair:
 * NOT_FOUND when the entry is no such delete; CONFLICT when the record is back or its history
 * went on (restored, filled already: the bin shows its later entry), or when no live partnership
 * of the pair exists (reason merge.fill.noLive: restore it instead).
 */
async function deletedWithLiveTwin(db: Knex, auditId: number) {
  const entry = await findAuditEntry(db, auditId);
  const snapshot = entry?.action === 'delete' ? keptByDelete(entry.before, 'snapshot') : null;
  if (!entry || entry.table_name !== 'partnerships' || !isSnapshot(snapshot))
    throw new AppError('NOT_FOUND', 'There is no deleted partnership under this entry.');
  if (await partnershipIdExists(db, entry.record_id))
    throw new AppError('CONFLICT', 'The partnership has already been restored.', { reason: 'undo.alreadyRestored' });
  if (await laterEntryOf(db, entry))
    throw new AppError('CONFLICT', 'This deleted partnership was restored or filled into another one since.', {
      reason: 'merge.fill.superseded',
    });
  const p = snapshot.partnership;
  const liveId = await partnershipIdOfPair(db, Number(p.municipality_id), Number(p.foreign_town_id));
  if (liveId === null)
    throw new AppError('CONFLICT', 'No partnership of this pair is in the registry; restore the deleted one instead.', {
      reason: 'merge.fill.noLive',
    });
  return { entry, snapshot, liveId, deletedId: entry.record_id };
}

/**
 * What filling the live partnership of a pair from its deleted one (delete entry `auditId`) would
 * offer, nothing written: the fields the deleted one states that the live one does not state
 * alike (each with both values), its children (marked where the live one has their twin), and the
 * live record's version, which the fill is checked against.
 */
async function partnershipFillPreview(ctx: AppContext, input: { auditId: number }) {
  const db = ctx.db.knex;
  const { snapshot, liveId, deletedId } = await deletedWithLiveTwin(db, input.auditId);
  const preview = await fillPreviewOf(db, liveId, snapshot);
  if (preview === undefined) throw new AppError('NOT_FOUND', 'The partnership no longer exists.');
  return {
    table: 'partnerships' as const,
    deletedId,
    live: {
      id: liveId,
      version: preview.version,
      label: await partnershipName(db, { ...snapshot.partnership, id: liveId }),
      municipalityId: Number(snapshot.partnership.municipality_id),
    },
    fields: preview.fields,
    children: preview.children,
  };
}

/**
 * Fills the live partnership `liveId` from the deleted one of delete entry `auditId`: the ticked
 * fields (`take`) and children (`children`, by table). Refused (CONFLICT naming who changed it and
 * when) when the live record is no longer at `version`, the one the user saw; nothing is written
 * then. Audited as one merge entry on the live record (undone by `merges:restore`), with an entry
 * on the deleted record saying where its values went: the bin then lists it as filled into the
 * live one, and its delete's snapshot stays as it was.
 */
async function fillPartnershipFromDeleted(
  ctx: AppContext,
  input: {
    auditId: number;
    liveId: number;
    version: number;
    take: readonly FillField[];
    children: Partial<Record<FillChild, readonly number[]>>;
  },
) {
  return auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    // The live record held first (on a server): a second fill from the same delete waits, then
    // finds this one's entry and is refused instead of putting the children on twice.
    if (!(await lockPartnership(trx, input.liveId, 'update')))
      throw await versionFailure(trx, 'partnerships', input.liveId, input.version);
    const { snapshot, liveId, deletedId } = await deletedWithLiveTwin(trx, input.auditId);
    if (liveId !== input.liveId)
      throw new AppError('CONFLICT', 'The partnership of this pair is another record now; open the bin again.', {
        reason: 'merge.fill.otherLive',
      });
    const current = await trx('partnerships').where({ id: liveId }).first<{ version: number } | undefined>('version');
    if (!current || current.version !== input.version)
      throw await versionFailure(trx, 'partnerships', liveId, input.version);
    const deletedName = await partnershipName(trx, snapshot.partnership);
    const mergedName = `${deletedName} (#${String(deletedId)})`;
    // First the deleted record's own entry: its delete leaves the bin's deletions (a later entry),
    // and the merge entry below, newer, lists it as filled into the live record.
    await audit({
      table: 'partnerships',
      recordId: deletedId,
      action: 'merge',
      before: null,
      after: { filledInto: liveId },
    });
    const fill = await fillFromSnapshot(trx, {
      liveId,
      deleteAuditId: input.auditId,
      snapshot,
      take: input.take,
      childIds: input.children,
      now: at,
    });
    const fields = changedFieldsOf(fill);
    const added = fill.addedSets;
    if (added.groups.length > 0) {
      fields.before.participantGroups = fill.keptSets.groups;
      fields.after.participantGroups = [...fill.keptSets.groups, ...added.groups].sort();
    }
    if (added.areas.length === 0) {
      delete fields.before.areas;
      delete fields.after.areas;
    } else {
      fields.before.areas = fill.keptSets.areas;
      fields.after.areas = [...fill.keptSets.areas, ...added.areas].sort();
    }
    const auditId = await audit({
      table: 'partnerships',
      recordId: liveId,
      action: 'merge',
      before: { merge: fill, ...fields.before },
      after: { mergedId: deletedId, mergedName, filledFrom: deletedId, ...fields.after },
    });
    touch({
      tables: ['partnerships', 'contacts', 'activities', 'agreement_documents', 'attachments'],
      partnershipIds: [liveId],
      municipalityIds: [Number(fill.keptBefore.municipality_id)],
    });
    return { auditId, liveId };
  });
}

/**
 * After a fill's undo: the deleted record goes back to the bin with the snapshot its delete kept
 * (a new delete entry of it, the newest of its history, so that the bin lists it and its restore
 * or another fill starts from it), and the live record's history says the fill was undone.
 */
async function undoneFillBackInBin(
  { trx, audit, touch }: Pick<Change, 'trx' | 'audit' | 'touch'>,
  fill: FillMerge,
  fillAuditId: number,
  liveId: number,
): Promise<void> {
  const deleted = await findAuditEntry(trx, fill.fromDelete);
  const deletedId = Number(fill.merged.partnership.id);
  await audit({
    table: 'partnerships',
    recordId: liveId,
    action: 'restore',
    before: null,
    after: { undoneMerge: fillAuditId },
  });
  await audit({
    table: 'partnerships',
    recordId: deletedId,
    action: 'delete',
    before:
      deleted?.before === null || deleted?.before === undefined
        ? { snapshot: fill.merged }
        : (JSON.parse(deleted.before) as Record<string, unknown>),
    after: { undoneFill: fillAuditId },
  });
  touch({
    tables: ['partnerships', 'contacts', 'activities', 'agreement_documents', 'attachments'],
    partnershipIds: [liveId],
  });
}

/** The kind of the deleted record of delete entry `auditId`; NOT_FOUND when it is not the `table` the caller names. */
async function fillTableOf(db: Knex, auditId: number, table: FillTable | undefined): Promise<FillTable> {
  const entry = await findAuditEntry(db, auditId);
  const found = entry?.table_name === 'foreign_towns' ? 'foreign_towns' : 'partnerships';
  if (table !== undefined && table !== found)
    throw new AppError('NOT_FOUND', `There is no deleted record of ${table} under this entry.`);
  return found;
}

const isRow = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The deleted town of delete entry `auditId` and the town its restore is refused for (one of the
 * same name and country, or gazetteer id, added meanwhile): NOT_FOUND when the entry is no such
 * delete; CONFLICT when the town is back or its history went on (restored, filled already), or
 * when no such town is in the registry (reason merge.fill.noLiveTown: restore it instead).
 */
async function deletedTownWithLiveTwin(db: Knex, auditId: number) {
  const entry = await findAuditEntry(db, auditId);
  const kept: unknown = entry?.action === 'delete' && entry.before !== null ? JSON.parse(entry.before) : null;
  if (!entry || entry.table_name !== 'foreign_towns' || !isRow(kept) || !isRow(kept._row))
    throw new AppError('NOT_FOUND', 'There is no deleted town under this entry.');
  const row = kept._row;
  if ((await db('foreign_towns').where({ id: entry.record_id }).first('id')) !== undefined)
    throw new AppError('CONFLICT', 'The town has already been restored.', { reason: 'undo.alreadyRestored' });
  if (await laterEntryOf(db, entry))
    throw new AppError('CONFLICT', 'This deleted town was restored or filled into another one since.', {
      reason: 'merge.fill.superseded',
    });
  const live = await liveTownOf(db, row, entry.record_id);
  if (live === undefined)
    throw new AppError(
      'CONFLICT',
      'No other record of this town is in the registry; restore the deleted one instead.',
      {
        reason: 'merge.fill.noLiveTown',
      },
    );
  return { row, liveId: live.id, deletedId: entry.record_id };
}

/**
 * What filling a live record from a deleted one (delete entry `auditId`) would offer, nothing
 * written: a partnership from the deleted one of its pair, a partner town from the deleted record
 * of the same town (fields only). See `bin:fillPreview`.
 */
export async function fillFromDeletedPreview(
  ctx: AppContext,
  input: { auditId: number; table?: FillTable | undefined },
) {
  const db = ctx.db.knex;
  if ((await fillTableOf(db, input.auditId, input.table)) === 'partnerships') return partnershipFillPreview(ctx, input);
  const { row, liveId, deletedId } = await deletedTownWithLiveTwin(db, input.auditId);
  const preview = await townFillPreviewOf(db, liveId, row);
  if (preview === undefined) throw new AppError('NOT_FOUND', 'The town no longer exists.');
  return {
    table: 'foreign_towns' as const,
    deletedId,
    live: { id: liveId, version: preview.version, label: preview.name, municipalityId: null },
    fields: preview.fields,
    children: [],
  };
}

/** A town's changed columns as its card's fields (its history shows them as a card edit does). */
function townFieldsOfColumns(columns: Record<string, unknown>): Record<string, unknown> {
  const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return Object.fromEntries(
    Object.entries(columns).map(([column, value]) => [
      camel(column),
      column === 'alt_names'
        ? alternateNames(value)
        : column === 'large_city' && value !== null && value !== undefined
          ? value === true || value === 1
          : (value ?? null),
    ]),
  );
}

/**
 * Fills a live record from a deleted one (see `bin:fill`): a partnership from the deleted one of
 * its pair (fields and children), a partner town from the deleted record of the same town (fields
 * only). Version-checked against what the user saw; nothing written when refused.
 */
export async function fillFromDeleted(
  ctx: AppContext,
  input: {
    auditId: number;
    liveId: number;
    version: number;
    table?: FillTable | undefined;
    take: readonly AnyFillField[];
    children: Partial<Record<FillChild, readonly number[] | undefined>>;
  },
) {
  const table = await fillTableOf(ctx.db.knex, input.auditId, input.table);
  const allowed: readonly string[] = table === 'partnerships' ? FILL_FIELDS : TOWN_FILL_FIELDS;
  const stray = input.take.filter((field) => !allowed.includes(field));
  if (stray.length > 0)
    throw new AppError('VALIDATION', `Not a field of this kind of record: ${stray.join(', ')}.`, {
      issues: [{ path: 'take', message: 'validation.invalid' }],
    });
  if (table === 'partnerships') {
    const take = input.take.filter((field): field is FillField => (FILL_FIELDS as readonly string[]).includes(field));
    const children: Partial<Record<FillChild, readonly number[]>> = {};
    for (const [child, ids] of Object.entries(input.children) as [FillChild, readonly number[] | undefined][])
      if (ids !== undefined) children[child] = ids;
    return fillPartnershipFromDeleted(ctx, { ...input, take, children });
  }
  if (Object.values(input.children).flat().length > 0)
    throw new AppError(
      'VALIDATION',
      'A deleted town has no contacts, activities, drafts or attachments to carry over.',
      {
        issues: [{ path: 'children', message: 'validation.invalid' }],
      },
    );
  return fillTownFromDeleted(ctx, input);
}

/**
 * Fills the live town `liveId` from the deleted town of delete entry `auditId`: the ticked fields.
 * Refused (CONFLICT naming who changed it and when) when the live town is no longer at `version`;
 * nothing is written then. Audited as one merge entry on the live town (undone by
 * `merges:restore`, which puts the deleted town back in the bin), with an entry on the deleted
 * town saying where its values went; its delete's entry stays as it was.
 */
async function fillTownFromDeleted(
  ctx: AppContext,
  input: { auditId: number; liveId: number; version: number; take: readonly AnyFillField[] },
) {
  return auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    if (!(await lockTown(trx, input.liveId)))
      throw await versionFailure(trx, 'foreign_towns', input.liveId, input.version);
    const { row, liveId, deletedId } = await deletedTownWithLiveTwin(trx, input.auditId);
    if (liveId !== input.liveId)
      throw new AppError('CONFLICT', 'The record of this town is another one now; open the bin again.', {
        reason: 'merge.fill.otherLiveTown',
      });
    const current = await trx('foreign_towns').where({ id: liveId }).first<{ version: number } | undefined>('version');
    if (!current || current.version !== input.version)
      throw await versionFailure(trx, 'foreign_towns', liveId, input.version);
    const deletedName = typeof row.name === 'string' && row.name !== '' ? row.name : `#${String(deletedId)}`;
    // First the deleted town's own entry: its delete leaves the bin's deletions (a later entry),
    // and the merge entry below, newer, lists it as filled into the live town.
    await audit({
      table: 'foreign_towns',
      recordId: deletedId,
      action: 'merge',
      before: null,
      after: { filledInto: liveId },
    });
    const fill = await fillTownFromRow(trx, {
      liveId,
      deleteAuditId: input.auditId,
      deleted: row,
      take: input.take,
      now: at,
    });
    const before = townFieldsOfColumns(
      Object.fromEntries(Object.keys(fill.changes).map((column) => [column, fill.keptBefore[column] ?? null])),
    );
    const auditId = await audit({
      table: 'foreign_towns',
      recordId: liveId,
      action: 'merge',
      before: { merge: fill, ...before },
      after: {
        mergedId: deletedId,
        mergedName: `${deletedName} (#${String(deletedId)})`,
        filledFrom: deletedId,
        ...townFieldsOfColumns(fill.changes),
      },
    });
    // The Partnerships grid shows the town's names and population.
    touch({
      tables: ['foreign_towns', 'partnerships'],
      partnershipIds: (await listTownPartnerships(trx, liveId)).map((p) => p.partnershipId),
    });
    return { auditId, liveId };
  });
}

/**
 * After a town fill's undo: the deleted town goes back to the bin with what its delete kept (a new
 * delete entry of it, the newest of its history, so that the bin lists it and its restore or
 * another fill starts from it), and the live town's history says the fill was undone.
 */
async function undoneTownFillBackInBin(
  { trx, audit, touch }: Pick<Change, 'trx' | 'audit' | 'touch'>,
  fill: TownFillMerge,
  fillAuditId: number,
  liveId: number,
): Promise<void> {
  const deleted = await findAuditEntry(trx, fill.fromDelete);
  await audit({
    table: 'foreign_towns',
    recordId: liveId,
    action: 'restore',
    before: null,
    after: { undoneMerge: fillAuditId },
  });
  await audit({
    table: 'foreign_towns',
    recordId: Number(fill.merged.id),
    action: 'delete',
    before:
      deleted?.before === null || deleted?.before === undefined
        ? { _row: fill.merged }
        : (JSON.parse(deleted.before) as Record<string, unknown>),
    after: { undoneFill: fillAuditId },
  });
  touch({
    tables: ['foreign_towns', 'partnerships'],
    partnershipIds: (await listTownPartnerships(trx, liveId)).map((p) => p.partnershipId),
  });
}
