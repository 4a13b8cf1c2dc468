import { z } from 'zod';
import {
  COOPERATION_AREAS,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  REQUEST_DIRECTIONS,
  REQUEST_STATUSES,
  TOWN_SIZES,
  type CooperationArea,
  type RequestStatus,
  type TownSize,
} from './codes';
import { isCountryCode } from './countries';
import { searchKey } from './text';
import type { FieldIssue } from './errors';
import { foreignTownInputSchema, localToday, NOTES_MAX } from './partnership-rules';
import { partialDate } from './date-schema';
import { id, isoDate, optionalText } from './schemas';

/** ISO 3166-1 alpha-2 code of a real country. */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'validation.countryCode')
  .refine(isCountryCode, 'validation.countryCode');

/** Every editable field of a partnership request. */
/** The longest description of a request (the form counts toward it). */
export const REQUEST_DESCRIPTION_MAX = 5000;

export const requestFieldsSchema = z.object({
  direction: z.enum(REQUEST_DIRECTIONS),
  municipalityId: id.nullable(),
  requesterName: optionalText(200),
  requesterCountryCode: countryCode.nullable(),
  wantedCountryCodes: z.array(countryCode).max(50),
  wantedSize: z.enum(TOWN_SIZES).nullable(),
  themes: z.array(z.enum(COOPERATION_AREAS)).max(COOPERATION_AREAS.length),
  description: optionalText(REQUEST_DESCRIPTION_MAX),
  status: z.enum(REQUEST_STATUSES),
  receivedOn: isoDate.nullable(),
});
export type RequestFields = z.infer<typeof requestFieldsSchema>;

/**
 * A request is received on a day that has come (a later one is a typo, 2027 for 2017, and would
 * count in a year still to come). A date stored before is not judged again: an older request keeps
 * being editable. Checked by the form and by core on every save.
 */
export function receivedOnIssues(
  values: Pick<RequestFields, 'receivedOn'>,
  options: { stored?: string | null; today?: string } = {},
): FieldIssue[] {
  const { receivedOn } = values;
  return receivedOn !== null && receivedOn !== options.stored && receivedOn > (options.today ?? localToday())
    ? [{ path: 'receivedOn', message: 'validation.receivedInFuture' }]
    : [];
}

/** Who asks depends on the direction: a member, or a foreign town named with its country. */
export function requestCrossIssues(values: RequestFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (values.direction === 'member_seeks' && values.municipalityId === null) {
    issues.push({ path: 'municipalityId', message: 'validation.required' });
  }
  if (values.direction === 'foreign_seeks') {
    if (!values.requesterName) issues.push({ path: 'requesterName', message: 'validation.required' });
    if (values.requesterCountryCode === null)
      issues.push({ path: 'requesterCountryCode', message: 'validation.required' });
    else if (values.requesterCountryCode === 'CZ')
      issues.push({ path: 'requesterCountryCode', message: 'validation.foreignCountry' });
  }
  return issues;
}

export const requestInputSchema = requestFieldsSchema.strict().superRefine((values, ctx) => {
  for (const issue of requestCrossIssues(values))
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
});
export type RequestInput = z.infer<typeof requestInputSchema>;

/** One row of the Requests grid. */
export const requestRowSchema = requestFieldsSchema.extend({
  id,
  municipalityName: z.string().nullable(),
  /** The member's district: three members are called Písek (the grid tells them apart by it). */
  municipalityDistrict: z.string().nullable(),
  municipalityPopulation: z.number().int().nullable(),
  foreignTownId: id.nullable(),
  foreignTownName: z.string().nullable(),
  partnershipId: id.nullable(),
  partnerTownName: z.string().nullable(),
  partnerCountryCode: z.string().nullable(),
  /** The member of the resulting partnership (a foreign town's request names none of its own). */
  partnerMunicipalityId: id.nullable(),
  partnerMunicipalityName: z.string().nullable(),
  version: z.number().int(),
});
export type RequestRow = z.infer<typeof requestRowSchema>;

/** The editable fields of a listed request, as `requests:update` takes them. */
export const requestFieldsOf = (row: RequestRow): RequestFields => ({
  direction: row.direction,
  municipalityId: row.municipalityId,
  requesterName: row.requesterName,
  requesterCountryCode: row.requesterCountryCode,
  wantedCountryCodes: row.wantedCountryCodes,
  wantedSize: row.wantedSize,
  themes: row.themes,
  description: row.description,
  status: row.status,
  receivedOn: row.receivedOn,
});

/** Turning an accepted request into a partnership: the sides that the request does not name. */
export const requestToPartnershipSchema = z
  .object({
    id,
    version: z.number().int(),
    /** The Czech member (a member_seeks request names it already). */
    municipalityId: id.nullable(),
    /** The foreign town (a foreign_seeks request names it already). */
    townName: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong').nullable(),
    townCountryCode: countryCode.nullable(),
    /** The foreign town as a registry record (wins over the fields below). */
    foreignTownId: id.optional(),
    /** The foreign town as picked from the town suggestions: gazetteer identity, Czech name, coordinates (wins over the name and country). */
    town: foreignTownInputSchema.optional(),
    type: z.enum(PARTNERSHIP_TYPES),
    status: z.enum(PARTNERSHIP_STATUSES),
    /** When the partnership began, at the precision known ("1994", "1994-05", "1994-05-22"). */
    startedOn: partialDate.nullable(),
    /**
     * Open requests of the other side (the chosen town's own request, or the member's) that this
     * partnership answers too: they are accepted and linked to it in the same step.
     */
    alsoAccept: z.array(id).max(20).optional(),
    /**
     * The new partnership's notes as the user left them in the dialog (proposed there by
     * `conversionNotes`); empty for none. Absent: core writes `conversionNotes` of the request and
     * of the requests in `alsoAccept`, so that no caller drops what the requests say.
     */
    notes: optionalText(NOTES_MAX).optional(),
  })
  .strict();
export type RequestToPartnership = z.infer<typeof requestToPartnershipSchema>;

/** A request as its description is carried into the partnership made from it. */
export type DescribedRequest = Pick<
  RequestRow,
  'id' | 'direction' | 'description' | 'receivedOn' | 'municipalityName' | 'requesterName'
>;

/** "2026-05-03" as Czech text writes a day: "3. 5. 2026" (anything else as it is). */
const czechDay = (iso: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${String(Number(match[3]))}. ${String(Number(match[2]))}. ${match[1] ?? ''}` : iso;
};

/**
 * The notes a partnership made from requests starts with: each request's description, marked as
 * coming from that request (number, who asked, the day it came), so that what the request said is
 * not left behind on it (walkthrough 21). Notes are data, written in Czech like the rest of the
 * stored text whatever the interface language. A request without a description adds nothing;
 * null when none has one (the notes stay empty, nothing invented).
 */
export function conversionNotes(requests: readonly DescribedRequest[]): string | null {
  const parts = requests.flatMap((request) => {
    const text = request.description?.trim() ?? '';
    if (text === '') return [];
    const who = request.direction === 'member_seeks' ? request.municipalityName : request.requesterName;
    const about = [
      ...(who ? [who] : []),
      ...(request.receivedOn === null ? [] : [`přijata ${czechDay(request.receivedOn)}`]),
    ];
    const from = `Ze žádosti č. ${String(request.id)}${about.length > 0 ? ` (${about.join(', ')})` : ''}`;
    return [`${from}: ${text}`];
  });
  return parts.length > 0 ? parts.join('\n\n') : null;
}

/** Statuses of a request still looking for a partner. */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['new', 'searching', 'matched'];

/** The partner town of a partnership being made, as far as it is known (a gazetteer pick has no registry id yet). */
export type TownOfConversion = {
  foreignTownId: number | null;
  name: string;
  nameCs: string | null;
  countryCode: string;
};

/**
 * Whether `other` is an open request of the other side of a partnership made from `request` with
 * this member and this town: the town's own request when a member's request is turned (linked to
 * the town's record, or naming it: a request typed by name has no record), the member's when a
 * town's is, so that the partnership answers both.
 */
export function answersToo(
  other: Pick<
    RequestRow,
    | 'id'
    | 'direction'
    | 'status'
    | 'partnershipId'
    | 'municipalityId'
    | 'foreignTownId'
    | 'requesterName'
    | 'requesterCountryCode'
  >,
  request: Pick<RequestRow, 'id' | 'direction'>,
  municipalityId: number,
  town: TownOfConversion | null,
): boolean {
  if (other.id === request.id || other.partnershipId !== null || !OPEN_REQUEST_STATUSES.includes(other.status))
    return false;
  if (other.direction === 'member_seeks')
    return request.direction === 'foreign_seeks' && other.municipalityId === municipalityId;
  if (request.direction !== 'member_seeks' || town === null) return false;
  if (other.foreignTownId !== null) return other.foreignTownId === town.foreignTownId;
  const named = searchKey(other.requesterName ?? '');
  return (
    named !== '' &&
    other.requesterCountryCode === town.countryCode &&
    (named === searchKey(town.name) || (town.nameCs !== null && named === searchKey(town.nameCs)))
  );
}

/** Size class of a town by population (what "wanted size" of a request means). */
export function townSizeOf(population: number | null): TownSize | null {
  if (population === null) return null;
  if (population < 2_000) return 'village';
  if (population < 10_000) return 'small_town';
  if (population < 50_000) return 'town';
  return 'city';
}

export type Suggestion = {
  requestId: number;
  score: number;
  commonThemes: CooperationArea[];
  sizeMatches: boolean;
};

type Seeker = Pick<
  RequestRow,
  'id' | 'direction' | 'wantedCountryCodes' | 'wantedSize' | 'themes' | 'municipalityPopulation'
>;
type Offer = Pick<
  RequestRow,
  'id' | 'direction' | 'status' | 'requesterCountryCode' | 'wantedCountryCodes' | 'wantedSize' | 'themes'
>;

/**
 * Partners for a member that seeks one: open requests of foreign towns that want a Czech partner
 * (or any country), from a country the member wants (or any), sharing at least one theme where
 * both name themes (a request that names none rules none out: walkthrough 19, Linz was not offered
 * to Jihlava, neither had themes). Score: 2 per shared theme, +1 when the size the foreign town
 * wants fits the member.
 */
export function suggestPartners(seeker: Seeker, offers: readonly Offer[]): Suggestion[] {
  if (seeker.direction !== 'member_seeks') return [];
  const memberSize = townSizeOf(seeker.municipalityPopulation);
  const out: Suggestion[] = [];
  for (const offer of offers) {
    if (offer.id === seeker.id || offer.direction !== 'foreign_seeks') continue;
    if (offer.status === 'accepted' || offer.status === 'closed') continue;
    if (offer.wantedCountryCodes.length > 0 && !offer.wantedCountryCodes.includes('CZ')) continue;
    if (
      seeker.wantedCountryCodes.length > 0 &&
      (offer.requesterCountryCode === null || !seeker.wantedCountryCodes.includes(offer.requesterCountryCode))
    )
      continue;
    const commonThemes = seeker.themes.filter((theme) => offer.themes.includes(theme));
    if (commonThemes.length === 0 && seeker.themes.length > 0 && offer.themes.length > 0) continue;
    const sizeMatches = offer.wantedSize !== null && offer.wantedSize === memberSize;
    out.push({
      requestId: offer.id,
      score: commonThemes.length * 2 + (sizeMatches ? 1 : 0),
      commonThemes,
      sizeMatches,
    });
  }
  return out.sort((a, b) => b.score - a.score || a.requestId - b.requestId);
}
