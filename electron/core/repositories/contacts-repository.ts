import type { Knex } from 'knex';
import type { ContactSide } from '../../../shared/domain/codes';
import type { Contact } from '../../../shared/domain/partnerships';
import { columnsOf, fieldsOf, selectedColumns } from './field-map';

/* The contacts table: people on both sides of a partnership. */

export type ContactInsert = {
  partnershipId: number;
  side: ContactSide;
  name: string;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
  language?: string | null;
  notes?: string | null;
};

/** The one field ↔ column map of `contacts`. */
const CONTACT_COLUMN_OF = {
  id: 'id',
  partnershipId: 'partnership_id',
  version: 'version',
  side: 'side',
  name: 'name',
  role: 'role',
  email: 'email',
  phone: 'phone',
  language: 'language',
  notes: 'notes',
} as const;

/** The fields of a contact a person edits (what its audit entries keep). */
export const CONTACT_FIELDS = ['side', 'name', 'role', 'email', 'phone', 'language', 'notes'] as const;

/** The map of the fields a person edits only. */
const CONTACT_FIELD_COLUMN_OF = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, CONTACT_COLUMN_OF[field]]));

/** The columns of a whole contact (absent optional fields as null): an insert or a restore. */
export const contactColumns = (fields: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  columnsOf(CONTACT_FIELD_COLUMN_OF, fields, { every: true });

/** The columns of the fields an update names only: a field it does not name stays as stored. */
export const contactPatchColumns = (fields: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  columnsOf(CONTACT_FIELD_COLUMN_OF, fields);

export async function insertContact(db: Knex, c: ContactInsert, now: string): Promise<void> {
  await db('contacts').insert({
    partnership_id: c.partnershipId,
    ...contactColumns(c),
    created_at: now,
    updated_at: now,
  });
}

const toContact = (row: Record<string, unknown>): Contact => fieldsOf(CONTACT_COLUMN_OF, row) as Contact;

const contactColumnList = selectedColumns(CONTACT_COLUMN_OF);

export async function listContacts(db: Knex, partnershipId: number): Promise<Contact[]> {
  const rows = await db('contacts')
    .where({ partnership_id: partnershipId })
    .orderBy(['side', 'id'])
    .select<Record<string, unknown>[]>(contactColumnList);
  return rows.map(toContact);
}

export async function findContact(db: Knex, id: number): Promise<Contact | undefined> {
  const row = await db('contacts').where({ id }).first<Record<string, unknown> | undefined>(contactColumnList);
  return row ? toContact(row) : undefined;
}
