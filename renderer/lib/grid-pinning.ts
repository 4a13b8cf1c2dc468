import type { ProcessUnpinnedColumnsParams } from 'ag-grid-community';

/** Whether the document is laid out for paper now (the print dialog or a PDF being made). */
const laidOutForPrint = (): boolean => typeof matchMedia === 'function' && matchMedia('print').matches;

/**
 * AG Grid unpins pinned columns that do not fit its viewport. Printing ends (`afterprint`) while
 * the document is still laid out for paper: the grid, back in its screen layout, measured itself
 * there (188 px wide, printing to PDF) and unpinned the tick box, member and action columns, on
 * screen until the next start and in the layout it then remembered. While the document is laid
 * out for print, nothing is unpinned; otherwise AG Grid's choice stands (a window really too narrow).
 */
export function keepPinnedWhilePrinting<T>(printing: () => boolean = laidOutForPrint) {
  return (params: ProcessUnpinnedColumnsParams<T>) => (printing() ? [] : params.columns);
}
