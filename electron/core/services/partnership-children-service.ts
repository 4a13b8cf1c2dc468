import { AppError } from '../../../shared/domain/errors';
import {
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
import { deleteVersioned, findAuditEntry, updateVersioned } from '../repositories/audit-repository';
import { auditedChange, type Change } from './audited-change';
import { refuseIfSuperseded } from './undo';
import type { Knex } from 'knex';
import { ACTIVITY_FIELDS, activityColumns, findActivity } from '../repositories/activities-repository';
import { CONTACT_FIELDS, contactColumns, findContact } from '../repositories/contacts-repository';
import {
  ATTACHMENT_FIELDS,
  activityOfPartnership,
  attachmentColumns,
  strayActivityLinks,
  contentExists,
  findAttachment,
} from '../repositories/attachments-repository';
import {
  insertPartnershipChild,
  type PartnershipChildTable,
  partnershipIdExists,
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
  /** The fields an audit entry must hold for an undo to put the record back. */
  schema: { safeParse: (value: unknown) => { success: true; data: F } | { success: false } };
};

const CONTACT: ChildKind<ContactFields, Contact> = {
  table: 'contacts',
  columns: contactColumns,
  audit: pick(CONTACT_FIELDS),
  find: findContact,
  schema: contactFieldsSchema,
};

const ACTIVITY: ChildKind<ActivityFields, Activity> = {
  table: 'activities',
  columns: activityColumns,
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

async function createChild<F, R extends ChildRecord>(
  ctx: AppContext,
  kind: ChildKind<F, R>,
  input: F & { partnershipId: number },
): Promise<R> {
  const id = await auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    if (!(await partnershipIdExists(trx, input.partnershipId)))
      throw new AppError('NOT_FOUND', `Partnership ${String(input.partnershipId)} does not exist.`);
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

async function updateChild<F, R extends ChildRecord>(
  ctx: AppContext,
  kind: ChildKind<F, R>,
  input: F & { id: number; version: number },
): Promise<R> {
  await auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const before = found(await kind.find(trx, input.id), input.id);
    await updateVersioned(trx, kind.table, input.id, input.version, { ...kind.columns(input), updated_at: at });
    await audit({
      table: kind.table,
      recordId: input.id,
      action: 'update',
      before: strip(before),
      after: kind.audit(input),
    });
    touch({ tables: [kind.table], partnershipIds: [before.partnershipId] });
  });
  return found(await kind.find(ctx.db.knex, input.id), input.id);
}

async function deleteChild<F, R extends ChildRecord>(
  ctx: AppContext,
  kind: ChildKind<F, R>,
  input: { id: number; version: number },
): Promise<{ id: number; auditId: number }> {
  return auditedChange(ctx, async ({ trx, audit, touch }) => {
    const before = found(await kind.find(trx, input.id), input.id);
    await deleteVersioned(trx, kind.table, input.id, input.version);
    const auditId = await audit({
      table: kind.table,
      recordId: input.id,
      action: 'delete',
      before: { partnershipId: before.partnershipId, ...strip(before) },
      after: null,
    });
    touch({ tables: [kind.table], partnershipIds: [before.partnershipId] });
    return { id: input.id, auditId };
  });
}

/** Adds a contact person to a partnership (audited). */
export const createContact = (ctx: AppContext, input: ContactFields & { partnershipId: number }): Promise<Contact> =>
  createChild(ctx, CONTACT, input);
export const updateContact = (
  ctx: AppContext,
  input: ContactFields & { id: number; version: number },
): Promise<Contact> => updateChild(ctx, CONTACT, input);
export const deleteContact = (ctx: AppContext, input: { id: number; version: number }) =>
  deleteChild(ctx, CONTACT, input);

/** Adds an activity (with optional funding) to a partnership (audited). */
export const createActivity = (ctx: AppContext, input: ActivityFields & { partnershipId: number }): Promise<Activity> =>
  createChild(ctx, ACTIVITY, input);
export const updateActivity = (
  ctx: AppContext,
  input: ActivityFields & { id: number; version: number },
): Promise<Activity> => updateChild(ctx, ACTIVITY, input);
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
    const before = found(await ATTACHMENT.find(trx, input.id), input.id);
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
    if (!(await partnershipIdExists(trx, partnershipId)))
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
    await restorePartnershipChild(trx, table, entry.record_id, partnershipId, kind.columns(fields), at);
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
