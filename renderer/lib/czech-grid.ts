import type { ColDef, GetQuickFilterTextParams, QuickFilterParser } from 'ag-grid-community';
import { compareCzech, searchKey } from '../../shared/domain/text';

/**
 * A comparator that remembers the Czech order of the strings it has seen. The collator is slow
 * in Chromium (sorting 60,000 rows by member name took 0.4 s); once a sort has met a string, a
 * rank table built right after it answers later sorts (the next visit of the screen, another
 * click on the header) with two map lookups. Strings not yet ranked are compared by the collator,
 * which orders them exactly as the ranks do, so one sort may mix both.
 */
export function rankedComparator(compare: (a: string, b: string) => number): (a: string, b: string) => number {
  let ranks = new Map<string, number>();
  let unranked = new Set<string>();
  let scheduled = false;
  const rebuild = () => {
    scheduled = false;
    const all = [...ranks.keys(), ...unranked].sort(compare);
    const next = new Map<string, number>();
    let rank = 0;
    all.forEach((text, index) => {
      if (index > 0 && compare(all[index - 1] ?? '', text) !== 0) rank += 1;
      next.set(text, rank);
    });
    ranks = next;
    unranked = new Set();
  };
  return (a, b) => {
    const left = ranks.get(a);
    const right = ranks.get(b);
    if (left !== undefined && right !== undefined) return left - right;
    if (left === undefined) unranked.add(a);
    if (right === undefined) unranked.add(b);
    if (!scheduled) {
      scheduled = true;
      setTimeout(rebuild, 0);
    }
    return compare(a, b);
  };
}

const rankedCzech = rankedComparator(compareCzech);

/** Text columns sort in Czech order (Č after C, Ch after H). */
export const czechComparator = (a: unknown, b: unknown): number => rankedCzech(cellText(a), cellText(b));

const cellText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/**
 * Quick search ignores case and diacritics. Each column's search text is folded by `searchKey`
 * (`withFoldedSearchText`) when AG Grid first builds a row's cached text (`cacheQuickFilter`),
 * and AG Grid upper-cases it; the typed text gets the same treatment here, so a keystroke only
 * compares plain strings instead of folding 60,000 rows again.
 */
export const quickFilterParser: QuickFilterParser = (text) =>
  searchKey(text).toUpperCase().split(/\s+/).filter(Boolean);

/**
 * The columns with folded search text: a column's own `getQuickFilterText`, else the label of a
 * `refData` code (what the cell shows), else its value. Columns that opt out (text '') stay out.
 */
export function withFoldedSearchText<T>(columns: readonly ColDef<T>[]): ColDef<T>[] {
  return columns.map((column) => {
    const own = column.getQuickFilterText;
    const refData = column.refData;
    return {
      ...column,
      getQuickFilterText: (params: GetQuickFilterTextParams<T>) => {
        const text: unknown = own
          ? own(params)
          : refData && typeof params.value === 'string'
            ? (refData[params.value] ?? params.value)
            : params.value;
        return typeof text === 'string' || typeof text === 'number' ? searchKey(text) : '';
      },
    };
  });
}

/** Column defaults for every grid of the app. */
export const defaultColDef: ColDef = {
  sortable: true,
  resizable: true,
  filter: true,
  minWidth: 80,
};

/** A text column: Czech sort, text filter insensitive to diacritics. */
export const textColumn = <T>(def: ColDef<T>): ColDef<T> => ({
  comparator: czechComparator,
  filter: 'agTextColumnFilter',
  filterParams: { textFormatter: (value: string | null) => (value === null ? null : searchKey(value)) },
  ...def,
});
