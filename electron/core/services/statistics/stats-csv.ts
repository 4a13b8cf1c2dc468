import JSZip from 'jszip';
import type { UiLanguage } from '../../../../shared/domain/codes';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import {
  buildStatsTables,
  type Cell,
  type ColumnKind,
  type StatsTable,
} from '../../../../shared/domain/statistics/tables';
import { csvFile, csvText } from '../export/spreadsheet-writers';
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

/**
 * How a CSV of the statistics is written for the Excel of its language, which opens a CSV by the
 * list separator of the system's locale: Czech Excel splits at semicolons and reads "0,7"; English
 * Excel splits at commas and reads "0.7" (a semicolon file with "0.7" was one column there, and
 * "0.7" was text or a date in Czech Excel: walkthrough 17). Both are UTF-8 with a BOM and CRLF,
 * as the one CSV writer writes them; the export screen says which (`stats.export.csvHint`).
 */
export const CSV_CONVENTIONS: Record<UiLanguage, { separator: ';' | ','; decimal: ',' | '.' }> = {
  cs: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

/**
 * A text cell: the one CSV writer's encoding (formula guard, quoting for semicolons, quotes and
 * line breaks, digits Excel would change); with commas as separators a cell holding one is quoted
 * too (the writer's quoting knows only the semicolon; a cell it quoted or wrote as ="…" is whole).
 */
const textCell = (text: string, separator: ';' | ','): string => {
  const encoded = csvText(text);
  return separator === ',' && !encoded.startsWith('"') && !encoded.startsWith('="') && encoded.includes(',')
    ? `"${encoded}"`
    : encoded;
};

/** The lines of a CSV file: as the one CSV writer's `csvFile` (BOM, CRLF), with the separator given. */
const csvLines = (lines: readonly (readonly string[])[], separator: ';' | ','): string =>
  separator === ';' ? csvFile(lines) : `\uFEFF${lines.map((cells) => cells.join(separator)).join('\r\n')}\r\n`;

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
