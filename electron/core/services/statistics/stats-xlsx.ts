import ExcelJS from 'exceljs';
import type { UiLanguage } from '../../../../shared/domain/codes';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import { buildStatsTables, reportTitle, type ColumnKind } from '../../../../shared/domain/statistics/tables';
import { sheetName, spreadsheetSafe } from '../export/spreadsheet-writers';
import { filterText } from './stats-filter-line';

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  int: '#,##0',
  decimal: '#,##0.00',
  percent: '0.0%',
  amount: '#,##0.00',
  year: '0',
};

/**
 * One sheet per table: the title and the filter on top, then a styled, frozen header row with
 * an auto-filter; numbers and shares are real numbers with number formats; each sheet prints on
 * A4 landscape, fitted to the page's width, with the header row on every page. Built in memory (ten
 * small tables), unlike the grid's streamed single sheet; both take the cell and sheet-name rules
 * of `spreadsheet-writers`.
 */
export async function statsToXlsx(stats: Statistics, language: UiLanguage, now = new Date()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const filterLine = filterText(stats, language);
  // The file's properties: made and last changed now (a fixed noon had been later than the export
  // itself), titled as the report, the filter as its subject (walkthrough 23 finding 7).
  workbook.creator = 'Twinning Registry';
  workbook.created = now;
  workbook.modified = now;
  workbook.title = spreadsheetSafe(reportTitle(stats, language));
  workbook.subject = spreadsheetSafe(filterLine);
  const used = new Set<string>();
  for (const table of buildStatsTables(stats, language)) {
    const sheet = workbook.addWorksheet(sheetName(table.title, used), {
      views: [{ state: 'frozen', ySplit: 3, xSplit: 1 }],
      // Printable as it is: A4 landscape, all columns on the page's width (as many pages down as
      // needed), the header row repeated on every page, page numbers in the footer.
      pageSetup: {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- A4 is 9 in OOXML; ExcelJS's PaperSize is a const enum, which isolated modules cannot import
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '3:3',
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: '&R&P / &N', evenFooter: '&R&P / &N' },
    });
    sheet.getCell('A1').value = spreadsheetSafe(table.title);
    sheet.getCell('A1').font = { bold: true, size: 14 };
    sheet.getCell('A2').value = spreadsheetSafe(filterLine);
    sheet.getCell('A2').font = { italic: true, color: { argb: 'FF52606D' } };
    const header = sheet.getRow(3);
    table.columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      cell.value = spreadsheetSafe(column.header);
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1D5FA8' } };
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: column.kind === 'text' ? 'left' : 'right' };
    });
    header.height = 32;
    table.rows.forEach((cells, r) => {
      const row = sheet.getRow(4 + r);
      cells.forEach((value, c) => {
        const cell = row.getCell(c + 1);
        cell.value = typeof value === 'string' ? spreadsheetSafe(value) : value;
        const format = NUMBER_FORMATS[table.columns[c]?.kind ?? 'text'];
        if (format !== undefined) cell.numFmt = format;
      });
    });
    // Notes under the table, a row apart (so that a filter on the header leaves them out).
    (table.notes ?? []).forEach((note, i) => {
      const cell = sheet.getCell(4 + table.rows.length + 1 + i, 1);
      cell.value = spreadsheetSafe(note);
      cell.font = { italic: true, color: { argb: 'FF52606D' } };
    });
    table.columns.forEach((column, i) => {
      const longest = Math.max(
        ...table.rows.map((cells) => String(cells[i] ?? '').length),
        Math.min(column.header.length, 18),
      );
      sheet.getColumn(i + 1).width = Math.min(Math.max(longest + 2, column.kind === 'text' ? 10 : 9), 40);
    });
    if (table.rows.length > 0) {
      sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: table.columns.length } };
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}
