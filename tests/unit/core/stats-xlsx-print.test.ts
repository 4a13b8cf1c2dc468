import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderDialogs } from '../../../electron/cli/web-dialogs';
import { FIXTURE_TODAY, loadStatsFixture } from '../../support/stats-fixture';
import { createTestApp, ok, tempDir, type TestApp } from '../../support/temp-db';

/**
 * Walkthrough 24, finding 2: the statistics XLSX printed its area sheets ("Compared with all of
 * Czechia", "Districts"…) at 3.5–4 pt: 21 columns sized for unwrapped headers, and notes running
 * on over empty columns, all fitted onto the width of one A4 landscape page. The sheets are read
 * back here as Excel lays them out: a column `w` characters wide is `7w + 5` pixels of 3/4 pt.
 */
let app: TestApp;
const outDir = tempDir('twinreg-stats-print-');

beforeAll(async () => {
  app = await createTestApp({ dialogs: createFolderDialogs(outDir) });
  await loadStatsFixture(app.ctx.db.knex);
  // Notes under the area tables: an unknown population and statuses not stated.
  await app.ctx.db.knex('municipalities').where('name', 'Kaplice').update({ population: null });
  await app.ctx.db.knex('partnerships').whereIn('status', ['dormant', 'ended']).update({ status: 'unknown' });
});
afterAll(() => app.cleanup());

const exportXlsx = async (filter: Record<string, unknown>, language: 'cs' | 'en') => {
  const result = await ok<{ filePath: string } | null>(
    app.dispatch('stats:export', { format: 'xlsx', filter: { today: FIXTURE_TODAY, ...filter }, language }),
  );
  if (result === null) throw new Error('export was cancelled');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(result.filePath);
  return workbook;
};

const A4_LANDSCAPE_PT = 841.89;
const columnPoints = (sheet: ExcelJS.Worksheet, column: number) =>
  (Math.trunc((sheet.getColumn(column).width ?? 8.43) * 7) + 5) * 0.75;

/** The print scale of a sheet fitted to the page's width: its used columns on the printable width. */
function printScale(sheet: ExcelJS.Worksheet): number {
  const margins = sheet.pageSetup.margins ?? { left: 0.7, right: 0.7 };
  const printable = A4_LANDSCAPE_PT - (margins.left + margins.right) * 72;
  let used = 0;
  for (let column = 1; column <= sheet.columnCount; column += 1) used += columnPoints(sheet, column);
  return Math.min(1, printable / used);
}

/** The rows under the table holding text (notes), with the header's last column. */
function notesOf(sheet: ExcelJS.Worksheet): { row: number; text: string }[] {
  const notes: { row: number; text: string }[] = [];
  sheet.eachRow((row, number) => {
    const value = row.getCell(1).value;
    if (number > 3 && typeof value === 'string' && value.length > 60) notes.push({ row: number, text: value });
  });
  return notes;
}

const lastHeaderColumn = (sheet: ExcelJS.Worksheet) => sheet.getRow(3).cellCount;

describe.each(['cs', 'en'] as const)('the statistics XLSX prints legibly (%s)', (language) => {
  it('fits every sheet to the width of A4 landscape only, over as many pages down as it needs', async () => {
    const workbook = await exportXlsx({ region: 'CZ031' }, language);
    for (const sheet of workbook.worksheets) {
      expect({ sheet: sheet.name, ...sheet.pageSetup }).toMatchObject({
        sheet: sheet.name,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
    }
  });

  it('keeps the body text of every sheet, the wide area tables too, at 8 pt or more', async () => {
    for (const filter of [{}, { region: 'CZ031' }]) {
      const workbook = await exportXlsx(filter, language);
      for (const sheet of workbook.worksheets) {
        // The default font is 11 pt.
        expect({ sheet: sheet.name, points: 11 * printScale(sheet) >= 8 }).toEqual({ sheet: sheet.name, points: true });
      }
      // Those with 20 and more columns are the ones that printed at 4 pt.
      expect(workbook.worksheets.filter((sheet) => sheet.getRow(3).cellCount >= 20).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('wraps the filter line and the notes inside the table, as tall as their lines', async () => {
    const workbook = await exportXlsx({ region: 'CZ031' }, language);
    const comparison = workbook.worksheets[0];
    expect(comparison?.name).toBe(language === 'cs' ? 'Srovnání s celým Českem' : 'Compared with all of Czechia');
    let notes = 0;
    for (const sheet of workbook.worksheets) {
      const last = lastHeaderColumn(sheet);
      for (const { row, text } of [{ row: 2, text: sheet.getCell('A2').text }, ...notesOf(sheet)]) {
        const cell = sheet.getCell(row, 1);
        expect(cell.alignment.wrapText).toBe(true);
        // Merged from A across the table, not beyond it where the table is wide enough to hold it.
        const spanned = sheet.getCell(row, last);
        expect(spanned.isMerged && spanned.master.address === cell.address).toBe(true);
        if (last >= 10) expect(sheet.getCell(row, last + 1).isMerged).toBe(false);
        // (A narrow table's line runs on over a few more columns rather than making a column of words.)
        let width = 0;
        for (let column = 1; sheet.getCell(row, column).master.address === cell.address; column += 1) {
          width += columnPoints(sheet, column);
        }
        expect(width).toBeGreaterThanOrEqual(300);
        // At least one 15 pt line for every ~6 pt wide character the merged width holds.
        const lines = Math.ceil((text.length * 6) / width);
        expect(sheet.getRow(row).height).toBeGreaterThanOrEqual(lines * 15 - 1);
        if (row > 2) notes += 1;
      }
    }
    // The fixture's unknown statuses and population are noted under the comparison and area tables.
    expect(notesOf(comparison ?? workbook.worksheets[0] ?? ({} as ExcelJS.Worksheet)).length).toBeGreaterThan(0);
    expect(notes).toBeGreaterThanOrEqual(4);
  });
});
