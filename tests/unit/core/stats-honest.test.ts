import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderDialogs } from '../../../electron/cli/web-dialogs';
import { tableToCsv } from '../../../electron/core/services/statistics/stats-csv';
import type { Statistics } from '../../../shared/domain/statistics';
import {
  buildStatsTables,
  decadeLabel,
  figureNote,
  knownFigure,
  regionRowName,
  statusNote,
} from '../../../shared/domain/statistics/tables';
import { FIXTURE_TODAY, loadStatsFixture } from '../../support/stats-fixture';
import { createTestApp, ok, tempDir, type TestApp } from '../../support/temp-db';

/**
 * Walkthrough 17: figures that depend on a status nobody stated are not given as 0 (finding 3),
 * a decade cut by the years of the filter is named by those years (4), a kraj's row under an
 * okres filter is named by what it counts (5), and the English CSV is one English Excel reads (10).
 *
 * The fixture (see stats-fixture.ts) with the status of Brno's three partnerships (#5, #6, #8,
 * Jihomoravský kraj) made "not stated", as an import of a source that gives no status leaves it.
 */
let app: TestApp;
const outDir = tempDir('twinreg-stats-honest-');

beforeAll(async () => {
  app = await createTestApp({ dialogs: createFolderDialogs(outDir) });
  await loadStatsFixture(app.ctx.db.knex);
  const brno = app.ctx.db.knex('municipalities').where('name', 'Brno').select('id');
  await app.ctx.db.knex('partnerships').whereIn('municipality_id', brno).update({ status: 'unknown' });
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
const docxText = async (file: string) => {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
};
const csvOf = async (file: string, name: string) => {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const text = await zip.file(name)?.async('string');
  if (text === undefined) throw new Error(`no ${name} in ${Object.keys(zip.files).join(', ')}`);
  return text.replace(/^\uFEFF/, '').split('\r\n');
};

describe('figures that depend on a status nobody stated (finding 3)', () => {
  it('are not found out ("–") where no counted partnership has a status, and say so', async () => {
    const stats = await compute({ region: 'CZ064' });
    // The data keep the counts (the grid a figure opens shows exactly its rows) …
    expect(stats.total).toMatchObject({ partnerships: 3, withActive: 0, dormant: 0, expiring: 0 });
    expect(stats.total.byStatus.unknown).toBe(3);
    // … what is stated of them is "not known", with the reason.
    for (const figure of ['withActive', 'activeShare', 'dormant', 'expiring'] as const)
      expect(knownFigure(stats.total, figure), figure).toBeNull();
    expect(statusNote(stats.total, 'cs')).toBe('stav neuveden u 3 z 3 partnerství');
    expect(statusNote(stats.total, 'en')).toBe('status not stated for 3 of 3 partnerships');
  });

  it('keep their counts where some statuses are stated, with the note beside them', async () => {
    const stats = await compute({});
    expect(knownFigure(stats.total, 'withActive')).toBe(stats.total.withActive);
    expect(stats.total.withActive).toBeGreaterThan(0);
    expect(statusNote(stats.total, 'cs')).toBe('stav neuveden u 3 z 7 partnerství');
    // Every status stated: no note.
    const south = await compute({ region: 'CZ031' });
    expect(statusNote(south.total, 'cs')).toBeNull();
    expect(knownFigure(south.total, 'withActive')).toBe(1);
  });

  it('are empty in the XLSX, with a note under the table, and the country beside them', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportAs('xlsx', { region: 'CZ064' }));
    const comparison = workbook.getWorksheet('Srovnání s celým Českem');
    if (!comparison) throw new Error('no comparison sheet');
    expect(comparison.getCell('A4').value).toBe('Jihomoravský kraj');
    expect(comparison.getCell('B4').value).toBe(1); // municipalities: a fact
    expect(comparison.getCell('C4').value).toBeNull(); // with an active partnership: not known
    expect(comparison.getCell('D4').value).toBeNull(); // its share
    expect(comparison.getCell('F4').value).toBe(3); // partnerships: a fact
    // The whole country has statuses for 4 of its 7: its figures stand (Tábor's active ones).
    expect(comparison.getCell('C5').value).toBe(1);
    const note = comparison.getCell('A7').text;
    expect(note).toContain('Stav neuveden u 3 z 3 partnerství.');
    expect(note).toContain('„S aktivním partnerstvím“');
    expect(note).toContain('„Stav: neuvedeno“');
    expect(note).toContain('není to 0');
    const districts = workbook.getWorksheet('Okresy');
    expect(districts?.getCell('B4').value).toBe('Brno-město');
    expect(districts?.getCell('E4').value).toBeNull();
    expect(districts?.getCell('A6').text).toContain('Stav neuveden u 3 z 3 partnerství.');
  });

  it('are "–" in the DOCX summary with the note beside them, in both languages', async () => {
    const cs = await docxText(await exportAs('docx', { region: 'CZ064' }));
    expect(cs).toContain('|S aktivním partnerstvím|–; stav neuveden u 3 z 3 partnerství|');
    expect(cs).toMatch(/\|Bez aktivity déle než 3 roky\|–; stav neuveden u 3 z 3 partnerství\|/);
    expect(cs).toContain('|Smlouvy končící do 12 měsíců|–; stav neuveden u 3 z 3 partnerství|');
    // The okres table has the count of unstated statuses beside the figures, and the note under it.
    expect(cs).toContain('|Stav: neuvedeno|');
    expect(cs).toContain('Stav neuveden u 3 z 3 partnerství. Údaje');
    const en = await docxText(await exportAs('docx', { region: 'CZ064' }, 'en'));
    expect(en).toContain('|With an active partnership|–; status not stated for 3 of 3 partnerships|');
    // The country: some stated, so a count with the note.
    expect(en).toContain('|1 (20.0%); status not stated for 3 of 7 partnerships|');
  });

  it('are empty in the CSV, with the note after the table', async () => {
    const lines = await csvOf(await exportAs('csv', { region: 'CZ064' }), '01-Srovnani-s-celym-Ceskem.csv');
    expect(lines[2]?.split(';').slice(0, 6)).toEqual(['Jihomoravský kraj', '1', '', '', '380000', '3']);
    expect(lines[4]).toBe('');
    expect(lines[5]).toContain('Stav neuveden u 3 z 3 partnerství.');
  });
});

describe('decades cut by the years of the filter (finding 4)', () => {
  it('are named by the years counted', async () => {
    expect(decadeLabel(2000, { fromYear: 1990, toYear: 2005 })).toBe('2000–2005');
    expect(decadeLabel(1990, { fromYear: 1993, toYear: 2005 })).toBe('1993–1999');
    expect(decadeLabel(1990, { fromYear: null, toYear: null })).toBe('1990–1999');
    expect(decadeLabel(2000, { fromYear: 2005, toYear: 2005 })).toBe('2005');
    const stats = await compute({ fromYear: 1990, toYear: 2005 });
    const decades = buildStatsTables(stats, 'en').find((t) => t.id === 'decades');
    expect(decades?.rows).toEqual([
      ['1990–1999', 1],
      ['2000–2005', 1],
    ]);
    const lines = await csvOf(await exportAs('csv', { fromYear: 1990, toYear: 2005 }), '05-Podle-desetileti.csv');
    expect(lines.slice(2, 4)).toEqual(['1990–1999;1', '2000–2005;1']);
    const docx = await docxText(await exportAs('docx', { fromYear: 1990, toYear: 2005 }));
    expect(docx).toContain('|2000–2005|1|');
    expect(docx).not.toContain('2000–2009');
  });
});

describe('a kraj under an okres or ORP filter (finding 5)', () => {
  it('is named by the okres it counts, in the tables of kraje and of kraje × countries', async () => {
    const stats = await compute({ region: 'CZ031', districts: ['CZ0317'] });
    const tables = buildStatsTables(stats, 'cs');
    const regions = tables.find((t) => t.id === 'regions');
    expect(regions?.rows[0]?.slice(0, 3)).toEqual(['Jihočeský kraj › okres Tábor', 'CZ031', 2]);
    const matrix = tables.find((t) => t.id === 'matrix');
    expect(matrix?.rows[0]?.[0]).toBe('Jihočeský kraj › okres Tábor');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportAs('xlsx', { districts: ['CZ0317'] }, 'en'));
    expect(workbook.getWorksheet('Regions')?.getCell('A4').value).toBe('Jihočeský kraj › Tábor district');
    // A kraj chosen as a whole keeps its name.
    const whole = await compute({ region: 'CZ031' });
    expect(regionRowName(whole.regions[0] ?? { code: null, name: '' }, whole.territory, 'cs')).toBe('Jihočeský kraj');
  });
});

describe('the English CSV (finding 10)', () => {
  it('is one English Excel reads: commas between cells, a decimal point, text with a comma quoted', async () => {
    const lines = await csvOf(await exportAs('csv', { fromYear: 1990, toYear: 2005 }, 'en'), '01-Regions.csv');
    expect(lines[0]).toMatch(/^Filter: Start year: 1990–2005 · Type: all · /);
    expect(lines[1]?.split(',').slice(0, 5)).toEqual([
      'Region',
      'Code',
      'Municipalities',
      'With an active partnership',
      'Share with active (%)',
    ]);
    // Jihočeský kraj: 4 municipalities, 0 with an active partnership in those years … 0.33 per 10,000.
    expect(lines[3]?.split(',').slice(0, 8)).toEqual(['Jihočeský kraj', 'CZ031', '4', '1', '25', '60000', '2', '0.33']);
    const csv = tableToCsv(
      {
        id: 'x',
        title: 'x',
        columns: [
          { header: 'Name', kind: 'text' },
          { header: 'N', kind: 'decimal' },
        ],
        rows: [
          ['a, b', 0.5],
          ['=1,2', 1.25],
        ],
      },
      'en',
      'F',
    );
    expect(csv.slice(1).split('\r\n').slice(2, 4)).toEqual(['"a, b",0.50', `"'=1,2",1.25`]);
  });
});

describe('agreements ending, where no term is stated (walkthrough 19 finding 17)', () => {
  it('are "–" with the term named as the reason, on screen, in the XLSX and the DOCX', async () => {
    const knex = app.ctx.db.knex;
    // Jihočeský kraj: every status stated; its partnerships' terms made "not stated", as an import leaves them.
    const south = knex('municipalities as m')
      .join('regions as r', 'r.id', 'm.region_id')
      .where('r.code', 'CZ031')
      .select('m.id');
    const kept = await knex('partnerships')
      .whereIn('municipality_id', south)
      .select<{ id: number; term_kind: string; term_until: string | null }[]>('id', 'term_kind', 'term_until');
    // Through the app, as a change the figures' cache sees.
    const setTerm = async (id: number, termKind: string, termUntil: string | null) => {
      const { version } = await knex('partnerships').where({ id }).first<{ version: number }>('version');
      await ok(app.dispatch('partnerships:update', { id, version, changes: { termKind, termUntil } }));
    };
    for (const row of kept) await setTerm(row.id, 'unknown', null);
    try {
      const stats = await compute({ region: 'CZ031' });
      // Those that could end (not ended) state no term.
      const open = stats.total.partnerships - stats.total.byStatus.ended;
      expect(open).toBeGreaterThan(0);
      expect(stats.total.termUnknown).toBe(open);
      expect(stats.total.expiring).toBe(0);
      expect(knownFigure(stats.total, 'expiring')).toBeNull();
      // The other status figures stand: the statuses are stated.
      expect(knownFigure(stats.total, 'withActive')).toBe(stats.total.withActive);
      const n = String(open);
      expect(figureNote(stats.total, 'expiring', 'cs')).toBe(
        `platnost neuvedena u ${n} z ${n} neukončených partnerství`,
      );
      expect(figureNote(stats.total, 'expiring', 'en')).toMatch(
        new RegExp(`^term not stated for ${n} of ${n} partnerships? not ended$`),
      );
      // Only ended partnerships counted (a status filter): none can end, 0 is certain.
      const ended = await compute({ region: 'CZ031', statuses: ['ended'] });
      expect(ended.total.partnerships).toBeGreaterThan(0);
      expect(knownFigure(ended.total, 'expiring')).toBe(0);
      expect(figureNote(stats.total, 'dormant', 'cs')).toBeNull();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await exportAs('xlsx', { region: 'CZ031' }));
      const comparison = workbook.getWorksheet('Srovnání s celým Českem');
      const notes = [6, 7, 8].map((row) => comparison?.getCell(`A${String(row)}`).text ?? '').join(' ');
      expect(notes).toContain(`Platnost neuvedena u ${n} z ${n} neukončených partnerství.`);
      expect(notes).toContain('počítá jen smlouvy s uvedenou platností na dobu určitou');
      const docx = await docxText(await exportAs('docx', { region: 'CZ031' }));
      expect(docx).toContain(`–; platnost neuvedena u ${n} z ${n} neukončených partnerství`);
    } finally {
      for (const row of kept)
        await knex('partnerships')
          .where({ id: row.id })
          .update({ term_kind: row.term_kind, term_until: row.term_until });
    }
  });
});
