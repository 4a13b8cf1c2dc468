import type { GridApi } from 'ag-grid-community';
import { useEffect } from 'react';

/**
 * Printing a screen or a record, in one place: the Print button marks what is printed
 * (`data-print-root`) and the document (`data-printing`), print.css hides everything else, and
 * each grid inside the printed part switches to AG Grid's print layout (all its rows, no scroll
 * bars) through the window event below, and back when printing ends.
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
    /** The columns hidden for printing, shown again when it ends. */
    let hidden: string[] = [];
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
        if (hidden.length > 0) api.setColumnsVisible(hidden, true);
        hidden = [];
        api.setGridOption('domLayout', undefined);
        return;
      }
      hidden = api
        .getAllDisplayedColumns()
        .filter((column) => notPrinted(column.getColDef().context))
        .map((column) => column.getColId());
      if (hidden.length > 0) api.setColumnsVisible(hidden, false);
      api.setGridOption('domLayout', 'print');
      // A grid wider than the paper is scaled down to its width instead of losing its last columns.
      const width = api.getAllDisplayedColumns().reduce((sum, column) => sum + column.getActualWidth(), 0);
      if (width > PRINT_PAGE_WIDTH) element.style.zoom = String(PRINT_PAGE_WIDTH / width);
    };
    window.addEventListener(PRINT_EVENT, onPrint);
    return () => window.removeEventListener(PRINT_EVENT, onPrint);
  }, [api]);
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
