import { statSync } from 'node:fs';
import path from 'node:path';
import { timeApart } from '../apart';
import { findChannel, invoke, rowsOf } from '../channels';
import { JsonText } from '../../../shared/ipc/json-text';
import { failed, measured, notBuilt, repeatMs, heavyRuns } from '../measure';
import type { Figure, OpenedApp } from '../types';
import { streamingWriterAlone } from '../writer-floor';

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

/**
 * The view's row ids and columns, as the grid sends them with an export: every partnership in the
 * grid's first order (its first load's ids, as the grid has them), every column of the list. Only
 * the ids are kept: row objects of the whole list at L would be the harness's memory in the core's
 * process (figure 7).
 */
async function viewOf(app: OpenedApp, list: string): Promise<{ rowIds: number[]; columns: string[] }> {
  const grid = findChannel('partnerships:grid');
  const answer = grid === null ? null : await invoke(app.dispatch, grid, {});
  const rowIds =
    answer instanceof JsonText
      ? idsOf(answer.parse() as { fields: string[]; rows: unknown[][] })
      : (rowsOf(await invoke(app.dispatch, list, {})) ?? []).map((row) => (row as { id: number }).id);
  const [first] = rowsOf(await invoke(app.dispatch, list, { ids: rowIds.slice(0, 1) })) ?? [];
  return {
    rowIds,
    columns: [...new Set([...PARTNERSHIP_VIEW_COLUMNS, ...Object.keys(first ?? {})])],
  };
}

const idsOf = ({ fields, rows }: { fields: string[]; rows: unknown[][] }): number[] => {
  const at = fields.indexOf('id');
  return rows.map((row) => Number(row[at]));
};

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
      const { rowIds, columns } = await viewOf(app, list);
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
      // The floor's prepared cells (all 60,000 rows' at L) are not the core's memory: on a file it
      // runs in a process of its own; a server's registry is read here.
      const floorRequest = {
        rowIds,
        columns,
        runs: heavyRuns(env.spec),
        filename: path.join(app.outputDir, 'streaming-writer-alone.xlsx'),
      };
      const floor =
        app.ctx.db.dialect === 'sqlite'
          ? await timeApart({ kind: 'streaming-writer', request: { ...floorRequest, dbPath: app.ctx.db.filePath } })
          : await streamingWriterAlone(app.ctx.db.knex, floorRequest, env.sample);
      const value = measured(
        `dispatch ${exporter}`,
        's',
        times.map((ms) => ms / 1000),
      );
      const baseline = measured(
        'ExcelJS streaming writer alone',
        's',
        floor.map((ms) => ms / 1000),
      );
      return [
        {
          id: 'export-xlsx',
          title,
          status: 'ok',
          value,
          baseline,
          ratio: value.median / baseline.median,
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
