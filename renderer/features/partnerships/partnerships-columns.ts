import type { ColDef } from 'ag-grid-community';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../../../shared/domain/codes';
import { PARTNERSHIP_COLUMNS, termLabel } from '../../../shared/domain/columns';
import { countryName } from '../../../shared/domain/countries';
import { parsePartialDate } from '../../../shared/domain/dates';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import type { I18n } from '../../lib/i18n';
import { catalogueColumns } from '../../lib/catalogue-columns';
import { czechComparator, provenanceOverrides } from '../../lib/czech-grid';
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

/** The term of a row as text: "indefinite" or "until <date>" (the catalogue's value). */
export const termText = (row: PartnershipRow | undefined, i18n: I18n): string =>
  row ? termLabel(row, i18n.language) : '';

/**
 * Column definitions of the Partnerships grid: the catalogue's columns (`shared/domain/columns.ts`,
 * which the export writes too) with what only the grid has, by id; a pure function of the
 * language and the actions.
 */
export function partnershipsColumns(i18n: I18n, actions: PartnershipColumnActions): ColDef<PartnershipRow>[] {
  const { tk, language } = i18n;
  /** Dates are typed as text and read back at the precision typed ("1994", "5/1994", "22. 5. 1994"). */
  const editableDate: Partial<ColDef<PartnershipRow>> = {
    width: 125,
    editable: true,
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
  };
  const labels = (prefix: string, codes: readonly string[]) =>
    Object.fromEntries(codes.map((code) => [code, tk(`${prefix}.${code}`)]));
  return [
    ...catalogueColumns(PARTNERSHIP_COLUMNS, i18n, {
      municipalityName: { pinned: 'left', minWidth: 170, sort: 'asc' },
      municipalityCode: { width: 110 },
      districtName: { width: 140 },
      regionName: { width: 170 },
      townName: {
        minWidth: 200,
        cellRenderer: TownCell,
        getQuickFilterText: (params) => `${params.data.townName} ${params.data.townNameCs ?? ''}`,
      },
      townNameCs: { width: 150 },
      townAdminRegion: { width: 160 },
      townPopulation: { width: 130 },
      country: {
        minWidth: 160,
        getQuickFilterText: (params) => `${countryName(params.data.countryCode, language)} ${params.data.countryCode}`,
        cellRenderer: CountryCell,
      },
      countryCode: { width: 100 },
      type: {
        width: 175,
        refData: labels('partnershipType', PARTNERSHIP_TYPES),
        editable: true,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...PARTNERSHIP_TYPES] },
        comparator: (a: string, b: string) => czechComparator(tk(`partnershipType.${a}`), tk(`partnershipType.${b}`)),
        filterParams: undefined,
      },
      status: {
        width: 120,
        refData: labels('partnershipStatus', PARTNERSHIP_STATUSES),
        editable: true,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...PARTNERSHIP_STATUSES] },
        cellRenderer: StatusCell,
        comparator: (a: string, b: string) =>
          PARTNERSHIP_STATUSES.indexOf(a as never) - PARTNERSHIP_STATUSES.indexOf(b as never),
        filterParams: undefined,
      },
      startedOn: editableDate,
      signedOn: editableDate,
      term: { width: 150 },
      areas: {
        // The value is the list of area codes, drawn, edited, filtered and sorted by this column's own
        // functions: no inferred data type (AG Grid would ask for an object formatter and parser, #48).
        cellDataType: false,
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
      },
      lastActivityOn: { width: 125 },
      ...provenanceOverrides<PartnershipRow>(i18n),
    }),
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
