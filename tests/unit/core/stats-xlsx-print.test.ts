import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderDialogs } from '../../../electron/cli/web-dialogs';
import { statisticsFor } from '../../../electron/core/services/statistics/statistics-service';
import { statsToXlsx } from '../../../electron/core/services/statistics/stats-xlsx';
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

/** The rows after which a sheet breaks the page by hand, per sheet in order (as Calc and Excel read them). */
async function rowBreaksOf(buffer: Buffer): Promise<number[][]> {
  const zip = await JSZip.loadAsync(buffer);
  const breaks: number[][] = [];
  for (let n = 1; zip.file(`xl/worksheets/sheet${String(n)}.xml`) !== null; n += 1) {
    const xml = (await zip.file(`xl/worksheets/sheet${String(n)}.xml`)?.async('string')) ?? '';
    const list = /<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml)?.[1] ?? '';
    breaks.push([...list.matchAll(/<brk [^>]*id="(\d+)"/g)].map((match) => Number(match[1])));
  }
  return breaks;
}

/** A4 landscape less the sheet's top and bottom margins, in points. */
const printableHeight = (sheet: ExcelJS.Worksheet) => {
  const margins = sheet.pageSetup.margins ?? { top: 0.75, bottom: 0.75 };
  return 595.28 - (margins.top + margins.bottom) * 72;
};

/** How tall rows `from`–`to` print, in points (a row nobody sized is one 15 pt line). */
const rowsHeight = (sheet: ExcelJS.Worksheet, from: number, to: number) => {
  let height = 0;
  for (let row = from; row <= to; row += 1) height += sheet.getRow(row).height ?? 15;
  return height;
};

describe.each(['cs', 'en'] as const)('the statistics XLSX never leaves its header alone on a page (%s)', (language) => {
  it('repeats the header row on every page, and gives the rows above it their heights', async () => {
    const workbook = await exportXlsx({}, language);
    for (const sheet of workbook.worksheets) {
      // Calc counted the pages with the title's row fitted one way and drew them another: the
      // English "By year" sheet of the demo registry printed a blank page after its last.
      expect({
        sheet: sheet.name,
        titles: sheet.pageSetup.printTitlesRow,
        heights: [1, 2, 3].map((row) => sheet.getRow(row).height !== undefined),
      }).toEqual({ sheet: sheet.name, titles: '3:3', heights: [true, true, true] });
    }
  });

  it('starts a page with the header and its rows where a long filter line leaves no room for both', async () => {
    const stats = await statisticsFor(app.ctx, { today: FIXTURE_TODAY });
    // As many ORP as a user may choose (the filter takes 300): the filter line fills most of the page.
    const orps = Array.from({ length: 150 }, (_, i) => ({
      code: `orp-${String(i)}`,
      name: `Nové Město ${String(i)}`,
      regionCode: null,
    }));
    const buffer = await statsToXlsx({ ...stats, territory: { ...stats.territory, orps } }, language);
    const workbook = new ExcelJS.Workbook();
    // ExcelJS takes an ArrayBuffer (Node's Buffer type is wider than the one it names).
    await workbook.xlsx.load(
      buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
    );
    const breaks = await rowBreaksOf(buffer);
    let kept = 0;
    workbook.worksheets.forEach((sheet, i) => {
      // Only rows 1–2 (the title and the filter) may end a page by hand.
      expect({ sheet: sheet.name, breaks: breaks[i]?.filter((row) => row !== 2) }).toEqual({
        sheet: sheet.name,
        breaks: [],
      });
      if (sheet.rowCount < 4) return;
      // The title, the filter line, the header and the first row at the sheet's print scale.
      const above = rowsHeight(sheet, 1, 4) * printScale(sheet);
      if (above <= printableHeight(sheet)) return;
      expect({ sheet: sheet.name, breaksBeforeHeader: breaks[i]?.includes(2) }).toEqual({
        sheet: sheet.name,
        breaksBeforeHeader: true,
      });
      // Not a page of its own for the filter line: the header and the first row fit under it there.
      expect(rowsHeight(sheet, 3, 4) * printScale(sheet)).toBeLessThan(printableHeight(sheet));
      kept += 1;
    });
    // The long filter line does push the header off the first page of some sheets.
    expect(kept).toBeGreaterThan(0);
  });
});
