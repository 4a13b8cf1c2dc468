import type { GridApi } from 'ag-grid-community';

/** Grids whose first load is still going in (`DataGrid`'s feed), and when it is all in. */
const loading = new WeakMap<object, Promise<void>>();
/** The same promises, for what waits for every grid on the screen (printing). */
const pending = new Set<Promise<void>>();

/**
 * Marks a grid as still taking its first rows until `done`: its view (the ids an export, a bulk
 * edit or "verify shown" act on) is read only after that, so none of them acts on a part.
 */
export function holdView(api: GridApi, done: Promise<void>): void {
  loading.set(api, done);
  pending.add(done);
  void done.then(() => {
    pending.delete(done);
    if (loading.get(api) === done) loading.delete(api);
  });
}

/** Resolves once no grid is taking its first rows any more (a print lays out every row). */
export async function allGridsLoaded(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}

/** The ids of the rows a grid shows: after every filter and the search, in its sort order. */
export async function shownRowIds<T extends { id: number }>(api: GridApi<T> | null): Promise<number[]> {
  if (api === null) return [];
  await loading.get(api);
  const ids: number[] = [];
  if (api.isDestroyed()) return ids;
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data) ids.push(node.data.id);
  });
  return ids;
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
