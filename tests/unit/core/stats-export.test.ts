import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderDialogs } from '../../../electron/cli/web-dialogs';
import { reportCharts, svgToPng, stackedBarSvg } from '../../../electron/core/services/statistics/stats-charts';
import { toCsv } from '../../../electron/core/services/export/spreadsheet-writers';
import { tableToCsv } from '../../../electron/core/services/statistics/stats-csv';
import type { Boundaries, Statistics } from '../../../shared/domain/statistics';
import { FIXTURE_TODAY, loadStatsFixture } from '../../support/stats-fixture';
import { SHARED_DATA_DIR, createTestApp, ok, tempDir, type TestApp } from '../../support/temp-db';

let app: TestApp;
const outDir = tempDir('twinreg-stats-out-');
const boundaryFile = path.join(SHARED_DATA_DIR, 'cz-regions.topojson.json');
let openFile: string | null = null;

beforeAll(async () => {
  const folder = createFolderDialogs(outDir);
  app = await createTestApp({ dialogs: { ...folder, openFile: () => Promise.resolve(openFile) } });
  await loadStatsFixture(app.ctx.db.knex);
});
afterAll(() => app.cleanup());

const exportAs = async (format: string, filter: Record<string, unknown> = {}, language = 'cs') => {
  const result = await ok<{ filePath: string } | null>(
    app.dispatch('stats:export', { format, filter: { today: FIXTURE_TODAY, ...filter }, language }),
  );
  if (result === null) throw new Error('export was cancelled');
  expect(existsSync(result.filePath)).toBe(true);
  return result.filePath;
};

describe('file names', () => {
  it('name the region and the years the file holds (the day only for the whole registry)', async () => {
    const regional = await exportAs('xlsx', { region: 'CZ031', fromYear: 1990, toYear: 2005 });
    expect(path.basename(regional)).toBe('statistiky-Jihocesky-kraj-1990-2005.xlsx');
    const since = await exportAs('csv', { fromYear: 2000 }, 'en');
    expect(path.basename(since)).toBe('statistics-from-2000.zip');
  });
});

describe('XLSX export', () => {
  it('has one sheet per table with the filter on top, a styled frozen header and real numbers', async () => {
    const file = await exportAs('xlsx', { types: ['formal', 'friendship', 'project', 'informal'] });
    expect(path.basename(file)).toBe('statistiky-2025-06-15.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Kraje',
      'Okresy',
      'ORP',
      'Podle roku',
      'Podle desetiletí',
      'Země',
      'Kraje a země',
      'Oblasti',
      'Financování',
      'Programy',
    ]);
    const regions = workbook.getWorksheet('Kraje');
    if (!regions) throw new Error('no sheet Kraje');
    expect(regions.getCell('A1').value).toBe('Kraje');
    expect(regions.getCell('A2').text).toContain('Filtr: Rok zahájení: kdykoli');
    expect(regions.getCell('A2').text).toContain('K datu: 15. 6. 2025');
    expect(regions.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(regions.getCell('A3').value).toBe('Kraj');
    expect(regions.getCell('A3').font.bold).toBe(true);
    expect(regions.getCell('C3').value).toBe('Obce');
    // Row 5 is Jihočeský kraj (row 4 Praha): 4 municipalities, share 0.25 formatted as a percentage.
    expect(regions.getCell('A5').value).toBe('Jihočeský kraj');
    expect(regions.getCell('C5').value).toBe(4);
    expect(regions.getCell('C5').numFmt).toBe('#,##0');
    expect(regions.getCell('E5').value).toBe(0.25);
    expect(regions.getCell('E5').numFmt).toBe('0.0%');
    expect(regions.getCell('H5').value).toBeCloseTo(0.6667, 3);
    expect(regions.getCell('H5').numFmt).toBe('#,##0.00');
    // The total row, last.
    expect(regions.getCell('A7').value).toBe('Česko celkem');
    expect(regions.getCell('G7').value).toBe(7);
    const countries = workbook.getWorksheet('Země');
    expect(countries?.getCell('A4').value).toBe('Německo');
    expect(countries?.getCell('C4').value).toBe(3);
    // Years are numbers a spreadsheet sorts and filters, written without a thousands separator.
    const years = workbook.getWorksheet('Podle roku');
    const yearCells = (years?.getColumn(1).values ?? []).slice(4);
    expect(yearCells.length).toBeGreaterThan(0);
    for (const value of yearCells)
      expect(typeof value === 'number' || value === 'neuvedeno', JSON.stringify(value)).toBe(true);
    expect(years?.getCell('A4').numFmt).toBe('0');
    const byProgramme = workbook.getWorksheet('Financování');
    expect(typeof byProgramme?.getCell('B4').value).toBe('number');
    const funding = workbook.getWorksheet('Programy');
    expect(funding?.getRow(3).values).toEqual([
      undefined,
      'Program',
      'Aktivity',
      'Účastníci',
      'Částka CZK',
      'Částka EUR',
    ]);
  });

  it('writes English labels when asked', async () => {
    const file = await exportAs('xlsx', {}, 'en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets[0]?.name).toBe('Regions');
    expect(workbook.getWorksheet('Countries')?.getCell('A4').value).toBe('Germany');
  });

  it('prints every sheet on A4 landscape, fitted to the width, with the header row on every page', async () => {
    const file = await exportAs('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.length).toBeGreaterThan(5);
    for (const sheet of workbook.worksheets) {
      expect({ sheet: sheet.name, ...sheet.pageSetup }).toMatchObject({
        sheet: sheet.name,
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '3:3',
      });
      expect(sheet.headerFooter.oddFooter).toBe('&R&P / &N');
    }
    // As Excel reads it: the sheet's page set-up and the workbook's print titles.
    const zip = await JSZip.loadAsync(readFileSync(file));
    const sheetXml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(sheetXml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(sheetXml).toMatch(/<pageSetup [^>]*orientation="landscape"/);
    expect(sheetXml).toMatch(/<pageSetup [^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    expect(workbookXml).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Kraje&apos;!$3:$3</definedName>',
    );
  });
});

describe('CSV export', () => {
  it('is a ZIP with one Czech-Excel CSV per table: BOM, semicolons, decimal comma', async () => {
    const file = await exportAs('csv');
    expect(file.endsWith('.zip')).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const names = Object.keys(zip.files).sort();
    // Named by the tables' titles in the user's language (walkthrough: Czech files had English names).
    expect(names).toEqual([
      '01-Kraje.csv',
      '02-Okresy.csv',
      '03-ORP.csv',
      '04-Podle-roku.csv',
      '05-Podle-desetileti.csv',
      '06-Zeme.csv',
      '07-Kraje-a-zeme.csv',
      '08-Oblasti.csv',
      '09-Financovani.csv',
      '10-Programy.csv',
    ]);
    const bytes = await zip.file('01-Kraje.csv')?.async('nodebuffer');
    if (!bytes) throw new Error('no regions.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Filtr: /);
    expect(lines[1]?.split(';').slice(0, 5)).toEqual([
      'Kraj',
      'Kód',
      'Obce',
      'S aktivním partnerstvím',
      'Podíl s aktivním (%)',
    ]);
    // Jihočeský kraj: 4 municipalities, 1 with active, 25 %, 60 000 people, 4 partnerships, 0,67 per 10 000
    expect(lines[3]?.split(';').slice(0, 8)).toEqual(['Jihočeský kraj', 'CZ031', '4', '1', '25', '60000', '4', '0,67']);
  });

  it('neutralises text that Excel would run as a formula and quotes separators', () => {
    const csv = tableToCsv(
      {
        id: 'x',
        title: 'x',
        columns: [
          { header: 'Name', kind: 'text' },
          { header: 'N', kind: 'int' },
        ],
        rows: [
          ['=HYPERLINK("http://evil","x")', 1],
          ['+420 123', -2],
          ['@SUM(A1)', 3],
          ['a;b', 4],
        ],
      },
      'cs',
      'Filtr: -',
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Filtr: -'); // starts with a letter: unchanged
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://evil"",""x"")";1`);
    expect(lines[3]).toBe("'+420 123;-2"); // negative numbers stay numbers
    expect(lines[4]).toBe("'@SUM(A1);3");
    expect(lines[5]).toBe('"a;b";4');
  });

  it('encodes text exactly as the grid export does (one CSV writer, one formula guard)', () => {
    const texts = ['=1+1', '-x', '\tx', '\rx', ' padded ', 'a"b', 'Plzeň\u0001'];
    const stats = tableToCsv(
      { id: 'x', title: 'x', columns: [{ header: 'A', kind: 'text' }], rows: texts.map((t) => [t]) },
      'cs',
      'F',
    );
    const grid = toCsv({ name: 'x', columns: [{ header: 'A', kind: 'text' }], rows: texts.map((t) => [t]) }, 'cs');
    expect(stats.slice(1).split('\r\n').slice(1)).toEqual(grid.slice(1).split('\r\n'));
  });
});

describe('JSON export', () => {
  it('holds the same statistics as the dashboard', async () => {
    const file = await exportAs('json', { region: 'CZ031' });
    const json = JSON.parse(readFileSync(file, 'utf8')) as { statistics: Statistics };
    const dashboard = await ok<Statistics>(
      app.dispatch('stats:compute', { filter: { today: FIXTURE_TODAY, region: 'CZ031' } }),
    );
    expect(json.statistics).toEqual(dashboard);
    expect(json.statistics.total.partnerships).toBe(4);
  });
});

describe('DOCX report', () => {
  const readDocx = async (file: string) => {
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    const pngs = await Promise.all(
      media.map(async (name) => (await zip.file(name)?.async('nodebuffer')) ?? Buffer.alloc(0)),
    );
    return { text, media, pngs };
  };

  it('for the whole country: title, filter, tables and three charts as PNG', async () => {
    const file = await exportAs('docx');
    const { text, media, pngs } = await readDocx(file);
    expect(text).toContain('Partnerství obcí: statistiky');
    expect(text).toContain('Stav ke dni 15. června 2025');
    expect(text).toContain('Filtr: Rok zahájení: kdykoli');
    // The region table's columns on a portrait page, the last two those of activity and ending.
    expect(text).toMatch(
      /\|Kraj\|Obce\|S aktivním partnerstvím\|Podíl s aktivním\|Partnerství\|Na 10.000 obyv\.\|Bez aktivity \(3\)\|Končí do 12 měs\.\|Hlavní město Praha\|/,
    );
    for (const cell of ['Jihočeský kraj', 'Jihomoravský kraj', 'Německo', 'kultura', 'rozpočet obce', 'Souhrn']) {
      expect(text, cell).toContain(cell);
    }
    expect(media).toHaveLength(3);
    for (const png of pngs) expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('for one region: its districts instead of the regions', async () => {
    const file = await exportAs('docx', { region: 'CZ031' }, 'en');
    const { text, media } = await readDocx(file);
    expect(path.basename(file)).toBe('statistics-Jihocesky-kraj.docx');
    expect(text).toContain('Town twinning: Jihočeský kraj');
    expect(text).toContain('Český Krumlov');
    expect(text).not.toContain('Jihomoravský kraj');
    expect(media).toHaveLength(3);
  });
});

describe('charts', () => {
  it('draw the per-year chart over every year the filter names, as the tables list them', async () => {
    const stats = await ok<Statistics>(
      app.dispatch('stats:compute', { filter: { today: FIXTURE_TODAY, fromYear: 1950, toYear: 2030 } }),
    );
    const known = stats.years.flatMap((y) => (y.year === null ? [] : [y.year]));
    expect(Math.min(...known)).toBeGreaterThan(1950);
    const perYear = reportCharts(stats, 'cs').find((chart) => chart.id === 'per-year');
    // The axis ran from the first year with a new partnership to the last (1991–2004 for 1990–2005).
    expect(perYear?.svg).toContain('>1950<');
    expect(perYear?.svg).toContain('>2030<');
  });

  it('render Czech diacritics with a real glyph (not a missing-glyph box, not the plain letter)', () => {
    const render = (label: string) => svgToPng(stackedBarSvg('Š', [{ label, values: [1] }], ['x'], ['#000']), 1);
    const accented = render('ŽŠČŘĎŤŇ ěščřžýáíéůú');
    const plain = render('ZSCRDTN escrzyaieuu');
    const missing = render(
      '\uE000\uE001\uE002\uE003\uE004\uE005\uE006 \uE007\uE008\uE009\uE00A\uE00B\uE00C\uE00D\uE00E\uE00F\uE010\uE011',
    );
    expect(accented.png.equals(plain.png)).toBe(false);
    expect(accented.png.equals(missing.png)).toBe(false);
  });
});

describe('region boundaries for the choropleth', () => {
  it('reads the real TopoJSON of the regions (from ../shared/data) chosen in the open dialog', async (context) => {
    if (!existsSync(boundaryFile)) {
      console.log(`skipped: ${boundaryFile} is absent`);
      context.skip();
    }
    openFile = boundaryFile;
    const boundaries = await ok<Boundaries>(app.dispatch('map:loadBoundaries', {}));
    expect(boundaries.regions).toHaveLength(14);
    expect(boundaries.regions.find((r) => r.code === 'CZ031')?.name).toBe('Jihočeský kraj');
  });

  it('refuses a file that is not GeoJSON with a clear message', async () => {
    openFile = path.join(import.meta.dirname, 'stats-export.test.ts');
    const result = await app.dispatch('map:loadBoundaries', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'stats.boundaries.notJson' } });
  });

  it('answers null when the user cancels', async () => {
    openFile = null;
    expect(await ok(app.dispatch('map:loadBoundaries', {}))).toBeNull();
  });
});
