import type { Knex } from 'knex';
import type { ContactSide } from '../../../shared/domain/codes';
import type { Contact } from '../../../shared/domain/partnerships';

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

export async function insertContact(db: Knex, c: ContactInsert, now: string): Promise<void> {
  await db('contacts').insert({
    partnership_id: c.partnershipId,
    side: c.side,
    name: c.name,
    role: c.role ?? null,
    email: c.email ?? null,
    phone: c.phone ?? null,
    language: c.language ?? null,
    notes: c.notes ?? null,
    created_at: now,
    updated_at: now,
  });
}

type ContactRecord = {
  id: number;
  partnership_id: number;
  version: number;
  side: Contact['side'];
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  language: string | null;
  notes: string | null;
};

const toContact = (c: ContactRecord): Contact => ({
  id: c.id,
  partnershipId: c.partnership_id,
  version: c.version,
  side: c.side,
  name: c.name,
  role: c.role,
  email: c.email,
  phone: c.phone,
  language: c.language,
  notes: c.notes,
});

const contactColumns = [
  'id',
  'partnership_id',
  'version',
  'side',
  'name',
  'role',
  'email',
  'phone',
  'language',
  'notes',
];

export async function listContacts(db: Knex, partnershipId: number): Promise<Contact[]> {
  const rows = await db('contacts')
    .where({ partnership_id: partnershipId })
    .orderBy(['side', 'id'])
    .select<ContactRecord[]>(contactColumns);
  return rows.map(toContact);
}

export async function findContact(db: Knex, id: number): Promise<Contact | undefined> {
  const row = await db('contacts').where({ id }).first<ContactRecord | undefined>(contactColumns);
  return row ? toContact(row) : undefined;
}
