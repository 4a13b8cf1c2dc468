import {
  themeQuartz,
  type CellKeyDownEvent,
  type ColDef,
  type GetRowIdFunc,
  type GridApi,
  type GridReadyEvent,
  type GridState,
  type IRowNode,
  type StateUpdatedEvent,
} from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { usePreferences } from '../app/PreferencesContext';
import { useI18n } from '../lib/i18n';
import {
  defaultColDef,
  expectSortTexts,
  forgetSortTexts,
  learnSortTextsGradually,
  quickFilterParser,
  withFoldedSearchText,
} from '../lib/czech-grid';
import { workerSorter } from '../lib/czech-sorter';
import { firstFeed, followRows, isFeeding, nextStep, stepRows, type Feed } from '../lib/feed-rows';
import { gridLocaleText } from '../lib/grid-locale';
import { keepPinnedWhilePrinting } from '../lib/grid-pinning';
import { holdViews } from '../lib/grid-view';
import { registerGridModules } from '../lib/grid-modules';
import { styleNonce } from '../lib/style-nonce';
import { GridViewsBar, rememberedState, withDefinedPinning, type ScreenView } from './GridViewsBar';
import './data-grid.css';
import { usePrintLayout } from './print';

registerGridModules();

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

/**
 * A column whose cells AG Grid does not start editing on Enter (the grid's own handler opens the
 * row instead); the column's own keyboard rule, if any, still applies.
 */
const enterToOpen = new WeakSet<Event>();
function enterOpensRow<T>(column: ColDef<T>): ColDef<T> {
  if (column.editable === undefined || column.editable === false) return column;
  const own = column.suppressKeyboardEvent;
  return {
    ...column,
    suppressKeyboardEvent: (params) => {
      if (own?.(params) === true) return true;
      const { event } = params;
      const opens =
        !params.editing &&
        event.type === 'keydown' &&
        event.key === 'Enter' &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !event.shiftKey;
      if (opens) enterToOpen.add(event);
      return opens;
    },
  };
}

/** Further AG Grid options a screen may pass (editing, row events …); the shared ones stay set here. */
export type ExtraGridProps<T> = Omit<
  AgGridReactProps<T>,
  | 'rowData'
  | 'columnDefs'
  | 'getRowId'
  | 'quickFilterText'
  | 'onGridReady'
  | 'initialState'
  | 'theme'
  | 'localeText'
  | 'styleNonce'
>;

export type DataGridProps<T> = {
  rows: T[] | undefined;
  columns: ColDef<T>[];
  getRowId: GetRowIdFunc<T>;
  quickFilter?: string;
  onReady?: (api: GridApi<T>) => void;
  /** The rows shown after the filters; null while not known (no rows yet, or a first load going in). */
  onRowCountChange?: (shown: number | null) => void;
  testId?: string;
  /**
   * Opt-in saved views: with an id, the column layout, sort and filters are remembered per grid
   * (preferences `gridStates`) and a small bar lets the user save, recall and delete named views
   * (preferences `namedViews`).
   */
  gridId?: string;
  /** A filter of the screen (e.g. region and country pickers) applied with the column filters. */
  externalFilter?: ((row: T) => boolean) | null;
  /** Extra controls shown at the left of the views bar (e.g. filter pickers). */
  toolbar?: React.ReactNode;
  /** The screen's filter bar and search, kept in the named views with the grid's state. */
  screenView?: ScreenView;
  /**
   * The screen says itself that it has no rows at all ("No requests yet"): the grid does not say
   * it a second time (its overlay for rows that the filters hide stays).
   */
  ownEmptyNote?: boolean;
  /** Enter on a cell with no button or link of its own (and not edited) opens its row so. */
  onOpenRow?: (row: T) => void;
  /** The Delete key on a cell that is not edited asks to delete its row so (it confirms first). */
  onDeleteRow?: (row: T) => void;
  gridProps?: ExtraGridProps<T>;
};

/** Grids laid out in this document already (a later one is the same screen made anew). */
const startedGrids = new Set<string>();

/** AG Grid with the app's theme, Czech/English locale and diacritics-insensitive quick search. */
export function DataGrid<T>({
  rows,
  columns,
  getRowId,
  quickFilter,
  onReady,
  onRowCountChange,
  testId,
  gridId,
  externalFilter,
  toolbar,
  screenView,
  ownEmptyNote = false,
  onOpenRow,
  onDeleteRow,
  gridProps,
}: DataGridProps<T>) {
  const { language, t, formatNumber } = useI18n();
  const { loaded, gridState, saveGridState } = usePreferences();
  const [api, setApi] = useState<GridApi<T> | null>(null);
  const handleReady = useCallback(
    (event: GridReadyEvent<T>) => {
      if (gridId !== undefined) startedGrids.add(gridId);
      setApi(event.api);
      onReady?.(event.api);
    },
    [onReady, gridId],
  );
  usePrintLayout(api);
  const processUnpinnedColumns = useMemo(() => keepPinnedWhilePrinting<T>(), []);
  // Enter on a cell opens its row on every cell, editable ones too (walkthrough 19: on a member's
  // name it started renaming it, the Help says it opens the row); F2, typing or a double-click edits.
  const openable = onOpenRow !== undefined;
  const searchColumns = useMemo(
    () => withFoldedSearchText(openable ? columns.map(enterOpensRow) : columns),
    [columns, openable],
  );
  // A big first load reaches AG Grid in steps, one task each, so that the window stays responsive
  // and the first rows show early (issue 16). Meanwhile the grid reports no row count, and its
  // view (exports, bulk edit, "verify shown") is read only once every row is in (`holdViews`).
  const [feed, setFeed] = useState<Feed<T>>(() => firstFeed(rows));
  if (feed.rows !== rows) setFeed(followRows(feed, rows));
  const feeding = isFeeding(feed);
  useEffect(() => {
    if (!feeding) return;
    const timer = setTimeout(() => setFeed((current) => (current === feed ? nextStep(current) : current)), 0);
    return () => clearTimeout(timer);
  }, [feed, feeding]);
  // Each later step goes in as a transaction of its own rows: the grid compares nothing it holds.
  // In the commit that shows the step, before the browser paints: the last step's rows are in the
  // grid when the loading note goes away (a sort clicked then sorts every row, once).
  const given = useRef<{ api: GridApi<T> | null; first: T[] | undefined; count: number }>({
    api: null,
    first: undefined,
    count: 0,
  });
  useLayoutEffect(() => {
    if (!api || api.isDestroyed()) return;
    // A grid made again (another language) starts from `first`, its `rowData`.
    const known = given.current.api === api ? given.current : { first: undefined, count: 0 };
    const add = stepRows(feed, known);
    if (add === null) return;
    if (add.length > 0) api.applyTransaction({ add });
    given.current = { api, first: feed.first, count: feed.shown?.length ?? 0 };
  }, [api, feed]);
  useEffect(() => {
    if (!feeding || !api) return;
    let allIn: () => void = () => undefined;
    holdViews(new Promise<void>((resolve) => (allIn = resolve)));
    // After the commit that gave AG Grid the last rows (or when the grid goes away).
    return () => void setTimeout(allIn, 0);
  }, [api, feeding]);
  // As rows arrive, rank the text the grid may be sorted by: sorted in a worker, merged in a few
  // milliseconds at a time (without a worker: sorted so too, while the browser is idle). A sort
  // that comes first ranks its column at once (`expectSortTexts`).
  useEffect(() => {
    if (!rows || typeof requestIdleCallback !== 'function') return;
    expectSortTexts(rows, columns);
    const stop = learnSortTextsGradually(rows, undefined, workerSorter);
    return () => {
      stop();
      forgetSortTexts(rows);
    };
  }, [rows, columns]);
  const reportCount = useCallback(() => {
    // A change of language rebuilds the grid (`key`): the API held until the new grid is ready is destroyed.
    if (!api || api.isDestroyed() || !onRowCountChange) return;
    onRowCountChange(rows === undefined || feeding ? null : api.getDisplayedRowCount());
  }, [api, onRowCountChange, rows, feeding]);
  // Unknown while a first load goes in; the count once every row is in (its last step may report
  // before this render knows that it was the last).
  useEffect(() => reportCount(), [reportCount]);

  // The external filter is read through a ref so AG Grid's callbacks stay stable.
  const filterRef = useRef(externalFilter);
  useEffect(() => {
    filterRef.current = externalFilter;
    if (api && !api.isDestroyed()) api.onFilterChanged();
  }, [api, externalFilter]);
  const isExternalFilterPresent = useCallback(() => typeof filterRef.current === 'function', []);
  const doesExternalFilterPass = useCallback((node: IRowNode<T>) => {
    const filter = filterRef.current;
    return !filter || (node.data !== undefined && filter(node.data));
  }, []);

  // Remember the layout per grid: written a moment after the user stops changing it.
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<(() => void) | null>(null);
  const onStateUpdated = useCallback(
    (event: StateUpdatedEvent<T>) => {
      if (gridId === undefined) return;
      if (event.sources.length === 1 && event.sources[0] === 'gridInitializing') return;
      // Laid out for printing, the grid reports no pinned columns: that layout is not the user's.
      if (event.api.getGridOption('domLayout') === 'print') return;
      if (saveTimer.current) clearTimeout(saveTimer.current);
      const state = rememberedState(event.state);
      pending.current = () => {
        pending.current = null;
        saveGridState(gridId, state);
      };
      // Dragging a column edge fires many updates: those wait a moment; a sort or a filter is written at once.
      const dragging = event.sources.every((source) => source === 'columnSizing');
      if (dragging) saveTimer.current = setTimeout(() => pending.current?.(), 400);
      else pending.current();
    },
    [gridId, saveGridState],
  );
  // Leaving the screen (or switching language) writes a layout change that is still waiting.
  useEffect(
    () => () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
      pending.current?.();
    },
    [],
  );

  // Enter on a cell that is not edited does what a click on it does: its button or link ("Detail",
  // the partner town, a member's "Open"), else the cell itself (a request's row is chosen so).
  // Without it a record could be opened only with a mouse (keyboard walkthrough).
  // The Delete key asks to delete the row (walkthrough 19: deleting from the grid was mouse-only):
  // not on an editable cell, where AG Grid clears the value being edited.
  const onCellKeyDown = useCallback(
    (params: CellKeyDownEvent<T>) => {
      const event = params.event;
      if (
        !(event instanceof KeyboardEvent) ||
        (event.key !== 'Enter' && event.key !== 'Delete') ||
        event.defaultPrevented
      )
        return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (params.api.getEditingCells().length > 0) return;
      const row = params.node.data;
      if (row === undefined) return;
      // On an editable cell only an Enter AG Grid left alone (`enterOpensRow`: not one that ended
      // an edit) opens the row; the Delete key is AG Grid's there (it clears the value edited).
      if (params.column.isCellEditable(params.node) && !enterToOpen.has(event)) return;
      if (event.key === 'Delete') {
        if (onDeleteRow === undefined) return;
        event.preventDefault();
        onDeleteRow(row);
        return;
      }
      // Enter on a button or a link in the cell (Tab reached "Smazat") is that control's own: it
      // must not also open the row with the cell's first control (the detail opened under the delete).
      if (event.target instanceof Element && event.target.closest('button, a[href]') !== null) return;
      const cell = event.target instanceof Element ? event.target.closest<HTMLElement>('.ag-cell') : null;
      if (!cell) return;
      event.preventDefault();
      const control = cell.querySelector<HTMLElement>('button:not(:disabled), a[href]');
      if (control === null) {
        // A cell with nothing to click (the municipality's name) opens the row where the screen can
        // (walkthrough 19: Enter on it did nothing).
        if (onOpenRow === undefined) {
          cell.click();
          return;
        }
        onOpenRow(row);
      } else control.click();
      // What it opened (a record's panel) takes the focus: the grid must not pull it back to the cell
      // as it redraws the row (the panel gives it back to the cell when it closes).
      params.api.clearFocusedCell();
    },
    [onOpenRow, onDeleteRow],
  );

  // A grid with saved views waits for the preferences, so its first paint already has the layout.
  if (gridId !== undefined && !loaded) return <div className="grid-host" data-testid={testId} />;
  const withPinning = (state: GridState) =>
    withDefinedPinning(state, columns, gridProps?.selectionColumnDef?.pinned) ?? state;
  const saved = gridId === undefined ? undefined : (gridState(gridId) as GridState | undefined);
  // The layout the user left (order, widths, sort) comes back; a column filter of the last session
  // does not: the screen's filter bar starts afresh and the view picker says "Default view", and a
  // filter kept from then hid rows under that name ("0 z 964": walkthrough 15). A grid made anew
  // in this session (a switch of language) keeps its filter, as its screen keeps the filter bar.
  const initialState =
    saved === undefined
      ? undefined
      : withPinning(gridId !== undefined && startedGrids.has(gridId) ? saved : { ...saved, filter: undefined });

  return (
    <div className="grid-stack">
      {(gridId !== undefined || toolbar !== undefined) && (
        <div className="grid-toolbar">
          <div className="grid-toolbar-left">{toolbar}</div>
          {gridId !== undefined && api && (
            <GridViewsBar gridId={gridId} api={api} screen={screenView} withPinning={withPinning} />
          )}
        </div>
      )}
      <div className="grid-host" data-testid={testId}>
        {feeding && (
          <div className="grid-feeding" role="status" data-testid="grid-feeding">
            {t('common.rowsLoading', {
              shown: formatNumber(feed.shown?.length ?? 0),
              total: formatNumber(rows?.length ?? 0),
            })}
          </div>
        )}
        <AgGridReact<T>
          key={language}
          theme={gridTheme}
          // The theme CSS goes in as <style> elements; the Content-Security-Policy wants its nonce.
          styleNonce={styleNonce()}
          localeText={gridLocaleText(language)}
          rowData={feed.first}
          columnDefs={searchColumns}
          defaultColDef={defaultColDef}
          getRowId={getRowId}
          quickFilterText={quickFilter}
          quickFilterParser={quickFilterParser}
          cacheQuickFilter
          animateRows={false}
          // A change of some rows (a step of a first load, a store event) sorts those rows and
          // merges them in, instead of sorting all 100,000 again.
          deltaSort
          suppressDragLeaveHidesColumns
          onGridReady={handleReady}
          processUnpinnedColumns={processUnpinnedColumns}
          onModelUpdated={reportCount}
          loading={rows === undefined}
          suppressNoRowsOverlay={ownEmptyNote}
          initialState={initialState}
          onStateUpdated={gridId === undefined ? undefined : onStateUpdated}
          isExternalFilterPresent={isExternalFilterPresent}
          doesExternalFilterPass={doesExternalFilterPass}
          onCellKeyDown={onCellKeyDown}
          {...gridProps}
        />
      </div>
    </div>
  );
}
