import type { GridApi } from 'ag-grid-community';

/** First loads still going into a grid (`DataGrid`'s feed), each until it is all in. */
const pending = new Set<Promise<void>>();

/**
 * Marks a grid's first load as going in until `done`: the grids' views (the ids an export, a bulk
 * edit, "verify shown" or a print act on) are read only after that, so none of them acts on a part.
 */
export function holdViews(done: Promise<void>): void {
  pending.add(done);
  void done.then(() => pending.delete(done));
}

/** Resolves once no grid is taking its first rows any more (a load takes a second or two at most). */
export async function allGridsLoaded(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}

/** The ids of the rows a grid shows: after every filter and the search, in its sort order. */
export async function shownRowIds<T extends { id: number }>(api: GridApi<T> | null): Promise<number[]> {
  if (api === null) return [];
  await allGridsLoaded();
  const ids: number[] = [];
  if (api.isDestroyed()) return ids;
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data) ids.push(node.data.id);
  });
  return ids;
}

/** How many ticked rows the filters show now (a row ticked and then hidden by a filter is not counted). */
export function tickedShownCount<T>(api: GridApi<T> | null): number {
  let count = 0;
  if (api === null || api.isDestroyed()) return count;
  api.forEachNodeAfterFilter((node) => {
    if (node.isSelected() === true) count += 1;
  });
  return count;
}

/**
 * What an action on "the rows" of a grid with tick boxes acts on: the ticked rows the filters
 * show when any row is ticked, else every row shown ("Mark as verified" on ticked rows marked the
 * whole view on Members).
 */
export async function tickedOrShownIds<T extends { id: number }>(api: GridApi<T> | null): Promise<number[]> {
  const shown = await shownRowIds(api);
  if (api === null || api.isDestroyed() || api.getSelectedNodes().length === 0) return shown;
  const shownSet = new Set(shown);
  return api
    .getSelectedRows()
    .filter((row) => shownSet.has(row.id))
    .map((row) => row.id);
}

/**
 * The current view of a grid as the export takes it: the shown rows in order and the ids of the
 * visible columns in order. Columns without data (open, delete) are sent too: core writes only
 * the ids its column catalogue has.
 */
export async function currentView<T extends { id: number }>(
  api: GridApi<T>,
): Promise<{ rowIds: number[]; columns: string[] }> {
  const rowIds = await shownRowIds(api);
  return { rowIds, columns: api.getAllDisplayedColumns().map((column) => column.getColId()) };
}
