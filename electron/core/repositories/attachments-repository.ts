import type { Knex } from 'knex';
import { isPostgres } from '../db/dialect/index';
import type { Attachment } from '../../../shared/domain/attachments';
import { columnsOf, fieldsOf, selectedColumns } from './field-map';

/* The attachments of partnerships (`attachments`) and their bytes (`attachment_contents`). */

/** The one field ↔ column map of `attachments`. */
const ATTACHMENT_COLUMN_OF = {
  id: 'id',
  partnershipId: 'partnership_id',
  version: 'version',
  fileName: 'file_name',
  mediaType: 'media_type',
  size: 'size',
  sha256: 'sha256',
  description: 'description',
  activityId: 'activity_id',
  createdAt: 'created_at',
} as const;

/** The fields of an attachment its audit entries keep (its bytes are found by `sha256`). */
export const ATTACHMENT_FIELDS = ['fileName', 'mediaType', 'size', 'sha256', 'description', 'activityId'] as const;

/** The columns of the attachment fields present (absent optional ones as null). */
export const attachmentColumns = (fields: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  columnsOf(Object.fromEntries(ATTACHMENT_FIELDS.map((field) => [field, ATTACHMENT_COLUMN_OF[field]])), fields, {
    every: true,
  });

const toAttachment = (row: Record<string, unknown>): Attachment =>
  fieldsOf(ATTACHMENT_COLUMN_OF, {
    ...row,
    size: Number(row.size),
    activity_id: row.activity_id === null || row.activity_id === undefined ? null : Number(row.activity_id),
  }) as Attachment;

const attachmentColumnList = selectedColumns(ATTACHMENT_COLUMN_OF);

/** A partnership's attachments, oldest first. */
export async function listAttachments(db: Knex, partnershipId: number): Promise<Attachment[]> {
  const rows = await db('attachments')
    .where({ partnership_id: partnershipId })
    .orderBy('id')
    .select<Record<string, unknown>[]>(attachmentColumnList);
  return rows.map(toAttachment);
}

export async function findAttachment(db: Knex, id: number): Promise<Attachment | undefined> {
  const row = await db('attachments').where({ id }).first<Record<string, unknown> | undefined>(attachmentColumnList);
  return row ? toAttachment(row) : undefined;
}

/**
 * Stores the bytes of a content under its hash unless they are there already (the same scan
 * attached twice is kept once). Call inside the transaction that attaches it.
 */
export async function storeContent(db: Knex, sha256: string, content: Uint8Array, now: string): Promise<void> {
  await db('attachment_contents')
    .insert({ sha256, size: content.byteLength, content: Buffer.from(content), created_at: now })
    .onConflict('sha256')
    .ignore();
}

/** The bytes stored under a hash, or null when there are none. */
export async function readContent(db: Knex, sha256: string): Promise<Buffer | null> {
  const row = await db('attachment_contents')
    .where({ sha256 })
    .first<{ content: Buffer | Uint8Array } | undefined>('content');
  if (!row) return null;
  return Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content);
}

/** Whether bytes are stored under a hash (an undo of a deleted attachment needs them). */
export async function contentExists(db: Knex, sha256: string): Promise<boolean> {
  return (await db('attachment_contents').where({ sha256 }).first('sha256')) !== undefined;
}

/**
 * Whether an activity exists and belongs to this partnership: the only activity an attachment of
 * the partnership may name (checked on every write, the column has no foreign key). On a server
 * the activity's row is held until the write commits, so a concurrent merge or delete waits.
 */
export async function activityOfPartnership(db: Knex, activityId: number, partnershipId: number): Promise<boolean> {
  const query = db('activities').where({ id: activityId, partnership_id: partnershipId }).first('id');
  return (await (isPostgres(db) ? query.forShare() : query)) !== undefined;
}

/**
 * Attachments that name an activity which is now another partnership's (a merge undone after a
 * file was linked, an activity restored into its old partnership): of these partnerships, or
 * naming an activity of one of them.
 */
export async function strayActivityLinks(db: Knex, partnershipIds: readonly number[]): Promise<number[]> {
  if (partnershipIds.length === 0) return [];
  return db('attachments as a')
    .join('activities as act', 'act.id', 'a.activity_id')
    .whereRaw('act.partnership_id <> a.partnership_id')
    .where((q) => {
      void q.whereIn('a.partnership_id', partnershipIds).orWhereIn('act.partnership_id', partnershipIds);
    })
    .orderBy('a.id')
    .pluck<number[]>('a.id');
}
