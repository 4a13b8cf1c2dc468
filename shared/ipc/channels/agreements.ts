import { z } from 'zod';
import { FOREIGN_TOWN_KINDS } from '../../domain/town-card';
import { defineChannels } from '../define';
import { AGREEMENT_LAYOUTS, AGREEMENT_TEMPLATES, PREAMBLES } from '../../domain/codes';
import { id } from '../../domain/schemas';
import {
  agreementDraftSchema,
  agreementRequestSchema,
  agreementSourceSchema,
  agreementWarningSchema,
} from '../../domain/agreements/schemas';

const written = z.object({
  filePath: z.string(),
  /** Both originals: the partner's copy, written beside `filePath`. */
  pairFilePath: z.string().optional(),
  warnings: z.array(agreementWarningSchema),
  draftId: id.nullable(),
  /** Fields of the partner-town card the draft filled (the card knew nothing of them yet). */
  townCardFilled: z.array(z.string()),
  /** Fields of the Czech municipality's record the draft filled (the record had none yet). */
  memberFilled: z.array(z.string()).default([]),
  /** Fields of the partnership the draft filled (its resolutions, where it had none yet). */
  partnershipFilled: z.array(z.string()).default([]),
  /** What the draft stated that a record did not take, and why (a refused number, another post code). */
  notKept: z
    .array(
      z.object({
        target: z.enum(['member', 'partnership']),
        field: z.string(),
        reason: z.string(),
        params: z.record(z.string(), z.string()).optional(),
      }),
    )
    .default([]),
});

export const agreementsChannels = defineChannels({
  'agreements:sources': {
    doc: 'What an agreement can start from: every partnership (both towns named), member municipalities and partner towns.',
    input: z.object({}).strict(),
    output: z.object({
      partnerships: z.array(
        z.object({
          id,
          municipalityId: id,
          municipalityName: z.string(),
          /** The member's district (two members of one name are told apart by it). */
          districtName: z.string().nullable(),
          townId: id,
          townName: z.string(),
          /** The town's Czech name (the picker finds "Remeš" too). */
          townNameCs: z.string().nullable().default(null),
          countryCode: z.string(),
          type: z.string(),
          status: z.string(),
        }),
      ),
      members: z.array(z.object({ id, name: z.string() })),
      towns: z.array(z.object({ id, name: z.string(), countryCode: z.string() })),
    }),
  },
  'agreements:options': {
    doc: 'Defaults of an agreement filled from the registry (template by partnership type, second language by the partner town, parties, mayors, resolutions, areas) and what each template offers (optional articles, variants).',
    input: z.object({ source: agreementSourceSchema }).strict(),
    output: z.object({
      partnershipId: id.nullable(),
      /** The partner town, whose card the draft reads (and fills where it knew nothing). */
      townId: id,
      /** The registry does not state the Czech party's kind (obec, městys, město): the form asks. */
      czKindUnknown: z.boolean(),
      /** What the rules know of the partner town: the form recomputes the noun, office and body when its kind is chosen. */
      partnerTown: z.object({
        name: z.string(),
        nameNative: z.string().nullable(),
        countryCode: z.string(),
        /** 'unknown': not stated (drafted as a municipality; the form asks). */
        kind: z.enum(FOREIGN_TOWN_KINDS),
        population: z.number().int().nullable(),
        /** Stated on the card to be a city or not; null: the population decides. */
        largeCity: z.boolean().nullable(),
        adminRegion: z.string().nullable(),
        language: z.string().nullable(),
      }),
      /** The registry shows contact before the draft: only then is the "earlier friendship" preamble on by default. */
      earlierContact: z.boolean(),
      /** Places the form offers for the signature (the stored place of signing, both towns); the draft's place starts blank. */
      placeSuggestions: z.array(z.string()),
      request: agreementRequestSchema,
      templates: z.record(
        z.enum(AGREEMENT_TEMPLATES),
        z.object({
          /** Optional articles: Czech and English headings, and whether a new draft leaves the article out. */
          optional: z.array(
            z.object({ id: z.string(), heading: z.string(), headingEn: z.string(), offByDefault: z.boolean() }),
          ),
          variants: z.array(z.enum(['duration', 'entry'])),
          /** Every article's English heading by its id: the English screen's article editor names them so. */
          headingsEn: z.record(z.string(), z.string()),
          /** The template's own preambles ("earlier friendship" only where the registry shows contact). */
          defaultPreambles: z.array(z.enum(PREAMBLES)),
        }),
      ),
    }),
  },
  'agreements:preview': {
    doc: 'Builds the DOCX and returns it as base64 with the list of missing data. The ONE place document bytes cross IPC: for rendering the preview in the app (docx-preview) only; the renderer never saves them — saving is agreements:generate, where core writes the file to a path from the save dialog.',
    input: z.object({ request: agreementRequestSchema }).strict(),
    output: z.object({
      base64: z.string(),
      warnings: z.array(agreementWarningSchema),
      fileName: z.string(),
      /** The articles as printed, [Czech, partner's language], for the screen's article editor. */
      articles: z.array(
        z.object({ id: z.string(), number: z.number().nullable(), texts: z.tuple([z.string(), z.string()]) }),
      ),
    }),
  },
  'agreements:generate': {
    doc: 'Writes the agreement to a file chosen in the save dialog and stores the draft with the partnership. VALIDATION (details.reason MISSING_DATA, details.warnings) when data are missing and acceptMissing is false; CONFLICT (details.reason FILE_EXISTS, details.filePath) when the file exists and overwrite is false — the screen asks, then retries with that filePath and overwrite: true; CANCELLED when the dialog is cancelled.',
    input: z
      .object({
        request: agreementRequestSchema,
        acceptMissing: z.boolean().default(false),
        overwrite: z.boolean().default(false),
        filePath: z.string().max(1000).optional(),
      })
      .strict(),
    output: written,
  },
  'agreements:list': {
    doc: 'Drafts generated for a partnership, newest first (template, languages, layout, file, date, whether the file still exists).',
    input: z.object({ partnershipId: id }).strict(),
    output: z.array(agreementDraftSchema),
  },
  'agreements:delete': {
    doc: 'Deletes a stored draft from the registry (its DOCX file stays on disk); the audit entry keeps it, so the bin or bin:restore { auditId } brings it back with the same id.',
    input: z.object({ draftId: id }).strict(),
    output: z.object({ auditId: id }),
  },
  'agreements:regenerate': {
    doc: "Re-generates a stored draft with the registry's current data, keeping the user's edits; writes to the draft's file (CONFLICT unless overwrite) and records a new draft.",
    input: z.object({ draftId: id, overwrite: z.boolean().default(false) }).strict(),
    output: written,
  },
  'agreements:batch': {
    doc: 'Generates drafts for many partnerships into a folder chosen in a dialog; emits job:progress {jobId, phase: "agreements"} after each; stops when jobs:cancel names the jobId. Never overwrites (numbered names).',
    input: z
      .object({
        jobId: z.string().min(1).max(100),
        partnershipIds: z.array(id).min(1).max(5000),
        template: z.enum(AGREEMENT_TEMPLATES).nullable().default(null),
        layout: z.enum(AGREEMENT_LAYOUTS).default('parallel'),
      })
      .strict(),
    output: z.object({
      jobId: z.string(),
      folder: z.string(),
      cancelled: z.boolean(),
      results: z.array(
        z.object({
          partnershipId: id,
          filePath: z.string().nullable(),
          warnings: z.array(agreementWarningSchema),
          error: z.string().nullable(),
        }),
      ),
    }),
  },
});
