import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../../../shared/domain/codes';
import { countryName } from '../../../shared/domain/countries';
import { parsePartialDate } from '../../../shared/domain/dates';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import type { I18n } from '../../lib/i18n';
import { czechComparator, partialDateFilter, provenanceColumns, textColumn } from '../../lib/czech-grid';
import { ActionsCell, AreasCell, AreasEditor, CountryCell, StatusCell, TownCell } from './partnerships-cells';

export type PartnershipColumnActions = {
  onOpen: (row: PartnershipRow) => void;
  onDelete: (row: PartnershipRow) => void;
  /** A typed date the grid cannot read (the cell keeps its value). */
  onUnreadableDate?: (text: string) => void;
};


/** The areas of a row in the user's language, joined: what the areas column filters, searches and sorts by. */
export const areasText = (row: PartnershipRow | undefined, tk: I18n['tk']): string =>
  row ? row.areas.map((area) => tk(`area.${area}`)).join(', ') : '';

/** The term of a row as text: "indefinite" or "until <date>". */
export const termText = (row: PartnershipRow | undefined, i18n: I18n): string => {
  if (!row) return '';
  return row.termKind === 'fixed' && row.termUntil
    ? i18n.t('partnerships.term.until', { date: i18n.formatDate(row.termUntil) })
    : i18n.t('partnerships.termKind.indefinite');
};

/**
 * Column definitions of the Partnerships grid: a pure function of the language and the actions.
 * Column ids equal the export's column ids (`export:grid`), so an export writes what the grid shows.
 */
export function partnershipsColumns(i18n: I18n, actions: PartnershipColumnActions): ColDef<PartnershipRow>[] {
  const { t, tk, formatDate, formatNumber, language } = i18n;
  const date = (params: ValueFormatterParams<PartnershipRow, string | null>) => formatDate(params.value);
  const dateColumn = (
    field: 'startedOn' | 'signedOn' | 'lastActivityOn',
    header: string,
    editable: boolean,
  ): ColDef<PartnershipRow> => ({
    field,
    colId: field,
    headerName: header,
    width: 125,
    // Stored at the precision the source states (`1994-05-22`, `1994-05`, `1994`): typed as text
    // and read back at that precision, never widened to a day the source does not state.
    cellDataType: false,
    valueFormatter: date,
    getQuickFilterText: (params) => formatDate(params.value as string | null),
    filter: 'agDateColumnFilter',
    filterParams: partialDateFilter,
    editable,
    cellEditor: 'agTextCellEditor',
    valueParser: (params) => {
      const text = typeof params.newValue === 'string' ? params.newValue.trim() : '';
      if (text === '') return null;
      const parsed = parsePartialDate(text);
      if (parsed === null) {
        actions.onUnreadableDate?.(text);
        return params.oldValue as string | null;
      }
      return parsed;
    },
  });
  const labels = (prefix: string, codes: readonly string[]) =>
    Object.fromEntries(codes.map((code) => [code, tk(`${prefix}.${code}`)]));
  return [
    textColumn({
      field: 'municipalityName',
      colId: 'municipalityName',
      headerName: t('partnerships.col.member'),
      pinned: 'left',
      minWidth: 170,
      sort: 'asc',
    }),
    textColumn({
      field: 'municipalityCode',
      colId: 'municipalityCode',
      headerName: t('partnerships.col.memberCode'),
      width: 110,
      hide: true,
    }),
    textColumn({
      field: 'districtName',
      colId: 'districtName',
      headerName: t('partnerships.col.district'),
      width: 140,
      hide: true,
    }),
    textColumn({ field: 'regionName', colId: 'regionName', headerName: t('partnerships.col.region'), width: 170 }),
    textColumn({
      field: 'townName',
      colId: 'townName',
      headerName: t('partnerships.col.town'),
      minWidth: 200,
      cellRenderer: TownCell,
      getQuickFilterText: (params) => `${params.data.townName} ${params.data.townNameCs ?? ''}`,
    }),
    textColumn({
      field: 'townNameCs',
      colId: 'townNameCs',
      headerName: t('partnerships.col.townCs'),
      width: 150,
      hide: true,
    }),
    textColumn({
      field: 'townAdminRegion',
      colId: 'townAdminRegion',
      headerName: t('partnerships.col.townRegion'),
      width: 160,
      hide: true,
    }),
    {
      field: 'townPopulation',
      colId: 'townPopulation',
      headerName: t('partnerships.col.townPopulation'),
      width: 130,
      type: 'numericColumn',
      filter: 'agNumberColumnFilter',
      valueFormatter: (params: ValueFormatterParams<PartnershipRow, number | null>) => formatNumber(params.value),
      hide: true,
    },
    textColumn({
      colId: 'country',
      headerName: t('partnerships.col.country'),
      minWidth: 160,
      valueGetter: (params) => (params.data ? countryName(params.data.countryCode, language) : ''),
      getQuickFilterText: (params) => `${countryName(params.data.countryCode, language)} ${params.data.countryCode}`,
      cellRenderer: CountryCell,
    }),
    textColumn({
      field: 'countryCode',
      colId: 'countryCode',
      headerName: t('partnerships.col.countryCode'),
      width: 100,
      hide: true,
    }),
    {
      field: 'type',
      colId: 'type',
      headerName: t('partnerships.col.type'),
      width: 175,
      refData: labels('partnershipType', PARTNERSHIP_TYPES),
      editable: true,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...PARTNERSHIP_TYPES] },
      comparator: (a: string, b: string) => czechComparator(tk(`partnershipType.${a}`), tk(`partnershipType.${b}`)),
    },
    {
      field: 'status',
      colId: 'status',
      headerName: t('partnerships.col.status'),
      width: 120,
      refData: labels('partnershipStatus', PARTNERSHIP_STATUSES),
      editable: true,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...PARTNERSHIP_STATUSES] },
      cellRenderer: StatusCell,
      comparator: (a: string, b: string) =>
        PARTNERSHIP_STATUSES.indexOf(a as never) - PARTNERSHIP_STATUSES.indexOf(b as never),
    },
    dateColumn('startedOn', t('partnerships.col.started'), true),
    dateColumn('signedOn', t('partnerships.col.signed'), true),
    textColumn({
      colId: 'term',
      headerName: t('partnerships.col.term'),
      width: 150,
      valueGetter: (params) => termText(params.data, i18n),
    }),
    textColumn({
      field: 'areas',
      colId: 'areas',
      headerName: t('partnerships.col.areas'),
      minWidth: 240,
      flex: 1,
      editable: true,
      cellEditor: AreasEditor,
      cellEditorPopup: true,
      cellRenderer: AreasCell,
      filterValueGetter: (params) => areasText(params.data, tk),
      getQuickFilterText: (params) => areasText(params.data, tk),
      comparator: (_a, _b, nodeA, nodeB) => czechComparator(areasText(nodeA.data, tk), areasText(nodeB.data, tk)),
      equals: (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b),
    }),
    dateColumn('lastActivityOn', t('partnerships.col.lastActivity'), false),
    ...provenanceColumns<PartnershipRow>(i18n),
    {
      colId: 'actions',
      headerName: '',
      width: 124,
      pinned: 'right',
      sortable: false,
      filter: false,
      resizable: false,
      suppressMovable: true,
      getQuickFilterText: () => '',
      cellRenderer: ActionsCell,
      cellRendererParams: actions,
    },
  ];
}
