import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { csvText, neutraliseFormula, toCsv } from '../../../electron/core/services/export/spreadsheet-writers';
import { readSourceBytes } from '../../../electron/core/services/import/read-file';
import { createFolderDialogs } from '../../../electron/cli/web-dialogs';
import { createTestApp, ok, tempDir, type TestApp } from '../../support/temp-db';

const HOSTILE_NOTE = '=HYPERLINK("http://x")';

/** Reads a CSV with quotes back into rows (the test's own small parser; semicolons unless told). */
function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

describe('export of a grid view to CSV and XLSX', () => {
  let app: TestApp;
  let outDir: string;
  beforeEach(async () => {
    outDir = tempDir('twinreg-export-');
    app = await createTestApp({ demo: true, dialogs: createFolderDialogs(outDir) });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('neutralises formulas but keeps ordinary text', () => {
    for (const text of ['=1+1', '+420 123', '-5', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula('Plzeň')).toBe('Plzeň');
    const csv = toCsv(
      {
        name: 'x',
        columns: [
          { header: 'A', kind: 'text' },
          { header: 'N', kind: 'number' },
        ],
        rows: [['a;"b"\nc', -5]],
      },
      'cs',
    );
    expect(csv).toBe('\uFEFFA;N\r\n"a;""b""\nc";-5\r\n');
  });

  it('an export is a job: it reports its progress, and cancelled it leaves no file', async () => {
    const rows = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    // 5,000 rows (the ids repeated): the writer reports every 2,000.
    const rowIds = Array.from({ length: 5000 }, (_, index) => rows[index % rows.length]?.id ?? 0);
    const seen: { jobId: string; phase: string; done: number; total: number }[] = [];
    app.ctx.emit = (event, payload) => {
      if (event === 'job:progress') seen.push(payload as (typeof seen)[number]);
    };
    const input = { grid: 'partnerships', rowIds, columns: ['municipalityName', 'townName'], language: 'cs' } as const;
    const done = await ok<{ filePath: string; rows: number }>(
      app.dispatch('export:grid', { ...input, format: 'xlsx', jobId: 'export-1' }),
    );
    expect(done.rows).toBe(5000);
    expect(seen.filter((p) => p.jobId === 'export-1').map((p) => [p.phase, p.done, p.total])).toEqual([
      ['export', 0, 5000],
      ['export', 2000, 5000],
      ['export', 4000, 5000],
      ['export', 5000, 5000],
    ]);

    const before = readdirSync(outDir).sort();
    app.ctx.emit = (event, payload) => {
      if (event === 'job:progress' && (payload as { done: number }).done === 2000)
        void app.dispatch('jobs:cancel', { jobId: 'export-2' });
    };
    const cancelled = await app.dispatch('export:grid', { ...input, format: 'csv', jobId: 'export-2' });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    // Neither the file nor its temporary sibling is left behind.
    expect(readdirSync(outDir).sort()).toEqual(before);
    expect(await app.dispatch('jobs:cancel', { jobId: 'export-2' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('writes the rows in the grid order and the visible columns; CSV with BOM, semicolons, CRLF; hostile text neutralised', async () => {
    const rows = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    const target = rows.find((r) => r.townName === 'Konstanz');
    if (!target) throw new Error('Konstanz missing');
    const town = { name: HOSTILE_NOTE, countryCode: 'DE' };
    const hostile = await ok<PartnershipRow>(
      app.dispatch('partnerships:create', {
        municipalityId: target.municipalityId,
        type: 'informal',
        status: 'proposed',
        town,
        startedOn: '2024-03-05',
      }),
    );
    const order = [hostile.id, target.id];
    const result = await ok<{ filePath: string; rows: number }>(
      app.dispatch('export:grid', {
        grid: 'partnerships',
        format: 'csv',
        rowIds: order,
        columns: ['municipalityName', 'townName', 'country', 'startedOn', 'townPopulation', 'areas', 'nonsense'],
        language: 'cs',
      }),
    );
    expect(path.dirname(result.filePath)).toBe(outDir);
    expect(result.rows).toBe(2);
    const buffer = readFileSync(result.filePath);
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buffer.toString('utf8').slice(1);
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const parsed = parseCsv(text);
    expect(parsed[0]).toEqual([
      'Obec',
      'Partnerské město',
      'Stát',
      'Zahájeno',
      'Obyvatel partnera',
      'Oblasti spolupráce',
    ]);
    expect(parsed[1]).toEqual([hostile.municipalityName, `'${HOSTILE_NOTE}`, 'Německo', '5.3.2024', '', '']);
    expect(parsed[2]).toEqual([
      'Tábor',
      'Konstanz',
      'Německo',
      // The demo states only the year: it stays a year, never "1. 1. 1984".
      '1984',
      '86000',
      'kultura, školství a vzdělávání, cestovní ruch, historie a památky',
    ]);
  });

  it('XLSX: numbers as numbers, dates as dates, frozen bold header, autofilter, English headers', async () => {
    const rows = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    const ids = rows
      .slice(0, 5)
      .map((r) => r.id)
      .reverse();
    const { filePath } = await ok<{ filePath: string }>(
      app.dispatch('export:grid', {
        grid: 'partnerships',
        format: 'xlsx',
        rowIds: ids,
        columns: ['townName', 'townPopulation', 'startedOn', 'status'],
        language: 'en',
      }),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(filePath);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(1).values).toEqual([undefined, 'Partner town', 'Partner population', 'Started', 'Status']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(6);
    const expected = ids.map((id) => rows.find((r) => r.id === id));
    expected.forEach((row, index) => {
      const cells = sheet.getRow(index + 2);
      expect(cells.getCell(1).value).toBe(row?.townName);
      if (row?.townPopulation !== null) expect(cells.getCell(2).value).toBe(row?.townPopulation);
      if (row?.startedOn && row.startedOn.length === 10) {
        const value = cells.getCell(3).value;
        expect(value).toBeInstanceOf(Date);
        expect((value as Date).toISOString().slice(0, 10)).toBe(row.startedOn);
      } else if (row?.startedOn) {
        // A bare year is text: a number under the date format would read as a day in 1905.
        expect(cells.getCell(3).value).toBe(row.startedOn);
      }
    });
    expect(expected.some((row) => row?.startedOn?.length === 4)).toBe(true);
    expect(typeof sheet.getRow(2).getCell(2).value === 'number' || sheet.getRow(2).getCell(2).value === null).toBe(
      true,
    );
  });

  it('XLSX keeps hostile text as text: formulas neutralised, markup and NFD Czech literal', async () => {
    const [first] = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    if (!first) throw new Error('no rows');
    const nfd = 'Plzen\u030c '.repeat(33).trim();
    const hostile = await ok<PartnershipRow>(
      app.dispatch('partnerships:create', {
        municipalityId: first.municipalityId,
        type: 'informal',
        status: 'proposed',
        town: { name: '<img src=x onerror=alert(1)>', nameCs: HOSTILE_NOTE, countryCode: 'AT', adminRegion: nfd },
      }),
    );
    const { filePath } = await ok<{ filePath: string }>(
      app.dispatch('export:grid', {
        grid: 'partnerships',
        format: 'xlsx',
        rowIds: [hostile.id],
        columns: ['townName', 'townNameCs', 'townAdminRegion'],
        language: 'cs',
      }),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(filePath);
    const cells = workbook.worksheets[0]?.getRow(2);
    expect(cells?.getCell(1).value).toBe('<img src=x onerror=alert(1)>');
    // A string cell is text to Excel: no apostrophe shows in it, and it is never a formula.
    expect(cells?.getCell(2).value).toBe(HOSTILE_NOTE);
    expect(cells?.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(cells?.getCell(2).formula).toBeUndefined();
    const zip = await JSZip.loadAsync(readFileSync(filePath));
    expect(await zip.file('xl/worksheets/sheet1.xml')?.async('string')).not.toContain('<f>');
    expect(cells?.getCell(3).value).toBe(nfd.normalize('NFC'));
    expect(cells?.getCell(3).text).toContain('Plzeň');
  });

  it('never writes a character a spreadsheet cannot hold; the gate refuses text that is not text', async () => {
    const [first] = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    if (!first) throw new Error('no rows');
    const lone = await app.dispatch('partnerships:create', {
      municipalityId: first.municipalityId,
      type: 'informal',
      status: 'proposed',
      town: { name: 'Bad \uD800 town', countryCode: 'AT' },
    });
    expect(lone).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const nonCharacter = await app.dispatch('partnerships:create', {
      municipalityId: first.municipalityId,
      type: 'informal',
      status: 'proposed',
      town: { name: 'Bad \uFFFE town', countryCode: 'AT' },
    });
    expect(nonCharacter).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    // A control character that an older version or another tool stored is left out of the file.
    const row = await ok<PartnershipRow>(
      app.dispatch('partnerships:create', {
        municipalityId: first.municipalityId,
        type: 'informal',
        status: 'proposed',
        town: { name: 'Bell\u0007 town', nameCs: 'Zvon\u001b město', countryCode: 'AT' },
      }),
    );
    const xlsx = await ok<{ filePath: string }>(
      app.dispatch('export:grid', {
        grid: 'partnerships',
        format: 'xlsx',
        rowIds: [row.id],
        columns: ['townName', 'townNameCs'],
        language: 'cs',
      }),
    );
    const zip = await JSZip.loadAsync(readFileSync(xlsx.filePath));
    const sheetXml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the strict validator the other XML tests use (fast-xml-validator is not installed)
    expect(XMLValidator.validate(sheetXml)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.filePath);
    expect(workbook.worksheets[0]?.getRow(2).getCell(1).value).toBe('Bell town');
    const csv = await ok<{ filePath: string }>(
      app.dispatch('export:grid', {
        grid: 'partnerships',
        format: 'csv',
        rowIds: [row.id],
        columns: ['townName', 'townNameCs'],
        language: 'cs',
      }),
    );
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(readFileSync(csv.filePath, 'utf8')).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('exports members too, and a closed dialog is CANCELLED', async () => {
    const members = await ok<{ id: number; name: string }[]>(app.dispatch('municipalities:list', {}));
    const { filePath } = await ok<{ filePath: string }>(
      app.dispatch('export:grid', {
        grid: 'members',
        format: 'csv',
        rowIds: members.slice(0, 3).map((m) => m.id),
        columns: ['name', 'population'],
        language: 'en',
      }),
    );
    // In English for the Excel of an English locale: commas between the cells (semicolons were one
    // column there) and decimal points.
    const text = readFileSync(filePath, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFMunicipality,Population');
    const parsed = parseCsv(text.slice(1), ',');
    expect(parsed.map((r) => r[0])).toEqual(['Municipality', ...members.slice(0, 3).map((m) => m.name)]);

    // The columns the grid hides by default export too; coordinates as real decimals.
    const withCoordinates = members.find((m) => (m as { latitude?: number | null }).latitude != null) as
      { id: number; latitude: number; ico: string | null; isMember: boolean } | undefined;
    if (!withCoordinates) throw new Error('demo members have coordinates');
    const xlsx = await ok<{ filePath: string }>(
      app.dispatch('export:grid', {
        grid: 'members',
        format: 'xlsx',
        rowIds: [withCoordinates.id],
        columns: ['latitude', 'ico', 'membership'],
        language: 'cs',
      }),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.filePath);
    const header = workbook.worksheets[0]?.getRow(1);
    const cells = workbook.worksheets[0]?.getRow(2);
    expect(header?.getCell(1).value).toBe('Zeměpisná šířka');
    expect(cells?.getCell(1).value).toBe(withCoordinates.latitude);
    expect(cells?.getCell(1).numFmt).toBe('0.000000');
    expect(cells?.getCell(2).value).toBe(withCoordinates.ico);
    expect(cells?.getCell(3).text).toMatch(/člen/);
    // IČO with a leading zero in the CSV as Excel keeps it (a plain 00253014 opens as 253014); the
    // app's own import reads the digits back.
    const zeroIco = members.find((m) => /^0/.test((m as { ico?: string | null }).ico ?? '')) as
      { id: number; ico: string } | undefined;
    if (!zeroIco) throw new Error('demo members have an IČO with a leading zero');
    const csv = await ok<{ filePath: string }>(
      app.dispatch('export:grid', {
        grid: 'members',
        format: 'csv',
        rowIds: [zeroIco.id],
        columns: ['code', 'ico'],
        language: 'cs',
      }),
    );
    const line = readFileSync(csv.filePath, 'utf8').split('\r\n')[1];
    expect(line).toMatch(new RegExp(`^\\d{6};="${zeroIco.ico}"$`));
    const readBack = await readSourceBytes(readFileSync(csv.filePath), 'obce.csv');
    expect(readBack.records.at(0)?.cells[1]).toBe(zeroIco.ico);
    expect(csvText('554782')).toBe('554782');
    expect(csvText('123456789012')).toBe('="123456789012"');
    const cancelled = await createTestApp({ demo: false });
    try {
      const result = await cancelled.dispatch('export:grid', {
        grid: 'members',
        format: 'csv',
        rowIds: [],
        columns: ['name'],
        language: 'cs',
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    } finally {
      await cancelled.cleanup();
    }
  });
});
