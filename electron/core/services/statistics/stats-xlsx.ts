import ExcelJS from 'exceljs';
import type { UiLanguage } from '../../../../shared/domain/codes';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import {
  buildStatsTables,
  reportTitle,
  type Cell,
  type ColumnKind,
  type StatsTable,
} from '../../../../shared/domain/statistics/tables';
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

// Print geometry, as Excel and Calc lay out the default font (Calibri 11 pt, Carlito in Calc): a
// column `w` characters wide is `7w + 5` pixels of 3/4 pt; a line of text takes 15 pt. The widths
// of text in points are on the safe side (a bold capital is wider than a digit).
const LINE_PT = 15;
const BODY_CHAR_PT = 6;
const BOLD_CHAR_PT = 6.2;
/** The page set-up's margins, in inches. */
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** A4 landscape less the side margins the page set-up gives. */
const PRINTABLE_WIDTH_PT = 841.89 - (MARGINS.left + MARGINS.right) * 72;
/** A4 landscape less the top and bottom margins (the page number's footer lies within the bottom one). */
const PRINTABLE_HEIGHT_PT = 595.28 - (MARGINS.top + MARGINS.bottom) * 72;
/**
 * The title's row (14 pt bold), given its height: a row left to the application's own fitting made
 * Calc count a page more than it drew (the English "By year" sheet printed a blank page after its
 * last one), as its count and its drawing fitted the row differently.
 */
const TITLE_PT = 22;
/** The least width the filter line wraps in (a two-column table would make it a column of words). */
const MIN_SPAN_PT = 480;
/** Excel's width of a column nobody sized (8.43 characters). */
const DEFAULT_WIDTH = 8.43;
/** Below this print scale the table's body text (11 pt) would print under ~8 pt. */
const LEGIBLE_SCALE = 0.72;

/** A column `width` characters wide, in points. */
const columnPoints = (width: number): number => (Math.trunc(width * 7) + 5) * 0.75;

/** How many lines a text takes when wrapped at spaces into lines of `perLine` characters. */
function wrappedLines(text: string, perLine: number): number {
  const room = Math.max(1, Math.floor(perLine));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const length = word.length;
    if (used === 0) {
      lines += Math.floor(Math.max(0, length - 1) / room);
      used = length > room ? length % room || room : length;
    } else if (used + 1 + length <= room) used += 1 + length;
    else {
      lines += 1 + Math.floor(Math.max(0, length - 1) / room);
      used = length > room ? length % room || room : length;
    }
  }
  return lines;
}

/** How long a value is as the sheet shows it (with its number format). */
function shownLength(value: Cell | undefined, kind: ColumnKind): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'string') return value.length;
  switch (kind) {
    case 'int':
      return Math.round(value).toLocaleString('en-US').length;
    case 'decimal':
    case 'amount':
      return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).length;
    case 'percent':
      return `${(value * 100).toFixed(1)}%`.length;
    default:
      return String(value).length;
  }
}

type SheetLayout = {
  /** Each column's width in characters. */
  widths: number[];
  /** Which header cells are turned upright (a wide table's figures). */
  rotated: boolean[];
  headerHeight: number;
  /** How many columns the filter line and the notes are merged over, and their width in points. */
  span: number;
  spanPoints: number;
};

/**
 * The columns' widths and the header's shape so that a sheet printed on the width of one A4
 * landscape page keeps its text legible (walkthrough 24: the region, district and ORP tables, 21
 * columns with headers such as "Typ: přátelství / memorandum", printed at 4 pt). A figure's column
 * is as wide as its numbers and its header wraps at spaces; when that makes the table too wide
 * for the page, the figures' headers stand upright over narrow columns.
 */
function sheetLayout(table: StatsTable): SheetLayout {
  const contentWidth = table.columns.map((column, i) =>
    Math.max(...table.rows.map((cells) => shownLength(cells[i], column.kind)), 1),
  );
  const longestWord = (text: string) => Math.max(...text.split(/\s+/).map((word) => word.length), 1);
  const textWidth = (i: number) => Math.min(Math.max((contentWidth[i] ?? 1) + 2, 10), 40);
  // Upright: the column fits its numbers (a width counts digits; the cell's padding is apart) and
  // two lines of the header.
  const uprightWidth = (i: number) => Math.max((contentWidth[i] ?? 1) + 1, 5.5);
  const flatWidth = (header: string, i: number) =>
    Math.min(Math.max(uprightWidth(i), Math.ceil((longestWord(header) * BOLD_CHAR_PT) / 5.25) + 1), 40);
  const flat = table.columns.map((column, i) => (column.kind === 'text' ? textWidth(i) : flatWidth(column.header, i)));
  const total = (widths: number[]) => widths.reduce((sum, width) => sum + columnPoints(width), 0);
  const rotate = PRINTABLE_WIDTH_PT / total(flat) < LEGIBLE_SCALE;
  const rotated = table.columns.map(
    (column, i) => rotate && column.kind !== 'text' && uprightWidth(i) < (flat[i] ?? 0),
  );
  const widths = flat.map((width, i) => (rotated[i] ? uprightWidth(i) : width));
  const headerHeight = Math.max(
    2 * LINE_PT,
    ...table.columns.map((column, i) => {
      const points = columnPoints(widths[i] ?? 10) - 6;
      if (!rotated[i]) return wrappedLines(column.header, points / BOLD_CHAR_PT) * LINE_PT + 6;
      // Upright: as many lines as the column holds side by side; the row as tall as the longest.
      const lines = Math.max(1, Math.floor(points / LINE_PT));
      let height = 40;
      while (height < 200 && wrappedLines(column.header, (height - 8) / BOLD_CHAR_PT) > lines) height += 5;
      return height;
    }),
  );
  let span = widths.length;
  let spanPoints = total(widths);
  while (spanPoints < MIN_SPAN_PT) {
    span += 1;
    spanPoints += columnPoints(DEFAULT_WIDTH);
  }
  return { widths, rotated, headerHeight, span, spanPoints };
}

/**
 * One sheet per table: the title and the filter on top, then a styled, frozen header row with
 * an auto-filter; numbers and shares are real numbers with number formats; each sheet prints on
 * A4 landscape, fitted to the page's width, with the header row on every page (and never alone at
 * a page's foot). Built in memory (ten small tables), unlike the grid's streamed single sheet; both
 * take the cell and sheet-name rules of `spreadsheet-writers`.
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
        margins: { ...MARGINS },
      },
      headerFooter: { oddFooter: '&R&P / &N', evenFooter: '&R&P / &N' },
    });
    const layout = sheetLayout(table);
    sheet.getCell('A1').value = spreadsheetSafe(table.title);
    sheet.getCell('A1').font = { bold: true, size: 14 };
    sheet.getRow(1).height = TITLE_PT;
    // The filter line and the notes wrap inside the table's width (walkthrough 24: a long line ran
    // on over empty columns, which the print fitted onto the page's width too, at 4 pt).
    const wrapped = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
      sheet.mergeCells(row, 1, row, layout.span);
      const cell = sheet.getCell(row, 1);
      cell.value = spreadsheetSafe(text);
      cell.font = font;
      cell.alignment = { wrapText: true, vertical: 'top' };
      // Neither Excel nor Calc fits a merged cell's height to its text: the lines are counted here.
      sheet.getRow(row).height = wrappedLines(text, layout.spanPoints / BODY_CHAR_PT) * LINE_PT + 4;
    };
    wrapped(2, filterLine, { italic: true, color: { argb: 'FF52606D' } });
    const header = sheet.getRow(3);
    table.columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      cell.value = spreadsheetSafe(column.header);
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1D5FA8' } };
      cell.alignment = layout.rotated[i]
        ? { vertical: 'bottom', horizontal: 'center', wrapText: true, textRotation: 90 }
        : { vertical: 'middle', wrapText: true, horizontal: column.kind === 'text' ? 'left' : 'right' };
    });
    header.height = layout.headerHeight;
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
      wrapped(4 + table.rows.length + 1 + i, note, { italic: true, color: { argb: 'FF52606D' } });
    });
    layout.widths.forEach((width, i) => {
      sheet.getColumn(i + 1).width = width;
    });
    if (table.rows.length > 0) {
      sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: table.columns.length } };
      // The header is kept with the first row: where a long filter line (many okresy or ORP
      // chosen) leaves no room under it for both, the header starts the next page, above its
      // rows, rather than standing alone at the foot of the first. (Calc keeps this break; Excel
      // may set manual breaks aside on a sheet fitted to the page's width.)
      const printScale = Math.min(1, PRINTABLE_WIDTH_PT / layout.spanPoints);
      const firstPage = (TITLE_PT + sheet.getRow(2).height + layout.headerHeight + LINE_PT) * printScale;
      // On the safe side: the applications fit the scale and the rows a little differently.
      if (firstPage > PRINTABLE_HEIGHT_PT * 0.95) sheet.getRow(2).addPageBreak();
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}
