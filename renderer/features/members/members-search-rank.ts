import type { ColDef, ColumnState, PostSortRowsParams } from 'ag-grid-community';
import { searchKey } from '../../../shared/domain/text';

/**
 * The quick search also finds a municipality by its district, region, ORP, mayor …: on all
 * 6,259 municipalities "zdar" gave 188 rows, alphabetically from "Baliny", the town Žďár nad
 * Sázavou and the villages named Žďár last (walkthrough 27). While the screen's own sort is in
 * force, the rows whose name answers the search come first: a name that starts with the typed
 * text, then a name that holds every typed word, then the rest; each group keeps the order the
 * grid sorted it in (the Czech order of the names). A sort the user chooses wins entirely.
 */

/** How a row's name answers a search: 0 it starts with the typed text, 1 it holds every typed word, 2 neither. */
export type NameMatch = 0 | 1 | 2;

/** A search as the quick search folds it (`searchKey`: no case, no diacritics), split into words. */
export type FoldedSearch = { text: string; words: string[] };

/** The search folded as the quick search folds it; null when nothing is typed. */
export function foldSearch(search: string | null | undefined): FoldedSearch | null {
  const words = searchKey(search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return words.length === 0 ? null : { text: words.join(' '), words };
}

/** How a name (folded by `searchKey`) answers the folded search. */
export function nameMatch(foldedName: string, search: FoldedSearch): NameMatch {
  if (foldedName.startsWith(search.text)) return 0;
  return search.words.every((word) => foldedName.includes(word)) ? 1 : 2;
}

/**
 * Puts the rows whose name answers the search first, in place: names starting with the typed text,
 * then names holding every typed word, then the rest; within each group the rows keep their order
 * (the grid's sort). Returns whether the order changed. `fold`: the name folded as the quick search
 * folds it (a cache of `searchKey` in the grid: called for every row shown at each sort).
 */
export function nameMatchesFirst<T>(
  rows: T[],
  search: FoldedSearch | null,
  nameOf: (row: T) => string | null | undefined,
  fold: (name: string) => string = searchKey,
): boolean {
  if (search === null || rows.length < 2) return false;
  const groups: [T[], T[], T[]] = [[], [], []];
  for (const row of rows) {
    const name = nameOf(row);
    groups[name === null || name === undefined ? 2 : nameMatch(fold(name), search)].push(row);
  }
  // Nothing to move: every row in one group (no name answers, or all do).
  if (groups.some((group) => group.length === rows.length)) return false;
  let at = 0;
  let changed = false;
  for (const group of groups)
    for (const row of group) {
      if (rows[at] !== row) changed = true;
      rows[at] = row;
      at += 1;
    }
  return changed;
}

/** A sort of one column, as a screen's column definitions give it. */
export type ColumnSort = { colId: string; sort: 'asc' | 'desc' };

/** The screen's own sort: the columns its definitions sort, in their order. */
export const defaultSortOf = <T>(columns: readonly ColDef<T>[]): ColumnSort[] =>
  columns.flatMap((column) => {
    const colId = column.colId ?? column.field;
    return typeof colId === 'string' && (column.sort === 'asc' || column.sort === 'desc')
      ? [{ colId, sort: column.sort }]
      : [];
  });

/** Whether the grid's sort is exactly the screen's own (the columns sorted as their definitions say). */
export function isDefaultSort(
  state: readonly Pick<ColumnState, 'colId' | 'sort' | 'sortIndex'>[],
  defaults: readonly ColumnSort[],
): boolean {
  const sorted = state
    .filter((column) => column.sort === 'asc' || column.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0));
  return (
    sorted.length === defaults.length &&
    sorted.every((column, index) => {
      const wanted = defaults[index];
      return wanted !== undefined && column.colId === wanted.colId && column.sort === wanted.sort;
    })
  );
}

/**
 * AG Grid's `postSortRows` for a grid whose rows have a name: while the search the grid filters by
 * (its `quickFilterText`) is typed and the grid is sorted as `defaults` say, the rows whose name
 * answers the search come first (`nameMatchesFirst`). Given to the grid only while no sort of the
 * user's is in force (a grid with `postSortRows` sorts every change anew, not as a delta).
 */
export function nameMatchesFirstAfterSort<T>(
  nameOf: (row: T) => string | null | undefined,
  defaults: readonly ColumnSort[],
): (params: PostSortRowsParams<T>) => void {
  // Names folded once: a sort meets the same names again at every keystroke.
  const folded = new Map<string, string>();
  const fold = (name: string): string => {
    let key = folded.get(name);
    if (key === undefined) {
      if (folded.size > 200_000) folded.clear();
      key = searchKey(name);
      folded.set(name, key);
    }
    return key;
  };
  return ({ api, nodes }) => {
    const search = foldSearch(api.getGridOption('quickFilterText'));
    if (search === null || !isDefaultSort(api.getColumnState(), defaults)) return;
    nameMatchesFirst(nodes, search, (node) => (node.data === undefined ? null : nameOf(node.data)), fold);
  };
}
