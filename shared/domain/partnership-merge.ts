import { z } from 'zod';

/**
 * Fields a person states where two partnerships of one member may say different things: a merge
 * shows each clash and keeps the kept record's value unless the user takes the other's
 * (walkthrough 20: a merge kept "2009" over "1. 3. 2010" and said nothing). `term` is the kind of
 * term and its end date as one value.
 */
export const PARTNERSHIP_CHOOSABLE = [
  'type',
  'status',
  'startedOn',
  'signedOn',
  'signedPlace',
  'czResolution',
  'czResolutionDate',
  'partnerResolution',
  'partnerResolutionDate',
  'term',
  'endedOn',
] as const;
export type ChoosableField = (typeof PARTNERSHIP_CHOOSABLE)[number];

/**
 * One field both partnerships state differently, as stored: a code, a date at its precision, a
 * text; a term as `fixed:2030-12-31`, `fixed` or `indefinite`.
 */
export const mergeClashSchema = z.object({
  field: z.enum(PARTNERSHIP_CHOOSABLE),
  kept: z.string(),
  other: z.string(),
});
export type MergeClash = z.infer<typeof mergeClashSchema>;

/**
 * Fields a deleted partnership can fill into the live one of the same pair (walkthrough 22,
 * finding 1): the choosable ones, the notes (joined when both have some) and the sets (the
 * deleted record's areas and groups added). Each is written only when the user ticks it.
 */
export const FILL_FIELDS = [...PARTNERSHIP_CHOOSABLE, 'notes', 'areas', 'participantGroups'] as const;
export type FillField = (typeof FILL_FIELDS)[number];

/** Children of a deleted partnership that can move onto the live one (they keep their ids where free). */
export const FILL_CHILDREN = ['contacts', 'activities', 'agreement_documents', 'attachments'] as const;
export type FillChild = (typeof FILL_CHILDREN)[number];

/**
 * Fields a deleted partner town can fill into the town of the same name and country added again
 * meanwhile (its restore is refused): the card's fields (coordinates as one pair), its other names
 * (the missing ones added) and the texts joined (notes, history). A deleted town has no
 * partnerships or requests (a town named by one cannot be deleted), so a town fill is fields only.
 */
export const TOWN_FILL_FIELDS = [
  'nameCs',
  'altNames',
  'nameNative',
  'kind',
  'largeCity',
  'adminRegion',
  'population',
  'coordinates',
  'address',
  'language',
  'website',
  'email',
  'mayorName',
  'mayorGender',
  'mayorOffice',
  'mayorTitle',
  'contractingBody',
  'idNumber',
  'geonamesId',
  'history',
  'notes',
] as const;
export type TownFillField = (typeof TOWN_FILL_FIELDS)[number];

/** Any field a fill lists: a partnership's or a partner town's. */
export type AnyFillField = FillField | TownFillField;

/** The kinds of deleted record a fill takes values from (bin:fillPreview, bin:fill). */
export const FILL_TABLES = ['partnerships', 'foreign_towns'] as const;
export type FillTable = (typeof FILL_TABLES)[number];

/** Any field name a fill accepts (the gate's rule for `take`). */
export const anyFillFieldSchema = z.union([z.enum(FILL_FIELDS), z.enum(TOWN_FILL_FIELDS)]);

/**
 * One field the deleted record states, against the live record's value, as stored (a term as
 * `fixed:2030-12-31`; a set as its codes joined by `,`, a town's other names by a new line;
 * coordinates as `latitude,longitude`); `live` null when the live record does not state it.
 * Fields both state alike are not listed.
 */
export const fillFieldSchema = z.object({
  field: anyFillFieldSchema,
  deleted: z.string(),
  live: z.string().nullable(),
});
export type FillFieldRow = z.infer<typeof fillFieldSchema>;

/**
 * One child of the deleted record as a person reads it: its name or title, its date (an
 * activity's, a draft's), its other texts as stored (a role, an e-mail), an activity's funding
 * (programme code, amount as text, currency), and whether the live record has it already.
 */
export const fillChildSchema = z.object({
  table: z.enum(FILL_CHILDREN),
  id: z.number().int().positive(),
  label: z.string(),
  date: z.string().nullable(),
  texts: z.array(z.string()),
  funding: z
    .object({ programme: z.string().nullable(), amount: z.string().nullable(), currency: z.string().nullable() })
    .nullable(),
  duplicate: z.boolean(),
});
export type FillChildRow = z.infer<typeof fillChildSchema>;
