import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { UiLanguage } from '../../../../shared/domain/codes';
import type { Cell, ColumnKind, StatsTable } from '../../../../shared/domain/statistics/tables';

/** The report's page margin on every side, in twips. */
export const REPORT_MARGIN = 1000;
/** A4 width minus the report's margins. */
const PAGE_WIDTH_TWIPS = 11906 - 2 * REPORT_MARGIN;
const BLUE = '1D5FA8';
const LIGHT = 'F3F6F9';

/** Typed run options (TextRun also takes a plain string, which confuses the deprecation lint). */
export const run = (options: IRunOptions): TextRun => new TextRun(options);

/** A figure as the report prints it: grouped digits in the language's form, shares as percent, a dash for none. */
export function formatCell(value: Cell, kind: ColumnKind, language: UiLanguage): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  if (kind === 'year') return String(value);
  const locale = language === 'cs' ? 'cs-CZ' : 'en-GB';
  if (kind === 'percent')
    // One decimal always ("5,0 %" beside "11,2 %"), as a column of shares is read.
    return new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(value);
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: kind === 'decimal' ? 2 : 0,
    minimumFractionDigits: kind === 'decimal' ? 2 : 0,
  }).format(value);
}

/** The tables' text size, in half-points (7.5 pt: a district table has eight columns on A4). */
const TABLE_SIZE = 15;
/**
 * About the width of a character of the tables' text, bold or not, in twips: a little more than
 * most (measured against LibreOffice's DejaVu Sans, wider than Word's Calibri).
 */
const CHAR_TWIPS = 110;
/** A cell's margins on both sides and a little air, in twips. */
const CELL_PADDING_TWIPS = 300;

/**
 * The widths of a table's columns (twips, summing to the page's width): a number column is as
 * wide as its longest header word or figure needs, so that neither is broken inside ("Partner-
 * ství", "10 | 000"); the text columns (names) share what is left. When the numbers alone would
 * not fit, every column gets its share of the page by what it needs.
 */
export function columnWidthsOf(
  columns: readonly { text: boolean; header: string; cells: readonly string[] }[],
): number[] {
  // Words are split at spaces only: a no-break space keeps "10 000" one word.
  const longestWord = (text: string) => Math.max(0, ...text.split(/[ \t\n]+/).map((word) => word.length));
  const needs = columns.map(
    (c) =>
      Math.max(longestWord(c.header), ...c.cells.map((cell) => (c.text ? longestWord(cell) : cell.length))) *
        CHAR_TWIPS +
      CELL_PADDING_TWIPS,
  );
  const numbers = needs.reduce((sum, need, i) => (columns[i]?.text === true ? sum : sum + need), 0);
  const textColumns = columns.filter((c) => c.text).length;
  const left = PAGE_WIDTH_TWIPS - numbers;
  const minimumText = needs.reduce((max, need, i) => (columns[i]?.text === true ? Math.max(max, need) : max), 0);
  if (textColumns > 0 && left >= minimumText * textColumns)
    return columns.map((c, i) => (c.text ? Math.floor(left / textColumns) : (needs[i] ?? 0)));
  if (textColumns === 0 && left >= 0) {
    // Only numbers: each gets what it needs, and the rest is shared evenly.
    const extra = Math.floor(left / Math.max(1, columns.length));
    return needs.map((need) => need + extra);
  }
  const total = needs.reduce((a, b) => a + b, 0);
  return needs.map((need) => Math.floor((PAGE_WIDTH_TWIPS * need) / total));
}

/** A compact table for the report: a subset of columns, header shaded, numbers right-aligned. */
export function docxTable(table: StatsTable, columnIndexes: number[], language: UiLanguage, limit = Infinity): Table {
  const columns = columnIndexes.flatMap((i) => {
    const column = table.columns[i];
    return column ? [{ ...column, index: i }] : [];
  });
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'DDE3EA' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const headerRow = new TableRow({
    tableHeader: true,
    children: columns.map(
      (c) =>
        new TableCell({
          borders,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: BLUE },
          children: [
            new Paragraph({
              alignment: c.kind === 'text' ? AlignmentType.LEFT : AlignmentType.RIGHT,
              children: [run({ text: c.header, bold: true, color: 'FFFFFF', size: TABLE_SIZE })],
            }),
          ],
        }),
    ),
  });
  const rows = table.rows.slice(0, limit).map(
    (cells, r) =>
      new TableRow({
        children: columns.map(
          (c) =>
            new TableCell({
              borders,
              margins: { left: 60, right: 60 },
              shading: r % 2 === 1 ? { type: ShadingType.CLEAR, color: 'auto', fill: LIGHT } : undefined,
              children: [
                new Paragraph({
                  alignment: c.kind === 'text' ? AlignmentType.LEFT : AlignmentType.RIGHT,
                  children: [
                    new TextRun({ text: formatCell(cells[c.index] ?? null, c.kind, language), size: TABLE_SIZE }),
                  ],
                }),
              ],
            }),
        ),
      }),
  );
  const columnWidths = columnWidthsOf(
    columns.map((c) => ({
      text: c.kind === 'text',
      header: c.header,
      cells: table.rows.slice(0, limit).map((cells) => formatCell(cells[c.index] ?? null, c.kind, language)),
    })),
  );
  return new Table({
    width: { size: PAGE_WIDTH_TWIPS, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths,
    rows: [headerRow, ...rows],
  });
}
