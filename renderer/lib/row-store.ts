import { useEffect, useSyncExternalStore } from 'react';
import type { EventPayload } from '../../shared/ipc/contract';
import { onEvent } from './api';

export type DataChange = EventPayload<'data:changed'>;

export type RowStoreState<T> = {
  /** The rows (kept while a reload runs, so the grid never flashes empty); undefined before the first load. */
  rows: T[] | undefined;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: unknown;
};

export type RowStoreOptions<T> = {
  loadAll: () => Promise<T[]>;
  /** The rows with these ids that still exist (a missing id was deleted). */
  loadSome: (ids: number[]) => Promise<T[]>;
  idOf: (row: T) => number;
  /** What a change means for these rows: nothing, just these rows, or all of them. */
  scope: (change: DataChange) => 'none' | 'all' | number[];
  /** Where changes come from (core's `data:changed` unless a test gives its own). */
  listen?: (handler: (change: DataChange) => void) => () => void;
};

export type RowStore<T> = {
  subscribe: (listener: () => void) => () => void;
  getState: () => RowStoreState<T>;
  /** Loads when there are no rows yet, or when a change while nobody watched made them stale. */
  ensureLoaded: () => void;
  /** Loads all rows again (the old ones stay visible meanwhile). */
  reload: () => void;
  /** Puts rows in and takes rows out at once: the screen's own change, before core's event confirms it. */
  patch: (changed: readonly T[], removedIds?: readonly number[]) => void;
  /** Fetches these rows again (e.g. after a conflict showed that one changed without an event). */
  refresh: (ids: readonly number[]) => void;
};

/**
 * The rows after a partial refresh: every asked id is replaced by its fresh row, or removed when
 * core no longer has it; new rows go to the end. Rows not asked for stay as they are (the same
 * objects, so the grid redraws only what changed).
 */
export function mergeRows<T>(
  rows: readonly T[],
  fresh: readonly T[],
  askedIds: Iterable<number>,
  idOf: (row: T) => number,
): T[] {
  const byId = new Map(fresh.map((row) => [idOf(row), row]));
  const asked = new Set(askedIds);
  const seen = new Set<number>();
  const merged: T[] = [];
  for (const row of rows) {
    const id = idOf(row);
    if (!asked.has(id)) {
      merged.push(row);
      continue;
    }
    const replacement = byId.get(id);
    if (replacement !== undefined) {
      merged.push(replacement);
      seen.add(id);
    }
  }
  for (const row of fresh) if (!seen.has(idOf(row))) merged.push(row);
  return merged;
}

/** More changed rows than this at once are cheaper to load as a whole. */
const MAX_PARTIAL = 5000;

/**
 * Rows of a big grid kept between visits of its screen. The first visit loads everything; later
 * visits show the kept rows at once. Every `data:changed` event is applied as it comes, also while
 * the screen is closed: a change that names its rows refreshes just those (one small call); any
 * other change reloads everything when the screen is open, or marks the rows stale for the next visit.
 */
export function createRowStore<T>(options: RowStoreOptions<T>): RowStore<T> {
  let state: RowStoreState<T> = { rows: undefined, status: 'idle' };
  const listeners = new Set<() => void>();
  let stale = false;
  let generation = 0;
  let fullLoad: Promise<void> | null = null;
  let pendingIds = new Set<number>();
  let refreshing = false;
  let unsubscribeEvents: (() => void) | null = null;

  /** Read anew after every await (the rows may have changed meanwhile). */
  const currentRows = (): T[] | undefined => state.rows;
  const set = (next: RowStoreState<T>) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const reload = () => {
    generation += 1;
    const mine = generation;
    stale = false;
    set({ rows: state.rows, status: 'loading' });
    const load = options.loadAll().then(
      (rows) => {
        if (mine === generation) set({ rows, status: 'ready' });
      },
      (error: unknown) => {
        if (mine === generation) set({ rows: state.rows, status: 'error', error });
      },
    );
    fullLoad = load.finally(() => {
      if (mine === generation) fullLoad = null;
      void refreshPending();
    });
  };

  /** Fetches the rows named by changes, one call at a time; a full load in flight goes first. */
  const refreshPending = async () => {
    if (refreshing || fullLoad !== null || pendingIds.size === 0) return;
    if (state.rows === undefined) {
      pendingIds = new Set(); // no rows to refresh (the first load failed): the next load reads everything
      return;
    }
    if (pendingIds.size > MAX_PARTIAL) {
      pendingIds = new Set();
      if (listeners.size > 0) reload();
      else stale = true;
      return;
    }
    refreshing = true;
    const ids = [...pendingIds];
    pendingIds = new Set();
    const mine = generation;
    try {
      const fresh = await options.loadSome(ids);
      // A full load started meanwhile is newer than this answer.
      const rows = currentRows();
      if (mine === generation && rows !== undefined) set({ ...state, rows: mergeRows(rows, fresh, ids, options.idOf) });
    } catch {
      if (mine === generation) stale = true; // the next visit (or an open screen now) loads everything
      if (listeners.size > 0) reload();
    } finally {
      refreshing = false;
      void refreshPending();
    }
  };

  const onChange = (change: DataChange) => {
    const scope = options.scope(change);
    if (scope === 'none') return;
    if (state.rows === undefined) {
      // Nothing loaded yet. A first load in flight may have read the table before this change
      // committed (its answer can arrive after the change's event): the named rows are fetched
      // when it ends, and a change without names loads everything again.
      if (fullLoad === null) return;
      if (scope === 'all') reload();
      else for (const id of scope) pendingIds.add(id);
      return;
    }
    if (scope === 'all') {
      if (listeners.size > 0) reload();
      else stale = true;
      return;
    }
    for (const id of scope) pendingIds.add(id);
    void refreshPending();
  };

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    ensureLoaded: () => {
      unsubscribeEvents ??= (options.listen ?? ((handler) => onEvent('data:changed', handler)))(onChange);
      if (state.status === 'loading') return;
      if (state.rows === undefined || stale || state.status === 'error') reload();
    },
    reload,
    refresh: (ids) => {
      for (const id of ids) pendingIds.add(id);
      void refreshPending();
    },
    patch: (changed, removedIds = []) => {
      if (state.rows === undefined) return;
      const ids = [...changed.map(options.idOf), ...removedIds];
      set({ ...state, rows: mergeRows(state.rows, changed, ids, options.idOf) });
    },
  };
}

/** The store's state in a component; the first use loads the rows (or refreshes stale ones). */
export function useRowStore<T>(store: RowStore<T>): RowStoreState<T> {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  useEffect(() => store.ensureLoaded(), [store]);
  return state;
}
