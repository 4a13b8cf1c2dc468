import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { CatalogueColumn } from '../../shared/domain/columns';
import type { I18n } from './i18n';
import { partialDateFilter, textColumn } from './czech-grid';

/** What a grid adds to a catalogue column by its id: width, pinning, cells, editors. */
export type ColumnOverrides<R> = Partial<Record<string, Partial<ColDef<R>>>>;

/**
 * The grid's columns from the one catalogue (`shared/domain/columns.ts`): id, header, kind,
 * value and whether it starts hidden come from there, so the export writes exactly what the grid
 * shows; the grid adds by id what only a screen has (widths, cell renderers, editors).
 */
export function catalogueColumns<R>(
  catalogue: readonly CatalogueColumn<R>[],
  i18n: I18n,
  overrides: ColumnOverrides<R>,
): ColDef<R>[] {
  const { t, language, formatNumber, formatDate } = i18n;
  return catalogue.map((column) => {
    const common: ColDef<R> = {
      colId: column.id,
      headerName: t(column.header),
      ...(column.field === undefined
        ? { valueGetter: (params) => (params.data ? column.value(params.data, language) : null) }
        : { field: column.field as unknown as ColDef<R>['field'] }),
      ...(column.hidden ? { hide: true } : {}),
    };
    let base: ColDef<R>;
    switch (column.kind) {
      case 'text':
        base = textColumn<R>(common);
        break;
      case 'number':
      case 'decimal':
        base = {
          ...common,
          type: 'numericColumn',
          filter: 'agNumberColumnFilter',
          ...(column.kind === 'number'
            ? { valueFormatter: (params: ValueFormatterParams<R, number | null>) => formatNumber(params.value) }
            : {}),
        };
        break;
      case 'date':
        base = {
          ...common,
          // Stored at the precision the source states (`1994-05-22`, `1994-05`, `1994`): shown
          // and filtered at that precision, never widened to a day the source does not state.
          cellDataType: false,
          valueFormatter: (params: ValueFormatterParams<R, string | null>) => formatDate(params.value),
          getQuickFilterText: (params) => formatDate(params.value as string | null),
          filter: 'agDateColumnFilter',
          filterParams: partialDateFilter,
        };
        break;
    }
    return { ...base, ...overrides[column.id] };
  });
}
