import { z } from 'zod';
import { GENDERS } from './codes';
import { isCountryCode } from './countries';
import { id, optionalText, provenanceFields, websiteAddress } from './schemas';

/*
 * The partner-town card: one record per town abroad, with everything an agreement and a staffer
 * need about it (names in each script, the town hall, the mayor, who signs), kept once instead of
 * retyped in every draft. Unknown stays null; nothing is guessed.
 */

/**
 * What a partner town is: a town, a rural municipality, or not stated (a source rarely says; a
 * document then uses the generic municipality forms and asks, as for a Czech member of unknown kind).
 */
export const FOREIGN_TOWN_KINDS = ['town', 'municipality', 'unknown'] as const;
export type ForeignTownKind = (typeof FOREIGN_TOWN_KINDS)[number];
/**
 * Whether a town is a city ("velké město", "the City of …", its mayor of a city's rank): as the
 * card states it, else by its population (100,000 or more). Null population and no statement: no.
 */
export const isLargeCity = (town: { population: number | null; largeCity?: boolean | null }): boolean =>
  town.largeCity ?? (town.population !== null && town.population >= 100_000);

/** The kind stored in a row (anything else reads as not stated). */
export const foreignTownKindOf = (value: unknown): ForeignTownKind =>
  value === 'town' || value === 'municipality' ? value : 'unknown';

/** The longest text each field takes (the columns' sizes; the form and core apply the same). */
export const TOWN_TEXT_LIMITS = {
  name: 200,
  nameCs: 200,
  nameNative: 200,
  adminRegion: 200,
  address: 300,
  email: 200,
  website: 500,
  mayorName: 200,
  mayorTitle: 200,
  contractingBody: 300,
  idNumber: 50,
  history: 10_000,
  notes: 5_000,
  altName: 200,
} as const;

const text = (max: number) => z.string().trim().max(max, 'validation.tooLong');

/** Every field of the card a staffer edits, each with its own rule. */
export const townCardFieldsSchema = z.object({
  name: text(TOWN_TEXT_LIMITS.name).min(1, 'validation.required'),
  nameCs: optionalText(TOWN_TEXT_LIMITS.nameCs),
  nameNative: optionalText(TOWN_TEXT_LIMITS.nameNative),
  useCzechName: z.boolean(),
  altNames: z.array(text(TOWN_TEXT_LIMITS.altName).min(1, 'validation.required')).max(50, 'validation.tooMany'),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => isCountryCode(code), 'validation.countryCode'),
  kind: z.enum(FOREIGN_TOWN_KINDS, { error: 'validation.required' }),
  /** A town stated to be a city (true) or not (false); null: its population decides (`isLargeCity`). */
  largeCity: z.boolean().nullable(),
  adminRegion: optionalText(TOWN_TEXT_LIMITS.adminRegion),
  population: z
    .number({ error: 'validation.number' })
    .int('validation.wholeNumber')
    .min(0, 'validation.townPopulation')
    .max(40_000_000, 'validation.townPopulation')
    .nullable(),
  latitude: z
    .number({ error: 'validation.number' })
    .min(-90, 'validation.latitude')
    .max(90, 'validation.latitude')
    .nullable(),
  longitude: z
    .number({ error: 'validation.number' })
    .min(-180, 'validation.longitude')
    .max(180, 'validation.longitude')
    .nullable(),
  address: optionalText(TOWN_TEXT_LIMITS.address),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2}$/, 'validation.language')
    .nullable(),
  // 'www.olbersdorf.de', as staff type it, is read as https:// (it was refused).
  website: websiteAddress(TOWN_TEXT_LIMITS.website).nullable(),
  email: z
    .string()
    .trim()
    .max(TOWN_TEXT_LIMITS.email, 'validation.tooLong')
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'validation.email')
    .nullable(),
  mayorName: optionalText(TOWN_TEXT_LIMITS.mayorName),
  mayorGender: z.enum(GENDERS).nullable(),
  /** An office of the town's country (`DE:oberbuergermeister`); null: chosen by the country's rules. */
  mayorOffice: z
    .string()
    .trim()
    .max(40, 'validation.tooLong')
    .regex(/^[A-Z]{2}:[a-z_]+$/, 'validation.office')
    .nullable(),
  /** The staffer's own wording of the mayor's title in the town's language; null: from the office. */
  mayorTitle: optionalText(TOWN_TEXT_LIMITS.mayorTitle),
  contractingBody: optionalText(TOWN_TEXT_LIMITS.contractingBody),
  /** The town's official number in its country (REGON, SIREN, IČO…), as its agreements state it. */
  idNumber: optionalText(TOWN_TEXT_LIMITS.idNumber),
  history: optionalText(TOWN_TEXT_LIMITS.history),
  notes: optionalText(TOWN_TEXT_LIMITS.notes),
});
export type TownCardFields = z.infer<typeof townCardFieldsSchema>;
export type TownCardField = keyof TownCardFields;

/** A change of some fields of the card; the cross-field rules are checked against the merged card. */
export const townCardPatchSchema = townCardFieldsSchema.partial().strict();
export type TownCardPatch = z.infer<typeof townCardPatchSchema>;

/** Rules joining two fields: coordinates come as a pair. */
export function townCardCrossIssues(values: Partial<Pick<TownCardFields, 'latitude' | 'longitude'>>) {
  const hasLat = values.latitude !== null && values.latitude !== undefined;
  const hasLon = values.longitude !== null && values.longitude !== undefined;
  return hasLat === hasLon ? [] : [{ path: hasLat ? 'longitude' : 'latitude', message: 'validation.coordinatesPair' }];
}

/** The partnerships of a town, as the card lists them. */
export const townPartnershipSchema = z.object({
  partnershipId: id,
  municipalityId: id,
  municipalityName: z.string(),
  regionName: z.string().nullable(),
  type: z.string(),
  status: z.string(),
});

/** The card as stored: the fields, the record's version and provenance, and its partnerships. */
export const townCardSchema = z.object({
  id,
  version: z.number().int(),
  ...townCardFieldsSchema.shape,
  // Stored values are shown as they are, even where today's rules would refuse them (older data).
  name: z.string(),
  countryCode: z.string(),
  altNames: z.array(z.string()),
  language: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  mayorOffice: z.string().nullable(),
  population: z.number().int().nullable(),
  geonamesId: z.number().int().nullable(),
  ...provenanceFields,
  createdAt: z.string(),
  updatedAt: z.string(),
  partnerships: z.array(townPartnershipSchema),
});
export type TownCard = z.infer<typeof townCardSchema>;
