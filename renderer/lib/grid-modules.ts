import {
  CellApiModule,
  CellStyleModule,
  CheckboxEditorModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  CustomFilterModule,
  DateEditorModule,
  DateFilterModule,
  DragAndDropModule,
  EventApiModule,
  ExternalFilterModule,
  GridStateModule,
  LocaleModule,
  ModuleRegistry,
  NumberEditorModule,
  NumberFilterModule,
  PinnedRowModule,
  QuickFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
  type Module,
} from 'ag-grid-community';

/**
 * The AG Grid features the app's grids use, instead of `AllCommunityModule`: left out are the
 * infinite row model, CSV export (exports are written by core), pagination, row dragging, aligned
 * grids, cell spans, auto height, the large-text and big-integer editors and filters, the value
 * cache, change flashing, column hover, auto-sizing and generated columns, which no grid uses.
 * Everything the core of the grid needs (column pinning, sorting, moving and resizing columns,
 * overlays, keyboard navigation) is in every grid and needs no module.
 */
export const GRID_MODULES: readonly Module[] = [
  ClientSideRowModelModule,
  ClientSideRowModelApiModule,
  // Editing: text, numbers, dates and booleans (inferred cell data types), pick lists, React editors.
  TextEditorModule,
  NumberEditorModule,
  DateEditorModule,
  CheckboxEditorModule,
  SelectEditorModule,
  CustomEditorModule,
  // Filtering: the column filters by data type, the app's own filter components, quick search,
  // the screens' filter bars.
  TextFilterModule,
  NumberFilterModule,
  DateFilterModule,
  CustomFilterModule,
  QuickFilterModule,
  ExternalFilterModule,
  // Saved views (column state, sort and filters), the selection column, the totals row.
  GridStateModule,
  RowSelectionModule,
  PinnedRowModule,
  // The grid API the screens call, cell and row classes, header tooltips, Czech texts, column drag.
  ColumnApiModule,
  RowApiModule,
  ScrollApiModule,
  RenderApiModule,
  EventApiModule,
  CellApiModule,
  CellStyleModule,
  RowStyleModule,
  TooltipModule,
  LocaleModule,
  DragAndDropModule,
];

let registered = false;

/**
 * Registers the grid modules once. A build with `VITE_GRID_VALIDATION=1` (and the dev server)
 * adds AG Grid's ValidationModule, which names in the console any feature whose module is
 * missing; the end-to-end check of the module set uses such a build.
 */
export function registerGridModules(): void {
  if (registered) return;
  registered = true;
  const validate = import.meta.env.DEV || import.meta.env.VITE_GRID_VALIDATION === '1';
  ModuleRegistry.registerModules(validate ? [...GRID_MODULES, ValidationModule] : [...GRID_MODULES]);
}
