import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  CONTACT_SIDES,
  COOPERATION_AREAS,
  CURRENCIES,
  FUNDING_PROGRAMMES,
  PARTICIPANT_GROUPS,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  TERM_KINDS,
} from './codes';
import { id, provenanceFields } from './schemas';
import { PARTNERSHIP_WARNINGS } from './partnership-rules';
import { attachmentSchema } from './attachments';

/** One row of the Partnerships grid: a partnership joined with its member, region, town and country. */
export const partnershipRowSchema = z.object({
  id,
  version: z.number().int(),
  municipalityId: id,
  municipalityName: z.string(),
  municipalityCode: z.string(),
  /** Whether the municipality is a member of the association now (the membership filter's field). */
  municipalityIsMember: z.boolean(),
  districtName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  foreignTownId: id,
  townName: z.string(),
  townNameCs: z.string().nullable(),
  /**
   * The town's other names (one a line: its alternates, as the English „Vienna“ of Wien, and its
   * name in its own script, „Москва“): searched by the quick search, shown in no column. Null when none.
   */
  townOtherNames: z.string().nullable(),
  townAdminRegion: z.string().nullable(),
  townPopulation: z.number().int().nullable(),
  countryCode: z.string(),
  type: z.enum(PARTNERSHIP_TYPES),
  status: z.enum(PARTNERSHIP_STATUSES),
  startedOn: z.string().nullable(),
  signedOn: z.string().nullable(),
  termKind: z.enum(TERM_KINDS),
  termUntil: z.string().nullable(),
  areas: z.array(z.enum(COOPERATION_AREAS)),
  lastActivityOn: z.string().nullable(),
  ...provenanceFields,
});
export type PartnershipRow = z.infer<typeof partnershipRowSchema>;

export const foreignTownSchema = z.object({
  id,
  name: z.string(),
  nameCs: z.string().nullable(),
  countryCode: z.string(),
  adminRegion: z.string().nullable(),
  population: z.number().int().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  language: z.string().nullable(),
  geonamesId: z.number().int().nullable(),
  /** Other spellings of the town (kept when two records of it were merged). */
  altNames: z.array(z.string()),
});
export type ForeignTown = z.infer<typeof foreignTownSchema>;

export const contactSchema = z.object({
  id,
  partnershipId: id,
  version: z.number().int(),
  side: z.enum(CONTACT_SIDES),
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const activitySchema = z.object({
  id,
  partnershipId: id,
  version: z.number().int(),
  date: z.string(),
  dateEnd: z.string().nullable(),
  title: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  participants: z.number().int().nullable(),
  description: z.string().nullable(),
  fundingProgramme: z.enum(FUNDING_PROGRAMMES).nullable(),
  fundingAmount: z.number().nullable(),
  currency: z.enum(CURRENCIES).nullable(),
});
export type Activity = z.infer<typeof activitySchema>;

/** Everything about one partnership: the detail panel. */
export const partnershipDetailSchema = partnershipRowSchema.extend({
  signedPlace: z.string().nullable(),
  czResolution: z.string().nullable(),
  czResolutionDate: z.string().nullable(),
  partnerResolution: z.string().nullable(),
  partnerResolutionDate: z.string().nullable(),
  endedOn: z.string().nullable(),
  notes: z.string().nullable(),
  participantGroups: z.array(z.enum(PARTICIPANT_GROUPS)),
  /** Warnings a person confirmed for the current values (not asked again while they stay). */
  acknowledgedWarnings: z.array(z.enum(PARTNERSHIP_WARNINGS)),
  createdAt: z.string(),
  updatedAt: z.string(),
  town: foreignTownSchema,
  contacts: z.array(contactSchema),
  activities: z.array(activitySchema),
  /** Files kept with the partnership (scans, resolutions, photos), oldest first. */
  attachments: z.array(attachmentSchema),
});
export type PartnershipDetail = z.infer<typeof partnershipDetailSchema>;

/** One suggestion for a foreign town: a town already in the registry or one from the gazetteer. */
export const townSuggestionSchema = z.object({
  /** Id in the registry when the town is already there (shared by several members). */
  foreignTownId: id.nullable(),
  geonamesId: z.number().int().nullable(),
  name: z.string(),
  nameCs: z.string().nullable(),
  countryCode: z.string(),
  adminCode: z.string().nullable(),
  adminRegion: z.string().nullable(),
  population: z.number().int().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /**
   * A registry town whose name the gazetteer spells otherwise, only in its diacritics ("Wroclaw",
   * imported without them, is "Wrocław" there): the spelling is shown beside it, so that staff see
   * what the registry lacks (the town card corrects it), and the registry record is still the one
   * picked (no duplicate).
   */
  gazetteerName: z.string().nullable().optional(),
  /**
   * A registry town without a gazetteer id that is the gazetteer town of this name (one of its
   * names or its Czech exonym, and within 10 km): the one suggestion of the two, with the
   * gazetteer's name and population beside it; picking it uses the registry record.
   */
  gazetteerTown: z.object({ name: z.string(), population: z.number().int().nullable() }).nullable().optional(),
  /**
   * A gazetteer town whose name a registry town without a gazetteer id has, where the registry
   * does not say where that town is: both are offered, this one naming the registry's ("Voroněž").
   */
  maybeInRegistry: z.string().nullable().optional(),
});
export type TownSuggestion = z.infer<typeof townSuggestionSchema>;

export { EXPORT_FORMATS, EXPORT_GRIDS, type ExportFormat, type ExportGrid } from './exports';
