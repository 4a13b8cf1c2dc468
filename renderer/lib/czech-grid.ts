import type { ColDef, QuickFilterMatcher, QuickFilterParser } from 'ag-grid-community';
import { compareCzech, searchKey } from '../../shared/domain/text';

/** Text columns sort in Czech order (Č after C, Ch after H). */
export const czechComparator = (a: unknown, b: unknown): number => compareCzech(cellText(a), cellText(b));

const cellText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** Quick search ignores case and diacritics: both sides are compared by `searchKey`. */
export const quickFilterParser: QuickFilterParser = (text) => searchKey(text).split(/\s+/).filter(Boolean);
export const quickFilterMatcher: QuickFilterMatcher = (parts, rowText) => {
  const key = searchKey(rowText);
  return parts.every((part) => key.includes(part));
};

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
