import { AppError, fieldIssues, invalidFields } from '../../../shared/domain/errors';
import {
  ACTIVITY_KIND_UNSTATED,
  activityFieldsSchema,
  contactFieldsSchema,
  type ActivityFields,
  type ContactFields,
} from '../../../shared/domain/partnership-rules';
import type { Activity, Contact } from '../../../shared/domain/partnerships';
import {
  attachmentFieldsSchema,
  type Attachment,
  type AttachmentEdit,
  type AttachmentFields,
} from '../../../shared/domain/attachments';
import {
  deleteVersioned,
  findAuditEntry,
  listHistory,
  recordGone,
  updateVersioned,
  versionFailure,
} from '../repositories/audit-repository';
import { auditedChange, type Change } from './audited-change';
import { changedSince, changeOfGone, laterEntryOf, refuseIfSuperseded } from './undo';
import type { Knex } from 'knex';
import {
  ACTIVITY_FIELDS,
  activityColumns,
  activityPatchColumns,
  findActivity,
} from '../repositories/activities-repository';
import { CONTACT_FIELDS, contactColumns, contactPatchColumns, findContact } from '../repositories/contacts-repository';
import {
  ATTACHMENT_FIELDS,
  activityOfPartnership,
  attachmentColumns,
  strayActivityLinks,
  contentExists,
  findAttachment,
} from '../repositories/attachments-repository';
import {
  childCreatedAt,
  insertPartnershipChild,
  lockPartnership,
  type PartnershipChildTable,
  restorePartnershipChild,
} from '../repositories/partnerships-repository';
import type { AppContext } from '../context';

/** The fields as the audit log keeps them (domain names; absent optional ones null). */
const pick = (names: readonly string[]) => (fields: object) =>
  Object.fromEntries(names.map((name) => [name, (fields as Record<string, unknown>)[name] ?? null]));

type ChildRecord = { id: number; version: number; partnershipId: number };

/**
 * What differs between the kinds of a partnership's child records; everything else (the
 * transaction, the version check, the audit entry, the change event) is one flow below.
 */
type ChildKind<F, R extends ChildRecord> = {
  table: PartnershipChildTable;
  /** Database columns (snake_case) of the fields. */
  columns: (fields: F) => Record<string, unknown>;
  /** The fields as the audit log keeps them (domain names, as `strip(find(...))` gives them). */
  audit: (fields: F) => Record<string, unknown>;
  find: (db: Knex, id: number) => Promise<R | undefined>;
  /** The fields an audit entry must hold for an undo to put the record back (and a record, after an update). */
  schema: {
    safeParse: (
      value: unknown,
    ) =>
      | { success: true; data: F }
      | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
  };
};

/** A kind a person edits field by field (contacts, activities): an update is a patch of the fields it names. */
type EditableKind<F, R extends ChildRecord> = ChildKind<F, R> & {
  fields: readonly (keyof F & string)[];
  /** Database columns of the fields named only. */
  patchColumns: (fields: Partial<F>) => Record<string, unknown>;
};

const CONTACT: EditableKind<ContactFields, Contact> = {
  table: 'contacts',
  columns: contactColumns,
  patchColumns: contactPatchColumns,
  fields: CONTACT_FIELDS,
  audit: pick(CONTACT_FIELDS),
  find: findContact,
  schema: contactFieldsSchema,
};

const ACTIVITY: EditableKind<ActivityFields, Activity> = {
  table: 'activities',
  columns: activityColumns,
  patchColumns: activityPatchColumns,
  fields: ACTIVITY_FIELDS,
  audit: pick(ACTIVITY_FIELDS),
  find: findActivity,
  schema: activityFieldsSchema,
};

/** Attachments are added by `attachments-service` (their bytes go in first); deleted and restored here. */
const ATTACHMENT: ChildKind<AttachmentFields, Attachment & { partnershipId: number }> = {
  table: 'attachments',
  columns: attachmentColumns,
  audit: pick(ATTACHMENT_FIELDS),
  find: findAttachment,
  schema: attachmentFieldsSchema,
};

const KINDS = { contacts: CONTACT, activities: ACTIVITY, attachments: ATTACHMENT } as const;

/** The domain fields of a contact or activity, without its keys (what the audit log compares). */
const strip = <T extends ChildRecord>(value: T): Omit<T, 'id' | 'version' | 'partnershipId'> => {
  const fields: Record<string, unknown> = { ...value };
  delete fields.id;
  delete fields.version;
  delete fields.partnershipId;
  // An attachment's own time of adding is its record's, not a field of it.
  delete fields.createdAt;
  return fields as Omit<T, 'id' | 'version' | 'partnershipId'>;
};

/**
 * NOT_FOUND for a write of a child whose partnership is not there: when it was deleted, naming
 * who deleted it and when (the details of `recordGone`, which the screens say in their language).
 */
async function partnershipGone(db: Knex, partnershipId: number): Promise<AppError> {
  const gone = await recordGone(db, 'partnerships', partnershipId);
  return new AppError(
    'NOT_FOUND',
    `Partnership ${String(partnershipId)} is not in the registry (it may have been deleted meanwhile); nothing was saved.`,
    gone.details,
  );
}

/**
 * Holds a child's partnership (shared) until the change commits: on a server a delete of the
 * partnership waits for this write (and its snapshot then holds it), or this write waits for a
 * delete in progress and is refused (NOT_FOUND) instead of being lost with the partnership.
 */
export async function holdPartnership(db: Knex, partnershipId: number): Promise<void> {
  if (!(await lockPartnership(db, partnershipId, 'share'))) throw await partnershipGone(db, partnershipId);
}

/** A child record to change, its partnership held (`holdPartnership`); NOT_FOUND when it is gone. */
async function heldChild<F, R extends ChildRecord>(db: Knex, kind: ChildKind<F, R>, id: number): Promise<R> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const seen = found(await kind.find(db, id), id);
    await holdPartnership(db, seen.partnershipId);
    // Read again once held: it may have moved to another partnership meanwhile (a merge).
    const held = found(await kind.find(db, id), id);
    if (held.partnershipId === seen.partnershipId) return held;
  }
  throw new AppError('CONFLICT', 'The record is being moved to another partnership; try again.');
}

async function createChild<F, R extends ChildRecord>(
  ctx: AppContext,
  kind: ChildKind<F, R>,
  input: F & { partnershipId: number },
): Promise<R> {
  const id = await auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    await holdPartnership(trx, input.partnershipId);
    const recordId = await insertPartnershipChild(trx, kind.table, input.partnershipId, kind.columns(input), at);
    await audit({
      table: kind.table,
      recordId,
      action: 'insert',
      before: null,
      after: { partnershipId: input.partnershipId, ...kind.audit(input) },
    });
    touch({ tables: [kind.table], partnershipIds: [input.partnershipId] });
    return recordId;
  });
  return found(await kind.find(ctx.db.knex, id), id);
}

/**
 * Changes the fields an update names (a field named null or '' is cleared) and leaves every other
 * as stored: a form that does not show a field, or an API client that does not send it, never
 * erases it. The record as it will be is checked whole (an end date kept as stored must not come
 * before a new start date). Returns the record and the change's audit entry (what its undo names).
 */
async function updateChild<F extends object, R extends ChildRecord>(
  ctx: AppContext,
  kind: EditableKind<F, R>,
  input: F & { id: number; version: number },
): Promise<R & { auditId: number }> {
  const auditId = await auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const before = await heldChild(trx, kind, input.id);
    if (before.version !== input.version) throw await versionFailure(trx, kind.table, input.id, input.version);
    const named = kind.fields.filter((field) => input[field] !== undefined);
    const checked = kind.schema.safeParse({
      ...strip(before),
      ...Object.fromEntries(named.map((field) => [field, input[field]])),
    });
    if (!checked.success) throw invalidFields(fieldIssues(checked.error));
    const after = checked.data;
    const patch: Partial<F> = {};
    for (const field of named) patch[field] = after[field];
    await updateVersioned(trx, kind.table, input.id, input.version, { ...kind.patchColumns(patch), updated_at: at });
    const entryId = await audit({
      table: kind.table,
      recordId: input.id,
      action: 'update',
      before: strip(before),
      after: kind.audit(after),
    });
    touch({ tables: [kind.table], partnershipIds: [before.partnershipId] });
    return entryId;
  });
  return { ...found(await kind.find(ctx.db.knex, input.id), input.id), auditId };
}

/**
 * Undoes one update of a contact or activity from its audit entry (the toast's Undo after a save,
 * the history's "Vrátit tuto změnu"): puts back the values of the fields that update changed
 * (a patch: every other field stays as stored), raising the version, as a new audited update
 * (which can itself be undone). Refused, with nothing written, when the record is gone (NOT_FOUND
 * naming who deleted it) or changed since (CONFLICT naming who changed it: a later entry in its
 * history, another version than the one the screen saw, or values other than that update left).
 */
async function revertChild<F extends object, R extends ChildRecord>(
  ctx: AppContext,
  kind: EditableKind<F, R>,
  input: { auditId: number; version?: number | undefined },
): Promise<R & { auditId: number }> {
  const result = await auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const entry = await findAuditEntry(trx, input.auditId);
    if (!entry || entry.table_name !== kind.table || entry.action !== 'update' || !entry.before || !entry.after)
      throw new AppError('NOT_FOUND', `There is no change of a record of ${kind.table} under this history entry.`);
    const id = entry.record_id;
    if ((await kind.find(trx, id)) === undefined) throw await changeOfGone(trx, kind.table, id);
    const current = await heldChild(trx, kind, id);
    const before = JSON.parse(entry.before) as Record<string, unknown>;
    const after = JSON.parse(entry.after) as Record<string, unknown>;
    const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
    const fields = kind.fields.filter((field) => field in before && !same(before[field], after[field]));
    if (fields.length === 0)
      throw new AppError('NOT_FOUND', 'This history entry changed no field; there is nothing to undo.', {
        reason: 'undo.nothingChanged',
      });
    const stored: Record<string, unknown> = strip(current);
    if (
      (input.version !== undefined && input.version !== current.version) ||
      (await laterEntryOf(trx, entry)) ||
      fields.some((field) => !same(stored[field], after[field]))
    )
      throw await changedSince(trx, kind.table, id, input.version ?? current.version);
    const checked = kind.schema.safeParse({ ...stored, ...Object.fromEntries(fields.map((f) => [f, before[f]])) });
    if (!checked.success) throw invalidFields(fieldIssues(checked.error));
    const patch: Partial<F> = {};
    for (const field of fields) patch[field] = checked.data[field];
    await updateVersioned(trx, kind.table, id, current.version, { ...kind.patchColumns(patch), updated_at: at });
    const auditId = await audit({
      table: kind.table,
      recordId: id,
      action: 'update',
      before: stored,
      after: kind.audit(checked.data),
    });
    touch({ tables: [kind.table], partnershipIds: [current.partnershipId] });
    return { id, auditId };
  });
  return { ...found(await kind.find(ctx.db.knex, result.id), result.id), auditId: result.auditId };
}

async function deleteChild<F, R extends ChildRecord>(
  ctx: AppContext,
  kind: ChildKind<F, R>,
  input: { id: number; version: number },
): Promise<{ id: number; auditId: number }> {
  return auditedChange(ctx, async ({ trx, audit, touch }) => {
    const before = await heldChild(trx, kind, input.id);
    const createdAt = await childCreatedAt(trx, kind.table, input.id);
    await deleteVersioned(trx, kind.table, input.id, input.version);
    const auditId = await audit({
      table: kind.table,
      recordId: input.id,
      action: 'delete',
      // Its version and time of adding too: the undo brings it back above this version (a form
      // still open on it gets CONFLICT), added when it was.
      before: { partnershipId: before.partnershipId, ...strip(before), version: before.version, createdAt },
      after: null,
    });
    touch({ tables: [kind.table], partnershipIds: [before.partnershipId] });
    return { id: input.id, auditId };
  });
}

/** Adds a contact person to a partnership (audited). */
export const createContact = (ctx: AppContext, input: ContactFields & { partnershipId: number }): Promise<Contact> =>
  createChild(ctx, CONTACT, input);
/** Changes a contact (a patch, audited); with the audit entry `revertContactChange` undoes it by. */
export const updateContact = (
  ctx: AppContext,
  input: ContactFields & { id: number; version: number },
): Promise<Contact & { auditId: number }> => updateChild(ctx, CONTACT, input);
/** Undoes one update of a contact from its audit entry (see `revertChild`). */
export const revertContactChange = (ctx: AppContext, input: { auditId: number; version?: number | undefined }) =>
  revertChild(ctx, CONTACT, input);
export const deleteContact = (ctx: AppContext, input: { id: number; version: number }) =>
  deleteChild(ctx, CONTACT, input);

/** Adds an activity (with optional funding) to a partnership (audited). */
export const createActivity = (ctx: AppContext, input: ActivityFields & { partnershipId: number }): Promise<Activity> =>
  createChild(ctx, ACTIVITY, { ...input, kind: input.kind ?? ACTIVITY_KIND_UNSTATED });
/** Changes an activity (a patch, audited); with the audit entry `revertActivityChange` undoes it by. */
export const updateActivity = (
  ctx: AppContext,
  input: ActivityFields & { id: number; version: number },
): Promise<Activity & { auditId: number }> => updateChild(ctx, ACTIVITY, input);
/** Undoes one update of an activity from its audit entry (see `revertChild`). */
export const revertActivityChange = (ctx: AppContext, input: { auditId: number; version?: number | undefined }) =>
  revertChild(ctx, ACTIVITY, input);
export const deleteActivity = (ctx: AppContext, input: { id: number; version: number }) =>
  deleteChild(ctx, ACTIVITY, input);

/** Refuses an activity that is not one of this partnership's (the link has no foreign key). */
export async function checkAttachmentActivity(
  db: Knex,
  activityId: number | null,
  partnershipId: number,
): Promise<void> {
  if (activityId !== null && !(await activityOfPartnership(db, activityId, partnershipId)))
    throw new AppError('VALIDATION', 'The activity is not one of this partnership’s.', {
      issues: [{ path: 'activityId', message: 'attachments.error.activity' }],
    });
}

/**
 * Changes what a staffer may change of an attachment after adding it: its description and the
 * activity it belongs to (its name, kind and bytes stay as added). Against the version the editor
 * saw; audited like any child, so the history shows it.
 */
export async function updateAttachment(
  ctx: AppContext,
  input: AttachmentEdit & { id: number; version: number },
): Promise<Attachment> {
  await auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const before = await heldChild(trx, ATTACHMENT, input.id);
    // The activity it names already may be deleted for now (it keeps the link for its undo).
    if (input.activityId !== before.activityId)
      await checkAttachmentActivity(trx, input.activityId, before.partnershipId);
    const fields: AttachmentFields = { ...strip(before), description: input.description, activityId: input.activityId };
    await updateVersioned(trx, 'attachments', input.id, input.version, {
      ...attachmentColumns(fields),
      updated_at: at,
    });
    await audit({
      table: 'attachments',
      recordId: input.id,
      action: 'update',
      before: ATTACHMENT.audit(strip(before)),
      after: ATTACHMENT.audit(fields),
    });
    touch({ tables: ['attachments'], partnershipIds: [before.partnershipId] });
  });
  return found(await ATTACHMENT.find(ctx.db.knex, input.id), input.id);
}

/** Deletes an attachment (audited; its bytes stay, so the bin or Ctrl+Z brings it back whole). */
export const deleteAttachment = (ctx: AppContext, input: { id: number; version: number }) =>
  deleteChild(ctx, ATTACHMENT, input);

function found<T>(value: T | undefined, id: number): T {
  if (value === undefined)
    throw new AppError('NOT_FOUND', `Record ${String(id)} does not exist (it may have been deleted).`);
  return value;
}

/**
 * Brings back a deleted contact, activity or attachment from its audit entry, with the same id, while its
 * partnership exists (CONFLICT otherwise: the partnership comes back first).
 */
export async function restoreChildFromAudit(
  ctx: AppContext,
  table: PartnershipChildTable,
  auditId: number,
): Promise<{ id: number; partnershipId: number }> {
  return auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const entry = await findAuditEntry(trx, auditId);
    if (!entry || entry.action !== 'delete' || entry.table_name !== table)
      throw new AppError('NOT_FOUND', 'No such deleted record.');
    const before: unknown = entry.before === null ? null : JSON.parse(entry.before);
    const record = typeof before === 'object' && before !== null ? (before as Record<string, unknown>) : {};
    const partnershipId = Number(record.partnershipId);
    if (!(await lockPartnership(trx, partnershipId, 'share')))
      throw new AppError(
        'CONFLICT',
        'Its partnership is no longer in the registry: restore it first, or undo the merge it went into.',
        {
          reason: 'undo.partnershipGone',
        },
      );
    const kind: ChildKind<unknown, ChildRecord> = KINDS[table] as ChildKind<unknown, ChildRecord>;
    const parsed = kind.schema.safeParse(record);
    if (!parsed.success) throw new AppError('NOT_FOUND', 'The audit entry holds no record to restore.');
    if (await kind.find(trx, entry.record_id))
      throw new AppError('CONFLICT', 'The record has already been restored.', { reason: 'undo.alreadyRestored' });
    await refuseIfSuperseded(trx, entry, 'record');
    if (table === 'attachments' && !(await contentExists(trx, String(record.sha256))))
      throw new AppError('NOT_FOUND', 'The attachment’s content is no longer in the registry.');
    const fields = parsed.data;
    const kept = await keptStamps(trx, table, entry.record_id, record, at);
    await restorePartnershipChild(trx, table, entry.record_id, partnershipId, kind.columns(fields), kept, at);
    await audit({
      table,
      recordId: entry.record_id,
      action: 'restore',
      before: null,
      after: { partnershipId, ...kind.audit(fields) },
    });
    touch({ tables: [table], partnershipIds: [partnershipId] });
    // An attachment brought back to an activity that is another partnership's now, or an activity
    // brought back whose photos are another partnership's now: not linked any more.
    if (table === 'attachments' || table === 'activities')
      await unlinkStrayAttachments({ trx, at, audit, touch }, [partnershipId]);
    return { id: entry.record_id, partnershipId };
  });
}

/**
 * The version and the time of adding a restored child gets. The version is above every version
 * the record ever had, so that no form still open on it can save over it: each version after the
 * first came from an audited update or restore of it, so one more than their count plus one is
 * above all of them; and never below the deleted version + 1. Deletes recorded before review 67
 * kept neither: the time of adding is then its insert's (none: the time of the undo).
 */
async function keptStamps(
  db: Knex,
  table: PartnershipChildTable,
  id: number,
  kept: Record<string, unknown>,
  at: string,
): Promise<{ version: number; createdAt: string }> {
  const history = await listHistory(db, table, id);
  const raised = history.filter((entry) => entry.action === 'update' || entry.action === 'restore').length;
  const deletedAt = typeof kept.version === 'number' && Number.isInteger(kept.version) ? kept.version : 0;
  const inserted = history.findLast((entry) => entry.action === 'insert')?.at;
  return {
    version: Math.max(deletedAt + 1, raised + 2),
    createdAt: typeof kept.createdAt === 'string' ? kept.createdAt : (inserted ?? at),
  };
}

/**
 * Unlinks attachments whose activity is another partnership's (see `strayActivityLinks`), each
 * as an audited change of its `activityId` to null: the file stays with its partnership, and its
 * history says which activity it named. Called in the change that can cause it.
 */
export async function unlinkStrayAttachments(
  { trx, at, audit, touch }: Pick<Change, 'trx' | 'at' | 'audit' | 'touch'>,
  partnershipIds: readonly number[],
): Promise<void> {
  for (const id of await strayActivityLinks(trx, partnershipIds)) {
    const before = found(await ATTACHMENT.find(trx, id), id);
    const fields: AttachmentFields = { ...strip(before), activityId: null };
    await updateVersioned(trx, 'attachments', id, before.version, { ...attachmentColumns(fields), updated_at: at });
    await audit({
      table: 'attachments',
      recordId: id,
      action: 'update',
      before: ATTACHMENT.audit(strip(before)),
      after: ATTACHMENT.audit(fields),
    });
    touch({ tables: ['attachments'], partnershipIds: [before.partnershipId] });
  }
}
