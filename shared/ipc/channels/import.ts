import { z } from 'zod';
import { defineChannels } from '../define';
import { IMPORT_KINDS, IMPORT_POLICIES } from '../../domain/import/formats';
import {
  importCountsSchema,
  importReportSchema,
  importResultSchema,
  townDecisionSchema,
} from '../../domain/import/report';
import { UI_LANGUAGES } from '../../domain/codes';

const empty = z.object({}).strict();
const fileRef = z.object({ file: z.string(), fileName: z.string() });

export const backupSchema = z.object({
  name: z.string(),
  size: z.number().int().nonnegative(),
  createdAt: z.string(),
  reason: z.enum(['manual', 'daily', 'migration', 'import', 'restore', 'demo', 'unimport']),
  /** Made before an import: that import's file, from the import history (null: not known). */
  importFile: z.string().nullable().default(null),
});

export const importChannels = defineChannels({
  'import:chooseFile': {
    doc: 'Asks for a CSV/TSV/XLSX file with the host dialog; a handle for import:preview, or null when cancelled.',
    input: empty,
    output: fileRef.nullable(),
  },
  'import:openDropped': {
    doc: 'A file dropped on the Electron window (its path from the preload): a handle for import:preview.',
    input: z.object({ path: z.string().min(1).max(4000) }).strict(),
    output: fileRef,
  },
  'import:preview': {
    doc: 'Reads a file and compares it with the registry, writing nothing: rows to add, to update (changed fields), unchanged, filled values the policy keeps (each as an info issue), and every invalid row with line, column and reason. The policy (default fillEmpty) says what happens to records the registry has.',
    input: z
      .object({
        kind: z.enum(IMPORT_KINDS),
        file: z.string().min(1).max(200),
        mapping: z.record(z.string(), z.string()).optional(),
        policy: z.enum(IMPORT_POLICIES).default('fillEmpty'),
        /** Decisions about possible duplicate towns (kept with the registry when the import is committed). */
        townDecisions: z.array(townDecisionSchema).max(10_000).optional(),
      })
      .strict(),
    output: importReportSchema,
  },
  'import:commit': {
    doc: 'Imports every valid row of a previewed file in one transaction (after a backup); emits job:progress; idempotent.',
    input: z.object({ previewId: z.string().min(1).max(100) }).strict(),
    output: importResultSchema,
  },
  'import:history': {
    doc: 'Every import that ran, newest first: when, who, the file (name and SHA-256), kind, format, policy, whether it changed anything, the backup made before it, the counts and how many messages it had.',
    input: empty,
    output: z.object({
      runs: z.array(
        z.object({
          id: z.number().int().positive(),
          kind: z.enum(IMPORT_KINDS),
          fileName: z.string(),
          checksum: z.string(),
          format: z.string().nullable(),
          policy: z.enum(IMPORT_POLICIES),
          actor: z.string(),
          at: z.string(),
          changed: z.boolean(),
          backup: z.string().nullable(),
          counts: importCountsSchema,
          issuesTotal: z.number().int().nonnegative(),
          /** When and by whom the import was undone (import:undo), null while it stands. */
          undoneAt: z.string().nullable(),
          undoneBy: z.string().nullable(),
          /** A partial undo (only the records nobody had changed): how many records it left in place. */
          undoneKept: z.number().int().nonnegative().nullable().optional(),
          /** It changed the registry, stands, and the audit log names its records. */
          undoable: z.boolean(),
        }),
      ),
    }),
  },
  'import:undo': {
    doc: 'Undoes one import as a whole or not at all (after a backup): removes the records it added, puts back the fields it changed; CONFLICT naming the records that changed since or have data of their own, who changed them and when (`details.changes`), and what undoing only the untouched records would do (`details.untouched`). With `untouchedOnly`, undoes only the records nobody worked on and leaves the rest (CONFLICT `import.undo.nothingUntouched` when none is left).',
    input: z
      .object({
        id: z.number().int().positive(),
        /** Undo only the records nobody changed since; the history then says the import was partly undone. */
        untouchedOnly: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      /** The records the import added, removed by table. */
      removed: z.object({
        municipalities: z.number().int().nonnegative(),
        partnerships: z.number().int().nonnegative(),
        towns: z.number().int().nonnegative(),
      }),
      /** Records whose changed fields got their earlier values back. */
      restored: z.number().int().nonnegative(),
      /** The verified backup made first (null on a server, which is backed up by its administrator). */
      backup: z.string().nullable(),
      /** When that backup was made (ISO): messages name it by time and kind, not by its file. */
      backupCreatedAt: z.string().nullable(),
      /** Records a partial undo left in place (changed since or built on); 0 for a whole undo. */
      kept: z.number().int().nonnegative(),
    }),
  },
  'import:undoCheck': {
    doc: 'Whether an import can be undone now, asked before the confirmation: the refusal `import:undo` would give (CONFLICT naming the records in the way), or `{ undoable: true }`. Changes nothing, makes no backup.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ undoable: z.literal(true) }),
  },
  'import:historyExport': {
    doc: "Writes a past import's messages (line, column, severity, message in the language) to CSV or XLSX at a path the user chooses; CANCELLED when the dialog is closed.",
    input: z
      .object({ id: z.number().int().positive(), format: z.enum(['csv', 'xlsx']), language: z.enum(UI_LANGUAGES) })
      .strict(),
    output: z.object({ filePath: z.string() }),
  },
  'backups:list': {
    doc: 'Verified backups of the open database, newest first, with size and date.',
    input: empty,
    output: z.object({ folder: z.string(), backups: z.array(backupSchema) }),
  },
  'backups:create': {
    doc: 'Makes a verified backup now (VACUUM INTO, integrity check, rename).',
    input: empty,
    output: backupSchema,
  },
  'backups:restore': {
    doc: 'Replaces the database by a backup, after backing up the current state; the database is closed, replaced and reopened.',
    input: z.object({ name: z.string().min(1).max(200) }).strict(),
    output: z.object({ restored: z.string(), safetyBackup: z.string() }),
  },
  'db:status': {
    doc: 'Where the database is, whether it is on a network share (SQLite locking is unreliable there) and whether the daily backup failed (it is retried with each call).',
    input: empty,
    output: z.object({
      path: z.string(),
      size: z.number().int().nonnegative(),
      networkShare: z.boolean(),
      shareKind: z.string().nullable(),
      lastBackupAt: z.string().nullable(),
      /** Why the daily backup could not be made, while it still cannot; null when it is fine. */
      backupProblem: z.string().nullable(),
    }),
  },
});
