import { z } from 'zod';
import { id, optionalText } from './schemas';

/**
 * The largest file a partnership may have attached: a scanned agreement of a few pages or a
 * council resolution is 1–10 MB; a registry file that staff copy and back up stays manageable.
 */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * The kinds of file an attachment may be, by extension, with the media type it is saved as:
 * documents and scans (PDF, office formats, text) and photos. Executables, archives and scripts
 * are refused: a registry is shared between staff and its files are opened by double-click.
 */
export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  rtf: 'application/rtf',
  txt: 'text/plain',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  csv: 'text/csv',
  eml: 'message/rfc822',
} as const satisfies Record<string, string>;
export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_EXTENSIONS = Object.keys(ATTACHMENT_TYPES) as AttachmentExtension[];

/** The extension of a file name in lower case ('' when it has none). */
export const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
};

/** The media type of an allowed file name, or null when its kind is not allowed. */
export function attachmentMediaType(fileName: string): string | null {
  const extension = extensionOf(fileName);
  return Object.hasOwn(ATTACHMENT_TYPES, extension) ? ATTACHMENT_TYPES[extension as AttachmentExtension] : null;
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * What an attachment is apart from its keys: what its audit entries keep and an undo puts back
 * (the bytes stay in `attachment_contents` under `sha256`).
 */
export const attachmentFieldsSchema = z.object({
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(100),
  size: z.number().int().nonnegative(),
  sha256,
  description: optionalText(300),
  /**
   * The activity of the same partnership the file belongs to (photos of a visit), or null for the
   * partnership as a whole; entries written before activities could be named hold none.
   */
  activityId: id.nullable().default(null),
});
export type AttachmentFields = z.infer<typeof attachmentFieldsSchema>;

/** A file attached to a partnership, as listed in its detail. */
export const attachmentSchema = attachmentFieldsSchema.extend({
  id,
  partnershipId: id,
  version: z.number().int(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** What a staffer changes of an attachment after adding it (its bytes and name stay). */
export const attachmentEditSchema = z.object({
  description: optionalText(300),
  activityId: id.nullable(),
});
export type AttachmentEdit = z.infer<typeof attachmentEditSchema>;
