import type { BinTable } from '../../../shared/domain/schemas';
import { countryName } from '../../../shared/domain/countries';
import { MESSAGES } from '../../../shared/i18n/index';
import { MEMBER_FIELD_LABELS, PARTNERSHIP_CODE_LABELS } from '../../lib/code-labels';
import type { I18n } from '../../lib/i18n';

/** One value of a deleted record as bin:list gives it. */
export type BinFieldValue = string | number | boolean | string[];

/**
 * The label of each field a deleted record's values hold, by the table of the record: the label
 * its form (or grid) gives it, so that the bin reads as the screen the record came from did
 * (walkthrough 27, finding 2: a deleted member showed `code`, `kind` = "mesto", `mayorGender` = "f").
 * A partnership's and a town card's fields not listed here are named `partnerships.field.*` and
 * `towns.field.*` as their forms name them.
 */
const LABELS: Readonly<Record<BinTable, Readonly<Record<string, string>>>> = {
  municipalities: {
    ...MEMBER_FIELD_LABELS,
    districtCode: 'bin.field.districtCode',
    regionCode: 'bin.field.regionCode',
    // Its value reads "ano"/"ne": the form's sentence says what it answers.
    isMember: 'members.form.isMember',
  },
  partnerships: {
    term: 'partnerships.field.termKind',
    verifiedAt: 'provenance.col.verifiedAt',
  },
  foreign_towns: {
    verifiedAt: 'provenance.col.verifiedAt',
  },
  // The Requests screen's own texts load with that screen only: the bin has its own, alike.
  partnership_requests: {
    direction: 'bin.field.direction',
    municipalityName: 'bin.field.member',
    municipalityDistrict: 'members.col.district',
    requesterName: 'bin.field.requester',
    requesterCountryCode: 'bin.field.requesterCountry',
    wantedCountryCodes: 'bin.field.wantedCountries',
    wantedSize: 'bin.field.wantedSize',
    themes: 'bin.field.themes',
    description: 'bin.field.description',
    status: 'bin.field.status',
    receivedOn: 'bin.field.receivedOn',
  },
  contacts: {
    side: 'bin.field.side',
    name: 'partnerships.contact.name',
    role: 'partnerships.contact.role',
    email: 'partnerships.contact.email',
    phone: 'partnerships.contact.phone',
    language: 'bin.field.language',
    notes: 'partnerships.field.notes',
  },
  activities: {
    date: 'partnerships.activity.date',
    dateEnd: 'bin.field.dateEnd',
    title: 'partnerships.activity.title',
    kind: 'partnerships.activity.kind',
    participants: 'partnerships.activity.participants',
    description: 'attachments.field.description',
    fundingProgramme: 'partnerships.activity.programme',
    fundingAmount: 'partnerships.activity.amount',
    currency: 'partnerships.activity.currency',
  },
  // So are the Agreements screen's.
  agreement_documents: {
    template: 'bin.field.template',
    languageFirst: 'bin.field.languageFirst',
    languageSecond: 'bin.field.languageSecond',
    layout: 'bin.field.layout',
    fileName: 'attachments.field.fileName',
    filePath: 'bin.field.filePath',
  },
  attachments: {
    fileName: 'attachments.field.fileName',
    mediaType: 'bin.field.mediaType',
    size: 'attachments.field.size',
    description: 'attachments.field.description',
  },
};

/** Where the labels of a table's other fields are (a form that names every field so). */
const LABEL_PREFIX: Partial<Record<BinTable, string>> = {
  partnerships: 'partnerships.field',
  foreign_towns: 'towns.field',
};

/** Fields that hold a code, and the message prefix of their labels (`${prefix}.${code}`). */
const CODES: Readonly<Record<BinTable, Readonly<Record<string, string>>>> = {
  municipalities: { kind: 'kind', mayorGender: 'gender' },
  partnerships: PARTNERSHIP_CODE_LABELS,
  // A town card's language stays the ISO code its card asks for ("Jazyk (kód ISO)").
  foreign_towns: { kind: 'towns.kind', mayorGender: 'gender' },
  partnership_requests: {
    direction: 'requestDirection',
    wantedSize: 'townSize',
    themes: 'area',
    status: 'requestStatus',
  },
  contacts: { side: 'partnerships.contact.side' },
  activities: { kind: 'partnerships.activityKind', fundingProgramme: 'partnerships.programme' },
  agreement_documents: { template: 'bin.template', layout: 'bin.layout' },
  attachments: {},
};

/** Fields holding a language's ISO code, shown by the language's name ("němčina"). */
const LANGUAGE_FIELDS: Readonly<Partial<Record<BinTable, ReadonlySet<string>>>> = {
  contacts: new Set(['language']),
  agreement_documents: new Set(['languageFirst', 'languageSecond']),
};

/**
 * Fields no person reads: a draft's options are the JSON of its clauses and overrides, an
 * attachment's hash names its bytes. The restore brings them back all the same.
 */
const HIDDEN: Readonly<Partial<Record<BinTable, ReadonlySet<string>>>> = {
  agreement_documents: new Set(['options']),
  attachments: new Set(['sha256']),
};

/** Fields holding a country code (or a list of them), shown by the country's name. */
const COUNTRY_FIELDS = new Set(['countryCode', 'requesterCountryCode', 'wantedCountryCodes']);

/** Fields holding a date at its precision ("22. 5. 1994", "květen 1994", "1994"). */
const DATE_FIELDS = new Set([
  'startedOn',
  'signedOn',
  'endedOn',
  'czResolutionDate',
  'partnerResolutionDate',
  'termUntil',
  'memberSince',
  'memberUntil',
  'receivedOn',
  'date',
  'dateEnd',
]);

/** Coordinates: every decimal kept (a rounded one would put the town elsewhere). */
const DECIMAL_FIELDS = new Set(['latitude', 'longitude']);

/** Numbers that are identifiers, written without grouping. */
const ID_NUMBERS = new Set(['geonamesId']);

const LOCALES = { cs: 'cs-CZ', en: 'en-GB' } as const;

const has = (i18n: I18n, key: string) => MESSAGES[i18n.language][key] !== undefined;

/** A language by its name in the user's language; a code no name is known for stays as it is. */
function languageName(code: string, i18n: I18n): string {
  try {
    return new Intl.DisplayNames([LOCALES[i18n.language]], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    // Not a well-formed language code (typed by hand): shown as it was stored.
    return code;
  }
}

/** Whether the bin shows this field of a deleted record at all. */
export function binFieldShown(table: BinTable, field: string): boolean {
  return !(HIDDEN[table]?.has(field) ?? false);
}

/** A deleted record's field as its form names it; a field no screen names shows as it is stored. */
export function binFieldLabel(table: BinTable, field: string, i18n: I18n): string {
  const own = LABELS[table][field];
  if (own !== undefined && has(i18n, own)) return i18n.tk(own);
  const prefix = LABEL_PREFIX[table];
  return prefix !== undefined && has(i18n, `${prefix}.${field}`) ? i18n.tk(`${prefix}.${field}`) : field;
}

function one(table: BinTable, field: string, value: string | number | boolean, i18n: I18n): string {
  if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') {
    if (DECIMAL_FIELDS.has(field)) return i18n.formatCoordinate(value);
    return ID_NUMBERS.has(field) ? String(value) : i18n.formatNumber(value);
  }
  const codes = CODES[table][field];
  if (codes !== undefined && has(i18n, `${codes}.${value}`)) return i18n.tk(`${codes}.${value}`);
  if (COUNTRY_FIELDS.has(field)) return countryName(value, i18n.language);
  if (LANGUAGE_FIELDS[table]?.has(field) ?? false) return languageName(value, i18n);
  if (DATE_FIELDS.has(field)) return i18n.formatDate(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return i18n.formatDateTime(value);
  // A partnership's other partial dates, as the bin showed them before.
  if (table === 'partnerships' && /^\d{4}(-\d{2}){0,2}$/.test(value)) return i18n.formatDate(value);
  return value;
}

/** A deleted record's value as its screen shows it: codes by their labels, dates and numbers in the user's format. */
export function binValueText(table: BinTable, field: string, value: BinFieldValue, i18n: I18n): string {
  return Array.isArray(value)
    ? value.map((item) => one(table, field, item, i18n)).join(', ')
    : one(table, field, value, i18n);
}
