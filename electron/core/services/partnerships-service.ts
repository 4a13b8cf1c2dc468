import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { AppError, fieldIssues } from '../../../shared/domain/errors';
import {
  acknowledgementsOf,
  changeIssues,
  PARTNERSHIP_WARNINGS,
  partnershipFieldsObject,
  readAcknowledged,
  stillAcknowledged,
  type AcknowledgedWarnings,
  type PartnershipBulkUpdate,
  type PartnershipCreate,
  type PartnershipUpdate,
} from '../../../shared/domain/partnership-rules';
import { COOPERATION_AREAS } from '../../../shared/domain/codes';
import type { PartnershipDetail, PartnershipRow } from '../../../shared/domain/partnerships';
import {
  changedSinceFailure,
  deleteVersioned,
  findAuditEntry,
  listAuditGroup,
  recordGone,
  updateVersioned,
} from '../repositories/audit-repository';
import { auditedChange } from './audited-change';
import { bulkStaleRow, bulkUndoRefused, deletedByEntry, staleRowsText, type BulkStaleRow } from './undo';
import { municipalityIdExists } from '../repositories/municipalities-repository';
import { listActivities } from '../repositories/activities-repository';
import { listContacts } from '../repositories/contacts-repository';
import { listAttachments } from '../repositories/attachments-repository';
import { findForeignTown } from '../repositories/foreign-towns-repository';
import {
  type ChildCounts,
  countPartnershipChildren,
  findPartnershipRecord,
  findPartnershipRow,
  insertPartnership,
  lockPartnership,
  partnershipExists,
  partnershipIdOfPair,
  type PartnershipRecord,
  partnershipColumns,
  partnershipSets,
  type PartnershipSnapshot,
  replacePartnershipSets,
  restoreSnapshot,
  snapshotPartnership,
  updateUnversioned,
} from '../repositories/partnerships-repository';
import { exonymOf, findOrAddTown } from './towns-service';
import { reacceptRequests, releaseRequests } from './requests-service';
import { correctRestoredTerms } from '../db/unstated-terms';

/** Rows a change touched: Partnerships grid rows, and Members grid rows (their partnership counts). */
export type ChangedRows = { partnershipIds?: number[]; municipalityIds?: number[] };

/** The fields of a partnership as the audit log and the history show them (camelCase). */
const auditFields = (
  r: PartnershipRecord,
  sets: { areas: readonly string[]; participantGroups: readonly string[] },
) => ({
  municipalityId: r.municipalityId,
  foreignTownId: r.foreignTownId,
  type: r.type,
  status: r.status,
  startedOn: r.startedOn,
  signedOn: r.signedOn,
  signedPlace: r.signedPlace,
  czResolution: r.czResolution,
  czResolutionDate: r.czResolutionDate,
  partnerResolution: r.partnerResolution,
  partnerResolutionDate: r.partnerResolutionDate,
  termKind: r.termKind,
  termUntil: r.termUntil,
  endedOn: r.endedOn,
  notes: r.notes,
  areas: [...sets.areas],
  participantGroups: [...sets.participantGroups],
  /** The warnings a person confirmed for these values (the history says who and when). */
  acknowledgedWarnings: Object.keys(readAcknowledged(r.acknowledgedWarnings)).sort(),
  version: r.version,
});

/** Confirmations as the column stores them (none: null). */
const acknowledgedText = (acknowledged: AcknowledgedWarnings): string | null =>
  Object.keys(acknowledged).length > 0 ? JSON.stringify(acknowledged) : null;

const notFound = (id: number) =>
  new AppError('NOT_FOUND', `Partnership ${String(id)} does not exist (it may have been deleted).`);

async function rowOrThrow(db: Knex, id: number): Promise<PartnershipRow> {
  const row = await findPartnershipRow(db, id);
  if (!row) throw notFound(id);
  return row;
}

/** Adds a partnership (and its foreign town when new), audited in the same transaction. */
export async function createPartnership(ctx: AppContext, input: PartnershipCreate): Promise<PartnershipRow> {
  const id = await auditedChange(ctx, async (change) => {
    const { trx, at, audit, touch } = change;
    if (!(await municipalityIdExists(trx, input.municipalityId)))
      throw new AppError('VALIDATION', 'The member municipality does not exist.', {
        issues: [{ path: 'municipalityId', message: 'validation.memberMissing' }],
      });
    let townId: number;
    if (input.foreignTownId !== undefined) {
      if (!(await findForeignTown(trx, input.foreignTownId)))
        throw new AppError('VALIDATION', 'The foreign town does not exist.', {
          issues: [{ path: 'town', message: 'validation.townRequired' }],
        });
      townId = input.foreignTownId;
    } else if (input.town) {
      const town = input.town;
      townId = await findOrAddTown(change, {
        ...town,
        nameCs: town.nameCs ?? exonymOf(town.countryCode, town.name),
        source: 'manual',
      });
    } else {
      throw new AppError('VALIDATION', 'A foreign town is required.', {
        issues: [{ path: 'town', message: 'validation.townRequired' }],
      });
    }
    if (await partnershipExists(trx, input.municipalityId, townId)) {
      throw new AppError(
        'CONFLICT',
        'These two towns are already partners: the registry holds one partnership per pair of towns.',
        {
          issues: [{ path: 'town', message: 'validation.duplicatePartnership' }],
        },
      );
    }
    // The gate's rules passed: each warning that applies was confirmed by this input.
    const acknowledged = acknowledgementsOf(input, input.acknowledge ?? []);
    const newId = await insertPartnership(
      trx,
      { ...input, foreignTownId: townId, source: 'manual', acknowledgedWarnings: acknowledgedText(acknowledged) },
      at,
    );
    const record = await findPartnershipRecord(trx, newId);
    if (!record) throw new AppError('INTERNAL', 'The new partnership was not found');
    await audit({
      table: 'partnerships',
      recordId: newId,
      action: 'insert',
      before: null,
      after: auditFields(record, input),
    });
    touch({
      tables: ['partnerships', 'foreign_towns'],
      partnershipIds: [newId],
      municipalityIds: [input.municipalityId],
    });
    return newId;
  });
  return rowOrThrow(ctx.db.knex, id);
}

/** The fields an edit may change (the rest belong to the record's identity and history). */
const EDITABLE = [
  'type',
  'status',
  'startedOn',
  'signedOn',
  'signedPlace',
  'czResolution',
  'czResolutionDate',
  'partnerResolution',
  'partnerResolutionDate',
  'termKind',
  'termUntil',
  'endedOn',
  'notes',
] as const;

/**
 * Applies a change made against the version the editor saw. The merged record is validated with
 * the same rules as a new one (dates in order, fixed term has an end); CONFLICT when it changed meanwhile.
 */
export async function updatePartnership(ctx: AppContext, input: PartnershipUpdate): Promise<PartnershipRow> {
  await auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const record = await findPartnershipRecord(trx, input.id);
    if (!record) throw await recordGone(trx, 'partnerships', input.id);
    const sets = await partnershipSets(trx, input.id);
    const before = auditFields(record, sets);
    const merged = { ...before, ...input.changes };
    // A fixed term's end no longer applies once the user makes it indefinite or not stated.
    if (merged.termKind !== 'fixed') merged.termUntil = null;
    const shape = partnershipFieldsObject.safeParse(merged);
    if (!shape.success) {
      throw new AppError('VALIDATION', 'The partnership is not valid.', { issues: fieldIssues(shape.error) });
    }
    // Warnings are asked when the change touches what they judge and no one confirmed them for
    // these values (now, or before: stored with the record).
    const judged = changeIssues(
      shape.data,
      { ...record, acknowledged: readAcknowledged(record.acknowledgedWarnings) },
      input.changes.acknowledge ?? [],
    );
    if (judged.issues.length > 0)
      throw new AppError('VALIDATION', 'The partnership is not valid.', { issues: judged.issues });
    // A save that changes nothing writes nothing: no new version (a colleague editing the record
    // would get a needless conflict), no empty history entry.
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const sorted = (list: readonly string[]) => [...list].sort();
    if (
      EDITABLE.every((field) => same(before[field], shape.data[field])) &&
      same(sorted(before.areas), sorted(shape.data.areas)) &&
      same(sorted(before.participantGroups), sorted(shape.data.participantGroups)) &&
      acknowledgedText(judged.acknowledged) === record.acknowledgedWarnings
    )
      return;
    const columns = partnershipColumns({
      ...Object.fromEntries(EDITABLE.map((field) => [field, shape.data[field]])),
      acknowledgedWarnings: acknowledgedText(judged.acknowledged),
      updatedAt: at,
    });
    await updateVersioned(trx, 'partnerships', input.id, input.version, columns);
    if (input.changes.areas !== undefined || input.changes.participantGroups !== undefined) {
      await replacePartnershipSets(trx, input.id, shape.data.areas, shape.data.participantGroups);
    }
    const after = await findPartnershipRecord(trx, input.id);
    if (!after) throw notFound(input.id);
    await audit({
      table: 'partnerships',
      recordId: input.id,
      action: 'update',
      before,
      after: auditFields(after, shape.data),
    });
    touch({ tables: ['partnerships'], partnershipIds: [input.id], municipalityIds: [record.municipalityId] });
  });
  return rowOrThrow(ctx.db.knex, input.id);
}

/** Deletes a partnership and its children; the audit entry keeps a full snapshot for the undo. */
/**
 * What deleting a partnership would take with it, counted at this moment (the dialog asks when it
 * opens; the grid's row may be older than a contact added meanwhile), and the version the delete
 * is made against.
 */
export async function partnershipDeleteImpact(ctx: AppContext, id: number): Promise<ChildCounts & { version: number }> {
  const record = await findPartnershipRecord(ctx.db.knex, id);
  if (!record) throw notFound(id);
  return { version: record.version, ...(await countPartnershipChildren(ctx.db.knex, [id])) };
}

export async function deletePartnership(
  ctx: AppContext,
  input: { id: number; version: number },
): Promise<{ id: number; auditId: number }> {
  return auditedChange(ctx, async (change) => {
    const { trx, audit, touch } = change;
    // Held before its snapshot is read: on a server a child written meanwhile commits first (and
    // is in the snapshot) or waits and is refused, never removed by the cascade without a trace.
    const record = (await lockPartnership(trx, input.id, 'update'))
      ? await findPartnershipRecord(trx, input.id)
      : undefined;
    if (!record) throw notFound(input.id);
    const stored = await snapshotPartnership(trx, input.id);
    const sets = await partnershipSets(trx, input.id);
    await deleteVersioned(trx, 'partnerships', input.id, input.version);
    // The requests it was made from are no longer "accepted" with nothing to show for it; the
    // undo (kept with the snapshot) accepts them again.
    const releasedRequests = await releaseRequests(change, input.id, stored?.requestIds ?? []);
    const snapshot = stored === undefined ? undefined : { ...stored, releasedRequests };
    const auditId = await audit({
      table: 'partnerships',
      recordId: input.id,
      action: 'delete',
      before: { ...auditFields(record, sets), snapshot },
      after: null,
    });
    touch({ tables: ['partnerships'], partnershipIds: [input.id], municipalityIds: [record.municipalityId] });
    return { id: input.id, auditId };
  });
}

/** The requests a delete took back from "accepted" (their id → the status they got), as the snapshot keeps them. */
const isReleased = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value as Record<string, unknown>).every((status) => typeof status === 'string');

const isSnapshot = (value: unknown): value is PartnershipSnapshot =>
  value !== null && typeof value === 'object' && 'partnership' in value && 'children' in value && 'requestIds' in value;

/**
 * Undoes a delete of a partnership from its audit entry (the one undo protocol, `{ auditId }`),
 * with the same ids and every child row.
 */
export async function restorePartnership(ctx: AppContext, input: { auditId: number }): Promise<PartnershipRow> {
  const id = await auditedChange(ctx, async (change) => {
    const { trx, audit, touch } = change;
    const { recordId: id, kept: snapshot } = await deletedByEntry(
      trx,
      input.auditId,
      'partnerships',
      'snapshot',
      'partnership',
      (recordId) => findPartnershipRecord(trx, recordId),
    );
    if (!isSnapshot(snapshot)) throw new AppError('NOT_FOUND', `No deleted partnership ${String(id)} to restore.`);
    const p = snapshot.partnership;
    // Its member or its town may be gone meanwhile (deleted, or the town merged into another record).
    if (!(await municipalityIdExists(trx, Number(p.municipality_id))))
      throw new AppError(
        'CONFLICT',
        'The member of this partnership was deleted meanwhile; restore the member first.',
        {
          reason: 'undo.memberGone',
        },
      );
    if (!(await findForeignTown(trx, Number(p.foreign_town_id))))
      throw new AppError(
        'CONFLICT',
        'The partner town of this partnership is no longer in the registry (deleted, or merged into another record); restore it from the bin or undo the merge first.',
        { reason: 'undo.townGone' },
      );
    const twin = await partnershipIdOfPair(trx, Number(p.municipality_id), Number(p.foreign_town_id));
    if (twin !== null) {
      // The bin offers to fill that record from this one instead (bin:fill; `liveId` names it).
      throw new AppError(
        'CONFLICT',
        'A partnership between these two towns was added meanwhile; the deleted one cannot be restored.',
        { reason: 'merge.error.restorePartnershipDuplicate', liveId: twin },
      );
    }
    await restoreSnapshot(trx, snapshot);
    if ('releasedRequests' in snapshot && isReleased(snapshot.releasedRequests))
      await reacceptRequests(change, snapshot.releasedRequests);
    const record = await findPartnershipRecord(trx, id);
    if (!record) throw notFound(id);
    await audit({
      table: 'partnerships',
      recordId: id,
      action: 'restore',
      before: null,
      after: auditFields(record, await partnershipSets(trx, id)),
    });
    // A copy older than migration 0022 brings back an indefinite term nobody stated: corrected as 0022 did.
    await correctRestoredTerms(trx, [id], input.auditId, change.at);
    touch({ tables: ['partnerships'], partnershipIds: [id], municipalityIds: [record.municipalityId] });
    return id;
  });
  return rowOrThrow(ctx.db.knex, id);
}

/** Everything about one partnership for the detail panel. */
export async function getPartnership(ctx: AppContext, id: number): Promise<PartnershipDetail> {
  const db = ctx.db.knex;
  const row = await findPartnershipRow(db, id);
  const record = await findPartnershipRecord(db, id);
  // Gone: who deleted it and when (or which import's undo), as a save would say (walkthrough 18:
  // an open detail said only "may have been deleted" and offered a retry).
  if (!row || !record) throw await recordGone(db, 'partnerships', id);
  const town = await findForeignTown(db, record.foreignTownId);
  if (!town) throw new AppError('INTERNAL', 'The partner town of a partnership is missing');
  const sets = await partnershipSets(db, id);
  return {
    ...row,
    signedPlace: record.signedPlace,
    czResolution: record.czResolution,
    czResolutionDate: record.czResolutionDate,
    partnerResolution: record.partnerResolution,
    partnerResolutionDate: record.partnerResolutionDate,
    endedOn: record.endedOn,
    notes: record.notes,
    participantGroups: sets.participantGroups,
    acknowledgedWarnings: stillAcknowledged(record, readAcknowledged(record.acknowledgedWarnings)),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    town,
    contacts: await listContacts(db, id),
    activities: await listActivities(db, id),
    attachments: await listAttachments(db, id),
  };
}

/** Fields a revert from the history may write back (the editable ones). */
const REVERTIBLE = [...EDITABLE, 'areas', 'participantGroups'];

/**
 * Restores from the record's history: puts back the values one past change replaced, if nothing
 * has changed those fields since (else CONFLICT naming the field). Audited as a new change, so it
 * can itself be undone.
 */
export async function revertPartnershipChange(ctx: AppContext, input: { auditId: number }): Promise<PartnershipRow> {
  const entry = await findAuditEntry(ctx.db.knex, input.auditId);
  if (!entry || entry.table_name !== 'partnerships' || entry.before === null || entry.after === null)
    throw new AppError('NOT_FOUND', 'There is no change of a partnership under this history entry.');
  const before = JSON.parse(entry.before) as Record<string, unknown>;
  const after = JSON.parse(entry.after) as Record<string, unknown>;
  const fields = REVERTIBLE.filter(
    (field) => field in before && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  if (fields.length === 0) throw new AppError('NOT_FOUND', 'This history entry changed no editable field.');
  const record = await findPartnershipRecord(ctx.db.knex, entry.record_id);
  if (!record) throw notFound(entry.record_id);
  const current: Record<string, unknown> = auditFields(record, await partnershipSets(ctx.db.knex, entry.record_id));
  const changedSince = fields.find((field) => JSON.stringify(current[field]) !== JSON.stringify(after[field]));
  if (changedSince !== undefined)
    throw await changedSinceFailure(ctx.db.knex, 'partnerships', entry.record_id, entry.id, changedSince);
  const changes = Object.fromEntries(fields.map((field) => [field, before[field]]));
  return updatePartnership(ctx, {
    id: entry.record_id,
    version: record.version,
    changes: { ...changes, acknowledge: [...PARTNERSHIP_WARNINGS] },
  });
}

/** A partnership as a person names it in a message: "Member – Town". */
async function partnershipLabel(db: Knex, id: number): Promise<string> {
  const row = await findPartnershipRow(db, id);
  return row ? `${row.municipalityName} – ${row.townName}` : `#${String(id)}`;
}

/** The fields a bulk edit writes and its undo puts back (with the verification). */
type BulkFields = {
  status: PartnershipRecord['status'];
  type: PartnershipRecord['type'];
  areas: string[];
  verifiedAt: string | null;
  verifiedBy: string | null;
  acknowledgedWarnings: string[];
  version: number;
};

const areasInOrder = (areas: Iterable<string>) => {
  const chosen = new Set(areas);
  return COOPERATION_AREAS.filter((area) => chosen.has(area));
};

/** A row of a bulk edit or undo that changed since: named, with who changed it and when. */
const staleRow = async (trx: Knex, id: number, version: number, exists: boolean): Promise<BulkStaleRow> =>
  bulkStaleRow(trx, 'partnerships', { id, version, exists, name: await partnershipLabel(trx, id) });

/**
 * The refusal of a bulk edit because rows changed meanwhile: a CONFLICT naming every such row with
 * who changed it and when (`details.rows`; the first also as `name`/`params`/`changedAt`, as the
 * single-record conflicts say it). The dialog reloads the rows and lets the user choose which of
 * them to change anyway.
 */
function bulkConflict(stale: readonly BulkStaleRow[]): AppError {
  const first = stale[0];
  return new AppError(
    'CONFLICT',
    `Changed meanwhile by someone else: ${staleRowsText(stale)}. Nothing was changed; reload and choose again.`,
    {
      reason: first?.by === undefined ? 'partnerships.bulk.conflictNamed' : 'partnerships.bulk.conflictBy',
      id: first?.id,
      name: first?.name,
      rows: stale,
      params: { name: first?.name ?? '', by: first?.by ?? '', count: stale.length },
      ...(first?.at === undefined ? {} : { changedAt: first.at }),
    },
  );
}

/**
 * Sets status, type, areas (added and removed) or the verification of many partnerships in ONE
 * audited change: every row must still be at the version the user saw (else CONFLICT naming every
 * row that changed, who changed it and when, and nothing is written), every changed row passes the same rules as an edit
 * (else VALIDATION naming the rows, nothing written). One audit entry per changed row, all in one
 * group whose id `partnerships:bulkRestore` undoes them with. Rows the change leaves as they were
 * are not written and not counted.
 */
export async function bulkUpdatePartnerships(
  ctx: AppContext,
  input: PartnershipBulkUpdate,
): Promise<{ changed: number; auditId: number | null }> {
  const { change } = input;
  const rows = [...new Map(input.rows.map((row) => [row.id, row])).values()];
  return auditedChange(ctx, async ({ trx, at, actor, auditGroup, touch }) => {
    const planned: { id: number; version: number; municipalityId: number; before: BulkFields; after: BulkFields }[] =
      [];
    const invalid: { id: number; name: string; issues: { path: string; message: string }[] }[] = [];
    // Every row is checked before any is written, so that the refusal names every row a colleague
    // changed or deleted meanwhile, who and when (walkthrough 22: it named one row and nobody).
    const records = new Map<number, PartnershipRecord>();
    const stale: BulkStaleRow[] = [];
    for (const { id, version } of rows) {
      const record = await findPartnershipRecord(trx, id);
      if (record && record.version === version) records.set(id, record);
      else stale.push(await staleRow(trx, id, version, record !== undefined));
    }
    if (stale.some((row) => !row.gone)) throw bulkConflict(stale);
    if (stale[0])
      throw new AppError(
        'NOT_FOUND',
        `Partnership ${String(stale[0].id)} was deleted meanwhile; nothing was changed.`,
        {
          reason: 'partnerships.bulk.gone',
          id: stale[0].id,
          rows: stale,
        },
      );
    for (const { id, version } of rows) {
      const record = records.get(id);
      if (!record) throw notFound(id);
      const sets = await partnershipSets(trx, id);
      const current = auditFields(record, sets);
      const areas = areasInOrder(
        [...sets.areas, ...(change.addAreas ?? [])].filter((area) => !(change.removeAreas ?? []).includes(area)),
      );
      const next = { ...current, status: change.status ?? record.status, type: change.type ?? record.type, areas };
      const judged = changeIssues(
        next,
        { ...record, acknowledged: readAcknowledged(record.acknowledgedWarnings) },
        change.acknowledge ?? [],
      );
      if (judged.issues.length > 0) {
        invalid.push({ id, name: await partnershipLabel(trx, id), issues: judged.issues });
        continue;
      }
      const verifiedAt = change.verified === undefined ? record.verifiedAt : change.verified ? at : null;
      const verifiedBy =
        change.verified === undefined ? record.verifiedBy : change.verified ? actor.slice(0, 200) : null;
      const fieldsChange =
        next.status !== record.status ||
        next.type !== record.type ||
        JSON.stringify(areas) !== JSON.stringify(sets.areas);
      const acknowledgedWarnings = Object.keys(judged.acknowledged).sort();
      const before: BulkFields = {
        status: record.status,
        type: record.type,
        areas: [...sets.areas],
        verifiedAt: record.verifiedAt,
        verifiedBy: record.verifiedBy,
        acknowledgedWarnings: current.acknowledgedWarnings,
        version: record.version,
      };
      const after: BulkFields = {
        status: next.status,
        type: next.type,
        areas,
        // Marking verified again is a new statement (a new time), even when it was verified before.
        verifiedAt,
        verifiedBy,
        acknowledgedWarnings,
        version: fieldsChange ? record.version + 1 : record.version,
      };
      if (!fieldsChange && change.verified === undefined) continue;
      if (!fieldsChange && change.verified === false && record.verifiedAt === null) continue;
      planned.push({ id, version, municipalityId: record.municipalityId, before, after });
      if (fieldsChange) {
        await updateVersioned(trx, 'partnerships', id, version, {
          ...partnershipColumns({
            status: next.status,
            type: next.type,
            acknowledgedWarnings: acknowledgedText(judged.acknowledged),
            updatedAt: at,
          }),
          verified_at: verifiedAt,
          verified_by: verifiedBy,
        });
        await replacePartnershipSets(trx, id, areas, sets.participantGroups);
      } else if (!(await updateUnversioned(trx, id, version, { verifiedAt, verifiedBy }))) {
        throw notFound(id);
      }
    }
    if (invalid.length > 0) {
      throw new AppError(
        'VALIDATION',
        `${String(invalid.length)} partnerships would break the rules; nothing was changed: ${invalid.map((row) => row.name).join(', ')}.`,
        { rows: invalid, issues: invalid[0]?.issues ?? [] },
      );
    }
    const groupId = await auditGroup(
      planned.map((row) => ({
        table: 'partnerships',
        recordId: row.id,
        action: 'update' as const,
        before: row.before,
        after: row.after,
      })),
    );
    if (groupId === null) return { changed: 0, auditId: null };
    touch({
      tables: ['partnerships'],
      partnershipIds: planned.map((row) => row.id),
      municipalityIds: [...new Set(planned.map((row) => row.municipalityId))],
    });
    return { changed: planned.length, auditId: groupId };
  });
}

const isBulkFields = (value: unknown): value is BulkFields =>
  value !== null && typeof value === 'object' && 'status' in value && 'areas' in value && 'version' in value;

/**
 * Undoes a bulk edit from its audit group (`{ auditId }`: the group's id): every row gets back
 * what the edit replaced, if none of them has changed since (else CONFLICT listing every row that
 * changed or went since, who and when, and how many others nobody touched; nothing put back).
 * With `onlyUnchanged`, only the rows nobody changed since are put back (each still written
 * against the version read here) and the others are left as the colleagues left them (`skipped`).
 * Audited as a bulk change of its own (one group).
 */
export async function bulkRestorePartnerships(
  ctx: AppContext,
  input: { auditId: number; onlyUnchanged?: boolean | undefined },
): Promise<{ changed: number; auditId: number | null; skipped?: number }> {
  return auditedChange(ctx, async ({ trx, at, auditGroup, touch }) => {
    const entries = await listAuditGroup(trx, input.auditId);
    const edits = entries.filter((entry) => entry.table_name === 'partnerships' && entry.action === 'update');
    if (edits.length === 0 || entries[0]?.id !== input.auditId)
      throw new AppError('NOT_FOUND', 'There is no bulk edit of partnerships under this entry.');
    const written: { id: number; municipalityId: number; before: BulkFields; after: BulkFields }[] = [];
    const untouched: { record: PartnershipRecord; done: BulkFields; was: BulkFields }[] = [];
    const stale: BulkStaleRow[] = [];
    // Every row held (on a server) before it is read, in id order: a verification keeps the
    // version, so a colleague's marking committed between this check and the writes below would be
    // erased unseen; held, it is either read here (the row is stale) or waits for this undo.
    for (const id of [...new Set(edits.map((edit) => edit.record_id))].sort((a, b) => a - b))
      await lockPartnership(trx, id, 'update');
    for (const edit of edits) {
      const done: unknown = edit.after === null ? null : JSON.parse(edit.after);
      const was: unknown = edit.before === null ? null : JSON.parse(edit.before);
      if (!isBulkFields(done) || !isBulkFields(was))
        throw new AppError('NOT_FOUND', 'There is no bulk edit of partnerships under this entry.');
      const record = await findPartnershipRecord(trx, edit.record_id);
      // Changed since (another field counts too: its version moved) or gone: left to the user.
      if (!record || record.version !== done.version || record.verifiedAt !== done.verifiedAt)
        stale.push(await staleRow(trx, edit.record_id, done.version, record !== undefined));
      else untouched.push({ record, done, was });
    }
    if (stale.length > 0 && input.onlyUnchanged !== true)
      throw bulkUndoRefused(stale, untouched.length, 'partnerships.bulk.undoChangedRows');
    for (const { record, done, was } of untouched) {
      const sets = await partnershipSets(trx, record.id);
      const fieldsChanged = done.version !== was.version;
      const restoredAcknowledged = acknowledgementsOf(
        { ...record, status: was.status },
        was.acknowledgedWarnings.filter((w): w is (typeof PARTNERSHIP_WARNINGS)[number] =>
          (PARTNERSHIP_WARNINGS as readonly string[]).includes(w),
        ),
      );
      const after: BulkFields = { ...was, version: fieldsChanged ? record.version + 1 : record.version };
      if (fieldsChanged) {
        await updateVersioned(trx, 'partnerships', record.id, record.version, {
          ...partnershipColumns({
            status: was.status,
            type: was.type,
            acknowledgedWarnings: acknowledgedText(restoredAcknowledged),
            updatedAt: at,
          }),
          verified_at: was.verifiedAt,
          verified_by: was.verifiedBy,
        });
        await replacePartnershipSets(trx, record.id, areasInOrder(was.areas), sets.participantGroups);
      } else if (
        !(await updateUnversioned(trx, record.id, record.version, {
          verifiedAt: was.verifiedAt,
          verifiedBy: was.verifiedBy,
        }))
      ) {
        throw notFound(record.id);
      }
      written.push({
        id: record.id,
        municipalityId: record.municipalityId,
        before: { ...done, version: record.version },
        after,
      });
    }
    const groupId = await auditGroup(
      written.map((row) => ({
        table: 'partnerships',
        recordId: row.id,
        action: 'update' as const,
        before: row.before,
        after: row.after,
      })),
    );
    if (groupId === null) return { changed: 0, auditId: null, ...(stale.length > 0 ? { skipped: stale.length } : {}) };
    touch({
      tables: ['partnerships'],
      partnershipIds: written.map((row) => row.id),
      municipalityIds: [...new Set(written.map((row) => row.municipalityId))],
    });
    return { changed: written.length, auditId: groupId, ...(stale.length > 0 ? { skipped: stale.length } : {}) };
  });
}
