import type { UiLanguage } from './codes';
import { countryName } from './countries';
import { formatPartialDate } from './dates';
import { membershipState } from './membership';
import type { PartnershipRow } from './partnerships';
import type { MunicipalityRow } from './schemas';
import { translate, type MessageKey } from '../i18n/index';
import { originLabel } from '../i18n/provenance';

/*
 * The one column catalogue of the grids: the Partnerships and Members grids show these columns
 * (the renderer adds widths, cells and editors by id) and `export:grid` writes them (the export
 * of the current view sends the ids the user sees, in order). A new column is added here once.
 */

/** `number`: whole numbers (counts, population); `decimal`: coordinates and other fractions. */
export type CellKind = 'text' | 'number' | 'decimal' | 'date';
export type CellValue = string | number | null;

export type CatalogueColumn<R> = {
  /** The grid's column id and the export's. */
  id: string;
  header: MessageKey;
  kind: CellKind;
  /** The row's property the column shows as stored (editable columns write it back); none when computed. */
  field?: keyof R & string;
  /** Shown only when the user shows it. */
  hidden?: boolean;
  /** The value as a spreadsheet holds it, in the user's language (dates as stored, at their precision). */
  value: (row: R, language: UiLanguage) => CellValue;
};

/** The term of a partnership as text: "indefinite", "until <date>" or "not stated". */
export const termLabel = (row: Pick<PartnershipRow, 'termKind' | 'termUntil'>, language: UiLanguage): string =>
  row.termKind === 'fixed' && row.termUntil
    ? translate(language, 'partnerships.term.until', { date: formatPartialDate(row.termUntil, language) })
    : translate(language, `partnerships.termKind.${row.termKind}`);

/** The areas of cooperation in the user's language, joined. */
export const areasLabel = (row: Pick<PartnershipRow, 'areas'>, language: UiLanguage): string =>
  row.areas.map((area) => translate(language, `area.${area}`)).join(', ');

const stored =
  <R>(field: keyof R & string) =>
  (row: R): CellValue =>
    (row[field] as CellValue | undefined) ?? null;

/** A column showing a row property as stored. */
const plain = <R>(
  id: keyof R & string,
  header: MessageKey,
  kind: CellKind,
  extra: { hidden?: boolean } = {},
): CatalogueColumn<R> => ({ id, header, kind, field: id, value: stored<R>(id), ...extra });

/** Where a record came from and when it was last verified (both grids end with them). */
const provenance = <R extends { source: string | null; verifiedAt: string | null }>(): CatalogueColumn<R>[] => [
  { id: 'source', header: 'provenance.col.source', kind: 'text', value: (r, l) => originLabel(r.source, l) },
  // The day in a spreadsheet; the grid shows the time too.
  {
    id: 'verifiedAt',
    header: 'provenance.col.verifiedAt',
    kind: 'date',
    value: (r) => r.verifiedAt?.slice(0, 10) ?? null,
  },
];

export const PARTNERSHIP_COLUMNS: readonly CatalogueColumn<PartnershipRow>[] = [
  plain('municipalityName', 'partnerships.col.member', 'text'),
  plain('municipalityCode', 'partnerships.col.memberCode', 'text', { hidden: true }),
  plain('districtName', 'partnerships.col.district', 'text', { hidden: true }),
  plain('regionName', 'partnerships.col.region', 'text'),
  plain('townName', 'partnerships.col.town', 'text'),
  plain('townNameCs', 'partnerships.col.townCs', 'text', { hidden: true }),
  plain('townAdminRegion', 'partnerships.col.townRegion', 'text', { hidden: true }),
  plain('townPopulation', 'partnerships.col.townPopulation', 'number', { hidden: true }),
  { id: 'country', header: 'partnerships.col.country', kind: 'text', value: (r, l) => countryName(r.countryCode, l) },
  plain('countryCode', 'partnerships.col.countryCode', 'text', { hidden: true }),
  {
    id: 'type',
    header: 'partnerships.col.type',
    kind: 'text',
    field: 'type',
    value: (r, l) => translate(l, `partnershipType.${r.type}`),
  },
  {
    id: 'status',
    header: 'partnerships.col.status',
    kind: 'text',
    field: 'status',
    value: (r, l) => translate(l, `partnershipStatus.${r.status}`),
  },
  plain('startedOn', 'partnerships.col.started', 'date'),
  plain('signedOn', 'partnerships.col.signed', 'date'),
  { id: 'term', header: 'partnerships.col.term', kind: 'text', value: termLabel },
  { id: 'areas', header: 'partnerships.col.areas', kind: 'text', field: 'areas', value: areasLabel },
  plain('lastActivityOn', 'partnerships.col.lastActivity', 'date'),
  ...provenance<PartnershipRow>(),
];

export const MEMBER_COLUMNS: readonly CatalogueColumn<MunicipalityRow>[] = [
  plain('name', 'members.col.name', 'text'),
  plain('code', 'members.col.code', 'text'),
  { id: 'kind', header: 'members.col.kind', kind: 'text', value: (r, l) => translate(l, `kind.${r.kind}`) },
  {
    id: 'membership',
    header: 'members.col.membership',
    kind: 'text',
    value: (r, l) => translate(l, `membership.${membershipState(r)}`),
  },
  plain('districtName', 'members.col.district', 'text'),
  plain('regionName', 'members.col.region', 'text'),
  plain('orpName', 'members.col.orp', 'text'),
  plain('orpCode', 'members.col.orpCode', 'text', { hidden: true }),
  plain('population', 'members.col.population', 'number'),
  plain('mayorName', 'members.col.mayor', 'text'),
  {
    id: 'mayorGender',
    header: 'members.col.mayorGender',
    kind: 'text',
    hidden: true,
    value: (r, l) => (r.mayorGender ? translate(l, `gender.${r.mayorGender}`) : null),
  },
  plain('activePartnerships', 'members.col.activePartnerships', 'number'),
  plain('partnerships', 'members.col.partnerships', 'number', { hidden: true }),
  plain('memberSince', 'members.col.memberSince', 'date'),
  plain('memberUntil', 'members.col.memberUntil', 'date', { hidden: true }),
  plain('email', 'members.col.email', 'text'),
  plain('website', 'members.col.website', 'text', { hidden: true }),
  plain('street', 'members.col.street', 'text', { hidden: true }),
  plain('postalCode', 'members.col.postalCode', 'text', { hidden: true }),
  plain('ico', 'members.col.ico', 'text', { hidden: true }),
  plain('latitude', 'members.col.latitude', 'decimal', { hidden: true }),
  plain('longitude', 'members.col.longitude', 'decimal', { hidden: true }),
  ...provenance<MunicipalityRow>(),
];
