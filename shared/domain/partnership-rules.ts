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
import { isCountryCode } from './countries';
import { fieldIssues, type FieldIssue } from './errors';
import { certainlyBefore, partialDate } from './dates';
import { id, isoDate, optionalText } from './schemas';

/**
 * Validation rules of partnerships, foreign towns, contacts and activities. The same schemas
 * run in the form, in the grid's inline editors and at the core's gate, so nothing invalid
 * reaches the database. Messages are i18n keys (`validation.*`).
 */

const requiredText = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');

const optionalDate = z
  .union([isoDate, z.literal(''), z.null()])
  .optional()
  .transform((value) => (value === undefined || value === '' ? null : value));

/** A date the source may know only to the month or the year (`1994-05-22`, `1994-05`, `1994`). */
const optionalPartialDate = z
  .union([partialDate, z.literal(''), z.null()])
  .optional()
  .transform((value) => (value === undefined || value === '' ? null : value));

/** A council resolution number as municipalities write it: e.g. `ZM/12/2024`, `123/5/2019`, `R-45/2020`. */
export const resolutionCode = z
  .string()
  .max(100, 'validation.tooLong')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ./\-–]*$/u, 'validation.resolutionCode')
  .nullish()
  .or(z.literal(''))
  .transform((value) => (value === undefined || value === null || value.trim() === '' ? null : value.trim()));

/** The editable fields of a partnership (without the two towns), with no defaults (a change names what it changes). */
const partnershipFieldsBase = z.object({
  type: z.enum(PARTNERSHIP_TYPES, 'validation.required'),
  status: z.enum(PARTNERSHIP_STATUSES, 'validation.required'),
  startedOn: optionalPartialDate,
  signedOn: optionalPartialDate,
  signedPlace: optionalText(200),
  czResolution: resolutionCode,
  czResolutionDate: optionalDate,
  partnerResolution: resolutionCode,
  partnerResolutionDate: optionalDate,
  termKind: z.enum(TERM_KINDS),
  termUntil: optionalDate,
  endedOn: optionalPartialDate,
  notes: optionalText(20_000),
  areas: z.array(z.enum(COOPERATION_AREAS)).max(COOPERATION_AREAS.length),
  participantGroups: z.array(z.enum(PARTICIPANT_GROUPS)).max(PARTICIPANT_GROUPS.length),
  /** The user confirmed that the agreement was signed before the partnership started. */
  confirmSignedBeforeStart: z.boolean().optional(),
});

/** The fields of a whole partnership: a new one, or the result of applying a change. */
export const partnershipFieldsObject = partnershipFieldsBase.extend({
  termKind: z.enum(TERM_KINDS).default('indefinite'),
  areas: partnershipFieldsBase.shape.areas.default([]),
  participantGroups: partnershipFieldsBase.shape.participantGroups.default([]),
});
export type PartnershipFieldsInput = z.input<typeof partnershipFieldsObject>;

type DatedFields = {
  startedOn: string | null;
  signedOn: string | null;
  termKind: string;
  termUntil: string | null;
  endedOn: string | null;
  czResolutionDate: string | null;
  partnerResolutionDate: string | null;
  confirmSignedBeforeStart?: boolean | undefined;
};

/** Rules between fields (dates in order, a fixed term has an end). */
export function crossFieldIssues(p: DatedFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (p.startedOn && p.signedOn && certainlyBefore(p.signedOn, p.startedOn) && p.confirmSignedBeforeStart !== true) {
    issues.push({ path: 'signedOn', message: 'validation.signedBeforeStarted' });
  }
  if (p.termKind === 'fixed' && !p.termUntil)
    issues.push({ path: 'termUntil', message: 'validation.termUntilRequired' });
  const from = p.signedOn ?? p.startedOn;
  if (p.termKind === 'fixed' && p.termUntil && from && certainlyBefore(p.termUntil, from)) {
    issues.push({ path: 'termUntil', message: 'validation.termBeforeStart' });
  }
  if (p.endedOn && p.startedOn && certainlyBefore(p.endedOn, p.startedOn))
    issues.push({ path: 'endedOn', message: 'validation.endedBeforeStarted' });
  return issues;
}

const withCrossRules = <T extends z.ZodType<DatedFields>>(schema: T) =>
  schema.superRefine((value, ctx) => {
    for (const issue of crossFieldIssues(value))
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });

export const partnershipFieldsSchema = withCrossRules(partnershipFieldsObject);
export type PartnershipFields = z.output<typeof partnershipFieldsSchema>;

/** The longest name of a foreign town: the form, core and the importers apply the same number. */
export const TOWN_NAME_MAX = 200;

/** A foreign town as the user enters it or picks it from the gazetteer. */
export const foreignTownInputSchema = z
  .object({
    name: requiredText(TOWN_NAME_MAX),
    nameCs: optionalText(TOWN_NAME_MAX),
    countryCode: z.string().refine(isCountryCode, 'validation.countryCode'),
    adminRegion: optionalText(200),
    population: z
      .number()
      .int('validation.wholeNumber')
      .min(0, 'validation.nonNegative')
      .max(50_000_000, 'validation.tooLarge')
      .nullish(),
    latitude: z.number().min(-90, 'validation.latitude').max(90, 'validation.latitude').nullish(),
    longitude: z.number().min(-180, 'validation.longitude').max(180, 'validation.longitude').nullish(),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, 'validation.language')
      .nullish(),
    geonamesId: z.number().int().positive().nullish(),
  })
  .superRefine((town, ctx) => {
    const hasLat = town.latitude !== null && town.latitude !== undefined;
    const hasLon = town.longitude !== null && town.longitude !== undefined;
    if (hasLat !== hasLon)
      ctx.addIssue({
        code: 'custom',
        path: [hasLat ? 'longitude' : 'latitude'],
        message: 'validation.coordinatesPair',
      });
    // 0,0 lies in the Gulf of Guinea: it is a blank that was filled with zeros, not a town.
    if (hasLat && hasLon && town.latitude === 0 && town.longitude === 0) {
      ctx.addIssue({ code: 'custom', path: ['latitude'], message: 'validation.coordinatesZero' });
    }
  });
export type ForeignTownInput = z.output<typeof foreignTownInputSchema>;

/** A new partnership: a member and a foreign town (existing or new), plus its fields. */
export const partnershipCreateSchema = withCrossRules(
  partnershipFieldsObject.extend({
    municipalityId: id,
    foreignTownId: id.optional(),
    town: foreignTownInputSchema.optional(),
  }),
).refine((value) => value.foreignTownId !== undefined || value.town !== undefined, {
  path: ['town'],
  message: 'validation.townRequired',
});
export type PartnershipCreate = z.output<typeof partnershipCreateSchema>;

/** A change of some fields of one partnership, made against the version the editor saw. */
export const partnershipUpdateSchema = z.object({
  id,
  version: z.number().int().positive(),
  changes: partnershipFieldsBase.partial(),
});
export type PartnershipUpdate = z.output<typeof partnershipUpdateSchema>;

const email = z
  .string()
  .max(320, 'validation.tooLong')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'validation.email')
  .nullish()
  .or(z.literal(''))
  .transform((value) => (value === undefined || value === null || value === '' ? null : value));

export const contactFieldsSchema = z.object({
  side: z.enum(CONTACT_SIDES),
  name: requiredText(200),
  role: optionalText(200),
  email,
  phone: z
    .string()
    .max(50, 'validation.tooLong')
    .regex(/^[+()0-9 ./-]*$/, 'validation.phone')
    .nullish()
    .transform((value) => (value === undefined || value === null || value.trim() === '' ? null : value)),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'validation.language')
    .nullish()
    .or(z.literal(''))
    .transform((v) => (v ? v : null)),
  notes: optionalText(5_000),
});
export type ContactFields = z.output<typeof contactFieldsSchema>;

export const activityFieldsSchema = z
  .object({
    date: isoDate,
    dateEnd: optionalDate,
    title: requiredText(300),
    kind: z.enum(ACTIVITY_KINDS).default('other'),
    participants: z
      .number()
      .int('validation.wholeNumber')
      .min(0, 'validation.nonNegative')
      .max(1_000_000, 'validation.tooLarge')
      .nullish(),
    description: optionalText(10_000),
    fundingProgramme: z.enum(FUNDING_PROGRAMMES).nullish(),
    fundingAmount: z.number().min(0, 'validation.nonNegative').max(1e12, 'validation.tooLarge').nullish(),
    currency: z.enum(CURRENCIES).nullish(),
  })
  .superRefine((a, ctx) => {
    if (a.dateEnd && a.dateEnd < a.date)
      ctx.addIssue({ code: 'custom', path: ['dateEnd'], message: 'validation.endBeforeStart' });
    const hasAmount = a.fundingAmount !== null && a.fundingAmount !== undefined;
    if (hasAmount && !a.currency)
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'validation.currencyRequired' });
    if (hasAmount && !a.fundingProgramme)
      ctx.addIssue({ code: 'custom', path: ['fundingProgramme'], message: 'validation.programmeRequired' });
  });
export type ActivityFields = z.output<typeof activityFieldsSchema>;

/** Field problems of a value against a schema, as `{ path, message }` (message = i18n key). */
export function issuesOf(schema: z.ZodType, value: unknown): FieldIssue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return fieldIssues(result.error);
}
