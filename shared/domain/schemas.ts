import { z } from 'zod';
import { GENDERS, MUNICIPALITY_KINDS, UI_LANGUAGES } from './codes';
import { unreadableDateMessage } from './dates';

/**
 * ISO date `YYYY-MM-DD` that is a real calendar day. A day the calendar lacks, typed in a day
 * field ("31. 2. 2010") or stored ("2010-02-30"), is said to be no such day, not a wrong format
 * (walkthrough 27: the user compared the example's form and saw nothing wrong).
 */
export const isoDate = z.string().superRefine((value, ctx) => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value) return;
  }
  ctx.addIssue({
    code: 'custom',
    message: unreadableDateMessage(value) === 'validation.noSuchDay' ? 'validation.noSuchDay' : 'validation.date',
  });
});

/** Official 6-digit code of a Czech municipality (ČSÚ/RÚIAN). */
export const municipalityCode = z.string().regex(/^\d{6}$/, 'validation.municipalityCode');

export const id = z.number().int().positive();

/**
 * The one meaning of optional text, in every form, at the gate and in imports: trimmed; empty or
 * blank is null (unknown), never an empty string; longer than `max` is refused.
 */
/**
 * A website address of at most `max` characters. One typed without its scheme ('www.policka.org',
 * as staff type it) is read as https:// (review D26); any other scheme ('javascript:') is refused.
 */
export const websiteAddress = (max: number) =>
  z
    .string()
    .trim()
    .transform((value) => (/^[a-z][a-z0-9+.-]*:/i.test(value) || value === '' ? value : `https://${value}`))
    .pipe(
      z
        .string()
        .max(max, 'validation.tooLong')
        .regex(/^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i, 'validation.website'),
    );

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .nullish()
    .transform((value) => (value === undefined || value === null || value === '' ? null : value));

export const regionSchema = z.object({ id, code: z.string(), name: z.string() });
export type Region = z.infer<typeof regionSchema>;

export const districtSchema = z.object({
  id,
  code: z.string(),
  name: z.string(),
  regionId: id,
});
export type District = z.infer<typeof districtSchema>;

/**
 * Where a record came from and whether a person has checked it: `source` ("manual", "demo",
 * "import: file.csv", "request 12"; null when no version recorded it), the import run that
 * created it, and when it was last marked verified.
 */
export const provenanceFields = {
  source: z.string().nullable(),
  importRunId: id.nullable(),
  verifiedAt: z.string().nullable(),
};

/** One row of the Members grid: a municipality joined with its district and region. */
export const municipalityRowSchema = z.object({
  id,
  code: municipalityCode,
  name: z.string(),
  kind: z.enum(MUNICIPALITY_KINDS),
  districtId: id.nullable(),
  districtName: z.string().nullable(),
  regionId: id.nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  orpCode: z.string().nullable(),
  orpName: z.string().nullable(),
  population: z.number().int().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  ico: z.string().nullable(),
  mayorName: z.string().nullable(),
  mayorGender: z.enum(GENDERS).nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  isMember: z.boolean(),
  memberSince: z.string().nullable(),
  memberUntil: z.string().nullable(),
  activePartnerships: z.number().int(),
  partnerships: z.number().int(),
  version: z.number().int(),
  ...provenanceFields,
});
export type MunicipalityRow = z.infer<typeof municipalityRowSchema>;

export const preferencesSchema = z.object({
  language: z.enum(UI_LANGUAGES),
  /** Name written to the audit log as the author of changes. */
  actorName: z.string().max(200),
  /** The first-start welcome (name for the history, what demo data is) was answered or skipped. */
  welcomed: z.boolean(),
  /** Column layout, sort and filters per grid, as AG Grid's state object. */
  gridStates: z.record(z.string(), z.unknown()),
  /** Named views per grid. */
  namedViews: z.record(z.string(), z.array(z.object({ name: z.string().min(1).max(100), state: z.unknown() }))),
  /** The named view chosen last per grid: chosen again when the screen opens (absent: the default view). */
  currentViews: z.record(z.string(), z.string().max(100)),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export { DEFAULT_PREFERENCES } from './preferences-defaults';

/** One entry of a record's change history (audit log), with the fields it changed. */
export const auditEntrySchema = z.object({
  /**
   * The audit entry's id; negative for the creation of an agreement draft, which is known from the
   * draft itself (drafts were not audited when written): `-draftId`.
   */
  id: z.number().int(),
  action: z.enum([
    'insert',
    'update',
    'delete',
    'restore',
    'import',
    'verify',
    'unverify',
    'merge',
    'unmerge',
    'unimport',
    'migrate',
  ]),
  actor: z.string(),
  at: z.string(),
  /**
   * On a registry on a server: the database user the change was made with and the server's time
   * of it (ISO), beside the display name and the computer's time above. Null on a registry file
   * and for entries written before they were recorded (unknown, never guessed).
   */
  dbUser: z.string().nullable().optional(),
  serverAt: z.string().nullable().optional(),
  /** For an import's entry: the name of the file it imported, from the import history (absent: not known). */
  importFile: z.string().optional(),
  /**
   * `fromName`/`toName`: where a field holds another record's id (a partnership's member and
   * partner town), that record's name as the registry has it now; absent when no such record is
   * left (the history then says so, never a guessed name).
   */
  changes: z.array(
    z.object({
      field: z.string(),
      from: z.unknown(),
      to: z.unknown(),
      fromName: z.string().optional(),
      toName: z.string().optional(),
    }),
  ),
  /**
   * For a merge's entry (and its undo's): what was merged into what, from what the entry holds.
   * `name`: the merged-away town or partnership ("Żagań", "Kolín – Żagań"); `country`: that town's
   * country; `into`: the town it was merged into. Null where the entry does not hold it (unknown,
   * never guessed).
   */
  merged: z
    .object({
      /** `filled`: values of a deleted partnership of the same pair filled into this one (bin:fill). */
      kind: z.enum(['town', 'partnership', 'filled']),
      name: z.string().nullable(),
      country: z.string().nullable(),
      into: z.string().nullable(),
    })
    .optional(),
  /** For an entry of a record's child (a partnership's contact, activity or agreement draft): its table and name. */
  child: z
    .object({ table: z.enum(['contacts', 'activities', 'agreement_documents', 'attachments']), label: z.string() })
    .optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Tables whose records have a history the user may open. */
export const AUDITED_TABLES = [
  'municipalities',
  'foreign_towns',
  'partnerships',
  'contacts',
  'activities',
  'partnership_requests',
] as const;
export type AuditedTable = (typeof AUDITED_TABLES)[number];

/** Tables whose deleted records the bin lists and brings back. */
export const BIN_TABLES = [
  'municipalities',
  'partnerships',
  'partnership_requests',
  'contacts',
  'activities',
  'agreement_documents',
  'attachments',
  'foreign_towns',
] as const;
export type BinTable = (typeof BIN_TABLES)[number];
