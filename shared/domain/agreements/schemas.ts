import { z } from 'zod';
import {
  AGREEMENT_LANGUAGES,
  AGREEMENT_LAYOUTS,
  AGREEMENT_TEMPLATES,
  COOPERATION_AREAS,
  GENDERS,
  PARTICIPANT_GROUPS,
  PREAMBLES,
} from '../codes';
import { id, isoDate } from '../schemas';
import { DURATION_CHOICES, ENTRY_CHOICES, MAYOR_RANKS, MISSING_FIELDS, NOUN_KEYS } from './library';
import { PARTNER_LANGUAGES } from './model';
import { articleEditsSchema } from './article-edits';

/** The longest text of a party's line, its number and its resolution (the form stops there). */
export const PARTY_TEXT_MAX = 300;
export const ID_NUMBER_MAX = 50;
export const RESOLUTION_MAX = 100;

const line = z.string().max(PARTY_TEXT_MAX);

export const partyFieldsSchema = z
  .object({
    name: line,
    nounKey: z.enum(NOUN_KEYS),
    countryNames: z.partialRecord(z.enum(AGREEMENT_LANGUAGES), line),
    address: line,
    idNumber: z.string().max(ID_NUMBER_MAX),
    mayorName: line,
    mayorGender: z.enum(GENDERS).nullable(),
    mayorRank: z.enum(MAYOR_RANKS),
    mayorTitles: z.partialRecord(z.enum(AGREEMENT_LANGUAGES), line),
    signingPlace: line,
    signingDate: isoDate.nullable(),
    resolution: z.string().max(RESOLUTION_MAX),
    resolutionDate: isoDate.nullable(),
    // Optional: drafts stored before offices, names per script and contracting bodies still load.
    mayorOffice: z.string().max(40).optional(),
    /** The offices the head may hold while nobody stated the office or the kind (model.ts). */
    unstatedOffices: z.array(z.string().max(40)).max(5).optional(),
    nameCs: line.optional(),
    /** False: the registry does not state the party's kind and the user has not chosen its noun. */
    kindStated: z.boolean().optional(),
    nameCyrillic: line.optional(),
    mayorNameCyrillic: line.optional(),
    contractingBody: line.optional(),
    idLabels: z.partialRecord(z.enum(AGREEMENT_LANGUAGES), line).optional(),
  })
  .strict();

/**
 * Numbers of years and months start at 2: the clause texts are written for plural forms
 * ("dalších 5 let", "3 měsíců"), and a 1-year term or a 1-month notice would read wrongly.
 */
export const agreementFieldsSchema = z
  .object({
    cz: partyFieldsSchema,
    partner: partyFieldsSchema,
    duration: z.enum(DURATION_CHOICES),
    durationStated: z.boolean().optional(),
    entry: z.enum(ENTRY_CHOICES),
    validUntil: isoDate.nullable(),
    termYears: z.number().int().min(2).max(99),
    noticeMonths: z.number().int().min(2).max(36),
    // Each party receives the same number of originals (review C14): an odd number is refused.
    originals: z
      .number()
      .int()
      .min(2)
      .max(20)
      .refine((n) => n % 2 === 0, 'validation.originalsEven'),
    projectName: line,
    // Optional: drafts stored before these fields still load (issue 14 item 9, P3).
    programme: line.optional(),
    leadPartner: z.enum(['cz', 'partner']).nullable().optional(),
    budgetShares: z
      .object({ cz: z.string().max(100), partner: z.string().max(100) })
      .strict()
      .optional(),
    countersignature: z.object({ name: line }).strict().optional(),
  })
  .strict();

export const agreementSourceSchema = z.union([
  z.object({ partnershipId: id }).strict(),
  z.object({ municipalityId: id, foreignTownId: id }).strict(),
]);
export type AgreementSource = z.infer<typeof agreementSourceSchema>;

/** Everything the generator needs besides the registry: what the user chose and edited. */
export const agreementRequestSchema = z
  .object({
    source: agreementSourceSchema,
    template: z.enum(AGREEMENT_TEMPLATES),
    language: z.enum(PARTNER_LANGUAGES),
    layout: z.enum(AGREEMENT_LAYOUTS),
    preambles: z.array(z.enum(PREAMBLES)).max(PREAMBLES.length),
    omit: z.array(z.string().max(40)).max(30),
    titlePage: z.boolean(),
    areas: z.array(z.enum(COOPERATION_AREAS)).max(COOPERATION_AREAS.length),
    /** The registry's participant groups, listed in the article on participants (review C15). */
    participantGroups: z.array(z.enum(PARTICIPANT_GROUPS)).max(PARTICIPANT_GROUPS.length).optional(),
    fields: agreementFieldsSchema,
    /** In a Cyrillic text, the Latin name follows in brackets ("Місто Калуш (Kalush)"). */
    latinInBrackets: z.boolean().optional(),
    /** The text is final: no "NÁVRH / ENTWURF" mark on its pages (absent: a draft, marked). */
    final: z.boolean().optional(),
    /**
     * One of the two originals: "Vyhotovení pro …" on its first page, and its party's language
     * first (the partner's copy is the alternate original). Absent: no such line.
     */
    copyFor: z.enum(['cz', 'partner']).optional(),
    /** Save both originals: the Czech municipality's copy and, beside it, the partner's (each with its `copyFor`). */
    pair: z.boolean().optional(),
    /** Annex 1 "Plán spolupráce" after the signatures, filled from the partnership's plan (annex.ts). */
    annex: z.boolean().optional(),
    /** The user's rewording of articles, removed articles and own clauses (article-edits.ts). */
    articleEdits: articleEditsSchema.optional(),
  })
  .strict();
export type AgreementRequestInput = z.infer<typeof agreementRequestSchema>;

export const agreementWarningSchema = z.object({
  path: z.string(),
  field: z.enum(MISSING_FIELDS),
  side: z.enum(['cz', 'partner']).nullable(),
});

export const agreementDraftSchema = z.object({
  id,
  partnershipId: id,
  template: z.enum(AGREEMENT_TEMPLATES),
  languageFirst: z.string(),
  languageSecond: z.string(),
  layout: z.enum(AGREEMENT_LAYOUTS),
  filePath: z.string().nullable(),
  fileName: z.string().nullable(),
  fileExists: z.boolean(),
  createdAt: z.string(),
});
export type AgreementDraft = z.infer<typeof agreementDraftSchema>;
