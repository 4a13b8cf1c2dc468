import type { ColDef } from 'ag-grid-community';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../../../shared/domain/codes';
import { PARTNERSHIP_COLUMNS, termLabel } from '../../../shared/domain/columns';
import { countryName } from '../../../shared/domain/countries';
import { parsePartialDate } from '../../../shared/domain/dates';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import type { I18n } from '../../lib/i18n';
import { choiceFilter } from '../../components/ChoiceFilter';
import { isChoiceParams, isCodesModel } from '../../lib/choice-filter';
import { catalogueColumns } from '../../lib/catalogue-columns';
import { czechComparator, provenanceOverrides } from '../../lib/czech-grid';
import { partnershipCells } from './partnerships-cell-renderers';
import { AreasEditor } from './partnerships-cells';

export type PartnershipColumnActions = {
  onOpen: (row: PartnershipRow) => void;
  onDelete: (row: PartnershipRow) => void;
};

/** What was last typed into a date cell's editor, by row and column (the parser sees every keystroke). */
const typedDates = new Map<string, string>();
const typedKey = (rowId: number | undefined, field: string | undefined) => `${String(rowId)}:${field ?? ''}`;

/**
 * The text an ended edit of a date cell left that is no date (the cell kept its value), for the
 * page to say: null for any other column, a readable date, a blank or a cancelled edit (AG Grid
 * gives a cancelled edit no new value).
 */
export function unreadableDateEdit(event: {
  colDef: { field?: string };
  data?: PartnershipRow;
  newValue: unknown;
}): string | null {
  const key = typedKey(event.data?.id, event.colDef.field);
  const text = typedDates.get(key);
  typedDates.delete(key);
  if (text === undefined || event.newValue === undefined) return null;
  return text !== '' && parsePartialDate(text) === null ? text : null;
}

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
  const { TownCell, CountryCell, StatusCell, AreasCell, ActionsCell } = partnershipCells(i18n, actions);
  /** Dates are typed as text and read back at the precision typed ("1994", "5/1994", "22. 5. 1994"). */
  const editableDate: Partial<ColDef<PartnershipRow>> = {
    // A month's name and its year whole ("červenec 1994" lost its year at 125 px: walkthrough 15).
    width: 150,
    editable: true,
    cellEditor: 'agTextCellEditor',
    valueParser: (params) => {
      const text = typeof params.newValue === 'string' ? params.newValue.trim() : '';
      typedDates.set(typedKey(params.data.id, params.colDef.field), text);
      if (text === '') return null;
      // AG Grid parses while the user types (its editor validation): "19" on the way to "1998" is
      // no date yet. Nothing is said here; an unreadable text left when the edit ends is
      // (`unreadableDateEdit`, the page's cellEditingStopped), and the cell keeps its value.
      return parsePartialDate(text) ?? (params.oldValue as string | null);
    },
  };
  const labels = (prefix: string, codes: readonly string[]) =>
    Object.fromEntries(codes.map((code) => [code, tk(`${prefix}.${code}`)]));
  return statusAfterCountry([
    ...catalogueColumns(PARTNERSHIP_COLUMNS, i18n, {
      // Widths chosen so that at 1280 px the member, region, town, country and status are in view
      // beside the pinned actions, each wide enough for its usual text (review D30, issue 13 item 12).
      municipalityName: { pinned: 'left', width: 170, minWidth: 150, sort: 'asc' },
      municipalityCode: { width: 110 },
      districtName: { width: 140 },
      regionName: { width: 169 },
      townName: {
        // Long partner names ('Saint-Étienne-de-Crossey', 'Waidhofen an der Thaya', 'Jelenia Góra'
        // with its Czech name) are whole; the region, status and actions give up what they did not use.
        width: 217,
        minWidth: 150,
        cellRenderer: TownCell,
        // Its other names too (Wien is found by „Vienna“), though no column shows them.
        getQuickFilterText: (params) =>
          `${params.data.townName} ${params.data.townNameCs ?? ''} ${params.data.townOtherNames ?? ''}`,
      },
      townNameCs: { width: 150 },
      townAdminRegion: { width: 160 },
      townPopulation: { width: 130 },
      country: {
        width: 158,
        minWidth: 120,
        getQuickFilterText: (params) => `${countryName(params.data.countryCode, language)} ${params.data.countryCode}`,
        cellRenderer: CountryCell,
      },
      countryCode: { width: 100 },
      type: {
        // "partnerství (smlouva)", "partnership (agreement)", "friendship (memorandum)" whole.
        width: 205,
        refData: labels('partnershipType', PARTNERSHIP_TYPES),
        editable: true,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...PARTNERSHIP_TYPES] },
        comparator: (a: string, b: string) => czechComparator(tk(`partnershipType.${a}`), tk(`partnershipType.${b}`)),
        // Ticks by the labels the cell shows, in the order the column sorts; the filter holds the
        // codes, so a saved view means the same rows in either language (walkthrough 23 finding 9).
        ...choiceFilter(PARTNERSHIP_TYPES, 'partnershipType', 'label'),
      },
      status: {
        width: 115,
        // The badge may reach the cell's right edge ('v přípravě', 'preparing' were cut by the padding).
        cellClass: 'cell-badge',
        refData: labels('partnershipStatus', PARTNERSHIP_STATUSES),
        editable: true,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...PARTNERSHIP_STATUSES] },
        cellRenderer: StatusCell,
        comparator: (a: string, b: string) =>
          PARTNERSHIP_STATUSES.indexOf(a as never) - PARTNERSHIP_STATUSES.indexOf(b as never),
        ...choiceFilter(PARTNERSHIP_STATUSES, 'partnershipStatus', 'codes'),
      },
      startedOn: editableDate,
      signedOn: editableDate,
      // "na dobu neurčitou" whole.
      term: { width: 170 },
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
      lastActivityOn: { width: 170 },
      ...provenanceOverrides<PartnershipRow>(i18n),
    }),
    {
      colId: 'actions',
      headerName: '',
      // "Detail" / "Details" and the bin.
      width: 118,
      pinned: 'right',
      sortable: false,
      filter: false,
      resizable: false,
      suppressMovable: true,
      getQuickFilterText: () => '',
      cellRenderer: ActionsCell,
    },
  ]);
}

/**
 * The grid shows the status right after the country (the catalogue, and so the export, keep
 * their order): at 1280 px it is then in view, not behind the pinned actions.
 */
function statusAfterCountry<T>(columns: ColDef<T>[]): ColDef<T>[] {
  const status = columns.find((column) => column.colId === 'status');
  const rest = columns.filter((column) => column !== status);
  const at = rest.findIndex((column) => column.colId === 'country');
  return status === undefined || at < 0 ? columns : [...rest.slice(0, at + 1), status, ...rest.slice(at + 1)];
}

/**
 * One column filter in force: its column's header and what it keeps, as the notice names it: the
 * text typed into a text filter, the chosen labels of a choice filter; null for any other filter
 * (e.g. a date range) and for a choice of nothing.
 */
export type ColumnFilterInForce = { column: string; text: string | null };

/**
 * The column filters of a grid's filter model, as a notice names them (walkthrough 23: the
 * notice blamed the search while the Country column filter hid the rows). A text filter gives
 * what was typed (both conditions of a combined one); a choice filter the labels of its codes in
 * the user's language (`labelOf`), in the codes' order; any other filter its column alone.
 */
export function columnFiltersInForce(
  model: Record<string, unknown> | null | undefined,
  headerOf: (colId: string) => string,
  labelOf: (colId: string, code: string) => string = (_colId, code) => code,
): ColumnFilterInForce[] {
  const typed = (condition: unknown): string[] => {
    if (typeof condition !== 'object' || condition === null) return [];
    const { filter, conditions } = condition as { filter?: unknown; conditions?: unknown };
    if (Array.isArray(conditions)) return conditions.flatMap(typed);
    return typeof filter === 'string' && filter.trim() !== '' ? [filter.trim()] : [];
  };
  return Object.entries(model ?? {}).map(([colId, condition]) => {
    if (isCodesModel(condition)) {
      const labels = condition.values.map((code) => labelOf(colId, code));
      return { column: headerOf(colId), text: labels.length > 0 ? labels.join(', ') : null };
    }
    const texts = typed(condition);
    return { column: headerOf(colId), text: texts.length > 0 ? texts.join(' / ') : null };
  });
}

/**
 * The label of a code in a choice column of the grid, in the language of its definitions (the
 * column's `filterParams` name its message prefix); the code itself in any other column.
 */
export function choiceLabelOf(colDef: ColDef | undefined, code: string, tk: I18n['tk']): string {
  const params: unknown = colDef?.filterParams;
  return isChoiceParams(params) ? tk(`${params.labelPrefix}.${code}`) : code;
}
