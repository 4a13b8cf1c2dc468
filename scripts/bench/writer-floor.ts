import ExcelJS from 'exceljs';
import type { Knex } from 'knex';
import { openKnex } from '../../electron/core/db/connection';
import { sheetOf } from '../../electron/core/services/export/grid-export-service';
import { repeatMs } from './measure';

export type WriterFloorRequest = {
  dbPath: string;
  rowIds: readonly number[];
  columns: readonly string[];
  runs: number;
  /** Where the floor writes its file. */
  filename: string;
};

/**
 * The floor of figure 5 (issue 16, target 7): the same cells (values, numbers, dates as dates, in
 * the same order) written by the same library's streaming writer with the export's options, and
 * nothing else: no loading of the rows, no formatting of the values, no header style, widths or
 * filter. The cells are prepared before the clock starts; `sample` is called after each run.
 */
export async function streamingWriterAlone(
  db: Knex,
  request: Omit<WriterFloorRequest, 'dbPath'>,
  sample: () => void = () => undefined,
): Promise<number[]> {
  const sheet = await sheetOf(db, 'partnerships', { rowIds: request.rowIds, columns: request.columns, language: 'cs' });
  const cells = sheet.rows.map((row) =>
    row.map((value, index) => {
      if (value === null || typeof value === 'number' || sheet.columns[index]?.kind !== 'date') return value;
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
      return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : value;
    }),
  );
  return repeatMs(
    request.runs,
    async () => {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: request.filename,
        useStyles: true,
        useSharedStrings: false,
      });
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

/** The floor on a registry file, in the process it is called in (the floor's own: see `apart.ts`). */
export async function timeStreamingWriter(request: WriterFloorRequest): Promise<number[]> {
  const db = openKnex(request.dbPath);
  try {
    return await streamingWriterAlone(db, request);
  } finally {
    await db.destroy();
  }
}
