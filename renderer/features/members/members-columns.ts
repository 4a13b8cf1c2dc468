import type { ColDef, ValueFormatterParams, ValueParserParams } from 'ag-grid-community';
import { membershipState } from '../../../shared/domain/municipality-rules';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import type { I18n } from '../../lib/i18n';
import { partialDateFilter, provenanceColumns, textColumn } from '../../lib/czech-grid';
import { MembershipCell, OpenCell } from './members-cells';

/** Text typed into a cell: trimmed, empty means "not given". */
export const parseTextCell = (params: ValueParserParams<MunicipalityRow>): unknown => {
  const text = typeof params.newValue === 'string' ? params.newValue.trim() : params.newValue;
  return text === '' ? null : text;
};

/** A number typed the Czech or the English way ("1 200", "1,200" → 1200; "12,5" → 12.5). */
export function parseNumberText(value: unknown): unknown {
  if (typeof value === 'number' || value === null || value === undefined) return value ?? null;
  if (typeof value !== 'string') return value;
  const compact = value.replace(/[\s\u00a0]/g, '');
  if (compact === '') return null;
  const normalised = /^-?\d{1,3}(,\d{3})+$/.test(compact) ? compact.replace(/,/g, '') : compact.replace(',', '.');
  const parsed = Number(normalised);
  // Not a number: keep the text, so the rule names the problem instead of silently dropping it.
  return Number.isFinite(parsed) ? parsed : value;
}

export type MembersColumnOptions = { onOpen: (row: MunicipalityRow) => void };

/** Column definitions of the Members grid: a pure function of the language, tested without a browser. */
export function membersColumns(i18n: I18n, options: MembersColumnOptions): ColDef<MunicipalityRow>[] {
  const { t, tk, formatNumber, formatDate } = i18n;
  const number = (params: ValueFormatterParams<MunicipalityRow, number | null>) => formatNumber(params.value);
  const date = (params: ValueFormatterParams<MunicipalityRow, string | null>) => formatDate(params.value);
  const editableText = { editable: true, valueParser: parseTextCell };
  return [
    textColumn({
      field: 'name',
      headerName: t('members.col.name'),
      pinned: 'left',
      minWidth: 190,
      sort: 'asc',
      ...editableText,
    }),
    textColumn({ field: 'code', headerName: t('members.col.code'), width: 115 }),
    textColumn({
      colId: 'kind',
      headerName: t('members.col.kind'),
      width: 130,
      valueGetter: (params) => (params.data ? tk(`kind.${params.data.kind}`) : ''),
    }),
    textColumn({
      colId: 'membership',
      headerName: t('members.col.membership'),
      width: 145,
      valueGetter: (params) => (params.data ? tk(`membership.${membershipState(params.data)}`) : ''),
      cellRenderer: MembershipCell,
    }),
    textColumn({ field: 'districtName', headerName: t('members.col.district'), width: 150 }),
    textColumn({ field: 'regionName', headerName: t('members.col.region'), width: 175 }),
    textColumn({ field: 'orpName', headerName: t('members.col.orp'), width: 150, ...editableText }),
    textColumn({ field: 'orpCode', headerName: t('members.col.orpCode'), width: 110, hide: true }),
    {
      field: 'population',
      headerName: t('members.col.population'),
      width: 115,
      type: 'numericColumn',
      filter: 'agNumberColumnFilter',
      valueFormatter: number,
      editable: true,
      valueParser: (params) => parseNumberText(params.newValue) as number | null,
    },
    textColumn({ field: 'mayorName', headerName: t('members.col.mayor'), minWidth: 170, ...editableText }),
    textColumn({
      colId: 'mayorGender',
      headerName: t('members.col.mayorGender'),
      width: 130,
      hide: true,
      valueGetter: (params) => (params.data?.mayorGender ? tk(`gender.${params.data.mayorGender}`) : ''),
    }),
    {
      field: 'activePartnerships',
      headerName: t('members.col.activePartnerships'),
      width: 150,
      type: 'numericColumn',
      filter: 'agNumberColumnFilter',
    },
    {
      field: 'partnerships',
      headerName: t('members.col.partnerships'),
      width: 150,
      type: 'numericColumn',
      filter: 'agNumberColumnFilter',
      hide: true,
    },
    {
      field: 'memberSince',
      headerName: t('members.col.memberSince'),
      width: 120,
      filter: 'agDateColumnFilter',
      filterParams: partialDateFilter,
      valueFormatter: date,
      getQuickFilterText: () => '',
    },
    {
      field: 'memberUntil',
      headerName: t('members.col.memberUntil'),
      width: 120,
      filter: 'agDateColumnFilter',
      filterParams: partialDateFilter,
      valueFormatter: date,
      getQuickFilterText: () => '',
      hide: true,
    },
    textColumn({ field: 'email', headerName: t('members.col.email'), minWidth: 190, ...editableText }),
    textColumn({ field: 'website', headerName: t('members.col.website'), minWidth: 190, hide: true, ...editableText }),
    textColumn({ field: 'street', headerName: t('members.col.street'), minWidth: 170, hide: true, ...editableText }),
    textColumn({
      field: 'postalCode',
      headerName: t('members.col.postalCode'),
      width: 100,
      hide: true,
      ...editableText,
    }),
    textColumn({ field: 'ico', headerName: t('members.col.ico'), width: 110, hide: true }),
    {
      field: 'latitude',
      headerName: t('members.col.latitude'),
      width: 120,
      hide: true,
      type: 'numericColumn',
      filter: 'agNumberColumnFilter',
    },
    {
      field: 'longitude',
      headerName: t('members.col.longitude'),
      width: 120,
      hide: true,
      type: 'numericColumn',
      filter: 'agNumberColumnFilter',
    },
    ...provenanceColumns<MunicipalityRow>(i18n),
    {
      colId: 'open',
      headerName: '',
      width: 100,
      minWidth: 90,
      pinned: 'right',
      sortable: false,
      filter: false,
      resizable: false,
      suppressMovable: true,
      cellRenderer: OpenCell,
      cellRendererParams: { onOpen: options.onOpen },
      getQuickFilterText: () => '',
    },
  ];
}
