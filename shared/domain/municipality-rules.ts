import { z } from 'zod';
import { GENDERS, MUNICIPALITY_KINDS } from './codes';
import type { FieldIssue } from './errors';
import { certainlyBefore } from './dates';
import { localToday } from './partnership-rules';
import { partialDate } from './date-schema';
import { id, municipalityCode, municipalityRowSchema, optionalText, websiteAddress } from './schemas';

export { INLINE_MUNICIPALITY_FIELDS, MEMBERSHIP_STATES, membershipState, type MembershipState } from './membership';

/**
 * Rules of a member municipality record, shared by the form, the grid's inline editing and core
 * (the service checks them again, so nothing invalid reaches the database whoever calls it).
 * Messages are i18n keys (`validation.*`).
 */

/** IČO: 8 digits; the last is a check digit (weights 8…2, modulo 11) as the Czech business register defines it. */
export function isValidIco(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 7; i += 1) sum += Number(value[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 10;
  return check === Number(value[7]);
}

/**
 * The last digit a municipality code (kód obce, 6 digits) must have, from its first five: ČSÚ's
 * check digit, (11 − (6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5) mod 11) mod 10. Every code of the
 * register passes it; a typo in one digit never does, so a code failing it names no municipality.
 * Null when `code` does not start with five digits.
 */
export function municipalityCheckDigit(code: string): number | null {
  if (!/^\d{5}/.test(code)) return null;
  let sum = 0;
  for (let i = 0; i < 5; i += 1) sum += Number(code[i]) * (6 - i);
  return (11 - (sum % 11)) % 10;
}

/** A municipality code: 6 digits, the last its ČSÚ check digit (`municipalityCheckDigit`). */
export function municipalityCodeValid(code: string): boolean {
  return /^\d{6}$/.test(code) && municipalityCheckDigit(code) === Number(code[5]);
}

/**
 * The code of a municipality being added or changed: 6 digits (`validation.municipalityCode`), and
 * then a valid check digit (`validation.municipalityCodeCheck`), unless it is `storedCode`, the code
 * the record already has (a code in the registry is never refused for its check digit).
 */
const enteredMunicipalityCode = (storedCode: string | null) =>
  municipalityCode.refine(
    (code) => code === storedCode || !/^\d{6}$/.test(code) || municipalityCodeValid(code),
    'validation.municipalityCodeCheck',
  );

/** The Czech Republic's bounding box (with a small margin); a point outside it is a typo. */
export const CZ_BOUNDS = { minLat: 48.55, maxLat: 51.06, minLon: 12.09, maxLon: 18.87 } as const;

export const isInCzechia = (latitude: number, longitude: number): boolean =>
  latitude >= CZ_BOUNDS.minLat &&
  latitude <= CZ_BOUNDS.maxLat &&
  longitude >= CZ_BOUNDS.minLon &&
  longitude <= CZ_BOUNDS.maxLon;

const text = (max: number) => z.string().trim().max(max, 'validation.tooLong');

/** The longest text each field takes: the form, core and the importers apply the same numbers. */
export const MUNICIPALITY_TEXT_LIMITS = { name: 200, orpName: 200, street: 300, mayorName: 200, notes: 5000 } as const;

/** Every editable field of a municipality, each with its own rule (no cross-field rules here). */
export const municipalityFieldsSchema = z.object({
  code: enteredMunicipalityCode(null),
  name: text(MUNICIPALITY_TEXT_LIMITS.name).min(1, 'validation.required'),
  kind: z.enum(MUNICIPALITY_KINDS, { error: 'validation.required' }),
  districtId: id.nullable().refine((value) => value !== null, 'validation.required'),
  orpCode: optionalText(8),
  orpName: optionalText(MUNICIPALITY_TEXT_LIMITS.orpName),
  population: z
    .number({ error: 'validation.number' })
    .int('validation.wholeNumber')
    .min(0, 'validation.population')
    .max(2_000_000, 'validation.population')
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
  street: optionalText(MUNICIPALITY_TEXT_LIMITS.street),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{2}$/, 'validation.postalCode')
    .nullable(),
  ico: z.string().trim().refine(isValidIco, 'validation.ico').nullable(),
  mayorName: optionalText(MUNICIPALITY_TEXT_LIMITS.mayorName),
  mayorGender: z.enum(GENDERS).nullable(),
  website: websiteAddress(500).nullable(),
  email: z
    .string()
    .trim()
    .max(320, 'validation.tooLong')
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'validation.email')
    .nullable(),
  isMember: z.boolean(),
  memberSince: partialDate.nullable(),
  memberUntil: partialDate.nullable(),
  notes: optionalText(MUNICIPALITY_TEXT_LIMITS.notes),
});
export type MunicipalityFields = z.infer<typeof municipalityFieldsSchema>;
export type MunicipalityField = keyof MunicipalityFields;

/** Rules that join two fields; returns the problems (empty when fine). */
export function municipalityCrossIssues(
  values: Partial<Pick<MunicipalityFields, 'latitude' | 'longitude' | 'memberSince' | 'memberUntil'>>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { latitude, longitude, memberSince, memberUntil } = values;
  const hasLat = latitude !== null && latitude !== undefined;
  const hasLon = longitude !== null && longitude !== undefined;
  if (hasLat !== hasLon)
    issues.push({ path: hasLat ? 'longitude' : 'latitude', message: 'validation.coordinatesPair' });
  if (hasLat && hasLon && !isInCzechia(latitude, longitude)) {
    issues.push({ path: 'latitude', message: 'validation.coordinatesCzechia' });
    issues.push({ path: 'longitude', message: 'validation.coordinatesCzechia' });
  }
  if (memberSince && memberUntil && certainlyBefore(memberUntil, memberSince)) {
    issues.push({ path: 'memberUntil', message: 'validation.memberUntilBeforeSince' });
  }
  // A membership that begins after today is a typo ("2099", "2030") that would count the
  // municipality as a member now (walkthrough 15); core checks it only when the date is changed.
  if (memberSince && certainlyBefore(localToday(), memberSince))
    issues.push({ path: 'memberSince', message: 'validation.memberSinceInFuture' });
  return issues;
}

const withCrossRules = <
  T extends z.ZodType<Partial<Pick<MunicipalityFields, 'latitude' | 'longitude' | 'memberSince' | 'memberUntil'>>>,
>(
  schema: T,
) =>
  schema.superRefine((values, ctx) => {
    for (const issue of municipalityCrossIssues(values))
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });

/** A new municipality: every field given (null where unknown). */
export const municipalityInputSchema = withCrossRules(municipalityFieldsSchema.strict());
export type MunicipalityInput = z.infer<typeof municipalityInputSchema>;

/**
 * What the member form checks before a save: the rules of a new municipality, except that the
 * record's own stored code (`storedCode`, null when adding) is not refused for its check digit
 * (an edit of another field must not fail on it; the update then sends no code at all).
 */
export const municipalityFormSchema = (storedCode: string | null) =>
  storedCode === null
    ? municipalityInputSchema
    : withCrossRules(municipalityFieldsSchema.extend({ code: enteredMunicipalityCode(storedCode) }).strict());

/** A change of some fields; cross-field rules are checked by core against the merged record. */
export const municipalityPatchSchema = municipalityFieldsSchema.partial().strict();
export type MunicipalityPatch = z.infer<typeof municipalityPatchSchema>;

/**
 * What puts a municipality back as it was before a save: its stored values of every field the
 * save changed (an undo sends this as the patch, against the version the save returned).
 */
export function undoPatch(before: MunicipalityDetail, after: MunicipalityDetail): MunicipalityPatch {
  const patch: Record<string, unknown> = {};
  for (const field of Object.keys(municipalityFieldsSchema.shape) as (keyof MunicipalityPatch)[]) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) patch[field] = before[field];
  }
  return patch;
}

/** Checks one field's value with its rule; returns the i18n key of the problem or null. */
export function checkMunicipalityField(field: MunicipalityField, value: unknown): string | null {
  const result = municipalityFieldsSchema.shape[field].safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'validation.invalid');
}

/** One municipality with every stored field (the detail form). */
export const municipalityDetailSchema = municipalityRowSchema.extend({ notes: z.string().nullable() });
export type MunicipalityDetail = z.infer<typeof municipalityDetailSchema>;
