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
      /** Loads the bare map's code (untimed), then `drawMap` draws the map's points (timed). */
      prepareMap: () => Promise<void>;
      drawMap: () => void;
      search: (text: string) => void;
      destroy: () => void;
      rows: number;
    };
  }
}

// `?compact`: the rows come as the app's compact answer (the first start's floor, 6h), else as one
// array of row objects.
const rows = new URLSearchParams(window.location.search).has('compact')
  ? expandRows<Row>(((await (await fetch('./rows-compact.json')).json()) as { value: CompactRows }).value)
  : ((await (await fetch('./rows.json')).json()) as Row[]);
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
let mapModule: typeof import('./map') | null = null;

window.__bareGrid = {
  rows: rows.length,
  create: () => {
    host.replaceChildren(); // the bare map's canvas, if it was drawn
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
        host.replaceChildren();
        api = createGrid<Row>(host, {
          rowData: expandRows<Row>(value),
          columnDefs: columns,
          getRowId: (p) => String(p.data.id),
          animateRows: false,
        });
      });
  },
  prepareMap: async () => {
    mapModule ??= await import('./map');
  },
  drawMap: () => {
    if (!mapModule) throw new Error('prepareMap first');
    api?.destroy();
    api = null;
    mapModule.fetchAndDraw(host);
  },
  search: (text) => api?.setGridOption('quickFilterText', text),
  destroy: () => {
    api?.destroy();
    api = null;
  },
};
document.body.dataset.ready = 'true';
