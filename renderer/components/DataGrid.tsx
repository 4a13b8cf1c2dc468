import { AG_GRID_LOCALE_CZ, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type ColDef,
  type GetRowIdFunc,
  type GridApi,
  type GridReadyEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useState } from 'react';
import { useI18n } from '../lib/i18n';
import { defaultColDef, quickFilterMatcher, quickFilterParser } from '../lib/czech-grid';

ModuleRegistry.registerModules([AllCommunityModule]);

/** The app's grid look: compact rows, the app's colours, system font. */
export const gridTheme = themeQuartz.withParams({
  accentColor: '#1d5fa8',
  borderColor: '#dde3ea',
  headerBackgroundColor: '#f3f6f9',
  headerFontWeight: 600,
  fontFamily: 'inherit',
  fontSize: 13,
  rowHeight: 34,
  headerHeight: 38,
  oddRowBackgroundColor: '#fbfcfd',
  wrapperBorderRadius: 8,
});

export type DataGridProps<T> = {
  rows: T[] | undefined;
  columns: ColDef<T>[];
  getRowId: GetRowIdFunc<T>;
  quickFilter?: string;
  onReady?: (api: GridApi<T>) => void;
  onRowCountChange?: (shown: number) => void;
  testId?: string;
};

/** AG Grid with the app's theme, Czech/English locale and diacritics-insensitive quick search. */
export function DataGrid<T>({
  rows,
  columns,
  getRowId,
  quickFilter,
  onReady,
  onRowCountChange,
  testId,
}: DataGridProps<T>) {
  const { language } = useI18n();
  const [api, setApi] = useState<GridApi<T> | null>(null);
  const handleReady = useCallback(
    (event: GridReadyEvent<T>) => {
      setApi(event.api);
      onReady?.(event.api);
    },
    [onReady],
  );
  const reportCount = useCallback(() => {
    if (api && onRowCountChange) onRowCountChange(api.getDisplayedRowCount());
  }, [api, onRowCountChange]);

  return (
    <div className="grid-host" data-testid={testId}>
      <AgGridReact<T>
        key={language}
        theme={gridTheme}
        localeText={language === 'cs' ? AG_GRID_LOCALE_CZ : AG_GRID_LOCALE_EN}
        rowData={rows}
        columnDefs={columns}
        defaultColDef={defaultColDef}
        getRowId={getRowId}
        quickFilterText={quickFilter}
        quickFilterParser={quickFilterParser}
        quickFilterMatcher={quickFilterMatcher}
        cacheQuickFilter
        animateRows={false}
        suppressDragLeaveHidesColumns
        onGridReady={handleReady}
        onModelUpdated={reportCount}
        loading={rows === undefined}
      />
    </div>
  );
}
