import { z } from 'zod';
import { defineChannels } from '../define';
import { compactRowsSchema } from '../compact-rows-schema';
import {
  AUDITED_TABLES,
  BIN_TABLES,
  auditEntrySchema,
  districtSchema,
  id,
  municipalityRowSchema,
  regionSchema,
} from '../../domain/schemas';
import {
  CONNECTION_OUTCOMES,
  PASSWORD_KEEPING,
  REGISTRY_KINDS,
  SCHEMA_STATES,
  serverPasswordSchema,
  serverProfileSchema,
} from '../../domain/registry-connection';
import {
  anyFillFieldSchema,
  FILL_CHILDREN,
  FILL_FIELDS,
  FILL_TABLES,
  fillChildSchema,
  fillFieldSchema,
  TOWN_FILL_FIELDS,
} from '../../domain/partnership-merge';

const empty = z.object({}).strict();

/**
 * A history entry that is one row of a bulk change: `groupId` (the group's first entry, what the
 * bulk undo takes), `size` (records it changed), `undone` (how many of them a later bulk undo put
 * back) and `undoOf` (this change is itself a bulk undo, of that group; else null).
 */
const bulkGroupSchema = z.object({
  groupId: id,
  size: z.number().int().positive(),
  undone: z.number().int().nonnegative(),
  undoOf: id.nullable(),
});

const binTable = z.enum(BIN_TABLES);

/** The ids of a deleted partnership's children of one table to put onto the live one (bin:fill). */
const childIds = z.array(id).max(10_000).optional();

/** Where the registry is now and what Settings keeps to connect to a server (never its password). */
const connectionStatusSchema = z.object({
  kind: z.enum(REGISTRY_KINDS),
  /** The open registry: a file's path, or a server's URL without its password. */
  location: z.string(),
  /** The server's version and the database user of the open registry on a server; null for a file. */
  server: z.object({ version: z.string(), user: z.string() }).nullable(),
  /** The saved server profile (also while a file is open, to switch back). */
  profile: serverProfileSchema.nullable(),
  /** Whether a password is kept for the saved profile (only whether: the password never leaves core). */
  passwordSaved: z.boolean(),
  /** How this app keeps a password: the system's secure store, or only while it runs. */
  passwordKeeping: z.enum(PASSWORD_KEEPING),
  /** The registry file this app opens when the registry is a file; null when it was started without one. */
  fileLocation: z.string().nullable(),
});

/** A server profile with the password typed now; without one, the password kept for the same profile is used. */
const serverConnectionInput = z
  .object({ profile: serverProfileSchema, password: serverPasswordSchema.optional() })
  .strict();

export const registryChannels = defineChannels({
  'connection:status': {
    doc: 'Where the registry is: a file or a server (its URL without the password, the server version and the database user), the saved server profile, whether a password is kept and how.',
    input: empty,
    output: connectionStatusSchema,
  },
  'connection:test': {
    doc: 'Tries a server profile without switching to it: connected (and whether opening will create or update the structure), wrong password, password needed, server unreachable, no such database, not allowed, an administrator must run `twinreg init`, made by a newer version, or failed (detail without the password).',
    input: serverConnectionInput,
    output: z.object({
      outcome: z.enum(CONNECTION_OUTCOMES),
      serverVersion: z.string().nullable(),
      user: z.string().nullable(),
      schema: z.enum(SCHEMA_STATES).nullable(),
      detail: z.string().nullable(),
    }),
  },
  'connection:switch': {
    doc: 'Opens another registry in place of the open one (the file, or a server profile after the same test as connection:test; its password kept as the status says) and remembers it for the next start. The failed test’s outcome as an error (details.reason settings.registry.outcome.*); CONFLICT while an import, export or batch runs. Every screen is told with data:changed.',
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('file') }).strict(),
      serverConnectionInput.extend({ kind: z.literal('server') }).strict(),
    ]),
    output: connectionStatusSchema,
  },
  'bin:list': {
    doc: 'The bin: members, partnerships, requests, contacts, activities and agreement drafts deleted in the last 90 days and not restored, and partnerships and towns merged away in that time and not brought back (`mergedInto`: the kept record, whose history undoes the merge; `auditId` is then the merge’s entry, not one for bin:restore), newest first, with who deleted or merged them and when, and the values each had then.',
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        auditId: z.number().int().positive(),
        table: binTable,
        recordId: z.number().int().positive(),
        label: z.string(),
        actor: z.string(),
        at: z.string(),
        mergedInto: z
          .object({
            table: z.enum(['partnerships', 'foreign_towns']),
            recordId: z.number().int().positive(),
            label: z.string(),
            municipalityId: z.number().int().positive().nullable(),
            exists: z.boolean(),
            /** A deleted partnership whose values were filled into the live one of its pair (bin:fill), not merged. */
            filled: z.boolean(),
          })
          .nullable(),
        /**
         * A deleted partnership whose pair has a live partnership again (re-added meanwhile): its
         * restore is refused, bin:fill fills that one from it. Null otherwise.
         */
        liveTwin: z
          .object({ recordId: z.number().int().positive(), municipalityId: z.number().int().positive().nullable() })
          .nullable(),
        /** The record's values when deleted or merged away (field names as the record's fields, camelCase). */
        values: z.array(
          z.object({
            field: z.string(),
            value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
          }),
        ),
      }),
    ),
  },
  'bin:restore': {
    doc: 'Brings a deleted record back from its audit entry with the same id (and what its delete took with it); CONFLICT when it cannot come back (restored already, its partnership gone, its code taken).',
    input: z.object({ auditId: z.number().int().positive() }).strict(),
    output: z.object({ table: binTable, recordId: z.number().int().positive() }),
  },
  'bin:fillPreview': {
    doc: "What filling the live record from a deleted one (the delete entry `auditId`) would offer, nothing written: for a partnership, the live partnership of its pair; for a partner town (`table` foreign_towns), the town of the same name and country added again meanwhile. The fields the deleted one states that the live one does not state alike (both values; `live` null where it states none), a partnership's contacts, activities, drafts and attachments (`duplicate`: the live one has it already; a town has none), and the live record with the version the fill is checked against (`municipalityId` null for a town). `table`, when given, must be the deleted record's (else NOT_FOUND). CONFLICT when the deleted one is back or filled already, or no live twin exists (reason merge.fill.noLive).",
    input: z.object({ auditId: id, table: z.enum(FILL_TABLES).optional() }).strict(),
    output: z.object({
      table: z.enum(FILL_TABLES),
      deletedId: id,
      live: z.object({ id, version: z.number().int(), label: z.string(), municipalityId: id.nullable() }),
      fields: z.array(fillFieldSchema),
      children: z.array(fillChildSchema),
    }),
  },
  'bin:fill': {
    doc: "Fills the live record `liveId` (a partnership, or a partner town when the delete entry `auditId` is a town's) from the deleted one of delete entry `auditId`: the fields in `take` (notes and a town's history joined, areas, groups and a town's other names added; a field of the other kind is refused) and the children listed by table (each put onto the live one with its id where free; one the live record has already is skipped). CONFLICT naming who changed it and when when the live record is no longer at `version` (nothing written). One merge entry on the live record (undone by merges:restore, which puts the deleted record back in the bin); the bin then lists the deleted record as filled into the live one.",
    input: z
      .object({
        auditId: id,
        liveId: id,
        version: z.number().int().positive(),
        /** The kind of the deleted record; when given, it must be the delete entry's (else NOT_FOUND). */
        table: z.enum(FILL_TABLES).optional(),
        take: z.array(anyFillFieldSchema).max(FILL_FIELDS.length + TOWN_FILL_FIELDS.length),
        children: z
          .object({
            contacts: childIds,
            activities: childIds,
            agreement_documents: childIds,
            attachments: childIds,
          } satisfies Record<(typeof FILL_CHILDREN)[number], typeof childIds>)
          .strict(),
      })
      .strict(),
    output: z.object({ auditId: id, liveId: id }),
  },
  'registry:verify': {
    doc: 'Marks members or partnerships verified by the user now (one, every row of a filtered view, or the ticked rows it shows): verified_at/by set, one audit entry each in one group; records deleted meanwhile are skipped. Answers how many were marked and the group id (`registry:unverify` undoes it; null when none was).',
    input: z
      .object({ table: z.enum(['municipalities', 'partnerships']), ids: z.array(id).min(1).max(200_000) })
      .strict(),
    output: z.object({ verified: z.number().int().nonnegative(), auditId: z.number().int().positive().nullable() }),
  },
  'registry:unverify': {
    doc: "Undoes a marking as verified from its audit group id (`registry:verify`'s auditId): every record gets back the verification it had; CONFLICT naming one verified again or unmarked since (nothing put back); records deleted since are skipped.",
    input: z.object({ auditId: z.number().int().positive() }).strict(),
    output: z.object({ restored: z.number().int().nonnegative(), auditId: z.number().int().positive().nullable() }),
  },
  'regions:list': {
    doc: 'All regions (kraje), in Czech order.',
    input: empty,
    output: z.array(regionSchema),
  },
  'districts:list': {
    doc: 'All districts (okresy), in Czech order.',
    input: empty,
    output: z.array(districtSchema),
  },
  'municipalities:list': {
    doc: 'Every municipality with district, region and partnership counts: the Members grid, in one query. With `ids`, only those (missing ones were deleted): a grid refreshes the rows a change touched.',
    input: z.object({ membersOnly: z.boolean().optional(), ids: z.array(id).max(10_000).optional() }).strict(),
    output: z.array(municipalityRowSchema),
  },
  'municipalities:grid': {
    doc: "The rows of `municipalities:list {}` in compact form (field names once, then one array of values per row): under half the bytes over the bridge, and core makes no row object. The Members grid's first load.",
    input: z.object({}).strict(),
    output: compactRowsSchema(municipalityRowSchema),
  },
  'audit:history': {
    doc: 'The change history of one record (who, when, which fields from what to what), newest first. With `withChildren`, a partnership’s history includes its contacts, activities and agreement drafts (each entry names its child). An entry that is one row of a bulk change (a partnerships’ bulk edit, a bulk change of membership) says so in `bulk`: its group id, which `partnerships:bulkRestore` / `municipalities:bulkRestoreMembership` undoes as a whole, how many records it changed and how many a bulk undo has put back.',
    input: z.object({ table: z.enum(AUDITED_TABLES), recordId: id, withChildren: z.boolean().optional() }).strict(),
    output: z.array(auditEntrySchema.extend({ bulk: bulkGroupSchema.optional() })),
  },
});
