// AG Grid's Czech texts, a chunk of their own: loaded only when the window shows Czech (grid-locale.ts).
export { AG_GRID_LOCALE_CZ } from '@ag-grid-community/locale';
