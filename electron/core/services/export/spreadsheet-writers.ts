import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { UiLanguage } from '../../../../shared/domain/codes';
import { formatPartialDate } from '../../../../shared/domain/dates';

import type { CellKind, CellValue } from '../../../../shared/domain/columns';

export type { CellKind, CellValue };
export type SheetColumn = { header: string; kind: CellKind; width?: number };
export type Sheet = { name: string; columns: SheetColumn[]; rows: CellValue[][] };

/**
 * Characters no spreadsheet file may hold: C0 controls but tab, LF and CR (invalid in XML 1.0,
 * so Excel asks to repair an XLSX with them, and they break CSV lines), the non-characters
 * U+FFFE and U+FFFF, and lone surrogate halves (invalid UTF-16).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text without the characters a spreadsheet file cannot hold (see UNSAFE). */
export const spreadsheetSafe = (text: string): string => text.replace(UNSAFE, '');

/**
 * The one formula-injection guard, for every CSV the app writes (grids, statistics, import
 * reports): text that a spreadsheet would read as a formula (= + - @, also a leading tab or CR)
 * gets a leading apostrophe, so `=HYPERLINK(…)` stays text. XLSX needs none: its string cells are
 * typed as text and never evaluated, so an apostrophe there would only show up in the cell; the
 * XLSX writers take `spreadsheetSafe` alone.
 */
export function neutraliseFormula(text: string): string {
  const safe = spreadsheetSafe(text);
  return /^[=+\-@\t\r]/.test(safe) ? `'${safe}` : safe;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

const csvDate = (iso: string, language: UiLanguage): string => {
  const match = ISO_DATE.exec(iso);
  // A year or a month stays what the source states ("1997", "květen 1997"), never a first day.
  if (!match) return csvText(formatPartialDate(iso, language));
  const [, y, m, d] = match;
  // Czech Excel reads d.m.yyyy as a date; English keeps the unambiguous ISO form.
  return language === 'cs' ? `${String(Number(d))}.${String(Number(m))}.${y ?? ''}` : iso.slice(0, 10);
};

const csvNumber = (value: number, language: UiLanguage): string => {
  const text = String(value);
  return language === 'cs' ? text.replace('.', ',') : text;
};

/** Quoted when it holds a separator, a quote or a line break, or starts or ends with white space. */
/**
 * How a CSV is written for the Excel of its language, which opens a CSV by the list separator of
 * the system's locale: Czech Excel splits at semicolons and reads "0,7"; English Excel splits at
 * commas and reads "0.7" (a semicolon file with "0.7" was one column there: walkthrough 17). Both
 * are UTF-8 with a BOM and CRLF. The export screens say which (`export.csvHint`, `stats.export.csvHint`).
 */
export type CsvSeparator = ';' | ',';
export const CSV_CONVENTIONS: Record<UiLanguage, { separator: CsvSeparator; decimal: ',' | '.' }> = {
  cs: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

const NEEDS_QUOTES: Record<CsvSeparator, RegExp> = { ';': /[";\r\n]/, ',': /[",\r\n]/ };

const quote = (text: string, separator: CsvSeparator): string =>
  NEEDS_QUOTES[separator].test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;

/**
 * Digits that Excel would take for a number and change: a leading zero dropped (IČO 00253014 →
 * 253014), more than 11 digits shown as 1,23E+11 and beyond 15 rounded.
 */
const DIGITS_EXCEL_CHANGES = /^(0\d+|\d{12,})$/;

/**
 * A text cell of any CSV the app writes: formula-neutralised, then quoted where needed. Digits
 * Excel would change (see DIGITS_EXCEL_CHANGES) are written as `="00253014"`, the form in which
 * Excel keeps such text as it is; the app's own import reads the digits back (`excelTextCell`).
 */
export const csvText = (text: string, separator: CsvSeparator = ';'): string =>
  DIGITS_EXCEL_CHANGES.test(text) ? `="${text}"` : quote(neutraliseFormula(text), separator);

/**
 * A CSV file as the Excel of its language opens it (`CSV_CONVENTIONS`): UTF-8 with BOM, cells
 * separated by the separator, lines by CRLF. The cells are already encoded (`csvText` for text;
 * numbers in the language's form).
 */
export const csvFile = (lines: readonly (readonly string[])[], separator: CsvSeparator = ';'): string =>
  `\uFEFF${lines.map((cells) => cells.join(separator)).join('\r\n')}\r\n`;

/** One row of a grid's CSV, encoded (dates in the form Czech Excel reads, numbers in the language's form). */
const csvRow = (sheet: Sheet, row: readonly CellValue[], language: UiLanguage): string[] =>
  sheet.columns.map((column, index) => {
    const value = row[index] ?? null;
    if (value === null) return '';
    if (typeof value === 'number') return csvNumber(value, language);
    if (column.kind === 'date') return csvDate(value, language);
    return csvText(value, CSV_CONVENTIONS[language].separator);
  });

const csvHeader = (sheet: Sheet, language: UiLanguage): string[] =>
  sheet.columns.map((c) => csvText(c.header, CSV_CONVENTIONS[language].separator));

/** A grid's CSV: a header line, then one line per row. */
export function toCsv(sheet: Sheet, language: UiLanguage): string {
  return csvFile(
    [csvHeader(sheet, language), ...sheet.rows.map((row) => csvRow(sheet, row, language))],
    CSV_CONVENTIONS[language].separator,
  );
}

/** Called every few thousand rows while a file is written (progress, and a cancel that stops the writing). */
export type WriteCheckpoint = (rowsDone: number) => Promise<void>;

/** Rows between two checkpoints of a writer. */
const CHECKPOINT_ROWS = 2000;

export async function writeCsv(
  filePath: string,
  sheet: Sheet,
  language: UiLanguage,
  checkpoint?: WriteCheckpoint,
): Promise<void> {
  const lines: string[][] = [csvHeader(sheet, language)];
  for (const [index, row] of sheet.rows.entries()) {
    if (checkpoint && index % CHECKPOINT_ROWS === 0) await checkpoint(index);
    lines.push(csvRow(sheet, row, language));
  }
  await checkpoint?.(sheet.rows.length);
  await writeFile(filePath, csvFile(lines, CSV_CONVENTIONS[language].separator), 'utf8');
}

const toDate = (iso: string, language: UiLanguage): Date | string => {
  const match = ISO_DATE.exec(iso);
  // Text, not a number: under the column's date format 1997 would read as 19. 6. 1905.
  if (!match) return spreadsheetSafe(formatPartialDate(iso, language));
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
};

/** An Excel sheet name: at most 31 characters, none of `[]:*?/\\`, unique (case-insensitively) within `used`. */
export function sheetName(title: string, used: Set<string> = new Set()): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 27)} (${n})`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * XLSX with numbers as numbers, dates as real dates, a frozen bold header row, autofilter and
 * widths. Streamed: each row is written to disk as it is added, so 60,000 rows do not build a
 * whole workbook in memory (the in-memory writer peaked at 3.4 GB at the benchmark's L scale).
 */
export async function writeXlsx(
  filePath: string,
  sheet: Sheet,
  language: UiLanguage,
  checkpoint?: WriteCheckpoint,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: filePath,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Twinning Registry';
  // The real time of writing (created and modified alike) and the sheet's title (the grid's name)
  // in the file's properties, where a file manager or Excel shows them (walkthrough 23 finding 7).
  const now = new Date();
  workbook.created = now;
  workbook.modified = now;
  workbook.title = spreadsheetSafe(sheet.name);
  const worksheet = workbook.addWorksheet(sheetName(sheet.name), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  worksheet.columns = sheet.columns.map((column, index) => {
    const longest = Math.max(
      column.header.length,
      ...sheet.rows.slice(0, 500).map((row) => String(row[index] ?? '').length),
    );
    return {
      header: spreadsheetSafe(column.header),
      key: `c${String(index)}`,
      width: column.width ?? Math.min(60, Math.max(10, longest + 2)),
      style:
        column.kind === 'date'
          ? { numFmt: language === 'cs' ? 'd.m.yyyy' : 'yyyy-mm-dd' }
          : column.kind === 'number'
            ? { numFmt: '#,##0' }
            : column.kind === 'decimal'
              ? { numFmt: '0.000000' }
              : {},
    };
  });
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EEF8' } };
  header.commit();
  // ExcelJS gives every cell a style object of its own (its column's, merged) and then renders it to
  // XML to find its style id: two thirds of the writing at 60,000 rows. A style object it has seen
  // keeps its id, so the cells of a column share one (per kind of value: a date without a number
  // format takes the date style, a number the general one).
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (cell: ExcelJS.Cell, column: number): Partial<ExcelJS.Style> => {
    const key = `${String(column)} ${String(cell.type)}`;
    let style = shared.get(key);
    if (style === undefined) {
      style = cell.style;
      shared.set(key, style);
    }
    return style;
  };
  for (const [index, row] of sheet.rows.entries()) {
    if (checkpoint && index % CHECKPOINT_ROWS === 0) await checkpoint(index);
    const added = worksheet.addRow(
      sheet.columns.map((column, index) => {
        const value = row[index] ?? null;
        if (value === null) return null;
        if (typeof value === 'number') return value;
        if (column.kind === 'date') return toDate(value, language);
        return spreadsheetSafe(value);
      }),
    );
    added.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.style = styleOf(cell, column);
    });
    added.commit();
  }
  worksheet.commit();
  await workbook.commit();
  await checkpoint?.(sheet.rows.length);
}
