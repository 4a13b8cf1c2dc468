import { statSync } from 'node:fs';
import { findChannel, invoke, rowsOf } from '../channels';
import { failed, measured, notBuilt, repeatMs, heavyRuns } from '../measure';
import type { Figure } from '../types';

/** Column ids of the full Partnerships view (unknown ids are ignored by the export). */
const PARTNERSHIP_VIEW_COLUMNS = [
  'municipalityName',
  'municipalityCode',
  'districtName',
  'regionName',
  'townName',
  'townNameCs',
  'townAdminRegion',
  'townPopulation',
  'country',
  'countryCode',
  'type',
  'status',
  'startedOn',
  'signedOn',
  'term',
  'areas',
  'lastActivityOn',
];

/** Figure 5: the whole Partnerships view (every row, every column) to XLSX: seconds and megabytes. */
export const exportFigure: Figure = {
  id: 'export',
  run: async (env) => {
    const title = '5 XLSX export of Partnerships view';
    const list = findChannel('partnerships:list');
    const exporter = findChannel('export:grid');
    if (!list || !exporter) return [notBuilt('export-xlsx', title, list ? 'export:grid' : 'partnerships:list')];
    const app = await env.openCopy('export');
    try {
      const rows = rowsOf(await invoke(app.dispatch, list, {})) ?? [];
      const rowIds = rows.map((row) => (row as { id: number }).id);
      const first = (rows[0] ?? {}) as Record<string, unknown>;
      const columns = [...new Set([...PARTNERSHIP_VIEW_COLUMNS, ...Object.keys(first)])];
      let bytes = 0;
      const times = await repeatMs(
        heavyRuns(env.spec),
        async () => {
          const written = (await invoke(app.dispatch, exporter, {
            grid: 'partnerships',
            format: 'xlsx',
            rowIds,
            columns,
            language: 'cs',
          })) as { filePath: string };
          bytes = statSync(written.filePath).size;
          env.sample();
        },
        0,
      );
      return [
        {
          id: 'export-xlsx',
          title,
          status: 'ok',
          value: measured(
            `dispatch ${exporter}`,
            's',
            times.map((ms) => ms / 1000),
          ),
          extra: { MB: bytes / 1e6, rows: rowIds.length },
        },
      ];
    } catch (error) {
      return [failed('export-xlsx', title, error)];
    } finally {
      await app.close();
    }
  },
};
