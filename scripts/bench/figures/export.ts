import { statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sheetOf } from '../../../electron/core/services/export/grid-export-service';
import { findChannel, invoke, rowsOf } from '../channels';
import { failed, measured, notBuilt, repeatMs, heavyRuns } from '../measure';
import type { Figure, OpenedApp } from '../types';

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
 * The floor of figure 5 (issue 16, target 7): the same cells (values, numbers, dates as dates, in
 * the same order) written by the same library's streaming writer with the export's options, and
 * nothing else: no loading of the rows, no formatting of the values, no header style, widths or
 * filter. The cells are prepared before the clock starts.
 */
async function streamingWriterAlone(
  app: OpenedApp,
  rowIds: readonly number[],
  columns: readonly string[],
  runs: number,
  sample: () => void,
): Promise<number[]> {
  const sheet = await sheetOf(app.ctx.db.knex, 'partnerships', { rowIds, columns, language: 'cs' });
  const cells = sheet.rows.map((row) =>
    row.map((value, index) => {
      if (value === null || typeof value === 'number' || sheet.columns[index]?.kind !== 'date') return value;
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
      return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : value;
    }),
  );
  const filename = path.join(app.outputDir, 'streaming-writer-alone.xlsx');
  return repeatMs(
    runs,
    async () => {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
      const worksheet = workbook.addWorksheet(sheet.name);
      worksheet.addRow(sheet.columns.map((column) => column.header)).commit();
      for (const row of cells) worksheet.addRow(row).commit();
      worksheet.commit();
      await workbook.commit();
      sample();
    },
    0,
  );
}

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
      const floor = await streamingWriterAlone(app, rowIds, columns, heavyRuns(env.spec), env.sample);
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
