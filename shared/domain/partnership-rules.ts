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
import { certainlyBefore } from './dates';
import { partialDate } from './date-schema';
import { id, isoDate, optionalText } from './schemas';

/**
 * Validation rules of partnerships, foreign towns, contacts and activities. The same schemas
 * run in the form, in the grid's inline editors and at the core's gate, so nothing invalid
 * reaches the database. Messages are i18n keys (`validation.*`).
 */

/** Inconsistencies a person may confirm as true: the record is unusual, not wrong. */

/** The longest note of a partnership (the form's limit; an import keeps to it too). */
export const NOTES_MAX = 20_000;
export const PARTNERSHIP_WARNINGS = ['signedBeforeStarted', 'activeWithEndDate'] as const;
export type PartnershipWarning = (typeof PARTNERSHIP_WARNINGS)[number];

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

/**
 * A council resolution number as municipalities write it: e.g. `ZM/12/2024`, `123/5/2019`,
 * `R-45/2020`, and the Hungarian form with the day of the meeting, `123/2025. (VI. 26.)`.
 */
export const resolutionCode = z
  .string()
  .max(100, 'validation.tooLong')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ./\-–(),:]*$/u, 'validation.resolutionCode')
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
  notes: optionalText(NOTES_MAX),
  areas: z.array(z.enum(COOPERATION_AREAS)).max(COOPERATION_AREAS.length),
  participantGroups: z.array(z.enum(PARTICIPANT_GROUPS)).max(PARTICIPANT_GROUPS.length),
  /**
   * Warnings the user confirms with this save (the record is unusual, not wrong); stored with the
   * record for the values they judged, so they are not asked again while those stay.
   */
  acknowledge: z.array(z.enum(PARTNERSHIP_WARNINGS)).max(PARTNERSHIP_WARNINGS.length).optional(),
});

/**
 * Why one field's value would be refused (a message key), or null: for a value filled in from
 * elsewhere (an agreement's resolution) that is kept only where the partnership accepts it.
 */
export function checkPartnershipField(field: keyof typeof partnershipFieldsBase.shape, value: unknown): string | null {
  const result = partnershipFieldsBase.shape[field].safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'validation.invalid');
}

/** The fields of a whole partnership: a new one, or the result of applying a change. */
export const partnershipFieldsObject = partnershipFieldsBase.extend({
  // Not stated until someone states it (a new partnership's dialog does not ask for it).
  termKind: z.enum(TERM_KINDS).default('unknown'),
  areas: partnershipFieldsBase.shape.areas.default([]),
  participantGroups: partnershipFieldsBase.shape.participantGroups.default([]),
});
export type PartnershipFieldsInput = z.input<typeof partnershipFieldsObject>;

type DatedFields = {
  status?: string | undefined;
  startedOn: string | null;
  signedOn: string | null;
  termKind: string;
  termUntil: string | null;
  endedOn: string | null;
  czResolutionDate: string | null;
  partnerResolutionDate: string | null;
  /** Warnings confirmed for the current values (with this save or stored with the record). */
  acknowledge?: readonly PartnershipWarning[] | undefined;
};

/** Today as an ISO day in the local time of the machine (what the user calls today). */
export const localToday = (now = new Date()): string =>
  `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** The field each warning is shown at, and its message. */
export const WARNING_ISSUES: Record<PartnershipWarning, FieldIssue> = {
  signedBeforeStarted: { path: 'signedOn', message: 'validation.signedBeforeStarted' },
  activeWithEndDate: { path: 'endedOn', message: 'validation.activeWithEndDate' },
};

/** The warning an issue is (a confirmation can pass it), or undefined for an error. */
export const warningOfIssue = (issue: FieldIssue): PartnershipWarning | undefined =>
  PARTNERSHIP_WARNINGS.find((warning) => WARNING_ISSUES[warning].message === issue.message);

/** The warnings that apply to these values, confirmed or not. */
export function partnershipWarnings(
  p: Pick<DatedFields, 'status' | 'startedOn' | 'signedOn' | 'endedOn'>,
  today = localToday(),
): PartnershipWarning[] {
  const found: PartnershipWarning[] = [];
  // Signed before the start happens (a treaty signed, the exchanges begun a year later), but it is
  // more often a typo: asked once, then remembered.
  if (p.startedOn && p.signedOn && certainlyBefore(p.signedOn, p.startedOn)) found.push('signedBeforeStarted');
  // Active with an end that has come: a stale status, or a partnership revived after an end (the
  // old end kept). Both exist, so it is a question, not an error; an end still to come is fine.
  if (p.status === 'active' && p.endedOn && !certainlyBefore(today, p.endedOn)) found.push('activeWithEndDate');
  return found;
}

/** What a warning judged: a confirmation holds while these values stay the same. */
export const warningValues = (
  warning: PartnershipWarning,
  p: Pick<DatedFields, 'status' | 'startedOn' | 'signedOn' | 'endedOn'>,
): string =>
  warning === 'signedBeforeStarted'
    ? `${p.signedOn ?? ''}|${p.startedOn ?? ''}`
    : `${p.status ?? ''}|${p.endedOn ?? ''}`;

/** Confirmations as a record stores them: warning → the values it judged when confirmed. */
export type AcknowledgedWarnings = Partial<Record<PartnershipWarning, string>>;

/** The stored confirmations that still hold for these values. */
export const stillAcknowledged = (
  p: Pick<DatedFields, 'status' | 'startedOn' | 'signedOn' | 'endedOn'>,
  stored: AcknowledgedWarnings,
): PartnershipWarning[] => PARTNERSHIP_WARNINGS.filter((warning) => stored[warning] === warningValues(warning, p));

/** What to store: the confirmed warnings that apply to these values, each with what it judged. */
export function acknowledgementsOf(
  p: Pick<DatedFields, 'status' | 'startedOn' | 'signedOn' | 'endedOn'>,
  confirmed: readonly PartnershipWarning[],
  today = localToday(),
): AcknowledgedWarnings {
  const out: AcknowledgedWarnings = {};
  for (const warning of partnershipWarnings(p, today))
    if (confirmed.includes(warning)) out[warning] = warningValues(warning, p);
  return out;
}

/**
 * Rules between fields. Errors: dates in order (end after start, a fixed term after the signature)
 * and a council resolution not dated in the future (a resolution records a meeting that took
 * place: a future date is a typo, 2030 for 2003). Warnings (`WARNING_ISSUES`) unless confirmed.
 * With `stored`, a resolution date equal to the stored one is not judged again: an older version or
 * an import let it in, and it must not block an unrelated edit.
 */
export function crossFieldIssues(
  p: DatedFields,
  options: { today?: string; stored?: Pick<DatedFields, 'czResolutionDate' | 'partnerResolutionDate'> } = {},
): FieldIssue[] {
  const today = options.today ?? localToday();
  const issues: FieldIssue[] = [];
  if (p.termKind === 'fixed' && !p.termUntil)
    issues.push({ path: 'termUntil', message: 'validation.termUntilRequired' });
  const from = p.signedOn ?? p.startedOn;
  if (p.termKind === 'fixed' && p.termUntil && from && certainlyBefore(p.termUntil, from)) {
    issues.push({ path: 'termUntil', message: 'validation.termBeforeStart' });
  }
  if (p.endedOn && p.startedOn && certainlyBefore(p.endedOn, p.startedOn))
    issues.push({ path: 'endedOn', message: 'validation.endedBeforeStarted' });
  for (const key of ['czResolutionDate', 'partnerResolutionDate'] as const) {
    const value = p[key];
    if (value && value > today && value !== options.stored?.[key])
      issues.push({ path: key, message: 'validation.resolutionInFuture' });
  }
  // Warnings after the errors: a field shows its first problem, and an error (an end before the
  // start) must not hide behind a warning one may confirm (an "active" partnership with an end).
  for (const warning of partnershipWarnings(p, today))
    if (!(p.acknowledge ?? []).includes(warning)) issues.push(WARNING_ISSUES[warning]);
  return issues;
}

/** A stored partnership as a change is judged against: its values and its confirmations. */
export type StoredForRules = Pick<
  DatedFields,
  'status' | 'startedOn' | 'signedOn' | 'endedOn' | 'czResolutionDate' | 'partnerResolutionDate'
> & { acknowledged: AcknowledgedWarnings };

/**
 * The problems of a stored partnership after a change (`next`: all its values). A warning is asked
 * only when the change touches what it judged and no one has confirmed it for these values (now
 * with `confirmed`, or before: stored with the record); a record that was already so (an import,
 * an older version) is not questioned by an unrelated edit. Returns the issues and the
 * confirmations the record stores from now on.
 */
export function changeIssues(
  next: DatedFields,
  stored: StoredForRules,
  confirmed: readonly PartnershipWarning[],
  today = localToday(),
): { issues: FieldIssue[]; acknowledged: AcknowledgedWarnings } {
  const kept = [...new Set([...confirmed, ...stillAcknowledged(next, stored.acknowledged)])];
  const untouched = partnershipWarnings(next, today).filter(
    (warning) => warningValues(warning, next) === warningValues(warning, stored),
  );
  return {
    issues: crossFieldIssues({ ...next, acknowledge: [...kept, ...untouched] }, { today, stored }),
    acknowledged: acknowledgementsOf(next, kept, today),
  };
}

/** Stored confirmations from their JSON text; anything unreadable counts as none. */
export function readAcknowledged(text: string | null | undefined): AcknowledgedWarnings {
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (parsed === null || typeof parsed !== 'object') return {};
  const out: AcknowledgedWarnings = {};
  for (const warning of PARTNERSHIP_WARNINGS) {
    const value = (parsed as Record<string, unknown>)[warning];
    if (typeof value === 'string') out[warning] = value;
  }
  return out;
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

/** The most partnerships one bulk edit changes (a large import's worth; more is done in parts). */
export const BULK_EDIT_MAX = 5_000;

/**
 * One change applied to many partnerships at once: each row named with the version the user saw
 * (one changed meanwhile stops the whole edit), and what to set. Areas are added and removed
 * (each row keeps its others); `verified` marks the rows verified by the user now, or not verified.
 */
export const partnershipBulkUpdateSchema = z
  .object({
    rows: z
      .array(z.object({ id, version: z.number().int().positive() }).strict())
      .min(1)
      .max(BULK_EDIT_MAX),
    change: z
      .object({
        status: z.enum(PARTNERSHIP_STATUSES).optional(),
        type: z.enum(PARTNERSHIP_TYPES).optional(),
        addAreas: z.array(z.enum(COOPERATION_AREAS)).max(COOPERATION_AREAS.length).optional(),
        removeAreas: z.array(z.enum(COOPERATION_AREAS)).max(COOPERATION_AREAS.length).optional(),
        verified: z.boolean().optional(),
        acknowledge: z.array(z.enum(PARTNERSHIP_WARNINGS)).max(PARTNERSHIP_WARNINGS.length).optional(),
      })
      .strict()
      .refine(
        (c) =>
          c.status !== undefined ||
          c.type !== undefined ||
          (c.addAreas?.length ?? 0) > 0 ||
          (c.removeAreas?.length ?? 0) > 0 ||
          c.verified !== undefined,
        { message: 'validation.bulkNothing' },
      )
      .refine((c) => !(c.addAreas ?? []).some((area) => (c.removeAreas ?? []).includes(area)), {
        path: ['removeAreas'],
        message: 'validation.bulkAreaBoth',
      }),
  })
  .strict();
export type PartnershipBulkUpdate = z.output<typeof partnershipBulkUpdateSchema>;

const email = z
  .string()
  .max(320, 'validation.tooLong')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'validation.email')
  .nullish()
  .or(z.literal(''))
  .transform((value) => (value === undefined || value === null || value === '' ? null : value));

/**
 * The fields of a contact. An optional field the input does not name stays absent in the output
 * (`.optional()` outside each): an update leaves it as stored, an insert writes it as null; one
 * named null or '' is cleared (null).
 */
export const contactFieldsSchema = z.object({
  side: z.enum(CONTACT_SIDES),
  name: requiredText(200),
  role: optionalText(200).optional(),
  email: email.optional(),
  phone: z
    .string()
    .max(50, 'validation.tooLong')
    .regex(/^[+()0-9 ./-]*$/, 'validation.phone')
    .nullish()
    .transform((value) => (value === undefined || value === null || value.trim() === '' ? null : value))
    .optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'validation.language')
    .nullish()
    .or(z.literal(''))
    .transform((v) => (v ? v : null))
    .optional(),
  notes: optionalText(5_000).optional(),
});
export type ContactFields = z.output<typeof contactFieldsSchema>;

/** The largest amount the money column (`numeric(14,2)`) holds: 12 digits and 2 decimals. */
export const MONEY_MAX = 999_999_999_999.99;

/**
 * An amount of money as the database keeps it, the same on both engines: at most MONEY_MAX and
 * at most two decimals (PostgreSQL would round a third decimal silently, SQLite keep it).
 */
export const moneyAmount = z
  .number()
  .min(0, 'validation.nonNegative')
  .max(MONEY_MAX, 'validation.tooLarge')
  .refine((value) => Number(value.toFixed(2)) === value, 'validation.moneyDecimals');

/**
 * The fields of an activity, absent ones as in `contactFieldsSchema`: an update leaves a field it
 * does not name as stored (its kind too); an insert writes it as null, its kind as 'unknown'
 * (`ACTIVITY_KIND_UNSTATED`). An update is checked again with the fields it leaves as stored.
 */
export const activityFieldsSchema = z
  .object({
    date: isoDate,
    dateEnd: optionalDate.optional(),
    title: requiredText(300),
    kind: z.enum(ACTIVITY_KINDS).optional(),
    participants: z
      .number()
      .int('validation.wholeNumber')
      .min(0, 'validation.nonNegative')
      .max(1_000_000, 'validation.tooLarge')
      .nullish(),
    description: optionalText(10_000).optional(),
    fundingProgramme: z.enum(FUNDING_PROGRAMMES).nullish(),
    fundingAmount: moneyAmount.nullish(),
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

/** The kind of an activity added without one. */
export const ACTIVITY_KIND_UNSTATED = 'unknown' satisfies (typeof ACTIVITY_KINDS)[number];

/** Field problems of a value against a schema, as `{ path, message }` (message = i18n key). */
export function issuesOf(schema: z.ZodType, value: unknown): FieldIssue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return fieldIssues(result.error);
}
