import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createFolderDialogs } from '../../../electron/cli/web-dialogs';
import { writeXlsx } from '../../../electron/core/services/export/spreadsheet-writers';
import type { Statistics } from '../../../shared/domain/statistics';
import {
  buildStatsTables,
  populationNote,
  reportTitle,
  startUnknownNote,
} from '../../../shared/domain/statistics/tables';
import { translatePlural } from '../../../shared/i18n/index';
import { FIXTURE_TODAY, loadStatsFixture } from '../../support/stats-fixture';
import { createTestApp, ok, tempDir, type TestApp } from '../../support/temp-db';

/**
 * Walkthrough 23. Finding 1: a period leaves out the partnerships with no start year, and the
 * statistics say how many (the fixture's #6, Brno – Stuttgart, member, Jihomoravský kraj, formal,
 * proposed, has none). Finding 5: where partnerships per 10,000 inhabitants cannot be computed,
 * the reason is a visible note and in the files (Kaplice's population is made unknown here).
 * Finding 7: the statistics XLSX states its real time of writing and the report's title.
 */
let app: TestApp;
const outDir = tempDir('twinreg-stats-w23-');

beforeAll(async () => {
  app = await createTestApp({ dialogs: createFolderDialogs(outDir) });
  await loadStatsFixture(app.ctx.db.knex);
  await app.ctx.db.knex('municipalities').where('name', 'Kaplice').update({ population: null });
});
afterAll(() => app.cleanup());

const compute = (filter: Record<string, unknown>) =>
  ok<Statistics>(app.dispatch('stats:compute', { filter: { today: FIXTURE_TODAY, ...filter } }));
const exportAs = async (format: string, filter: Record<string, unknown>, language = 'cs') => {
  const result = await ok<{ filePath: string } | null>(
    app.dispatch('stats:export', { format, filter: { today: FIXTURE_TODAY, ...filter }, language }),
  );
  if (result === null) throw new Error('export was cancelled');
  return result.filePath;
};
const docxText = async (filePath: string): Promise<string> => {
  const docx = await JSZip.loadAsync(readFileSync(filePath));
  const xml = (await docx.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
};

const PERIOD = { fromYear: 1990, toYear: 2005 };
const CS_NOTE = 'Bez roku zahájení: 1 partnerství – do období nezapočteno';
const EN_NOTE = 'No start year: 1 partnership – not counted in the period';

describe('a period says how many partnerships it leaves out for having no start year (finding 1)', () => {
  it('counts them under the rest of the filter: territory, membership, type and status', async () => {
    const stats = await compute(PERIOD);
    // Members 1990–2005: Orvieto 2001, Llandovery 1995 (Kraków 2005 is a non-member's).
    expect(stats.total.partnerships).toBe(2);
    expect(stats.startUnknown).toBe(1);
    expect(startUnknownNote(stats, 'cs')).toBe(CS_NOTE);
    expect(startUnknownNote(stats, 'en')).toBe(EN_NOTE);
    expect((await compute({ ...PERIOD, region: 'CZ064' })).startUnknown).toBe(1);
    expect((await compute({ ...PERIOD, region: 'CZ031' })).startUnknown).toBe(0);
    expect((await compute({ ...PERIOD, membership: 'nonMembers' })).startUnknown).toBe(0);
    expect((await compute({ ...PERIOD, membership: 'all' })).startUnknown).toBe(1);
    expect((await compute({ ...PERIOD, types: ['friendship'] })).startUnknown).toBe(0);
    expect((await compute({ ...PERIOD, statuses: ['active'] })).startUnknown).toBe(0);
    expect((await compute({ fromYear: 2000 })).startUnknown).toBe(1);
    expect((await compute({ toYear: 1990 })).startUnknown).toBe(1);
    // Without a period nothing is left out for its year (the undated are counted, year "neuvedeno").
    const all = await compute({});
    expect(all.startUnknown ?? null).toBeNull();
    expect(startUnknownNote(all, 'cs')).toBeNull();
    expect(all.years.find((y) => y.year === null)?.count).toBe(1);
  });

  it('is in the filter line of every sheet and CSV and in the DOCX report, in both languages', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportAs('xlsx', PERIOD));
    expect(workbook.worksheets.length).toBeGreaterThan(5);
    for (const sheet of workbook.worksheets) expect(sheet.getCell('A2').text, sheet.name).toContain(CS_NOTE);

    const zip = await JSZip.loadAsync(readFileSync(await exportAs('csv', PERIOD, 'en')));
    const names = Object.keys(zip.files);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const first = ((await zip.file(name)?.async('string')) ?? '').replace(/^\uFEFF/, '').split('\r\n')[0];
      expect(first, name).toContain(EN_NOTE);
    }

    expect(await docxText(await exportAs('docx', PERIOD))).toContain(CS_NOTE);
    expect(await docxText(await exportAs('docx', PERIOD, 'en'))).toContain(EN_NOTE);
    // Without a period, no such line.
    expect(await docxText(await exportAs('docx', {}))).not.toContain('Bez roku zahájení');
  });
});

describe('per 10,000 inhabitants that cannot be computed says why, visibly (finding 5)', () => {
  it('notes the municipalities whose population is not recorded, and only where it matters', async () => {
    const south = await compute({ region: 'CZ031' });
    expect(south.total.per10k).toBeNull();
    expect(populationNote(south.total, 'cs')).toBe('počet obyvatel neuveden u 1 z 4 obcí');
    expect(populationNote(south.total, 'en')).toBe('population not recorded for 1 of 4 municipalities');
    const brno = await compute({ region: 'CZ064' });
    expect(brno.total.per10k).not.toBeNull();
    expect(populationNote(brno.total, 'cs')).toBeNull();

    const notes = (stats: Statistics, id: string) =>
      buildStatsTables(stats, 'cs').find((table) => table.id === id)?.notes ?? [];
    expect(notes(south, 'districts').join(' ')).toContain('Počet obyvatel neuveden u 1 z 4 obcí.');
    expect(notes(south, 'districts').join(' ')).toContain('„Na 10\u00a0000 obyv.“');
    // Český Krumlov's okres lacks Kaplice's population; Jihomoravský kraj's tables need no note.
    expect(notes(brno, 'districts').join(' ')).not.toContain('obyvatel');
  });

  it('is in the XLSX under the table and beside the figure in the DOCX', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportAs('xlsx', { region: 'CZ031' }));
    const sheet = workbook.worksheets.find((each) => each.getCell('A1').text === 'Okresy');
    if (!sheet) throw new Error('no sheet of districts');
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(row.getCell(1).text));
    expect(texts.join('\n')).toContain('Počet obyvatel neuveden u 1 z 4 obcí.');
    expect(await docxText(await exportAs('docx', { region: 'CZ031' }))).toContain(
      '–; počet obyvatel neuveden u 1 z 4 obcí',
    );
  });
});

describe('the statistics XLSX states when it was written and what it holds (finding 7)', () => {
  it('has the real time of writing and the report title', async () => {
    const before = Date.now();
    const filePath = await exportAs('xlsx', { ...PERIOD, region: 'CZ064' });
    const after = Date.now();
    const zip = await JSZip.loadAsync(readFileSync(filePath));
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    const stamp = (tag: string) => Date.parse(core.match(new RegExp(`<${tag}[^>]*>([^<]+)</${tag}>`))?.[1] ?? '');
    for (const tag of ['dcterms:created', 'dcterms:modified']) {
      // Whole seconds in the file.
      expect(stamp(tag), tag).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(stamp(tag), tag).toBeLessThanOrEqual(after);
    }
    const stats = await compute({ ...PERIOD, region: 'CZ064' });
    expect(reportTitle(stats, 'cs')).toBe('Partnerství obcí: Jihomoravský kraj, 1990–2005');
    expect(core).toContain('<dc:title>Partnerství obcí: Jihomoravský kraj, 1990–2005</dc:title>');
  });
});

describe('a grid’s XLSX states when it was written and what it holds (finding 7)', () => {
  it('has the real time of writing and the grid’s name as its title', async () => {
    const file = path.join(outDir, 'grid.xlsx');
    const before = Date.now();
    await writeXlsx(
      file,
      { name: 'Partnerství', columns: [{ header: 'Obec', kind: 'text' }], rows: [['Tábor']] },
      'cs',
    );
    const after = Date.now();
    const core = (await (await JSZip.loadAsync(readFileSync(file))).file('docProps/core.xml')?.async('string')) ?? '';
    expect(core).toContain('<dc:title>Partnerství</dc:title>');
    for (const tag of ['dcterms:created', 'dcterms:modified']) {
      const stamp = Date.parse(core.match(new RegExp(`<${tag}[^>]*>([^<]+)</${tag}>`))?.[1] ?? '');
      expect(stamp, tag).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(stamp, tag).toBeLessThanOrEqual(after);
    }
  });
});

describe('the batch result says its counts in their plural forms (finding 10)', () => {
  it('in Czech and English', () => {
    const params = { folder: '/tmp/x', failed: 0 };
    expect(translatePlural('cs', 'agreements.batch.done', 1, params)).toBe(
      'Hotovo: 1 návrh ve složce /tmp/x, chyb: 0.',
    );
    expect(translatePlural('cs', 'agreements.batch.done', 4, params)).toBe(
      'Hotovo: 4 návrhy ve složce /tmp/x, chyb: 0.',
    );
    expect(translatePlural('cs', 'agreements.batch.done', 5, params)).toBe(
      'Hotovo: 5 návrhů ve složce /tmp/x, chyb: 0.',
    );
    expect(translatePlural('en', 'agreements.batch.done', 1, params)).toBe('Done: 1 draft in /tmp/x, errors: 0.');
    expect(translatePlural('cs', 'agreements.batch.cancelled', 1)).toBe('Zastaveno po 1 návrhu.');
    expect(translatePlural('cs', 'agreements.batch.cancelled', 3)).toBe('Zastaveno po 3 návrzích.');
    expect(translatePlural('en', 'agreements.batch.cancelled', 1)).toBe('Stopped after 1 draft.');
    expect(translatePlural('en', 'agreements.batch.cancelled', 2)).toBe('Stopped after 2 drafts.');
  });
});
