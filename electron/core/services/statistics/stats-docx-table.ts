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
  const locale = language === 'cs' ? 'cs-CZ' : 'en-GB';
  if (kind === 'percent')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: kind === 'decimal' ? 2 : 0,
    minimumFractionDigits: kind === 'decimal' ? 2 : 0,
  }).format(value);
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
              children: [run({ text: c.header, bold: true, color: 'FFFFFF', size: 17 })],
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
                  children: [new TextRun({ text: formatCell(cells[c.index] ?? null, c.kind, language), size: 17 })],
                }),
              ],
            }),
        ),
      }),
  );
  // Text columns (names) get three shares of the page width, number columns one each.
  const weights = columns.map((c) => (c.kind === 'text' ? 3 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const columnWidths = weights.map((w) => Math.floor((PAGE_WIDTH_TWIPS * w) / sum));
  return new Table({
    width: { size: PAGE_WIDTH_TWIPS, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths,
    rows: [headerRow, ...rows],
  });
}
