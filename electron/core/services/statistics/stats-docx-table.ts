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

/** The tables' text size, in half-points (7.5 pt: a district table has nine columns on A4). */
const TABLE_SIZE = 15;
/** Twips per em of the tables' text (7.5 pt × 20). */
const EM_TWIPS = (TABLE_SIZE / 2) * 20;
/** A cell's margin at the left and at the right, in twips (header and body alike). */
const CELL_MARGIN_TWIPS = 60;
/** Both margins of a cell and a little air, in twips. */
const CELL_PADDING_TWIPS = 2 * CELL_MARGIN_TWIPS + 50;
/**
 * The widest a name is printed on one line (twips, about 4.2 cm): a longer text wraps between its
 * words. "Moravskoslezský kraj" and "Rychnov nad Kněžnou" fit.
 */
const ONE_LINE_TWIPS = 2400;

/**
 * The width of a character in em, about DejaVu Sans Bold's (LibreOffice's stand-in for Calibri,
 * and wider than it; a word's estimate is a few per cent more on average, never more than a few
 * twips less, which the cell's air takes): narrow letters and marks, the medium ones, the wide
 * ones, capitals, and the rest (lower case letters, digits). Measured widths keep the numbers'
 * columns narrow without breaking a header word ("Partner-ství"), and leave the names their room.
 */
function charEm(char: string): number {
  if ("iíïjlĺľI.,:;!|'’".includes(char)) return 0.4;
  if ('frŕřtť()[]-/J \u00a0\u202f'.includes(char)) return 0.48;
  if ('mMwW%@—'.includes(char)) return 1.02;
  if (char !== char.toLowerCase()) return 0.78;
  return 0.7;
}

/** About the printed width of a text in the tables, in twips: bold (a header) or regular (about an eighth narrower). */
export function textTwips(text: string, bold: boolean): number {
  let em = 0;
  for (const char of text) em += charEm(char);
  return Math.ceil(em * EM_TWIPS * (bold ? 1 : 0.88));
}

/**
 * The widths of a table's columns (twips, summing to the page's width). A number column is as wide
 * as its longest header word or figure needs, so that neither is broken inside ("Partner-ství",
 * "10 | 000"), and no wider. A text column (names) gets room for its longest text on one line
 * ("Žďár nad Sázavou", not "Žďár nad | Sázavou"), a text longer than about 4 cm wrapping between
 * its words; what is left is shared evenly among the text columns. When the page is too narrow for
 * that, the text columns get at least their longest word and share the rest by what they lack;
 * when even the numbers do not fit, every column gets its share of the page by what it needs.
 */
export function columnWidthsOf(
  columns: readonly { text: boolean; header: string; cells: readonly string[] }[],
): number[] {
  // Words are split at spaces only: a no-break space keeps "10 000" one word.
  const words = (text: string) => text.split(/[ \t\n]+/);
  const longestWord = (text: string, bold: boolean) => Math.max(0, ...words(text).map((w) => textTwips(w, bold)));
  /** What a column needs at the least (its longest word) and to print its texts as intended. */
  const sized = columns.map((c) => {
    const header = longestWord(c.header, true);
    const least = Math.max(
      header,
      ...c.cells.map((cell) => (c.text ? longestWord(cell, false) : textTwips(cell, false))),
    );
    /** A text on one line up to about 4 cm, a longer one as wide as that or its longest word. */
    const oneLine = (text: string, bold: boolean) =>
      Math.min(textTwips(text, bold), Math.max(ONE_LINE_TWIPS, longestWord(text, bold)));
    const wanted = c.text
      ? Math.max(least, oneLine(c.header, true), ...c.cells.map((cell) => oneLine(cell, false)))
      : least;
    return { least: least + CELL_PADDING_TWIPS, wanted: wanted + CELL_PADDING_TWIPS };
  });
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const numbers = sum(sized.map((s, i) => (columns[i]?.text === true ? 0 : s.wanted)));
  const text = sized.filter((_, i) => columns[i]?.text === true);
  const left = PAGE_WIDTH_TWIPS - numbers;
  if (text.length === 0 && left >= 0) {
    // Only numbers: each gets what it needs, and the rest is shared evenly.
    const extra = Math.floor(left / Math.max(1, columns.length));
    return sized.map((s) => s.wanted + extra);
  }
  const wantedText = sum(text.map((s) => s.wanted));
  if (text.length > 0 && left >= wantedText) {
    const extra = Math.floor((left - wantedText) / text.length);
    return sized.map((s, i) => (columns[i]?.text === true ? s.wanted + extra : s.wanted));
  }
  const leastText = sum(text.map((s) => s.least));
  if (text.length > 0 && left >= leastText) {
    // Each text column gets its longest word and a share of the rest by what it lacks.
    const lacking = wantedText - leastText;
    return sized.map((s, i) =>
      columns[i]?.text === true
        ? s.least + Math.floor(((left - leastText) * (s.wanted - s.least)) / lacking)
        : s.wanted,
    );
  }
  const total = sum(sized.map((s) => s.wanted));
  return sized.map((s) => Math.floor((PAGE_WIDTH_TWIPS * s.wanted) / total));
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
          margins: { left: CELL_MARGIN_TWIPS, right: CELL_MARGIN_TWIPS },
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
              margins: { left: CELL_MARGIN_TWIPS, right: CELL_MARGIN_TWIPS },
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
