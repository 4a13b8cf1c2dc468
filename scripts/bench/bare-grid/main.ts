// The grid's own floor for figure 6: AG Grid Community with its defaults, fed the same rows as
// the app's screen as a plain array (fetched once, before anything is timed), one column per field.
import { AllCommunityModule, ModuleRegistry, createGrid, type ColDef, type GridApi } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

type Row = Record<string, unknown>;

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- extending Window needs interface merging
  interface Window {
    __bareGrid?: { create: () => void; search: (text: string) => void; destroy: () => void; rows: number };
  }
}

const response = await fetch('./rows.json');
const rows = (await response.json()) as Row[];
const first = rows[0] ?? {};
const columns: ColDef<Row>[] = Object.keys(first)
  .filter((key) => first[key] === null || typeof first[key] !== 'object')
  .map((field) => ({ field, sortable: true, filter: true, resizable: true }));
const host = document.getElementById('grid');
if (!host) throw new Error('no #grid element');
let api: GridApi<Row> | null = null;

window.__bareGrid = {
  rows: rows.length,
  create: () => {
    api = createGrid<Row>(host, {
      rowData: rows,
      columnDefs: columns,
      getRowId: (p) => String(p.data.id),
      animateRows: false,
    });
  },
  search: (text) => api?.setGridOption('quickFilterText', text),
  destroy: () => {
    api?.destroy();
    api = null;
  },
};
document.body.dataset.ready = 'true';
