// The grid's own floor for figure 6: AG Grid Community with its defaults, fed the same rows as
// the app's screen as a plain array (fetched once, before anything is timed), one column per field.
// For the sort figures (6d/6e) it also has `townRank`: each partner town's rank in Czech order,
// computed here before anything is timed, so sorting it is sorting the same order as numbers.
import { AllCommunityModule, ModuleRegistry, createGrid, type ColDef, type GridApi } from 'ag-grid-community';
import { expandRows, type CompactRows } from '../../../shared/ipc/compact-rows';

ModuleRegistry.registerModules([AllCommunityModule]);

type Row = Record<string, unknown>;

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- extending Window needs interface merging
  interface Window {
    __bareGrid?: {
      create: () => void;
      fetchAndCreate: () => void;
      search: (text: string) => void;
      destroy: () => void;
      rows: number;
    };
  }
}

const response = await fetch('./rows.json');
const rows = (await response.json()) as Row[];
const first = rows[0] ?? {};
const columns: ColDef<Row>[] = Object.keys(first)
  .filter((key) => first[key] === null || typeof first[key] !== 'object')
  .map((field) => ({ field, sortable: true, filter: true, resizable: true }));
if (typeof first.townName === 'string') {
  const collator = new Intl.Collator('cs');
  const nameOf = (row: Row): string => (typeof row.townName === 'string' ? row.townName : '');
  const names = [...new Set(rows.map(nameOf))].sort(collator.compare);
  const rank = new Map(names.map((name, index) => [name, index]));
  for (const row of rows) row.townRank = rank.get(nameOf(row)) ?? 0;
  columns.unshift({ field: 'townRank', sortable: true, filter: true, resizable: true }); // first: in view
}
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
  // Issue 16 target 1's floor: the same answer as the app's first load (`partnerships:grid`, the
  // bytes the bridge sends) fetched from a static file, made into rows and given to a new grid.
  fetchAndCreate: () => {
    void fetch('./rows-compact.json')
      .then((answer) => answer.json() as Promise<{ value: CompactRows }>)
      .then(({ value }) => {
        api = createGrid<Row>(host, {
          rowData: expandRows<Row>(value),
          columnDefs: columns,
          getRowId: (p) => String(p.data.id),
          animateRows: false,
        });
      });
  },
  search: (text) => api?.setGridOption('quickFilterText', text),
  destroy: () => {
    api?.destroy();
    api = null;
  },
};
document.body.dataset.ready = 'true';
