import { z } from 'zod';
import { defineChannels } from '../define';
import { compactRowsSchema } from '../compact-rows-schema';
import { UI_LANGUAGES } from '../../domain/codes';
import { id } from '../../domain/schemas';
import { PARTNERSHIP_CHOOSABLE, mergeClashSchema } from '../../domain/partnership-merge';
import {
  activityFieldsSchema,
  contactFieldsSchema,
  partnershipBulkUpdateSchema,
  partnershipCreateSchema,
  partnershipUpdateSchema,
} from '../../domain/partnership-rules';
import {
  EXPORT_FORMATS,
  EXPORT_GRIDS,
  activitySchema,
  contactSchema,
  partnershipDetailSchema,
  partnershipRowSchema,
  townSuggestionSchema,
} from '../../domain/partnerships';
import { attachmentSchema, attachmentEditSchema } from '../../domain/attachments';

const byId = z.object({ id }).strict();
const versioned = z.object({ id, version: z.number().int().positive() }).strict();
/** An update's audit entry to undo, and the version of the record the screen saw after it (checked when given). */
const revertInput = z.object({ auditId: id, version: z.number().int().positive().optional() }).strict();

/** One field of an undo keeping later changes: what happens to it, with who changed it since and when. */
const undoKeepingFieldSchema = z.object({
  field: z.string(),
  outcome: z.enum(['restored', 'keptLater', 'keptBoth']),
  before: z.unknown(),
  merged: z.unknown(),
  current: z.unknown(),
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
});

/** A child a merge moved, and where the undo keeping later changes leaves it. */
const undoKeepingChildSchema = z.object({
  table: z.enum(['contacts', 'activities', 'agreement_documents', 'attachments']),
  id,
  label: z.string().nullable(),
  state: z.enum(['back', 'deleted', 'elsewhere']),
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
});

export const partnershipsChannels = defineChannels({
  'partnerships:list': {
    doc: 'Every partnership with member, district, region, foreign town, country, areas and last activity: the Partnerships grid, in one query. With `ids`, only those (missing ones were deleted): a grid refreshes the rows a change touched.',
    input: z.object({ ids: z.array(id).max(10_000).optional() }).strict(),
    output: z.array(partnershipRowSchema),
  },
  'partnerships:grid': {
    doc: "The rows of `partnerships:list {}` in compact form (field names once, then one array of values per row, in the grid's first order): under half the bytes over the bridge, and core makes no row object. The Partnerships grid's first load.",
    input: z.object({}).strict(),
    output: compactRowsSchema(partnershipRowSchema),
  },
  'partnerships:get': {
    doc: 'One partnership with all fields, its foreign town, contacts on both sides and activities.',
    input: byId,
    output: partnershipDetailSchema,
  },
  'partnerships:create': {
    doc: 'Adds a partnership of a member with an existing foreign town or a new one (found or inserted by GeoNames id or country + name). CONFLICT when the two towns are already partners.',
    input: partnershipCreateSchema,
    output: partnershipRowSchema,
  },
  'partnerships:update': {
    doc: 'Changes some fields of a partnership made against the version the editor saw; CONFLICT when it changed meanwhile. Returns the new grid row.',
    input: partnershipUpdateSchema,
    output: partnershipRowSchema,
  },
  'partnerships:bulkUpdate': {
    doc: 'Sets status, type, areas (added/removed) or the verification of many partnerships in one audited change: CONFLICT (reason partnerships.bulk.conflictBy; `details.rows` names every row changed since the user saw it, who changed it and when) when rows changed meanwhile, VALIDATION with `rows` when rows would break the rules; in both cases nothing is written. Returns how many rows changed and the audit group that `partnerships:bulkRestore` undoes.',
    input: partnershipBulkUpdateSchema,
    output: z.object({ changed: z.number().int(), auditId: id.nullable() }),
  },
  'partnerships:bulkRestore': {
    doc: 'Undoes a bulk edit from its audit group id: every row gets back what the edit replaced; CONFLICT (reason partnerships.bulk.undoChangedRows) listing in `details.rows` every row changed or deleted since, who and when, with `details.others` rows nobody touched (nothing put back). With `onlyUnchanged`, puts back only the rows nobody changed since (one audited group) and says how many it left (`skipped`).',
    input: z.object({ auditId: id, onlyUnchanged: z.boolean().optional() }).strict(),
    output: z.object({ changed: z.number().int(), auditId: id.nullable(), skipped: z.number().int().optional() }),
  },
  'partnerships:delete': {
    doc: 'Deletes a partnership with its areas, contacts and activities; a snapshot goes to the audit log, whose id `partnerships:restore { auditId }` (or the bin) undoes it with.',
    input: versioned,
    output: z.object({ id, auditId: id }),
  },
  'partnerships:deleteImpact': {
    doc: 'What deleting a partnership would take with it, counted now (contacts, activities, agreement drafts, attachments), with its current version: the delete dialog asks when it opens.',
    input: z.object({ id }).strict(),
    output: z.object({
      version: z.number().int(),
      contacts: z.number().int(),
      activities: z.number().int(),
      agreements: z.number().int(),
      attachments: z.number().int(),
    }),
  },
  'partnerships:restore': {
    doc: 'Undoes a delete of a partnership from its audit entry: restores it with the same ids and all its children exactly.',
    input: z.object({ auditId: id }).strict(),
    output: partnershipRowSchema,
  },
  'towns:suggest': {
    doc: 'Foreign towns matching typed text (diacritics-insensitive prefix of the name or Czech exonym): registry towns first, then the offline GeoNames gazetteer by population.',
    input: z
      .object({
        query: z.string().max(200),
        countryCode: z
          .string()
          .regex(/^[A-Z]{2}$/)
          .optional(),
        limit: z.number().int().min(1).max(50).optional(),
      })
      .strict(),
    output: z.array(townSuggestionSchema),
  },
  'partnerships:revert': {
    doc: 'Restores from the history: puts back the values a past change (audit entry) replaced, if those fields have not changed since (else CONFLICT with reason history.error.changedSince). Audited as a new change.',
    input: z.object({ auditId: id }).strict(),
    output: partnershipRowSchema,
  },
  'towns:ofCountry': {
    doc: 'The foreign towns of one country with their other names and how many partnerships each has, in Czech order: what a merge chooses from.',
    input: z.object({ countryCode: z.string().regex(/^[A-Z]{2}$/) }).strict(),
    output: z.array(
      z.object({
        id,
        name: z.string(),
        nameCs: z.string().nullable(),
        altNames: z.array(z.string()),
        partnerships: z.number().int(),
      }),
    ),
  },
  'towns:merge': {
    doc: 'Merges foreign town mergeId into keepId (one country): its names become alternates, empty fields are filled, its partnerships move (or merge with the same member’s partnership of the kept town). Audited; undone by merges:restore.',
    input: z.object({ keepId: id, mergeId: id }).strict(),
    output: z.object({
      auditId: id,
      movedPartnerships: z.number().int(),
      mergedPartnerships: z.number().int(),
    }),
  },
  'partnerships:mergePreview': {
    doc: 'What merging partnership mergeId into keepId would do, nothing written: the fields both state differently (clashes), and how many contacts, activities, drafts and attachments would move.',
    input: z.object({ keepId: id, mergeId: id }).strict(),
    output: z.object({
      clashes: z.array(mergeClashSchema),
      moves: z.object({
        contacts: z.number().int(),
        activities: z.number().int(),
        agreements: z.number().int(),
        attachments: z.number().int(),
      }),
    }),
  },
  'partnerships:merge': {
    doc: 'Merges partnership mergeId into keepId (one member): empty fields filled, a date refined by the other kept at its precision, notes joined, contacts, activities, drafts and areas moved; where both state a value, the kept one stays unless `take` names the field. Audited with the fields it changed; undone by merges:restore.',
    input: z
      .object({ keepId: id, mergeId: id, take: z.array(z.enum(PARTNERSHIP_CHOOSABLE)).max(20).optional() })
      .strict(),
    output: z.object({ auditId: id }),
  },
  'merges:restore': {
    doc: 'Undoes a merge from its audit entry: both records back with the same ids and their children; CONFLICT when the kept record changed since (reason merge.error.changedSinceBy naming who changed it last and when, `details.table`/`recordId` the record; nothing is written: the undo would overwrite that change).',
    input: z.object({ auditId: id }).strict(),
    output: z.object({ table: z.string(), recordId: id }),
  },
  'merges:undoKeepingPreview': {
    doc: 'What undoing the merge of merge entry `auditId` (two partnerships, or two partner towns: `kind`) while keeping the changes made since would do, nothing written: each field of the kept record the merge or a later change touched (`restored`: back to its value before the merge; `keptLater`: changed since, stays; `keptBoth`: the merge changed it and so did someone since, stays), with who changed it since and when (null when the history does not say); a partnership’s areas and participant groups, and a town’s other names, each as one field; each child the merge moved (`back` to the merged-away record, `deleted` since (who, when), `elsewhere`: on another record now). A town merge (`town`, else null) also lists the partnerships it moved (`back` to the merged-away town; `deleted`, `merged` into another partnership or `elsewhere` on another town since, who and when: they stay), the partnership merges it did (one member with both towns: `undone` keeping later changes, with their fields and children; `keptGone`: the kept partnership was deleted or merged away since, or `unavailable`: recorded before merges kept what they changed: they stay merged) and whether the merged town comes back without its gazetteer id (another town holds it). `version` (the kept record’s) and `check` are what merges:undoKeeping is checked against. CONFLICT (reason merge.keeping.unavailable) for a fill from the bin; CONFLICT (undo.alreadyRestored) when the merge was undone already; CONFLICT (merge.keeping.townNameTaken) when another town of the country has the merged town’s name now.',
    input: z.object({ auditId: id }).strict(),
    output: z.object({
      kind: z.enum(['partnerships', 'foreign_towns']),
      auditId: id,
      keepId: id,
      mergedId: id,
      version: z.number().int(),
      check: z.string(),
      kept: z.string(),
      merged: z.string(),
      fields: z.array(undoKeepingFieldSchema),
      children: z.array(undoKeepingChildSchema),
      town: z
        .object({
          partnerships: z.array(
            z.object({
              id,
              label: z.string(),
              state: z.enum(['back', 'deleted', 'merged', 'elsewhere']),
              changedBy: z.string().nullable(),
              changedAt: z.string().nullable(),
            }),
          ),
          innerMerges: z.array(
            z.object({
              keepId: id,
              mergedId: id,
              kept: z.string(),
              merged: z.string(),
              state: z.enum(['undone', 'keptGone', 'unavailable']),
              changedBy: z.string().nullable(),
              changedAt: z.string().nullable(),
              fields: z.array(undoKeepingFieldSchema),
              children: z.array(undoKeepingChildSchema),
            }),
          ),
          geonamesDropped: z.boolean(),
        })
        .nullable(),
    }),
  },
  'merges:undoKeeping': {
    doc: 'Undoes the merge of merge entry `auditId` (two partnerships or two partner towns) keeping the changes made since, as merges:undoKeepingPreview described it: checked against the kept record’s `version` and the preview’s `check`; a change meanwhile gives CONFLICT naming who and when (reason error.conflictBy, or merge.keeping.changedMeanwhileBy for a child, a moved partnership or a merged one), nothing written. The merged-away record comes back with its id. One audited restore entry on the kept record; for a town merge each partnership that goes back, or whose merge is undone, says so in its own history.',
    input: z.object({ auditId: id, version: z.number().int().positive(), check: z.string().min(1).max(100) }).strict(),
    output: z.object({ table: z.string(), recordId: id }),
  },
  'contacts:create': {
    doc: 'Adds a contact person (Czech side or partner side) to a partnership.',
    input: contactFieldsSchema.extend({ partnershipId: id }),
    output: contactSchema,
  },
  'contacts:update': {
    doc: 'Changes a contact made against the version the editor saw (CONFLICT when changed meanwhile): a patch, an optional field not named stays as stored, one named null or empty is cleared. Returns the contact and the audit entry `contacts:revert` undoes the change by.',
    input: contactFieldsSchema.extend({ id, version: z.number().int().positive() }),
    output: contactSchema.extend({ auditId: id }),
  },
  'contacts:revert': {
    doc: 'Undoes one update of a contact from its audit entry (the toast’s Undo, the history’s “Vrátit tuto změnu”): puts back the fields that update changed (a patch), raising the version, audited as a new update. CONFLICT (reason undo.changedSince…) when the contact changed since, or is not at `version` when given; NOT_FOUND (reason undo.changeOfDeleted…) when it was deleted since. Nothing is written then.',
    input: revertInput,
    output: contactSchema.extend({ auditId: id }),
  },
  'contacts:delete': {
    doc: 'Deletes a contact; the audit entry keeps its last state, and bin:restore { auditId } brings it back.',
    input: versioned,
    output: z.object({ id, auditId: id }),
  },
  'activities:create': {
    doc: 'Adds an activity (visit, exchange, project …) with optional funding to a partnership.',
    input: activityFieldsSchema.and(z.object({ partnershipId: id })),
    output: activitySchema,
  },
  'activities:update': {
    doc: 'Changes an activity made against the version the editor saw (CONFLICT when changed meanwhile): a patch, an optional field not named stays as stored (the kind too), one named null or empty is cleared; checked again with the stored fields. Returns the activity and the audit entry `activities:revert` undoes the change by.',
    input: activityFieldsSchema.and(z.object({ id, version: z.number().int().positive() })),
    output: activitySchema.extend({ auditId: id }),
  },
  'activities:revert': {
    doc: 'Undoes one update of an activity from its audit entry, as `contacts:revert` does a contact’s: the fields it changed come back (a patch, checked whole), the version is raised, audited; refused when the activity changed or was deleted since.',
    input: revertInput,
    output: activitySchema.extend({ auditId: id }),
  },
  'activities:delete': {
    doc: 'Deletes an activity; the audit entry keeps its last state, and bin:restore { auditId } brings it back.',
    input: versioned,
    output: z.object({ id, auditId: id }),
  },
  'attachments:add': {
    doc: 'Attaches a file to a partnership (a scanned agreement, a resolution, photos): `file` is an upload handle from the browser bridge, or null for the host’s open dialog (or a `droppedPath` on the desktop). Checked (kind, size ≤ 20 MB, not empty), stored inside the registry, audited. Null when the dialog was closed.',
    input: z
      .object({
        partnershipId: id,
        file: z
          .string()
          .regex(/^upload:[0-9a-f]{32}$/)
          .nullable(),
        /** A file dropped on the desktop window (its path from the shell's preload); refused elsewhere. */
        droppedPath: z.string().min(1).max(4096).optional(),
        description: z.string().max(300).nullish(),
        /** The partnership's activity the file belongs to (photos of a visit); none for the partnership. */
        activityId: id.nullish(),
      })
      .strict(),
    output: attachmentSchema.nullable(),
  },
  'attachments:update': {
    doc: 'Changes an attachment’s description and the activity of its partnership it belongs to (null: the partnership as a whole), against the version the editor saw (CONFLICT when changed meanwhile). Audited; its name and bytes stay.',
    input: attachmentEditSchema.extend({ id, version: z.number().int().positive() }).strict(),
    output: attachmentSchema,
  },
  'attachments:save': {
    doc: 'Writes a copy of an attachment where the user chooses (native dialog; the output folder in the web preview), after checking its stored bytes against their hash. CANCELLED when the dialog is closed.',
    input: byId,
    output: z.object({ filePath: z.string() }),
  },
  'attachments:open': {
    doc: 'Opens an attachment with the system’s program for its kind (desktop only: its checked bytes are written to a private temporary folder first). FORBIDDEN where the window cannot open files (web preview).',
    input: byId,
    output: z.object({ filePath: z.string() }),
  },
  'attachments:delete': {
    doc: 'Deletes an attachment; its bytes stay in the registry, and bin:restore { auditId } brings it back.',
    input: versioned,
    output: z.object({ id, auditId: id }),
  },
  'export:grid': {
    doc: 'Writes the current view of a grid (these row ids in this order, these columns) to CSV (UTF-8 with BOM, semicolons, CRLF) or XLSX at a path the user chooses; formula injection is neutralised. CANCELLED when the user closes the dialog or cancels the job.',
    input: z
      .object({
        grid: z.enum(EXPORT_GRIDS),
        format: z.enum(EXPORT_FORMATS),
        rowIds: z.array(id).max(1_000_000),
        columns: z.array(z.string().max(100)).min(1).max(200),
        language: z.enum(UI_LANGUAGES),
        /** Names the export as a job: `job:progress` (phase "export") reports it, `jobs:cancel` stops it. */
        jobId: z.string().min(1).max(100).optional(),
      })
      .strict(),
    output: z.object({ filePath: z.string(), rows: z.number().int() }),
  },
});
