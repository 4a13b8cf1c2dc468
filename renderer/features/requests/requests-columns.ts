import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { RequestRow } from '../../../shared/domain/request-rules';
import type { I18n } from '../../lib/i18n';
import { REQUEST_STATUSES, type UiLanguage } from '../../../shared/domain/codes';
import { textColumn } from '../../lib/czech-grid';
import { choiceFilter } from '../../components/ChoiceFilter';
import { RequestStatusCell } from './requests-cells';
import { countryName } from '../../../shared/domain/countries';

/** Who asks: the member, or the foreign town with its country. */
export const requesterOf = (row: RequestRow): string =>
  row.direction === 'member_seeks' ? (row.municipalityName ?? '') : (row.requesterName ?? row.foreignTownName ?? '');

/**
 * The requester as the grid lists it: a member with its district unless the district bears its
 * name ("Písek", "Písek (Frýdek-Místek)"), so that members of one name are told apart.
 */
export const requesterLabel = (row: RequestRow): string => {
  const name = requesterOf(row);
  const district = row.direction === 'member_seeks' ? row.municipalityDistrict : null;
  return district === null || district === name ? name : `${name} (${district})`;
};

/**
 * The columns the grid keeps beside an open request (walkthrough 27, finding 9a). At 1280 px the
 * panel leaves the grid about 630 px: room for who asks (whole), the countries wanted and the
 * status, by which a user tells the requests apart; the panel itself says the rest of the open one.
 * The others are hidden while the panel is open and come back when it closes, as the Partnerships
 * and Members grids keep their key columns in view at 1280 px.
 */
export const BESIDE_PANEL_COLUMNS: readonly string[] = ['requester', 'wantedCountries', 'status'];

/** The columns of `columns` shown when no request is open and hidden beside the panel, by id. */
export const hiddenBesidePanel = (columns: readonly ColDef<RequestRow>[]): string[] =>
  columns
    .filter((column) => column.hide !== true)
    .map((column) => column.colId ?? column.field ?? '')
    .filter((id) => id !== '' && !BESIDE_PANEL_COLUMNS.includes(id));

/** Column definitions of the Requests grid: a pure function of the language. */
export function requestsColumns(i18n: I18n): ColDef<RequestRow>[] {
  return columnsOf(i18n).map((column) => ({
    // Beside the request panel the columns are narrow: headings wrap ("Kdo hledá partnera")
    // instead of ending in "Who is look…".
    wrapHeaderText: true,
    autoHeaderHeight: true,
    ...column,
  }));
}

function columnsOf(i18n: I18n): ColDef<RequestRow>[] {
  const { t, tk, formatDate, language } = i18n;
  const wantedCountries = (row: RequestRow): string =>
    row.wantedCountryCodes.length === 0
      ? t('requestCountry.any')
      : row.wantedCountryCodes.map((code) => countryName(code, language)).join(', ');
  return [
    {
      field: 'receivedOn',
      headerName: t('requests.col.receivedOn'),
      // "Přijato" / "Received" whole beside the sort arrow and the filter icon.
      width: 140,
      sort: 'desc',
      filter: 'agDateColumnFilter',
      valueFormatter: (params: ValueFormatterParams<RequestRow, string | null>) => formatDate(params.value),
      getQuickFilterText: () => '',
    },
    textColumn({
      colId: 'requester',
      headerName: t('requests.col.requester'),
      minWidth: 190,
      flex: 1,
      valueGetter: (params) => (params.data ? requesterLabel(params.data) : ''),
      // A long name with its district is cut when the grid is narrow: the whole of it on hover.
      tooltip: (params) => (params.data ? requesterLabel(params.data) : ''),
    }),
    textColumn({
      colId: 'direction',
      headerName: t('requests.col.direction'),
      width: 170,
      valueGetter: (params) => (params.data ? tk(`requestDirectionShort.${params.data.direction}`) : ''),
      tooltip: (params) => (params.data ? tk(`requestDirection.${params.data.direction}`) : ''),
    }),
    textColumn({
      colId: 'requesterCountry',
      headerName: t('requests.col.requesterCountry'),
      width: 140,
      valueGetter: (params) =>
        params.data
          ? params.data.direction === 'member_seeks'
            ? countryName('CZ', language)
            : countryName(params.data.requesterCountryCode, language)
          : '',
    }),
    textColumn({
      colId: 'wantedCountries',
      headerName: t('requests.col.wantedCountries'),
      // Two countries whole ("Rakousko, Německo"), and the requester room beside the open request.
      width: 165,
      valueGetter: (params) => (params.data ? wantedCountries(params.data) : ''),
      // Three or more are cut: all of them on hover.
      tooltip: (params) => (params.data ? wantedCountries(params.data) : ''),
    }),
    textColumn({
      colId: 'wantedSize',
      headerName: t('requests.col.wantedSize'),
      width: 170,
      valueGetter: (params) =>
        params.data?.wantedSize ? tk(`townSize.${params.data.wantedSize}`) : t('requests.anySize'),
    }),
    textColumn({
      colId: 'themes',
      headerName: t('requests.col.themes'),
      minWidth: 220,
      flex: 1,
      valueGetter: (params) => (params.data ? params.data.themes.map((theme) => tk(`area.${theme}`)).join(', ') : ''),
    }),
    textColumn({
      colId: 'status',
      headerName: t('requests.col.status'),
      width: 150,
      valueGetter: (params) => (params.data ? tk(`requestStatus.${params.data.status}`) : ''),
      cellRenderer: RequestStatusCell,
      // "nalezen kandidát" whole in its badge (the badge has its own padding).
      cellClass: 'cell-badge',
      // A closed list of codes: the filter ticks them by label and reads the row's code.
      ...choiceFilter(REQUEST_STATUSES, 'requestStatus', 'label'),
      filterValueGetter: (params) => params.data?.status ?? null,
    }),
    textColumn({ field: 'description', headerName: t('requests.col.description'), minWidth: 220, hide: true }),
    textColumn({
      colId: 'partnership',
      headerName: t('requests.col.partnership'),
      width: 180,
      valueGetter: (params) => (params.data?.partnerTownName ? resultingPartnership(params.data, language) : ''),
    }),
  ];
}

/**
 * The partnership a request became, as both its sides: "Trutnov – Żary (Polsko)" (a foreign
 * town's request named only the town before, its member nowhere).
 */
export const resultingPartnership = (
  row: Pick<RequestRow, 'partnerMunicipalityName' | 'partnerTownName' | 'partnerCountryCode'>,
  language: UiLanguage,
): string =>
  `${row.partnerMunicipalityName === null ? '' : `${row.partnerMunicipalityName} – `}${row.partnerTownName ?? ''} (${countryName(row.partnerCountryCode, language)})`;
