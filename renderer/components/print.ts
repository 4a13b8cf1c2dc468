import type { Column, GridApi, ICellRendererParams, IRowNode } from 'ag-grid-community';
import { useEffect } from 'react';

/**
 * Printing a screen or a record, in one place: the Print button marks what is printed
 * (`data-print-root`) and the document (`data-printing`), print.css hides everything else, and
 * each grid inside the printed part is printed as a plain table of its shown rows and columns
 * (`printTable`) through the window event below, until printing ends.
 */
export const PRINT_EVENT = 'twinreg:print';

/**
 * What a grid is asked: count its rows (`measure`), lay out every row (`start`), or go back (`end`).
 * `asShown`: print at once as the screen shows it (the browser's own print, which cannot wait for
 * the frames print layout takes): the grid keeps its screen height, and `rows` counts the grids
 * that show only a part of their rows.
 */
export type PrintRequest = { root: Element; phase: 'measure' | 'start' | 'asShown' | 'end'; rows: number };

/**
 * The most rows a printed grid lays out. Print layout puts every row in the page: a few thousand
 * print in seconds (about 40 rows a page), tens of thousands would freeze the window for minutes
 * and give a thousand pages. Above this the button says so and suggests a filter or an export.
 */
export const PRINT_ROW_LIMIT = 3000;

/** The width of the printed area in CSS pixels: A4 landscape less print.css's page margins (277 mm). */
export const PRINT_PAGE_WIDTH = 1040;

/** A grid's borders and vertical scroll bar, around its columns (CSS pixels, generous). */
const GRID_CHROME = 24;

export function sendPrintRequest(request: PrintRequest): PrintRequest {
  window.dispatchEvent(new CustomEvent<PrintRequest>(PRINT_EVENT, { detail: request }));
  return request;
}

const isPrintRequest = (event: Event): event is CustomEvent<PrintRequest> =>
  event instanceof CustomEvent && typeof event.detail === 'object' && event.detail !== null;

/**
 * A column left off paper (`context: NOT_PRINTED`): a grid of twenty figures scaled to the page's
 * width is unreadable; the export holds every column.
 */
export const NOT_PRINTED = { print: false } as const;

const notPrinted = (context: unknown): boolean =>
  typeof context === 'object' && context !== null && (context as { print?: unknown }).print === false;

/** Lets a grid take part in printing: only a grid inside the printed part answers. */
export function usePrintLayout<T>(api: GridApi<T> | null): void {
  useEffect(() => {
    if (!api) return;
    /** The table printed in the grid's place, removed when printing ends. */
    let table: HTMLTableElement | null = null;
    const onPrint = (event: Event) => {
      if (!isPrintRequest(event) || api.isDestroyed()) return;
      const request = event.detail;
      // AG Grid marks its root element with the grid's id.
      const element = request.root.querySelector<HTMLElement>(`[grid-id="${CSS.escape(api.getGridId())}"]`);
      if (!element) return;
      if (request.phase === 'measure') {
        request.rows += api.getDisplayedRowCount();
        return;
      }
      if (request.phase === 'asShown') {
        // Laid out again for paper, the grid would take the page's width only after a frame the
        // browser does not wait for (its columns cut at the paper's edge). It keeps its screen
        // height and is pinned at the width of all its columns, then scaled down to the paper's
        // width: every column prints, as the Print button prints them. A grid scrolled sideways
        // keeps its screen width (widened, its rows would jump back while its header, moved a
        // frame later, stayed scrolled: names above the wrong columns).
        const rect = element.getBoundingClientRect();
        const columns = api.getAllDisplayedColumns();
        const scrolled = [...element.querySelectorAll('.ag-body-horizontal-scroll-viewport')].some(
          (bar) => bar.scrollLeft > 0,
        );
        const width = scrolled
          ? rect.width
          : Math.max(rect.width, columns.reduce((sum, column) => sum + column.getActualWidth(), 0) + GRID_CHROME);
        element.style.height = `${String(rect.height)}px`;
        element.style.width = `${String(Math.ceil(width))}px`;
        if (width > PRINT_PAGE_WIDTH) element.style.zoom = String(PRINT_PAGE_WIDTH / width);
        // Rows the grid has not drawn (above or below what it shows), columns scrolled out of view,
        // or columns it has not drawn (a grid that draws only the columns in view) are not on
        // paper: the paper says so.
        const shown = api.getDisplayedRowCount();
        const drawn = new Set(
          [...element.querySelectorAll('.ag-header-cell[col-id]')].map((cell) => cell.getAttribute('col-id')),
        );
        if (
          (shown > 0 && (api.getFirstDisplayedRowIndex() > 0 || api.getLastDisplayedRowIndex() < shown - 1)) ||
          scrolled ||
          columns.some((column) => !drawn.has(column.getColId()))
        )
          request.rows += 1;
        return;
      }
      if (request.phase === 'end') {
        // Back at full size before the grid lays itself out for the screen again.
        element.style.zoom = '';
        element.style.height = '';
        element.style.width = '';
        element.removeAttribute('data-print-replaced');
        table?.remove();
        table = null;
        return;
      }
      // The grid itself stays as it is (its layout, pinning and state are the user's); the paper
      // gets a table of what it shows in its place (print.css hides the grid while printing).
      table?.remove();
      table = printTable(api);
      element.setAttribute('data-print-replaced', '');
      element.after(table);
    };
    window.addEventListener(PRINT_EVENT, onPrint);
    return () => {
      window.removeEventListener(PRINT_EVENT, onPrint);
      table?.remove();
    };
  }, [api]);
}

/** A cell renderer AG Grid makes with `new` (plain DOM, as the Partnerships grid's cells). */
type DomCellRenderer = new () => { init?: (params: ICellRendererParams) => void; getGui: () => HTMLElement };

const isDomCellRenderer = (renderer: unknown): renderer is DomCellRenderer =>
  typeof renderer === 'function' &&
  typeof (renderer as { prototype?: { getGui?: unknown } }).prototype?.getGui === 'function';

/**
 * A column printed in the table: not one left off paper (`NOT_PRINTED`), nor a control without a
 * name (the tick boxes, a row's Open/Delete buttons): a control does nothing on paper.
 */
const printedColumn =
  <T>(api: GridApi<T>) =>
  (column: Column): boolean =>
    !notPrinted(column.getColDef().context) &&
    !column.getColId().startsWith('ag-Grid-') &&
    api.getDisplayNameForColumn(column, 'header').trim() !== '';

/** The longest text a printed cell keeps on one line (a date, a code, a short name). */
const SHORT_TEXT = 12;

/** A value as the cell says it, formatted as the grid formats it (a list: its items joined). */
function cellText<T>(api: GridApi<T>, node: IRowNode<T>, column: Column): string {
  const value: unknown = api.getCellValue({ rowNode: node, colKey: column, useFormatter: true });
  if (value === null || value === undefined) return '';
  if (Array.isArray(value))
    return value.map((item: unknown) => (typeof item === 'string' ? item : String(item))).join(', ');
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/**
 * The grid as a plain table for paper: its shown columns in their order (the tick boxes and the
 * buttons left out), every row its filters leave in its sort, the pinned top rows first and the
 * pinned bottom rows (a total) last, as on screen. Why a table, not AG Grid's print layout: the
 * print layout lays the grid's header and rows out as boxes (div), so its header is printed once,
 * on page 1, and a grid wider than the paper had to be scaled down to it (about 4 pt with 15
 * columns), its cells cut ("Moravskoslezský k…"); a pinned bottom row printed above the rows.
 * A table's head repeats on every page in Chromium, and its cells wrap at the paper's width
 * (walkthrough 28, findings 1 and 4). A cell drawn by a plain DOM renderer (chips, badges, a town
 * with its Czech name) is drawn by it again; any other cell prints its formatted value as text
 * (never as HTML).
 */
export function printTable<T>(api: GridApi<T>): HTMLTableElement {
  const columns = api.getAllDisplayedColumns().filter(printedColumn(api));
  const table = document.createElement('table');
  table.className = 'print-table';
  table.dataset.testid = 'print-table';
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = api.getDisplayNameForColumn(column, 'header');
    head.append(cell);
  }
  const body = table.createTBody();
  const addRow = (node: IRowNode<T>, className: string) => {
    const row = body.insertRow();
    if (className !== '') row.className = className;
    for (const column of columns) {
      const cell = row.insertCell();
      const raw: unknown = api.getCellValue({ rowNode: node, colKey: column });
      if (typeof raw === 'number') cell.className = 'print-number';
      const renderer: unknown = column.getColDef().cellRenderer;
      if (node.data !== undefined && isDomCellRenderer(renderer)) {
        const drawn = new renderer();
        const extra: unknown = column.getColDef().cellRendererParams;
        const params = {
          value: raw,
          valueFormatted: cellText(api, node, column),
          data: node.data,
          node,
          colDef: column.getColDef(),
          column,
          api,
          context: api.getGridOption('context') as unknown,
          eGridCell: cell,
          eParentOfValue: cell,
          ...(typeof extra === 'object' ? extra : {}),
        };
        // The renderers read only the row's data and value; the params a live cell has beyond
        // them (refresh, keyboard, editing) have no meaning on paper.
        drawn.init?.(params as unknown as ICellRendererParams);
        cell.append(drawn.getGui());
      } else {
        cell.textContent = cellText(api, node, column);
        // A date or a short value keeps its line ("22. 5. 1994" not over two); longer text wraps.
        if (cell.textContent.length <= SHORT_TEXT) cell.classList.add('print-short');
      }
    }
  };
  for (let i = 0; i < api.getPinnedTopRowCount(); i += 1) {
    const node: IRowNode<T> | undefined = api.getPinnedTopRow<T>(i);
    if (node) addRow(node, 'print-pinned');
  }
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data !== undefined && !node.group) addRow(node, '');
  });
  for (let i = 0; i < api.getPinnedBottomRowCount(); i += 1) {
    const node: IRowNode<T> | undefined = api.getPinnedBottomRow<T>(i);
    if (node) addRow(node, 'print-pinned print-total');
  }
  return table;
}

/**
 * The filter as the screen shows it, read from the printed part: the filter bar's chosen values
 * (a select not on its "all" choice, named by its label), the search text, filter chips
 * and the grid's column filters. Pages whose filter is not in such controls pass it in words.
 */
export function describeShownFilter(
  root: Element,
  words: { search: (text: string) => string; columns: (names: string) => string },
): string[] {
  const parts: string[] = [];
  for (const select of root.querySelectorAll('select')) {
    // The "all" choice (the empty value, `all` or `any`) is no filter.
    if (['', 'all', 'any'].includes(select.value) || select.closest('.ag-root-wrapper, [data-print-ignore]')) continue;
    const value = select.selectedOptions[0]?.textContent.trim() ?? '';
    const label = (
      select.getAttribute('aria-label') ??
      select.closest('label')?.querySelector('span')?.textContent ??
      ''
    )
      .trim()
      .replace(/:$/, '');
    if (value !== '') parts.push(label === '' || value.startsWith(label) ? value : `${label}: ${value}`);
  }
  for (const input of root.querySelectorAll<HTMLInputElement>('.search-box input, input[type="search"]')) {
    if (input.value.trim() !== '') parts.push(words.search(input.value.trim()));
  }
  // A chip names a filter; a button beside them ("Zrušit filtry", filter-reset) is a control, not one.
  for (const chip of root.querySelectorAll('[data-testid^="filter-"]:not(select, input, label, button)')) {
    const text = (chip.firstChild?.textContent ?? '').trim();
    if (text !== '') parts.push(text);
  }
  const filtered = [...root.querySelectorAll('.ag-header-cell-filtered .ag-header-cell-text')]
    .map((cell) => cell.textContent.trim())
    .filter((name) => name !== '');
  if (filtered.length > 0) parts.push(words.columns(filtered.join(', ')));
  return [...new Set(parts)];
}
