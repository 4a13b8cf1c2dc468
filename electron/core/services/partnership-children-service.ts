import { AppError } from '../../../shared/domain/errors';
import type { ActivityFields, ContactFields } from '../../../shared/domain/partnership-rules';
import type { Activity, Contact } from '../../../shared/domain/partnerships';
import { nowIso } from '../db/clock';
import { insertAudit, updateVersioned } from '../repositories/audit-repository';
import { findActivity, findContact } from '../repositories/partnership-records-repository';
import type { ServiceContext } from './partnerships-service';

const contactColumns = (c: ContactFields) => ({
  side: c.side,
  name: c.name,
  role: c.role,
  email: c.email,
  phone: c.phone,
  language: c.language,
  notes: c.notes,
});

const activityColumns = (a: ActivityFields) => ({
  date: a.date,
  date_end: a.dateEnd,
  title: a.title,
  kind: a.kind,
  participants: a.participants ?? null,
  description: a.description,
  funding_programme: a.fundingProgramme ?? null,
  funding_amount: a.fundingAmount ?? null,
  currency: a.currency ?? null,
});

/** The audit log keeps domain (camelCase) fields, like `strip(findActivity(...))`. */
const activityAudit = (a: ActivityFields) => ({
  date: a.date,
  dateEnd: a.dateEnd,
  title: a.title,
  kind: a.kind,
  participants: a.participants ?? null,
  description: a.description,
  fundingProgramme: a.fundingProgramme ?? null,
  fundingAmount: a.fundingAmount ?? null,
  currency: a.currency ?? null,
});

async function requirePartnership(s: ServiceContext, id: number): Promise<void> {
  if (!(await s.knex('partnerships').where({ id }).first('id')))
    throw new AppError('NOT_FOUND', `Partnership ${String(id)} does not exist.`);
}

/** The domain fields of a contact or activity, without its keys (what the audit log compares). */
const strip = <T extends { id: number; version: number; partnershipId: number }>(
  value: T,
): Omit<T, 'id' | 'version' | 'partnershipId'> => {
  const fields: Record<string, unknown> = { ...value };
  delete fields.id;
  delete fields.version;
  delete fields.partnershipId;
  return fields as Omit<T, 'id' | 'version' | 'partnershipId'>;
};

/** Adds a contact person to a partnership (audited). */
export async function createContact(
  s: ServiceContext,
  input: ContactFields & { partnershipId: number },
): Promise<Contact> {
  const actor = await s.actor();
  const now = nowIso();
  const id = await s.knex.transaction(async (trx) => {
    await requirePartnership({ ...s, knex: trx }, input.partnershipId);
    const [row] = await trx('contacts')
      .insert({ partnership_id: input.partnershipId, ...contactColumns(input), created_at: now, updated_at: now })
      .returning<{ id: number }[]>('id');
    if (!row) throw new AppError('INTERNAL', 'Insert of a contact returned no id');
    await insertAudit(trx, {
      table: 'contacts',
      recordId: row.id,
      action: 'insert',
      before: null,
      after: { partnershipId: input.partnershipId, ...contactColumns(input) },
      actor,
      at: now,
    });
    return row.id;
  });
  s.changed(['contacts']);
  return found(await findContact(s.knex, id), id);
}

export async function updateContact(
  s: ServiceContext,
  input: ContactFields & { id: number; version: number },
): Promise<Contact> {
  const actor = await s.actor();
  const now = nowIso();
  await s.knex.transaction(async (trx) => {
    const before = found(await findContact(trx, input.id), input.id);
    await updateVersioned(trx, 'contacts', input.id, input.version, { ...contactColumns(input), updated_at: now });
    await insertAudit(trx, {
      table: 'contacts',
      recordId: input.id,
      action: 'update',
      before: strip(before),
      after: contactColumns(input),
      actor,
      at: now,
    });
  });
  s.changed(['contacts']);
  return found(await findContact(s.knex, input.id), input.id);
}

export async function deleteContact(
  s: ServiceContext,
  input: { id: number; version: number },
): Promise<{ id: number }> {
  const actor = await s.actor();
  const now = nowIso();
  await s.knex.transaction(async (trx) => {
    const before = found(await findContact(trx, input.id), input.id);
    if (before.version !== input.version)
      throw new AppError('CONFLICT', 'The contact was changed meanwhile. Reload it before deleting.');
    await trx('contacts').where({ id: input.id }).delete();
    await insertAudit(trx, {
      table: 'contacts',
      recordId: input.id,
      action: 'delete',
      before: { partnershipId: before.partnershipId, ...strip(before) },
      after: null,
      actor,
      at: now,
    });
  });
  s.changed(['contacts']);
  return { id: input.id };
}

/** Adds an activity (with optional funding) to a partnership (audited). */
export async function createActivity(
  s: ServiceContext,
  input: ActivityFields & { partnershipId: number },
): Promise<Activity> {
  const actor = await s.actor();
  const now = nowIso();
  const id = await s.knex.transaction(async (trx) => {
    await requirePartnership({ ...s, knex: trx }, input.partnershipId);
    const [row] = await trx('activities')
      .insert({ partnership_id: input.partnershipId, ...activityColumns(input), created_at: now, updated_at: now })
      .returning<{ id: number }[]>('id');
    if (!row) throw new AppError('INTERNAL', 'Insert of an activity returned no id');
    await insertAudit(trx, {
      table: 'activities',
      recordId: row.id,
      action: 'insert',
      before: null,
      after: { partnershipId: input.partnershipId, ...activityAudit(input) },
      actor,
      at: now,
    });
    return row.id;
  });
  s.changed(['activities']);
  return found(await findActivity(s.knex, id), id);
}

export async function updateActivity(
  s: ServiceContext,
  input: ActivityFields & { id: number; version: number },
): Promise<Activity> {
  const actor = await s.actor();
  const now = nowIso();
  await s.knex.transaction(async (trx) => {
    const before = found(await findActivity(trx, input.id), input.id);
    await updateVersioned(trx, 'activities', input.id, input.version, { ...activityColumns(input), updated_at: now });
    await insertAudit(trx, {
      table: 'activities',
      recordId: input.id,
      action: 'update',
      before: strip(before),
      after: activityAudit(input),
      actor,
      at: now,
    });
  });
  s.changed(['activities']);
  return found(await findActivity(s.knex, input.id), input.id);
}

export async function deleteActivity(
  s: ServiceContext,
  input: { id: number; version: number },
): Promise<{ id: number }> {
  const actor = await s.actor();
  const now = nowIso();
  await s.knex.transaction(async (trx) => {
    const before = found(await findActivity(trx, input.id), input.id);
    if (before.version !== input.version)
      throw new AppError('CONFLICT', 'The activity was changed meanwhile. Reload it before deleting.');
    await trx('activities').where({ id: input.id }).delete();
    await insertAudit(trx, {
      table: 'activities',
      recordId: input.id,
      action: 'delete',
      before: { partnershipId: before.partnershipId, ...strip(before) },
      after: null,
      actor,
      at: now,
    });
  });
  s.changed(['activities']);
  return { id: input.id };
}

function found<T>(value: T | undefined, id: number): T {
  if (value === undefined)
    throw new AppError('NOT_FOUND', `Record ${String(id)} does not exist (it may have been deleted).`);
  return value;
}
