import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { AppError, fieldIssues } from '../../../shared/domain/errors';
import {
  partnershipFieldsSchema,
  type PartnershipCreate,
  type PartnershipUpdate,
} from '../../../shared/domain/partnership-rules';
import type { PartnershipDetail, PartnershipRow } from '../../../shared/domain/partnerships';
import { deleteVersioned, findAuditEntry, updateVersioned } from '../repositories/audit-repository';
import { auditedChange } from './audited-change';
import { deletedByEntry } from './undo';
import { municipalityIdExists } from '../repositories/municipalities-repository';
import { listActivities } from '../repositories/activities-repository';
import { listContacts } from '../repositories/contacts-repository';
import { findForeignTown } from '../repositories/foreign-towns-repository';
import {
  findPartnershipRecord,
  findPartnershipRow,
  insertPartnership,
  partnershipExists,
  type PartnershipRecord,
  partnershipColumns,
  partnershipSets,
  type PartnershipSnapshot,
  replacePartnershipSets,
  restoreSnapshot,
  snapshotPartnership,
} from '../repositories/partnerships-repository';
import { exonymOf, findOrAddTown } from './towns-service';

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
  version: r.version,
});

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
    const newId = await insertPartnership(trx, { ...input, foreignTownId: townId, source: 'manual' }, at);
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
    if (!record) throw notFound(input.id);
    const sets = await partnershipSets(trx, input.id);
    const before = auditFields(record, sets);
    const merged = { ...before, ...input.changes };
    // A fixed term no longer applies once the user makes it indefinite.
    if (merged.termKind === 'indefinite') merged.termUntil = null;
    // The order of the two dates is asked about only when one of them changes (confirmed once is enough).
    if (input.changes.startedOn === undefined && input.changes.signedOn === undefined)
      merged.confirmSignedBeforeStart = true;
    const checked = partnershipFieldsSchema.safeParse(merged);
    if (!checked.success) {
      throw new AppError('VALIDATION', 'The partnership is not valid.', {
        issues: fieldIssues(checked.error),
      });
    }
    const columns = partnershipColumns({
      ...Object.fromEntries(EDITABLE.map((field) => [field, checked.data[field]])),
      updatedAt: at,
    });
    await updateVersioned(trx, 'partnerships', input.id, input.version, columns);
    if (input.changes.areas !== undefined || input.changes.participantGroups !== undefined) {
      await replacePartnershipSets(trx, input.id, checked.data.areas, checked.data.participantGroups);
    }
    const after = await findPartnershipRecord(trx, input.id);
    if (!after) throw notFound(input.id);
    await audit({
      table: 'partnerships',
      recordId: input.id,
      action: 'update',
      before,
      after: auditFields(after, checked.data),
    });
    touch({ tables: ['partnerships'], partnershipIds: [input.id], municipalityIds: [record.municipalityId] });
  });
  return rowOrThrow(ctx.db.knex, input.id);
}

/** Deletes a partnership and its children; the audit entry keeps a full snapshot for the undo. */
export async function deletePartnership(
  ctx: AppContext,
  input: { id: number; version: number },
): Promise<{ id: number; auditId: number }> {
  return auditedChange(ctx, async ({ trx, audit, touch }) => {
    const record = await findPartnershipRecord(trx, input.id);
    if (!record) throw notFound(input.id);
    const snapshot = await snapshotPartnership(trx, input.id);
    const sets = await partnershipSets(trx, input.id);
    await deleteVersioned(trx, 'partnerships', input.id, input.version);
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

const isSnapshot = (value: unknown): value is PartnershipSnapshot =>
  value !== null && typeof value === 'object' && 'partnership' in value && 'children' in value && 'requestIds' in value;

/**
 * Undoes a delete of a partnership from its audit entry (the one undo protocol, `{ auditId }`),
 * with the same ids and every child row.
 */
export async function restorePartnership(ctx: AppContext, input: { auditId: number }): Promise<PartnershipRow> {
  const id = await auditedChange(ctx, async ({ trx, audit, touch }) => {
    const { recordId: id, kept: snapshot } = await deletedByEntry(
      trx,
      input.auditId,
      'partnerships',
      'snapshot',
      'partnership',
    );
    if (await findPartnershipRecord(trx, id))
      throw new AppError('CONFLICT', 'The partnership exists; there is nothing to restore.');
    if (!isSnapshot(snapshot)) throw new AppError('NOT_FOUND', `No deleted partnership ${String(id)} to restore.`);
    const p = snapshot.partnership;
    if (await partnershipExists(trx, Number(p.municipality_id), Number(p.foreign_town_id))) {
      throw new AppError(
        'CONFLICT',
        'A partnership between these two towns was added meanwhile; the deleted one cannot be restored.',
      );
    }
    await restoreSnapshot(trx, snapshot);
    const record = await findPartnershipRecord(trx, id);
    if (!record) throw notFound(id);
    await audit({
      table: 'partnerships',
      recordId: id,
      action: 'restore',
      before: null,
      after: auditFields(record, await partnershipSets(trx, id)),
    });
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
  if (!row || !record) throw notFound(id);
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
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    town,
    contacts: await listContacts(db, id),
    activities: await listActivities(db, id),
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
    throw new AppError('CONFLICT', `The field ${changedSince} has changed since; this change cannot be put back.`, {
      reason: 'history.error.changedSince',
      field: changedSince,
    });
  const changes = Object.fromEntries(fields.map((field) => [field, before[field]]));
  return updatePartnership(ctx, {
    id: entry.record_id,
    version: record.version,
    changes: { ...changes, confirmSignedBeforeStart: true },
  });
}
