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

/** A figure with the language's decimal separator (a comma in Czech); shares as percentages. */
const csvFigure = (value: number, kind: ColumnKind, decimal: string): string => {
  const scaled = kind === 'percent' ? value * 100 : value;
  const digits = kind === 'int' ? 0 : kind === 'percent' ? 1 : 2;
  return (Number.isInteger(scaled) && kind !== 'amount' ? String(scaled) : scaled.toFixed(digits)).replace(
    '.',
    decimal,
  );
};

/**
 * One table as a CSV for Czech Excel (the encoding, the formula guard and the quoting are the
 * one CSV writer's): the filter line, the header (shares marked "(%)"), one line per row.
 */
export function tableToCsv(table: StatsTable, language: UiLanguage, filterLine: string): string {
  const decimal = language === 'cs' ? ',' : '.';
  const cell = (value: Cell, kind: ColumnKind): string =>
    value === null ? '' : typeof value === 'number' ? csvFigure(value, kind, decimal) : csvText(value);
  return csvFile([
    [csvText(filterLine)],
    table.columns.map((c) => csvText(c.kind === 'percent' ? `${c.header} (%)` : c.header)),
    ...table.rows.map((row) => row.map((value, i) => cell(value, table.columns[i]?.kind ?? 'text'))),
  ]);
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
