import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  ATTACHMENT_EXTENSIONS,
  MAX_ATTACHMENT_BYTES,
  attachmentMediaType,
  extensionOf,
  type Attachment,
  type AttachmentFields,
} from '../../../shared/domain/attachments';
import { AppError } from '../../../shared/domain/errors';
import {
  ATTACHMENT_FIELDS,
  attachmentColumns,
  findAttachment,
  readContent,
  storeContent,
} from '../repositories/attachments-repository';
import { insertPartnershipChild } from '../repositories/partnerships-repository';
import type { AppContext } from '../context';
import { PRIVATE_FOLDER_MODE, privateTemporaryFolder, sanitizeFileName, writeFileAtomically } from '../files';
import { auditedChange } from './audited-change';
import { checkAttachmentActivity, holdPartnership } from './partnership-children-service';
import { resolveUpload } from './import/uploads';

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The file to attach: one the host's dialog gave (desktop) or an upload's handle (browser bridge). */
async function chosenFile(
  ctx: AppContext,
  file: string | null,
  droppedPath: string | undefined,
): Promise<{ path: string; name: string } | null> {
  if (droppedPath !== undefined) {
    // Only the desktop shell's own page sends paths; the web bridge would let its client read any file.
    if (!ctx.acceptsLocalPaths)
      throw new AppError('FORBIDDEN', 'This host does not open file paths sent by the page; upload the file instead.');
    if (!path.isAbsolute(droppedPath))
      throw new AppError('VALIDATION', 'A dropped file is named by its absolute path.');
    return { path: droppedPath, name: path.basename(droppedPath) };
  }
  if (file === null) {
    const chosen = await ctx.dialogs.openFile({
      filters: [{ name: 'PDF, JPG, PNG, DOCX …', extensions: [...ATTACHMENT_EXTENSIONS] }],
    });
    return chosen === null ? null : { path: chosen, name: path.basename(chosen) };
  }
  const upload = await resolveUpload(file);
  if (upload === null)
    throw new AppError('NOT_FOUND', 'The uploaded file is no longer there; choose it again.', {
      reason: 'attachments.error.gone',
    });
  return upload;
}

const tooLarge = (fileName: string) =>
  new AppError('VALIDATION', `${fileName} is larger than ${String(MAX_ATTACHMENT_BYTES / 1024 / 1024)} MB.`, {
    reason: 'attachments.error.tooLarge',
    params: { file: fileName, max: MAX_ATTACHMENT_BYTES / 1024 / 1024 },
  });

/**
 * Attaches a file to a partnership: checked (a kind of document or photo, not empty, at most
 * `MAX_ATTACHMENT_BYTES`), its bytes stored once under their SHA-256, the attachment recorded
 * and audited in one transaction. Null when the user closed the dialog.
 */
export async function addAttachment(
  ctx: AppContext,
  input: {
    partnershipId: number;
    file: string | null;
    droppedPath?: string | undefined;
    description?: string | null | undefined;
    activityId?: number | null | undefined;
  },
): Promise<Attachment | null> {
  const source = await chosenFile(ctx, input.file, input.droppedPath);
  if (source === null) return null;
  // The name as the user will see it and save it again: no control characters or separators, at
  // most 180 characters with its extension kept.
  const fileName = sanitizeFileName(source.name);
  const mediaType = attachmentMediaType(fileName);
  if (mediaType === null)
    throw new AppError('VALIDATION', `${fileName}: this kind of file cannot be attached.`, {
      reason: 'attachments.error.fileType',
      params: { file: fileName, extension: extensionOf(fileName) || '—' },
    });
  const info = await stat(source.path).catch(() => null);
  if (info === null || !info.isFile())
    throw new AppError('NOT_FOUND', `${fileName} cannot be read.`, {
      reason: 'attachments.error.unreadable',
      params: { file: fileName },
    });
  if (info.size > MAX_ATTACHMENT_BYTES) throw tooLarge(fileName);
  if (info.size === 0)
    throw new AppError('VALIDATION', `${fileName} is empty.`, {
      reason: 'attachments.error.empty',
      params: { file: fileName },
    });
  const bytes = await readFile(source.path);
  // The file may have grown since it was measured.
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw tooLarge(fileName);
  const fields: AttachmentFields = {
    fileName,
    mediaType,
    size: bytes.byteLength,
    sha256: sha256Of(bytes),
    description: input.description?.trim() ? input.description.trim() : null,
    activityId: input.activityId ?? null,
  };
  const id = await auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    // Held until this commits: a delete of the partnership in progress on a server is waited for.
    await holdPartnership(trx, input.partnershipId);
    await checkAttachmentActivity(trx, fields.activityId, input.partnershipId);
    await storeContent(trx, fields.sha256, bytes, at);
    const recordId = await insertPartnershipChild(
      trx,
      'attachments',
      input.partnershipId,
      attachmentColumns(fields),
      at,
    );
    await audit({
      table: 'attachments',
      recordId,
      action: 'insert',
      before: null,
      after: {
        partnershipId: input.partnershipId,
        ...Object.fromEntries(ATTACHMENT_FIELDS.map((field) => [field, fields[field]])),
      },
    });
    touch({ tables: ['attachments'], partnershipIds: [input.partnershipId] });
    return recordId;
  });
  const attachment = await findAttachment(ctx.db.knex, id);
  if (!attachment) throw new AppError('NOT_FOUND', `Attachment ${String(id)} does not exist.`);
  return attachment;
}

/**
 * Writes a copy of an attachment where the user chooses (the name it was attached under offered),
 * after checking that the stored bytes still have their hash. CANCELLED when the dialog is closed.
 */
export async function saveAttachmentCopy(ctx: AppContext, input: { id: number }): Promise<{ filePath: string }> {
  const { attachment, bytes } = await verifiedContent(ctx, input.id);
  const extension = extensionOf(attachment.fileName);
  const filePath = await ctx.dialogs.saveFile({
    defaultName: attachment.fileName,
    filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
  });
  if (filePath === null) throw new AppError('CANCELLED', 'Saving the attachment was cancelled.');
  // Written beside and renamed when complete: a reader never sees half a file.
  await writeFileAtomically(filePath, bytes);
  return { filePath };
}

/** An attachment with its stored bytes, checked against their hash (IO when they do not match). */
async function verifiedContent(ctx: AppContext, id: number): Promise<{ attachment: Attachment; bytes: Buffer }> {
  const attachment = await findAttachment(ctx.db.knex, id);
  if (!attachment)
    throw new AppError('NOT_FOUND', `Attachment ${String(id)} does not exist (it may have been deleted).`);
  const bytes = await readContent(ctx.db.knex, attachment.sha256);
  if (bytes === null || sha256Of(bytes) !== attachment.sha256)
    throw new AppError('IO', `The stored content of ${attachment.fileName} is damaged or missing.`, {
      reason: 'attachments.error.damaged',
      params: { file: attachment.fileName },
    });
  return { attachment, bytes };
}

/** This process's private folder for attachments opened on the desktop (removed when the app ends). */
let openFolder: Promise<string> | null = null;

/**
 * Opens an attachment with the system's program for its kind (desktop only): its checked bytes
 * are written to this process's private folder, under the name it was attached with, and handed
 * to the shell. FORBIDDEN where the host cannot open files (web preview: save a copy instead).
 */
export async function openAttachment(ctx: AppContext, input: { id: number }): Promise<{ filePath: string }> {
  const open = ctx.openWithSystem;
  if (open === null)
    throw new AppError('FORBIDDEN', 'This window cannot open files; save a copy instead.', {
      reason: 'attachments.error.cannotOpen',
    });
  const { attachment, bytes } = await verifiedContent(ctx, input.id);
  // One folder per attachment: two attachments of one name never overwrite each other.
  const folder = path.join(
    await (openFolder ??= privateTemporaryFolder('twinreg-opened-')),
    `${String(attachment.id)}-${attachment.sha256.slice(0, 12)}`,
  );
  await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const filePath = path.join(folder, sanitizeFileName(attachment.fileName));
  await writeFileAtomically(filePath, bytes);
  try {
    await open(filePath);
  } catch (error) {
    throw new AppError(
      'IO',
      `${attachment.fileName} could not be opened: ${error instanceof Error ? error.message : String(error)}`,
      {
        reason: 'attachments.error.open',
        params: { file: attachment.fileName },
      },
    );
  }
  return { filePath };
}

/**
 * How a host without a desktop hands an attachment to the user's browser (the web preview's
 * `GET /api/attachments/<id>`): its name, media type and checked bytes.
 */
export const attachmentReader =
  (ctx: AppContext) =>
  async (id: number): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array }> => {
    const { attachment, bytes } = await verifiedContent(ctx, id);
    return { fileName: attachment.fileName, mediaType: attachment.mediaType, bytes };
  };
