import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { UiLanguage } from '../../../../shared/domain/codes';
import { MEMBER_COLUMNS, PARTNERSHIP_COLUMNS, type CatalogueColumn } from '../../../../shared/domain/columns';
import { AppError } from '../../../../shared/domain/errors';
import type { ExportFormat, ExportGrid, PartnershipRow } from '../../../../shared/domain/partnerships';
import type { MunicipalityRow } from '../../../../shared/domain/schemas';
import { translate, type MessageKey } from '../../../../shared/i18n/index';
import { readAtOneMoment } from '../../db/dialect/index';
import { writeAtomically } from '../../files';
import type { AppContext } from '../../context';
import { listMunicipalityRows } from '../../repositories/municipalities-repository';
import { listPartnershipRows } from '../../repositories/partnerships-repository';
import { writeCsv, writeXlsx, type CellValue, type Sheet } from './spreadsheet-writers';

/** A grid the export knows: how to load rows by id and which columns it has (the one catalogue). */
export type ExportSource<R extends { id: number }> = {
  title: MessageKey;
  load: (db: Knex, ids: readonly number[]) => Promise<R[]>;
  columns: readonly CatalogueColumn<R>[];
};

const partnershipsSource: ExportSource<PartnershipRow> = {
  title: 'partnerships.title',
  load: (db, ids) => listPartnershipRows(db, { ids }),
  columns: PARTNERSHIP_COLUMNS,
};

const membersSource: ExportSource<MunicipalityRow> = {
  title: 'members.title',
  load: (db, ids) => listMunicipalityRows(db, { ids }),
  columns: MEMBER_COLUMNS,
};

/**
 * Rows are loaded and made into cells this many ids at a time: only the cells of the whole view
 * are held, never its row objects as well (at L, 60,000 rows: ~120 MB less at the peak), and the
 * ids of one query stay far below either engine's limit of bound values.
 */
export const EXPORT_CHUNK = 5000;

/** The column ids a grid kind can export (the renderer's column ids must match them). */
export function exportColumnIds(grid: ExportGrid): string[] {
  return (grid === 'partnerships' ? partnershipsSource.columns : membersSource.columns).map((c) => c.id);
}

/** The sheet of a grid kind; another grid adds one case here (also the benchmark's, for its baseline). */
export function sheetOf(
  db: Knex,
  grid: ExportGrid,
  input: { rowIds: readonly number[]; columns: readonly string[]; language: UiLanguage },
): Promise<Sheet> {
  switch (grid) {
    case 'partnerships':
      return buildSheet(db, partnershipsSource, input);
    case 'members':
      return buildSheet(db, membersSource, input);
  }
}

/** Builds the sheet: rows in the order of `rowIds` (the grid's filter and sort), the requested columns in order. */
export async function buildSheet<R extends { id: number }>(
  db: Knex,
  source: ExportSource<R>,
  input: { rowIds: readonly number[]; columns: readonly string[]; language: UiLanguage },
  chunk = EXPORT_CHUNK,
): Promise<Sheet> {
  const byId = new Map(source.columns.map((c) => [c.id, c]));
  const columns = input.columns.flatMap((id) => {
    const column = byId.get(id);
    return column ? [column] : [];
  });
  if (columns.length === 0)
    throw new AppError('VALIDATION', 'None of the columns can be exported.', {
      issues: [{ path: 'columns', message: 'validation.noColumns' }],
    });
  // The parts are read in one transaction: the file shows the registry at one moment, as the
  // single query before them did, even when someone saves meanwhile.
  const cells = await readAtOneMoment(db, async (trx) => {
    const made: CellValue[][] = [];
    for (let start = 0; start < input.rowIds.length; start += chunk) {
      const ids = input.rowIds.slice(start, start + chunk);
      const rows = new Map((await source.load(trx, ids)).map((row) => [row.id, row]));
      for (const id of ids) {
        const row = rows.get(id);
        if (row) made.push(columns.map((c) => c.value(row, input.language)));
      }
    }
    return made;
  });
  return {
    name: translate(input.language, source.title),
    columns: columns.map((c) => ({ header: translate(input.language, c.header), kind: c.kind })),
    rows: cells,
  };
}

/**
 * Writes the current view of a grid to a file the user chooses (the host's save dialog); core
 * writes it, the renderer only gets the path. CANCELLED when the user closes the dialog.
 */
export async function exportGrid(
  ctx: AppContext,
  input: {
    grid: ExportGrid;
    format: ExportFormat;
    rowIds: readonly number[];
    columns: readonly string[];
    language: UiLanguage;
    jobId?: string | undefined;
  },
): Promise<{ filePath: string; rows: number }> {
  const sheet = await sheetOf(ctx.db.knex, input.grid, input);
  const stamp = new Date().toISOString().slice(0, 10);
  const filePath = await ctx.dialogs.saveFile({
    defaultName: `${sheet.name} ${stamp}.${input.format}`,
    filters: [input.format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'Excel', extensions: ['xlsx'] }],
  });
  if (filePath === null) throw new AppError('CANCELLED', 'The export was cancelled.');
  const total = sheet.rows.length;
  // A job: `job:progress` (phase "export") while the rows are written, `jobs:cancel` stops it and
  // no file is left. Written beside and renamed when complete: a reader never sees half a file.
  await ctx.jobs.run(
    {
      jobId: input.jobId ?? `export-${randomUUID()}`,
      kind: 'export',
      cancelledMessage: 'The export was cancelled; no file was written.',
    },
    (job) => {
      const checkpoint = (done: number) => job.checkpoint('export', done, total);
      return writeAtomically(filePath, (temporary) =>
        input.format === 'csv'
          ? writeCsv(temporary, sheet, input.language, checkpoint)
          : writeXlsx(temporary, sheet, input.language, checkpoint),
      );
    },
  );
  return { filePath, rows: total };
}
