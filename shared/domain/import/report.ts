import { z } from 'zod';
import { FORMAT_IDS, IMPORT_KINDS } from './formats';

/**
 * The import report: what a preview found and what a commit did. Every problem names the line
 * of the file, the column and a reason as an i18n key with parameters, so it reads in the
 * user's language in the app, the CLI and tests alike.
 */

const params = z.record(z.string(), z.union([z.string(), z.number()]));

export const IMPORT_SEVERITIES = ['error', 'warning', 'info'] as const;
export type ImportSeverity = (typeof IMPORT_SEVERITIES)[number];

export const importIssueSchema = z.object({
  /** Line of the file where the record starts (1 = header). */
  line: z.number().int().nonnegative(),
  /** The column's header as written in the file ('' for a whole-row problem). */
  column: z.string(),
  /** error: the row is not imported; warning: imported without this value; info: resolved or merged. */
  severity: z.enum(IMPORT_SEVERITIES),
  reason: z.string(),
  params,
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const importRowSchema = z.object({
  line: z.number().int().nonnegative(),
  /** Natural key: municipality code, or code + country + town. */
  key: z.string(),
  label: z.string(),
  /** A partnership's parts, for a screen to name it in its language: member – town (country). */
  partnership: z.object({ member: z.string(), town: z.string(), countryCode: z.string() }).optional(),
  changes: z.array(z.object({ field: z.string(), from: value, to: value })),
});
export type ImportRow = z.infer<typeof importRowSchema>;

/**
 * A row of the file the import leaves out because the registry has its partnership already (and
 * nothing would change): the member and town as the file writes them, and the registry's partnership.
 */
export const importUnchangedRowSchema = z.object({
  line: z.number().int().nonnegative(),
  /** The Czech member as the file writes it (its registry name when the file gives only a code). */
  fileMember: z.string(),
  /** The partner town as the file writes it. */
  fileTown: z.string(),
  /** The registry's partnership the row matched: "Brno – Wien". */
  matched: z.string(),
});
export type ImportUnchangedRow = z.infer<typeof importUnchangedRowSchema>;

export const importCountsSchema = z.object({
  rows: z.number().int().nonnegative(),
  add: z.number().int().nonnegative(),
  update: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  regionsAdded: z.number().int().nonnegative(),
  districtsAdded: z.number().int().nonnegative(),
  townsAdded: z.number().int().nonnegative(),
  /** Filled values of existing records that the file would change but the policy keeps. */
  kept: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

/**
 * A town of the file that may be a town the registry has under another spelling (a similar
 * name, or coordinates a few kilometres apart): the user decides, and the decision is kept for
 * the next import. Undecided, the file's town is imported as a town of its own.
 */
export const possibleDuplicateSchema = z.object({
  line: z.number().int().nonnegative(),
  countryCode: z.string(),
  /** The town as the file writes it. */
  name: z.string(),
  candidateId: z.number().int().positive(),
  candidateName: z.string(),
  candidateNameCs: z.string().nullable(),
  reason: z.enum(['similarName', 'near']),
  /** Distance between the file's and the registry's coordinates, when both are known. */
  km: z.number().nullable(),
  /** The user's decision (now or remembered from an earlier import); null: not decided. */
  decision: z.enum(['same', 'different']).nullable(),
});
export type PossibleDuplicate = z.infer<typeof possibleDuplicateSchema>;

/** A decision about a possible duplicate: the file's town is `sameAs` that registry town, or (null) a town of its own. */
export const townDecisionSchema = z.object({
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  name: z.string().min(1).max(200),
  sameAs: z.number().int().positive().nullable(),
});
export type TownDecision = z.infer<typeof townDecisionSchema>;

export const importReportSchema = z.object({
  previewId: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  encoding: z.string(),
  delimiter: z.string().nullable(),
  format: z.enum(FORMAT_IDS).nullable(),
  header: z.array(z.string()),
  /** True when the format was not recognised: the caller must send a column mapping. */
  needsMapping: z.boolean(),
  /** The file is a known format of the other kind ("this is a partnerships file"); null otherwise. */
  otherKind: z.enum(IMPORT_KINDS).nullable().default(null),
  mappingProblems: z.array(z.object({ field: z.string(), reason: z.string() })),
  /** For a file that needs a mapping: the columns whose headers name a field (offered, not applied). */
  suggestedMapping: z.record(z.string(), z.string()).default({}),
  counts: importCountsSchema,
  /** The first rows to add and to update (at most `sampleLimit` each; counts are complete). */
  added: z.array(importRowSchema),
  updated: z.array(importRowSchema),
  /** The first rows left unchanged, each with the registry partnership it matched (at most `sampleLimit`). */
  unchanged: z.array(importUnchangedRowSchema).default([]),
  sampleLimit: z.number().int().positive(),
  /** Every problem, by line. */
  issues: z.array(importIssueSchema),
  possibleDuplicates: z.array(possibleDuplicateSchema).default([]),
  /** Rows to add whose pair was deleted recently and is in the bin (who deleted it, when): restorable instead. */
  inBin: z
    .array(
      z.object({
        line: z.number().int(),
        label: z.string(),
        auditId: z.number().int().positive(),
        actor: z.string(),
        at: z.string(),
      }),
    )
    .default([]),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** How many of an import's unplaced partner towns its result names (the count is complete). */
export const UNPLACED_TOWNS_NAMED = 3;

export const importResultSchema = z.object({
  report: importReportSchema,
  /** False when the file brought nothing new (a repeated import). */
  changed: z.boolean(),
  /** Name of the backup made just before writing (null when nothing was written). */
  backup: z.string().nullable(),
  /** The import run that wrote the records (their provenance names it), null when nothing was written. */
  importRunId: z.number().int().positive().nullable(),
  /**
   * When that backup was made (ISO): a message names it by time and kind, as Settings ▸ Backups
   * lists it, not by its file name (walkthrough 27, finding 5). Null when no backup was made.
   */
  backupCreatedAt: z.string().nullable().default(null),
  /**
   * The partner towns this import created with neither coordinates nor a gazetteer link (a name
   * alone does not prove which town it is, so none is guessed; walkthrough 27, finding 8): how
   * many, and the names of the first (in the file's order, at most UNPLACED_TOWNS_NAMED). Towns the
   * registry had before are never counted.
   */
  unplacedTowns: z
    .object({
      count: z.number().int().nonnegative(),
      names: z.array(z.string()).max(UNPLACED_TOWNS_NAMED),
    })
    .default({ count: 0, names: [] }),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** The result of an import that wrote nothing (a dry run, a file with nothing new): its report alone. */
export const nothingWritten = (report: ImportReport): ImportResult => ({
  report,
  changed: false,
  backup: null,
  importRunId: null,
  backupCreatedAt: null,
  unplacedTowns: { count: 0, names: [] },
});

export const emptyCounts = (): ImportCounts => ({
  rows: 0,
  add: 0,
  update: 0,
  unchanged: 0,
  invalid: 0,
  warnings: 0,
  merged: 0,
  resolved: 0,
  regionsAdded: 0,
  districtsAdded: 0,
  townsAdded: 0,
  kept: 0,
});
