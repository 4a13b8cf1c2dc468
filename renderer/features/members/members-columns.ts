import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import type { I18n } from '../../lib/i18n';
import { textColumn } from '../../lib/czech-grid';

/** Column definitions of the Members grid: a pure function of the language, tested without a browser. */
export function membersColumns(i18n: I18n): ColDef<MunicipalityRow>[] {
  const { t, tk, formatNumber, formatDate } = i18n;
  const number = (params: ValueFormatterParams<MunicipalityRow, number | null>) => formatNumber(params.value);
  return [
    textColumn({ field: 'name', headerName: t('members.col.name'), pinned: 'left', minWidth: 180, sort: 'asc' }),
    textColumn({ field: 'code', headerName: t('members.col.code'), width: 110 }),
    textColumn({
      field: 'kind',
      headerName: t('members.col.kind'),
      width: 140,
      valueGetter: (params) => (params.data ? tk(`kind.${params.data.kind}`) : ''),
    }),
    textColumn({ field: 'districtName', headerName: t('members.col.district'), width: 150 }),
    textColumn({ field: 'regionName', headerName: t('members.col.region'), minWidth: 180 }),
    textColumn({ field: 'orpName', headerName: t('members.col.orp'), width: 150 }),
    {
      field: 'population',
      headerName: t('members.col.population'),
      width: 120,
      type: 'numericColumn',
      filter: 'agNumberColumnFilter',
      valueFormatter: number,
    },
    textColumn({ field: 'mayorName', headerName: t('members.col.mayor'), minWidth: 170 }),
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
      width: 130,
      valueFormatter: (params: ValueFormatterParams<MunicipalityRow, string | null>) => formatDate(params.value),
      getQuickFilterText: () => '',
    },
    textColumn({ field: 'email', headerName: t('members.col.email'), minWidth: 180, hide: true }),
    textColumn({ field: 'website', headerName: t('members.col.website'), minWidth: 180, hide: true }),
  ];
}
