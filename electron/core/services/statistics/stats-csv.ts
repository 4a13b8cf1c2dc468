import JSZip from 'jszip';
import type { UiLanguage } from '../../../../shared/domain/codes';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import {
  buildStatsTables,
  type Cell,
  type ColumnKind,
  type StatsTable,
} from '../../../../shared/domain/statistics/tables';
import { CSV_CONVENTIONS, csvFile, csvText } from '../export/spreadsheet-writers';
import { namePart } from '../../../../shared/domain/statistics/file-names';
import { exportDate, filterText } from './stats-filter-line';

/** A figure with the file's decimal separator; shares as percentages. */
const csvFigure = (value: number, kind: ColumnKind, decimal: string): string => {
  const scaled = kind === 'percent' ? value * 100 : value;
  const digits = kind === 'int' ? 0 : kind === 'percent' ? 1 : 2;
  return (Number.isInteger(scaled) && kind !== 'amount' ? String(scaled) : scaled.toFixed(digits)).replace(
    '.',
    decimal,
  );
};

export { CSV_CONVENTIONS };

/** A text cell, and the lines of a file, as the one CSV writer encodes them for the separator. */
const textCell = (text: string, separator: ';' | ','): string => csvText(text, separator);
const csvLines = (lines: readonly (readonly string[])[], separator: ';' | ','): string => csvFile(lines, separator);

/**
 * One table as a CSV for the Excel of the language (see CSV_CONVENTIONS): the filter line, the
 * header (shares marked "(%)"), one line per row, and the table's notes after an empty line.
 */
export function tableToCsv(table: StatsTable, language: UiLanguage, filterLine: string): string {
  const { separator, decimal } = CSV_CONVENTIONS[language];
  const cell = (value: Cell, kind: ColumnKind): string =>
    value === null ? '' : typeof value === 'number' ? csvFigure(value, kind, decimal) : textCell(value, separator);
  const notes = table.notes ?? [];
  return csvLines(
    [
      [textCell(filterLine, separator)],
      table.columns.map((c) => textCell(c.kind === 'percent' ? `${c.header} (%)` : c.header, separator)),
      ...table.rows.map((row) => row.map((value, i) => cell(value, table.columns[i]?.kind ?? 'text'))),
      ...(notes.length === 0 ? [] : [[''], ...notes.map((note) => [textCell(note, separator)])]),
    ],
    separator,
  );
}

/**
 * One ZIP holding one CSV per table: a single file fits a save dialog and keeps the tables
 * together. Each file is named by its number and its table's title in the language
 * ("02-Partnerstvi-podle-kraju.csv"), without diacritics (any unzipping tool keeps such names).
 */
export async function statsToCsvZip(stats: Statistics, language: UiLanguage): Promise<Buffer> {
  const zip = new JSZip();
  const filterLine = filterText(stats, language);
  buildStatsTables(stats, language).forEach((table, i) => {
    zip.file(
      `${String(i + 1).padStart(2, '0')}-${namePart(table.title)}.csv`,
      tableToCsv(table, language, filterLine),
      {
        date: exportDate(stats),
      },
    );
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
