import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { writeXlsx, type Sheet } from '../../../electron/core/services/export/spreadsheet-writers';
import { tempDir } from '../../support/temp-db';

/**
 * The XLSX writer shares one style object among the cells of a column (issue 16: ExcelJS renders
 * every new style object to find its id). Each cell must still get its own column's format, and a
 * column whose values are of several kinds must give each kind its own style.
 */
describe('XLSX cells keep their column’s format', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('dates, partial dates, counts, decimals and text, row after row', async () => {
    const sheet: Sheet = {
      name: 'Partnerství',
      columns: [
        { header: 'Od', kind: 'date' },
        { header: 'Obyvatel', kind: 'number' },
        { header: 'Šířka', kind: 'decimal' },
        { header: 'Poznámka', kind: 'text' },
      ],
      rows: [
        ['1997-05-12', 12500, 49.41, 'text'],
        ['1997', 800, null, 42],
        [null, null, 50.1, 'dál'],
        ['2004-03', 1_234_567, 48.9, 7],
      ],
    };
    const file = path.join(dir, 'styles.xlsx');
    await writeXlsx(file, sheet, 'cs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const worksheet = workbook.worksheets[0];
    if (!worksheet) throw new Error('no sheet');
    const cell = (row: number, column: number) => worksheet.getRow(row).getCell(column);
    // A whole date is a date with the Czech format; a year or a month stays text.
    expect(cell(2, 1).value).toEqual(new Date(Date.UTC(1997, 4, 12)));
    expect(cell(2, 1).numFmt).toBe('d.m.yyyy');
    expect(cell(3, 1).value).toBe('1997');
    expect(cell(5, 1).value).toBe('březen 2004');
    for (const row of [2, 3, 5]) {
      expect(cell(row, 2).numFmt).toBe('#,##0');
      expect(typeof cell(row, 2).value).toBe('number');
    }
    for (const row of [2, 4, 5]) expect(cell(row, 3).numFmt).toBe('0.000000');
    // Text and numbers in one text column: each stays what it is.
    expect(cell(2, 4).value).toBe('text');
    expect(cell(3, 4).value).toBe(42);
    expect(cell(5, 4).value).toBe(7);
    // The header keeps its own style.
    expect(cell(1, 1).font.bold).toBe(true);
  });
});
