import type { GridApi } from 'ag-grid-community';

/** The ids of the rows a grid shows now: after every filter and the search, in its sort order. */
export function shownRowIds<T extends { id: number }>(api: GridApi<T> | null): number[] {
  const ids: number[] = [];
  api?.forEachNodeAfterFilterAndSort((node) => {
    if (node.data) ids.push(node.data.id);
  });
  return ids;
}

/**
 * The current view of a grid as the export takes it: the shown rows in order and the ids of the
 * visible columns in order. Columns without data (open, delete) are sent too: core writes only
 * the ids its column catalogue has.
 */
export function currentView<T extends { id: number }>(api: GridApi<T>): { rowIds: number[]; columns: string[] } {
  return {
    rowIds: shownRowIds(api),
    columns: api.getAllDisplayedColumns().map((column) => column.getColId()),
  };
}
