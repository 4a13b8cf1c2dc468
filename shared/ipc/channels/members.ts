import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  CONTACT_SIDES,
  COOPERATION_AREAS,
  CURRENCIES,
  FUNDING_PROGRAMMES,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
} from '../../domain/codes';
import {
  municipalityDetailSchema,
  municipalityInputSchema,
  municipalityPatchSchema,
} from '../../domain/municipality-rules';
import { requestRowSchema } from '../../domain/request-rules';
import { aresMunicipalitySchema } from '../../domain/ares';
import { id, isoDate } from '../../domain/schemas';
import { defineChannels } from '../define';

const versioned = { id, version: z.number().int().positive() };

/** One partnership of a member, as its overview lists it. */
export const memberPartnershipSchema = z.object({
  id,
  foreignTownId: id,
  townName: z.string(),
  townNameCs: z.string().nullable(),
  countryCode: z.string(),
  type: z.enum(PARTNERSHIP_TYPES),
  status: z.enum(PARTNERSHIP_STATUSES),
  startedOn: z.string().nullable(),
  signedOn: z.string().nullable(),
  areas: z.array(z.enum(COOPERATION_AREAS)),
  lastActivityOn: z.string().nullable(),
});

export const memberOverviewSchema = z.object({
  municipality: municipalityDetailSchema,
  partnerships: z.array(memberPartnershipSchema),
  activities: z.array(
    z.object({
      id,
      partnershipId: id,
      townName: z.string(),
      date: z.string(),
      title: z.string(),
      kind: z.enum(ACTIVITY_KINDS),
      participants: z.number().int().nullable(),
      fundingProgramme: z.enum(FUNDING_PROGRAMMES).nullable(),
      fundingAmount: z.number().nullable(),
      currency: z.enum(CURRENCIES).nullable(),
    }),
  ),
  contacts: z.array(
    z.object({
      id,
      partnershipId: id,
      townName: z.string(),
      side: z.enum(CONTACT_SIDES),
      name: z.string(),
      role: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  requests: z.array(requestRowSchema),
});
export type MemberOverview = z.infer<typeof memberOverviewSchema>;

export const membersChannels = defineChannels({
  'municipalities:get': {
    doc: 'One municipality with every stored field (the detail form).',
    input: z.object({ id }).strict(),
    output: municipalityDetailSchema,
  },
  'municipalities:create': {
    doc: 'Adds a municipality after checking every rule (code format and uniqueness, IČO checksum, coordinates in Czechia, dates); the region follows from the district. Audited.',
    input: municipalityInputSchema,
    output: municipalityDetailSchema,
  },
  'municipalities:update': {
    doc: 'Changes some fields of a municipality if it is still at `version` (else CONFLICT). Rules are checked against the merged record. Audited.',
    input: z.object({ ...versioned, patch: municipalityPatchSchema }).strict(),
    output: municipalityDetailSchema,
  },
  'municipalities:revert': {
    doc: "Restores from a member's history: puts back the values a past change (audit entry) replaced, if those fields have not changed since (else CONFLICT with reason history.error.changedSince). Audited as a new change.",
    input: z.object({ auditId: id }).strict(),
    output: municipalityDetailSchema,
  },
  'municipalities:endMembership': {
    doc: 'Ends the membership on a date (member_until, not before member_since); the record and its partnerships stay. Audited.',
    input: z.object({ ...versioned, endedOn: isoDate }).strict(),
    output: municipalityDetailSchema,
  },
  'municipalities:bulkMembership': {
    doc: 'Marks many municipalities as members or as not members in one audited change (only the flag: the dates stay). CONFLICT (reason members.bulk.conflictBy; `details.rows` names every municipality changed since the user saw it, who and when) when some changed meanwhile; nothing is written then. Returns how many changed and the audit group that `municipalities:bulkRestoreMembership` undoes.',
    input: z
      .object({
        rows: z
          .array(z.object({ ...versioned }).strict())
          .min(1)
          .max(20_000),
        isMember: z.boolean(),
      })
      .strict(),
    output: z.object({ changed: z.number().int(), auditId: id.nullable() }),
  },
  'municipalities:bulkRestoreMembership': {
    doc: 'Undoes a bulk change of membership from its audit group id: every municipality gets back what it had; CONFLICT (reason members.bulk.undoChangedRows) listing in `details.rows` every one changed or deleted since, who and when, with `details.others` nobody touched (nothing put back). With `onlyUnchanged`, puts back only those nobody changed since (one audited group) and says how many it left (`skipped`).',
    input: z.object({ auditId: id, onlyUnchanged: z.boolean().optional() }).strict(),
    output: z.object({ changed: z.number().int(), auditId: id.nullable(), skipped: z.number().int().optional() }),
  },
  'municipalities:delete': {
    doc: 'Deletes a municipality with its partnerships, contacts, activities and requests; the audit entry keeps everything so that `municipalities:restore` can undo it.',
    input: z.object({ ...versioned }).strict(),
    output: z.object({ auditId: id, name: z.string() }),
  },
  'municipalities:deleteImpact': {
    doc: 'What deleting a municipality would take with it, counted now (partnerships, their contacts, activities, agreement drafts and attachments, its requests), with its current version: the delete dialog asks when it opens.',
    input: z.object({ id }).strict(),
    output: z.object({
      version: z.number().int(),
      partnerships: z.number().int(),
      contacts: z.number().int(),
      activities: z.number().int(),
      agreements: z.number().int(),
      attachments: z.number().int(),
      requests: z.number().int(),
    }),
  },
  'municipalities:restore': {
    doc: 'Undoes a delete: puts back the municipality and everything deleted with it, from the audit entry of the delete.',
    input: z.object({ auditId: id }).strict(),
    output: municipalityDetailSchema,
  },
  'municipalities:overview': {
    doc: 'A member in one place: its record, partnerships, activities, contacts and requests (a few queries, not one per row).',
    input: z.object({ id }).strict(),
    output: memberOverviewSchema,
  },
  'ares:municipality': {
    doc: 'Looks a municipality up in ARES (the public register of economic subjects) by its IČO, to fill a new member’s form: name, ČSÚ code, kind, district, address; what ARES does not state is null. Writes nothing. NOT_FOUND for an unknown IČO, VALIDATION for a subject that is not a municipality, IO when ARES cannot be reached.',
    input: z.object({ ico: z.string().trim().max(20) }).strict(),
    output: aresMunicipalitySchema,
  },
});
